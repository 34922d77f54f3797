package chart

import (
	"fmt"
	"html/template"
	"strconv"
)

// ScatterPoint is one client's first and last score.
type ScatterPoint struct {
	First, Last float64
	Label       string // shown in the point's tooltip, e.g. the client's code
}

// Scatter describes a Jacobson-Truax plot: first score across, last score up, the diagonal of
// no change, the clinical cut-off on both axes and the band of change smaller than the RCI.
type Scatter struct {
	ID     string // unique per page; sanitised like Spec.ID
	Title  string
	Max    float64 // both axes run from 0 to Max (a questionnaire's highest total)
	CutOff float64 // caseness: at or above is a clinical case
	RCI    float64 // the reliable-change index: a change smaller than this is within the band
	Points []ScatterPoint
}

// The scatter's viewBox is small and square, so its text stays legible on a phone: drawn
// 320 units wide in a column about 358 px wide at a 390 px screen, 13-unit text is over 14 px.
const (
	scatterSize   = 320
	scatterLeft   = 48
	scatterBottom = 44
	scatterPad    = 14
	scatterFont   = 13
	colourReliab  = "#dbeafe" // light blue: the band of no reliable change
)

// ScatterSVG renders the plot as an inline <svg>; every text is escaped.
func ScatterSVG(s Scatter) template.HTML {
	id := sanitiseID(s.ID)
	maxV := s.Max
	if !(maxV > 0) {
		maxV = 1
	}
	left, top := float64(scatterLeft), float64(scatterPad)
	right, bottom := float64(scatterSize-scatterPad), float64(scatterSize-scatterBottom)
	x := func(v float64) float64 { return left + (right-left)*scatterClamp(v/maxV) }
	y := func(v float64) float64 { return bottom - (bottom-top)*scatterClamp(v/maxV) }

	w := &svgWriter{}
	w.open("svg", "xmlns", "http://www.w3.org/2000/svg", "viewBox", "0 0 "+strconv.Itoa(scatterSize)+" "+strconv.Itoa(scatterSize),
		"role", "img", "aria-labelledby", id+"-title "+id+"-desc", "class", "chart chart-scatter", "preserveAspectRatio", "xMidYMid meet")
	w.text("title", s.Title, "id", id+"-title")
	w.text("desc", describeScatter(s), "id", id+"-desc")
	w.open("g", "font-family", "system-ui, -apple-system, 'Segoe UI', sans-serif", "font-size", strconv.Itoa(scatterFont), "fill", colourText)

	// The band of no reliable change around the diagonal, clipped to the square.
	r := min(s.RCI, maxV)
	band := [][2]float64{{0, 0}, {r, 0}, {maxV, maxV - r}, {maxV, maxV}, {maxV - r, maxV}, {0, r}}
	pts := ""
	for i, p := range band {
		if i > 0 {
			pts += " "
		}
		pts += num(x(p[0])) + "," + num(y(p[1]))
	}
	w.empty("polygon", "class", "scatter-band", "points", pts, "fill", colourReliab)
	w.empty("rect", "x", num(left), "y", num(top), "width", num(right-left), "height", num(bottom-top), "fill", "none", "stroke", colourAxis, "stroke-width", "1")

	// Ticks every five points on both axes.
	w.open("g", "class", "scatter-axes")
	for t := 0.0; t <= maxV; t += 5 {
		w.text("text", humanValue(t), "x", num(left-6), "y", num(y(t)+4), "text-anchor", "end")
		w.text("text", humanValue(t), "x", num(x(t)), "y", num(bottom+17), "text-anchor", "middle")
	}
	w.text("text", "first score", "x", num((left+right)/2), "y", num(bottom+36), "text-anchor", "middle")
	mid := num((top + bottom) / 2)
	w.text("text", "last score", "x", "14", "y", mid, "transform", "rotate(-90 14 "+mid+")", "text-anchor", "middle")
	w.close("g")

	w.empty("line", "class", "scatter-diagonal", "x1", num(x(0)), "y1", num(y(0)), "x2", num(x(maxV)), "y2", num(y(maxV)), "stroke", colourAxis, "stroke-width", "1.5")
	if s.CutOff > 0 && s.CutOff < maxV {
		dash := []string{"stroke", colourLine, "stroke-width", "1.5", "stroke-dasharray", "6 4"}
		w.empty("line", append([]string{"class", "scatter-cutoff", "x1", num(x(s.CutOff)), "y1", num(top), "x2", num(x(s.CutOff)), "y2", num(bottom)}, dash...)...)
		w.empty("line", append([]string{"class", "scatter-cutoff", "x1", num(left), "y1", num(y(s.CutOff)), "x2", num(right), "y2", num(y(s.CutOff))}, dash...)...)
		w.text("text", "cut-off "+humanValue(s.CutOff), "x", num(right-4), "y", num(y(s.CutOff)-5), "text-anchor", "end", "fill", colourLine)
	}

	w.open("g", "class", "chart-series")
	for _, p := range s.Points {
		if !finite(p.First) || !finite(p.Last) {
			continue
		}
		w.open("circle", "cx", num(x(p.First)), "cy", num(y(p.Last)), "r", "4.5", "fill", colourSeries, "fill-opacity", "0.8",
			"stroke", "#ffffff", "stroke-width", "1", "data-first", humanValue(p.First), "data-last", humanValue(p.Last))
		w.text("title", fmt.Sprintf("%s: first %s, last %s", p.Label, humanValue(p.First), humanValue(p.Last)))
		w.close("circle")
	}
	w.close("g")
	w.close("g")
	w.close("svg")
	// #nosec G203 -- svgWriter escapes every attribute value and text node.
	return template.HTML(w.String())
}

// describeScatter summarises the plot for the <desc> element.
func describeScatter(s Scatter) string {
	return fmt.Sprintf("%d clients, first score across and last score up. Below the diagonal is a fall (better); "+
		"outside the shaded band of %s points either side is reliable change; the dashed lines are the cut-off %s.",
		len(s.Points), humanValue(s.RCI), humanValue(s.CutOff))
}

// scatterClamp keeps f within 0..1.
func scatterClamp(f float64) float64 { return max(0, min(1, f)) }
