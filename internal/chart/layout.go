package chart

import (
	"math"
	"sort"
	"time"
)

// Default viewBox size and the layout constants, in viewBox units.
const (
	defaultWidth  = 640
	defaultHeight = 240
	fontSize      = 12 // axis labels
	smallFont     = 12 // band, line and event labels: no smaller than the axis, for phones
	charWidth     = 6.8
	yLabelSpace   = 20 // room for the rotated axis label
	marginRight   = 16
	marginTop     = 16
	marginTopEv   = 26 // room for one row of event labels above the plot
	marginBottom  = 28
	day           = 24 * time.Hour
)

// layout places the plot area inside the viewBox and maps values and dates onto it.
type layout struct {
	width, height            float64
	left, right, top, bottom float64 // plot area edges
	y                        valueScale
	hasX                     bool      // false when there are no dates at all
	x0, x1                   time.Time // x domain
	xTicks                   []time.Time
	events                   []placedEvent // sorted by date
}

// newLayout sizes the chart for s and its sorted, finite points.
func newLayout(s Spec, pts []Point) layout {
	l := layout{width: defaultWidth, height: defaultHeight}
	if s.Width > 0 && s.Height > 0 {
		l.width, l.height = float64(s.Width), float64(s.Height)
	}
	l.y = yScale(s, pts)
	var anchor time.Time // the earliest reading (or event), which day ticks line up with
	l.x0, l.x1, anchor, l.hasX = xDomain(pts, s.Events)
	l.fixX(s.XMin, s.XMax, &anchor)

	widest := 0
	for _, t := range l.y.ticks {
		widest = max(widest, len(l.y.label(t)))
	}
	l.left = 8 + float64(widest)*charWidth
	if s.YLabel != "" {
		l.left += yLabelSpace
	}
	l.right = l.width - marginRight
	if l.hasX {
		l.xTicks = dateTicksN(l.x0, l.x1, anchor, l.xTickRoom())
	}
	l.events = l.placeEvents(s.Events)
	l.top = marginTop
	for _, e := range l.events {
		l.top = max(l.top, marginTopEv+float64(e.row*(smallFont+1)))
	}
	l.bottom = l.height - marginBottom
	return l
}

// yPos maps a value to a y coordinate, clamped to the plot area.
func (l layout) yPos(v float64) float64 {
	f := (v - l.y.lo) / (l.y.hi - l.y.lo)
	f = math.Min(1, math.Max(0, f))
	return l.bottom - f*(l.bottom-l.top)
}

// xPos maps a date to an x coordinate.
func (l layout) xPos(t time.Time) float64 {
	f := (seconds(t) - seconds(l.x0)) / (seconds(l.x1) - seconds(l.x0))
	return l.left + f*(l.right-l.left)
}

func seconds(t time.Time) float64 {
	return float64(t.Unix()) + float64(t.Nanosecond())/1e9
}

// xDomain spans the readings and events; under two days it is padded by a day each side.
func xDomain(pts []Point, events []Event) (lo, hi, anchor time.Time, ok bool) {
	var dates []time.Time
	for _, p := range pts {
		dates = append(dates, p.Date)
	}
	for _, e := range events {
		dates = append(dates, e.Date)
	}
	if len(dates) == 0 {
		return lo, hi, anchor, false
	}
	sort.SliceStable(dates, func(i, j int) bool { return dates[i].Before(dates[j]) })
	lo, hi = dates[0], dates[len(dates)-1]
	anchor = lo
	if len(pts) > 0 {
		anchor = pts[0].Date
	}
	if hi.Sub(lo) < 2*day {
		lo, hi = lo.Add(-day), hi.Add(day)
	}
	return lo, hi, anchor, true
}

// yScale fixes the value axis: YMin and YMax when given, otherwise the range of the points,
// lines, bands and any fixed end with about 10% padding. Non-negative data starts at zero when
// its minimum is within half its maximum of zero, or when there is only one distinct value.
func yScale(s Spec, pts []Point) valueScale {
	fixedLo := s.YMin != nil && finite(*s.YMin)
	fixedHi := s.YMax != nil && finite(*s.YMax)
	var vals []float64
	for _, p := range pts {
		vals = append(vals, p.Value)
	}
	for _, ln := range s.Lines {
		vals = append(vals, ln.Value)
	}
	for _, b := range s.Bands {
		vals = append(vals, b.From, b.To)
	}
	if fixedLo {
		vals = append(vals, *s.YMin)
	}
	if fixedHi {
		vals = append(vals, *s.YMax)
	}
	lo, hi := 0.0, 10.0 // nothing to show: a 0-10 axis
	if minV, maxV, ok := bounds(vals); ok {
		span := maxV - minV
		pad := span * 0.1
		if span == 0 {
			pad = math.Max(math.Abs(maxV)*0.1, 1)
		}
		lo, hi = minV-pad, maxV+pad
		if minV >= 0 && (lo < 0 || minV <= maxV/2 || span == 0) {
			lo = 0
		}
		if maxV <= 0 && (hi > 0 || maxV >= minV/2 || span == 0) {
			hi = 0
		}
	}

	if fixedLo {
		lo = *s.YMin
	}
	if fixedHi {
		hi = *s.YMax
	}
	if hi < lo && fixedLo && fixedHi {
		lo, hi = hi, lo
	}
	if hi <= lo { // a fixed end beyond the data
		switch {
		case !fixedHi:
			hi = lo + math.Max(math.Abs(lo)*0.1, 1)
		case !fixedLo:
			lo = hi - math.Max(math.Abs(hi)*0.1, 1)
		default:
			hi = lo + 1
		}
	}
	return niceScale(lo, hi, !fixedLo, !fixedHi)
}

// bounds returns the smallest and largest finite values, and false when there are none.
func bounds(vals []float64) (lo, hi float64, ok bool) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, v := range vals {
		if finite(v) {
			lo, hi, ok = math.Min(lo, v), math.Max(hi, v), true
		}
	}
	return lo, hi, ok
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }
