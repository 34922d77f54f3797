package chart

import (
	"math"
	"strings"
	"testing"
)

func TestSparklineDrawsEveryValueInOrderWithNoText(t *testing.T) {
	svg := string(SparklineSVG(Sparkline{Values: []float64{18, math.NaN(), 12, 6}, Min: 0, Max: 27, Label: "PHQ-9 <total>"}))
	if strings.Contains(svg, "<text") {
		t.Fatalf("a sparkline holds text: %s", svg)
	}
	if !strings.Contains(svg, "<title>PHQ-9 &lt;total&gt;, oldest first: 18, 12, 6</title>") {
		t.Fatalf("title missing, unescaped or wrong: %s", svg)
	}
	// 18, 12 and 6 of 27 across 96 x 24 with a 3-unit margin: y = 21 - v/27*18.
	if !strings.Contains(svg, `points="3,9 48,13 93,17"`) {
		t.Fatalf("the line does not join the three values left to right: %s", svg)
	}
	if !strings.Contains(svg, `cx="93" cy="17"`) {
		t.Fatalf("the latest value is not marked at the right end: %s", svg)
	}
}

func TestSparklineOfOneOrNoValue(t *testing.T) {
	one := string(SparklineSVG(Sparkline{Values: []float64{30}, Min: 0, Max: 10, Label: "x"}))
	if strings.Contains(one, "<polyline") || !strings.Contains(one, `cx="93" cy="3"`) {
		t.Fatalf("one value (above the scale): want a dot at the top right and no line: %s", one)
	}
	none := string(SparklineSVG(Sparkline{Min: 5, Max: 5, Label: "x"}))
	if strings.Contains(none, "<circle") || !strings.Contains(none, "nothing recorded yet") || strings.Contains(none, "NaN") {
		t.Fatalf("no values: %s", none)
	}
}
