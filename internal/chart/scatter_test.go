package chart

import (
	"strconv"
	"strings"
	"testing"
)

// TestScatterDrawsEachClientWithTheDiagonalCutOffAndBand: one circle per finite point at its
// first (x) and last (y) score, the diagonal from (0,0) to (max,max), the cut-off on both axes,
// the band of RCI either side of the diagonal, and escaped labels.
func TestScatterDrawsEachClientWithTheDiagonalCutOffAndBand(t *testing.T) {
	s := Scatter{ID: "outcome-phq9", Title: "PHQ-9 <first> & last", Max: 27, CutOff: 10, RCI: 6, Points: []ScatterPoint{
		{First: 18, Last: 6, Label: "SB-1001"}, {First: 8, Last: 16, Label: `<script>"x"`}, {First: 27, Last: 0, Label: "SB-3"}}}
	root := parse(t, string(ScatterSVG(s)))
	if root.name != "svg" || root.attrs["viewBox"] != "0 0 320 320" {
		t.Fatalf("root %s viewBox %q", root.name, root.attrs["viewBox"])
	}
	circles := root.all("circle")
	if len(circles) != 3 {
		t.Fatalf("%d circles, want 3", len(circles))
	}
	// Plot from x 48 to 306 and y 276 up to 14: a value v sits at 48 + 258 v/27 across, 276 - 262 v/27 up.
	xOf := func(v float64) float64 { return 48 + 258*v/27 }
	yOf := func(v float64) float64 { return 276 - 262*v/27 }
	for i, p := range s.Points {
		c := circles[i]
		if c.attrs["cx"] != num(xOf(p.First)) || c.attrs["cy"] != num(yOf(p.Last)) {
			t.Errorf("point %d at (%s, %s), want (%s, %s)", i, c.attrs["cx"], c.attrs["cy"], num(xOf(p.First)), num(yOf(p.Last)))
		}
	}
	var diag, cut int
	for _, l := range root.all("line") {
		switch l.attrs["class"] {
		case "scatter-diagonal":
			diag++
			if l.attrs["x1"] != "48" || l.attrs["y1"] != "276" || l.attrs["x2"] != "306" || l.attrs["y2"] != "14" {
				t.Errorf("diagonal %v", l.attrs)
			}
		case "scatter-cutoff":
			cut++
			if l.attrs["x1"] != num(xOf(10)) && l.attrs["y1"] != num(yOf(10)) {
				t.Errorf("cut-off line not at 10: %v", l.attrs)
			}
		}
	}
	if diag != 1 || cut != 2 {
		t.Errorf("diagonal lines %d (want 1), cut-off lines %d (want 2)", diag, cut)
	}
	band := root.all("polygon")
	want := strings.Join([]string{num(xOf(0)) + "," + num(yOf(0)), num(xOf(6)) + "," + num(yOf(0)), num(xOf(27)) + "," + num(yOf(21)),
		num(xOf(27)) + "," + num(yOf(27)), num(xOf(21)) + "," + num(yOf(27)), num(xOf(0)) + "," + num(yOf(6))}, " ")
	if len(band) != 1 || band[0].attrs["points"] != want {
		t.Errorf("band %v, want points %q", band, want)
	}
	out := string(ScatterSVG(s))
	if strings.Contains(out, "<script>") || !strings.Contains(out, "&lt;script&gt;") || !strings.Contains(out, "PHQ-9 &lt;first&gt; &amp; last") {
		t.Error("a label or the title was not escaped")
	}
}

// TestScatterTextIsLargeEnoughForAPhone: every text of the plot is at least 12 units in a
// viewBox 320 wide, so at a 390 px screen (a column of about 358 px) it draws at 12 px or more.
func TestScatterTextIsLargeEnoughForAPhone(t *testing.T) {
	root := parse(t, string(ScatterSVG(Scatter{ID: "x", Title: "t", Max: 21, CutOff: 8, RCI: 4, Points: []ScatterPoint{{First: 1, Last: 2}}})))
	size := 0
	var check func(n *node, inherited int)
	check = func(n *node, inherited int) {
		if fs, ok := n.attrs["font-size"]; ok {
			v, err := strconv.Atoi(fs)
			if err != nil {
				t.Fatalf("font-size %q", fs)
			}
			inherited = v
		}
		if n.name == "text" {
			size++
			if float64(inherited)*358/320 < 12 {
				t.Errorf("text %q at %d units draws under 12 px at 390 px", n.text, inherited)
			}
		}
		for _, c := range n.children {
			check(c, inherited)
		}
	}
	check(root, 0)
	if size == 0 {
		t.Fatal("no text checked")
	}
}
