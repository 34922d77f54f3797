package chart

import (
	"strconv"
	"strings"
)

// drawBands shades each band's value range across the plot, its label at the right edge inside
// (at labelY[i], see rightLabels).
func drawBands(w *svgWriter, l layout, bands []Band, labelY []float64) {
	if len(bands) == 0 {
		return
	}
	w.open("g", "class", "chart-bands", "font-size", strconv.Itoa(smallFont))
	for i, b := range bands {
		y1, y2, ok := l.bandSpan(b)
		if !ok {
			continue
		}
		fill := safeFill(b.Fill, colourBand)
		w.empty("rect", "x", num(l.left), "y", num(y1), "width", num(l.right-l.left), "height", num(y2-y1), "fill", fill)
		if b.Label != "" && finite(labelY[i]) {
			w.text("text", b.Label, "x", num(l.right-4), "y", num(labelY[i]), "text-anchor", "end", "fill", colourBandText)
		}
	}
	w.close("g")
}

// drawYAxis draws the value gridlines with their tick labels, the axis, and the rotated axis label.
func drawYAxis(w *svgWriter, l layout, label string) {
	w.open("g", "class", "chart-y-axis")
	for _, t := range l.y.ticks {
		y := num(l.yPos(t))
		w.empty("line", "x1", num(l.left), "x2", num(l.right), "y1", y, "y2", y, "stroke", colourGrid, "stroke-width", "1")
		w.text("text", l.y.label(t), "x", num(l.left-6), "y", num(l.yPos(t)+4), "text-anchor", "end")
	}
	w.empty("line", "x1", num(l.left), "x2", num(l.left), "y1", num(l.top), "y2", num(l.bottom), "stroke", colourAxis, "stroke-width", "1")
	if label != "" {
		mid := num((l.top + l.bottom) / 2)
		w.text("text", label, "x", "14", "y", mid, "transform", "rotate(-90 14 "+mid+")", "text-anchor", "middle")
	}
	w.close("g")
}

// drawXAxis draws the baseline and the date ticks, with the year when the range spans years.
func drawXAxis(w *svgWriter, l layout) {
	w.open("g", "class", "chart-x-axis")
	w.empty("line", "x1", num(l.left), "x2", num(l.right), "y1", num(l.bottom), "y2", num(l.bottom), "stroke", colourAxis, "stroke-width", "1")
	format := layoutTick
	if l.x0.Year() != l.x1.Year() {
		format = layoutLong
	}
	for _, t := range l.xTicks {
		x := l.xPos(t)
		label := t.Format(format)
		w.empty("line", "x1", num(x), "x2", num(x), "y1", num(l.bottom), "y2", num(l.bottom+4), "stroke", colourAxis, "stroke-width", "1")
		anchor, _, _ := l.anchor(x, label, fontSize)
		w.text("text", label, "x", num(x), "y", num(l.bottom+18), "text-anchor", anchor)
	}
	w.close("g")
}

// drawLines draws each reference line inside the axis range across the plot, labelled at the
// right (at labelY[i], see rightLabels).
func drawLines(w *svgWriter, l layout, lines []Line, labelY []float64) {
	if len(lines) == 0 {
		return
	}
	w.open("g", "class", "chart-lines", "font-size", strconv.Itoa(smallFont))
	for i, ln := range lines {
		y, ok := l.lineY(ln)
		if !ok {
			continue
		}
		attrs := []string{"x1", num(l.left), "x2", num(l.right), "y1", num(y), "y2", num(y), "stroke", colourLine, "stroke-width", "1.5"}
		if ln.Dashed {
			attrs = append(attrs, "stroke-dasharray", "6 4")
		}
		w.empty("line", attrs...)
		if ln.Label != "" && finite(labelY[i]) {
			w.text("text", ln.Label, "x", num(l.right-4), "y", num(labelY[i]), "text-anchor", "end", "fill", colourLine,
				"stroke", "#ffffff", "stroke-width", "3", "paint-order", "stroke") // a halo over the gridlines
		}
	}
	w.close("g")
}

// drawEvents marks each event with a dashed vertical line, a short label above the plot when
// there is room (see placeEvents), and the full label in a tooltip.
func drawEvents(w *svgWriter, l layout) {
	if len(l.events) == 0 {
		return
	}
	w.open("g", "class", "chart-events", "font-size", strconv.Itoa(smallFont), "fill", colourEvent)
	for _, e := range l.events {
		w.open("g", "class", "chart-event")
		w.text("title", e.Date.Format(layoutLong)+": "+e.Label)
		w.empty("line", "x1", num(e.x), "x2", num(e.x), "y1", num(l.top), "y2", num(l.bottom),
			"stroke", colourEvent, "stroke-width", "1", "stroke-dasharray", "3 3")
		if e.row >= 0 {
			anchor, _, _ := l.anchor(e.x, e.short, smallFont)
			y := l.top - 6 - float64(e.row*(smallFont+1))
			w.text("text", e.short, "x", num(e.x), "y", num(y), "text-anchor", anchor)
		}
		w.close("g")
	}
	w.close("g")
}

// drawPoints draws the readings as a line with a marker per reading, or "No data yet". A day's
// several readings are drawn side by side (see placePoints): the line joins each day's latest,
// and the earlier ones are hollow markers beside it, never a vertical jump.
func drawPoints(w *svgWriter, l layout, pts []Point) {
	if len(pts) == 0 {
		w.text("text", "No data yet", "x", num((l.left+l.right)/2), "y", num((l.top+l.bottom)/2),
			"text-anchor", "middle", "fill", colourEvent, "class", "chart-empty")
		return
	}
	placed := l.placePoints(pts)
	w.open("g", "class", "chart-series")
	var coords []string
	for _, p := range placed {
		if !p.earlier {
			coords = append(coords, num(p.x)+","+num(p.y))
		}
	}
	if len(coords) > 1 {
		w.empty("polyline", "points", strings.Join(coords, " "), "fill", "none", "stroke", colourSeries,
			"stroke-width", "2", "stroke-linejoin", "round", "stroke-linecap", "round")
	}
	for _, p := range placed {
		fill, tip := colourSeries, p.Date.Format(layoutLong)+": "+humanValue(p.Value)
		if p.Label != "" {
			tip += " (" + p.Label + ")"
		}
		attrs := []string{"cx", num(p.x), "cy", num(p.y), "r", "3.5"}
		if p.earlier {
			fill, tip = "#ffffff", tip+", entered earlier that day"
			attrs = append(attrs, "stroke", colourSeries, "stroke-width", "2", "data-earlier", "true")
		} else {
			attrs = append(attrs, "stroke", "#ffffff", "stroke-width", "1.5")
		}
		attrs = append(attrs, "fill", fill, "data-date", p.Date.Format(layoutISO), "data-value", strconv.FormatFloat(p.Value, 'f', -1, 64))
		w.open("circle", attrs...)
		w.text("title", tip)
		w.close("circle")
	}
	w.close("g")
}
