package chart

import (
	"html/template"
	"math"
	"strconv"
	"strings"
)

// Sparkline is a word-sized chart: values in the order taken, on a fixed scale, with no text
// drawn, so the number it stands for goes beside it as HTML text.
type Sparkline struct {
	Values   []float64 // oldest first; NaN and infinite values are left out
	Min, Max float64   // the scale's ends (a questionnaire's 0 to its maximum)
	Label    string    // what it shows, in words, for screen readers
}

// Sparkline sizes in user units; the element is drawn at this size in CSS pixels.
const (
	sparkWidth  = 96.0
	sparkHeight = 24.0
	sparkPad    = 3.0
	sparkStroke = "#2f6f62" // the readings' teal, as on the full charts
	sparkBase   = "#d1d5db" // the scale's floor
)

// SparklineSVG renders the sparkline as a small inline <svg role="img"> whose title names it
// and lists its values; it holds no text element. All text is escaped.
func SparklineSVG(s Sparkline) template.HTML {
	var vals []float64
	for _, v := range s.Values {
		if !math.IsNaN(v) && !math.IsInf(v, 0) {
			vals = append(vals, v)
		}
	}
	lo, hi := s.Min, s.Max
	if !(hi > lo) { // a flat or inverted scale: centre the line
		lo, hi = lo-1, lo+1
	}
	y := func(v float64) float64 {
		v = math.Max(lo, math.Min(hi, v))
		return sparkHeight - sparkPad - (v-lo)/(hi-lo)*(sparkHeight-2*sparkPad)
	}
	x := func(i int) float64 {
		if len(vals) < 2 {
			return sparkWidth - sparkPad
		}
		return sparkPad + float64(i)/float64(len(vals)-1)*(sparkWidth-2*sparkPad)
	}
	w := &svgWriter{}
	w.open("svg", "xmlns", "http://www.w3.org/2000/svg", "viewBox", "0 0 "+num(sparkWidth)+" "+num(sparkHeight),
		"width", num(sparkWidth), "height", num(sparkHeight), "role", "img", "class", "sparkline", "focusable", "false")
	w.text("title", sparkTitle(s.Label, vals))
	w.empty("line", "x1", "0", "x2", num(sparkWidth), "y1", num(sparkHeight-sparkPad), "y2", num(sparkHeight-sparkPad),
		"stroke", sparkBase, "stroke-width", "1")
	if len(vals) > 1 {
		pts := make([]string, len(vals))
		for i, v := range vals {
			pts[i] = num(x(i)) + "," + num(y(v))
		}
		w.empty("polyline", "points", strings.Join(pts, " "), "fill", "none", "stroke", sparkStroke, "stroke-width", "1.5",
			"stroke-linejoin", "round", "stroke-linecap", "round")
	}
	if n := len(vals); n > 0 {
		w.empty("circle", "cx", num(x(n-1)), "cy", num(y(vals[n-1])), "r", "2.5", "fill", sparkStroke)
	}
	w.close("svg")
	// #nosec G203 -- svgWriter escapes every attribute value and text node.
	return template.HTML(w.String())
}

// sparkTitle names the sparkline and lists its values, or says there are none.
func sparkTitle(label string, vals []float64) string {
	if len(vals) == 0 {
		return label + ": nothing recorded yet"
	}
	words := make([]string, len(vals))
	for i, v := range vals {
		words[i] = strconv.FormatFloat(v, 'f', -1, 64)
	}
	return label + ", oldest first: " + strings.Join(words, ", ")
}
