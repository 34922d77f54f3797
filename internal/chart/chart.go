// Package chart renders server-side SVG line charts that are safe to inline in pages under a
// strict Content-Security-Policy: presentation attributes only (no style attribute, no <style>
// element, no script), and every piece of text escaped.
package chart

import (
	"fmt"
	"html/template"
	"math"
	"sort"
	"strconv"
	"time"
)

// Point is one dated value.
type Point struct {
	Date  time.Time
	Value float64
	Label string // optional, shown in the point's tooltip
}

// Band shades a horizontal range of values, e.g. a severity band "Moderate 10-14".
type Band struct {
	From, To float64
	Label    string
	Fill     string // a colour like "#fde2e1"; empty means a default light grey
}

// Line is a horizontal reference line, e.g. a goal's target or a clinical cut-off.
type Line struct {
	Value  float64
	Label  string
	Dashed bool
}

// Event marks a date with a vertical line and a short label, e.g. "argument".
type Event struct {
	Date  time.Time
	Label string
	Mark  string // when set, e.g. "1", shown above the plot in place of the label, which a legend on the page gives in full
}

// Spec describes one chart.
type Spec struct {
	ID     string  // unique per page; sanitised to [a-zA-Z0-9_-] to build the title and desc ids
	Title  string  // accessible title, e.g. "Reassurance requests per day"
	YLabel string  // axis label, e.g. "requests per day"
	Points []Point // any order; sorted by date for drawing
	Bands  []Band
	Lines  []Line
	Events []Event
	// YMin and YMax fix the axis range (e.g. 0 and 27); nil means computed from the points,
	// lines and bands with about 10% padding, from zero when the data allows.
	YMin, YMax *float64
	// XMin and XMax fix the date axis, e.g. one range shared by a grid of small charts (see
	// ShareX); nil means the span of the points and events.
	XMin, XMax    *time.Time
	Width, Height int // viewBox size; 0 means 640 x 240
	// Legend leaves the band and line labels out of the plot, for the page to give them beside
	// the chart (see LegendOf): no label is then ever drawn over a reading.
	Legend bool
}

// Row is one reading in the accessible table alternative to a chart.
type Row struct {
	Date  time.Time
	Value float64
	Label string
}

// Colours of the calm palette.
const (
	colourSeries   = "#2f6f62" // teal: the readings
	colourLine     = "#b45309" // amber: targets and cut-offs
	colourEvent    = "#6b7280"
	colourBand     = "#f3f4f6" // default band fill, a light grey
	colourBandText = "#4b5563"
	colourGrid     = "#e5e7eb"
	colourAxis     = "#9ca3af"
	colourText     = "#374151"
)

// Date layouts: ticks within a year, ticks over several years and tooltips, data-date attributes.
const (
	layoutTick = "2 Jan"
	layoutLong = "2 Jan 2006"
	layoutISO  = "2006-01-02"
)

// SVG renders the chart as an inline <svg> element; all text in it is escaped.
// Points whose value is NaN or infinite are left out, as they are from Table.
func SVG(s Spec) template.HTML {
	pts := sortedPoints(s.Points)
	l := newLayout(s, pts)
	id := sanitiseID(s.ID)
	title := s.Title
	if title == "" {
		title = "Chart"
	}

	w := &svgWriter{}
	w.open("svg",
		"xmlns", "http://www.w3.org/2000/svg",
		"viewBox", "0 0 "+num(l.width)+" "+num(l.height),
		"role", "img",
		"aria-labelledby", id+"-title "+id+"-desc",
		"class", "chart",
		"preserveAspectRatio", "xMidYMid meet")
	w.text("title", title, "id", id+"-title")
	w.text("desc", describe(pts), "id", id+"-desc")
	w.open("g", "font-family", "system-ui, -apple-system, 'Segoe UI', sans-serif", "font-size", strconv.Itoa(fontSize), "fill", colourText)
	bandLabelY, lineLabelY := rightLabels(l, s.Bands, s.Lines)
	if s.Legend {
		bandLabelY, lineLabelY = noLabels(len(s.Bands)), noLabels(len(s.Lines))
	}
	drawBands(w, l, s.Bands, bandLabelY)
	drawYAxis(w, l, s.YLabel)
	drawXAxis(w, l)
	drawLines(w, l, s.Lines, lineLabelY)
	drawEvents(w, l)
	drawPoints(w, l, pts)
	w.close("g")
	w.close("svg")
	// #nosec G203 -- svgWriter escapes every attribute value and text node.
	return template.HTML(w.String())
}

// Table returns the data as rows for an accessible HTML table alternative: one row per point,
// sorted by date. Points whose value is NaN or infinite are left out, as they are from SVG.
func Table(s Spec) []Row {
	pts := sortedPoints(s.Points)
	rows := make([]Row, 0, len(pts))
	for _, p := range pts {
		rows = append(rows, Row(p))
	}
	return rows
}

// sortedPoints copies the points with a finite value, sorted by date (stable for equal dates).
func sortedPoints(in []Point) []Point {
	pts := make([]Point, 0, len(in))
	for _, p := range in {
		if finite(p.Value) {
			pts = append(pts, p)
		}
	}
	sort.SliceStable(pts, func(i, j int) bool { return pts[i].Date.Before(pts[j].Date) })
	return pts
}

// describe summarises the readings for the <desc> element.
func describe(pts []Point) string {
	n := len(pts)
	if n == 0 {
		return "No readings yet."
	}
	first, last := pts[0], pts[n-1]
	if n == 1 {
		return fmt.Sprintf("1 reading on %s; value %s.", first.Date.Format(layoutLong), humanValue(first.Value))
	}
	when := "from " + first.Date.Format(layoutLong) + " to " + last.Date.Format(layoutLong)
	if sameDay(first.Date, last.Date) {
		when = "on " + first.Date.Format(layoutLong)
	}
	return fmt.Sprintf("%d readings %s; first %s, latest %s.", n, when, humanValue(first.Value), humanValue(last.Value))
}

// humanValue formats a value for people: at most two decimals.
func humanValue(v float64) string {
	r := math.Round(v*100) / 100
	if r == 0 {
		r = 0
	}
	return strconv.FormatFloat(r, 'f', -1, 64)
}

func sameDay(a, b time.Time) bool {
	return a.Format(layoutISO) == b.Format(layoutISO)
}
