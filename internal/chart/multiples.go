package chart

import (
	"math"
	"time"
)

// SmallWidth and SmallHeight size a chart in a grid of small multiples: at 12 units a letter,
// its text is at least 12 px wherever the chart is drawn at least SmallWidth px wide.
const (
	SmallWidth  = 320
	SmallHeight = 190
)

// sameDayGap is how far apart, in viewBox units, a day's several readings sit side by side.
const sameDayGap = 9

// ShareX gives every spec one date axis: the span of all their readings and events, so a grid
// of small charts lines up day for day. Specs with no dates at all keep no axis.
func ShareX(specs []Spec) {
	var lo, hi time.Time
	seen := false
	see := func(t time.Time) {
		if !seen || t.Before(lo) {
			lo = t
		}
		if !seen || t.After(hi) {
			hi = t
		}
		seen = true
	}
	for _, s := range specs {
		for _, p := range s.Points {
			if finite(p.Value) {
				see(p.Date)
			}
		}
		for _, e := range s.Events {
			see(e.Date)
		}
	}
	if !seen {
		return
	}
	if hi.Sub(lo) < 2*day {
		lo, hi = lo.Add(-day), hi.Add(day)
	}
	for i := range specs {
		from, to := lo, hi
		specs[i].XMin, specs[i].XMax = &from, &to
	}
}

// LegendItem is a band or a reference line as the page names it beside the chart.
type LegendItem struct {
	Label  string
	Fill   string // a band's colour; "" for a line
	Line   bool   // a reference line rather than a band
	Dashed bool
}

// LegendOf lists the labelled bands and lines of s, for a spec drawn with Legend set.
func LegendOf(s Spec) []LegendItem {
	var out []LegendItem
	for _, b := range s.Bands {
		if b.Label != "" {
			out = append(out, LegendItem{Label: b.Label, Fill: safeFill(b.Fill, colourBand)})
		}
	}
	for _, ln := range s.Lines {
		if ln.Label != "" {
			out = append(out, LegendItem{Label: ln.Label, Line: true, Dashed: ln.Dashed})
		}
	}
	return out
}

// noLabels is n label positions that are not drawn.
func noLabels(n int) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = math.NaN()
	}
	return out
}

// fixX applies a fixed date axis (XMin, XMax); ticks then step from its start, so charts
// sharing an axis share their ticks.
func (l *layout) fixX(from, to *time.Time, anchor *time.Time) {
	if from == nil && to == nil {
		return
	}
	if from != nil {
		l.x0, *anchor = *from, *from
	}
	if to != nil {
		l.x1 = *to
	}
	if !l.hasX {
		if from == nil {
			l.x0, *anchor = l.x1.Add(-2*day), l.x1.Add(-2*day)
		}
		if to == nil {
			l.x1 = l.x0.Add(2 * day)
		}
		l.hasX = true
	}
	if !l.x1.After(l.x0) {
		l.x1 = l.x0.Add(day)
	}
}

// xTickRoom is how many date labels fit side by side under the plot.
func (l layout) xTickRoom() int {
	runes := len(layoutTick) + 1
	if l.x0.Year() != l.x1.Year() {
		runes = len(layoutLong)
	}
	return int((l.right - l.left) / (float64(runes)*fontSize*0.6 + 12))
}

// placedPoint is a reading where it is drawn. A day's several readings sit side by side in the
// order they were given (entered); the last is the day's latest, which the line goes through.
type placedPoint struct {
	Point
	x, y    float64
	earlier bool // not the day's latest entry
}

// placePoints places sorted points: each day's latest at the day's x, so charts sharing an axis
// agree, and the day's earlier readings side by side to its left (to its right at the axis).
func (l layout) placePoints(pts []Point) []placedPoint {
	out := make([]placedPoint, len(pts))
	for i := 0; i < len(pts); {
		j := i
		for j < len(pts) && sameDay(pts[j].Date, pts[i].Date) {
			j++
		}
		spread := float64(j-i-1) * sameDayGap // the latest at the day's x, the earlier ones to its left
		start := math.Max(l.left, l.xPos(pts[i].Date)-spread)
		for k := i; k < j; k++ {
			out[k] = placedPoint{Point: pts[k], x: start + float64(k-i)*sameDayGap, y: l.yPos(pts[k].Value), earlier: k < j-1}
		}
		i = j
	}
	return out
}
