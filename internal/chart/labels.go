package chart

import (
	"math"
	"sort"
	"unicode/utf8"
)

// labelGap is the least vertical distance between two labels at the right edge of the plot.
const labelGap = smallFont + 1

// eventLabelRunes is how much of an event's label shows above the plot; the tooltip has it all.
const eventLabelRunes = 14

// bandSpan returns the top and bottom y of a band clipped to the axis range, and false when it
// is not drawn (a non-finite end, outside the range, or too thin to see).
func (l layout) bandSpan(b Band) (y1, y2 float64, ok bool) {
	if !finite(b.From) || !finite(b.To) {
		return 0, 0, false
	}
	y1, y2 = l.yPos(max(b.From, b.To)), l.yPos(min(b.From, b.To))
	return y1, y2, y2-y1 >= 0.5
}

// lineY returns the y of a reference line, and false when it is not drawn (outside the range).
func (l layout) lineY(ln Line) (float64, bool) {
	if !finite(ln.Value) || ln.Value < l.y.lo-eps || ln.Value > l.y.hi+eps {
		return 0, false
	}
	return l.yPos(ln.Value), true
}

// rightLabels places the labels of the bands (inside the band, at its top) and of the lines
// (just above the line), all at the right edge, moving them apart so that none overlaps another. It returns
// the baseline y of each band's label, then each line's; entries for labels not drawn are NaN.
func rightLabels(l layout, bands []Band, lines []Line) (bandY, lineY []float64) {
	ys := make([]float64, len(bands)+len(lines))
	var drawn []int // indexes into ys
	for i, b := range bands {
		ys[i] = math.NaN()
		if y1, y2, ok := l.bandSpan(b); ok && b.Label != "" {
			ys[i] = (y1+y2)/2 + 4 // centred in a thin band,
			if y2-y1 >= 2*labelGap {
				ys[i] = y1 + smallFont // at the top of a tall one, clear of a line at its bottom
			}
			drawn = append(drawn, i)
		}
	}
	for i, ln := range lines {
		j := len(bands) + i
		ys[j] = math.NaN()
		if y, ok := l.lineY(ln); ok && ln.Label != "" {
			ys[j] = y - 4
			drawn = append(drawn, j)
		}
	}
	sort.SliceStable(drawn, func(a, b int) bool { return ys[drawn[a]] < ys[drawn[b]] })
	for k := 1; k < len(drawn); k++ { // push down
		ys[drawn[k]] = max(ys[drawn[k]], ys[drawn[k-1]]+labelGap)
	}
	if n := len(drawn); n > 0 && ys[drawn[n-1]] > l.bottom-2 { // then back up from the bottom
		ys[drawn[n-1]] = l.bottom - 2
		for k := n - 2; k >= 0; k-- {
			ys[drawn[k]] = min(ys[drawn[k]], ys[drawn[k+1]]-labelGap)
		}
	}
	return ys[:len(bands)], ys[len(bands):]
}

// placedEvent is an event with its x and the row of its short label above the plot
// (0 nearest the plot, 1 above that, -1 when there is no room for it).
type placedEvent struct {
	Event
	x     float64
	short string
	row   int
}

// placeEvents sorts the events by date and gives each short label the first of two rows above
// the plot where it does not overlap the label before it; the tooltip always has the full label.
func (l layout) placeEvents(events []Event) []placedEvent {
	out := make([]placedEvent, 0, len(events))
	for _, e := range events {
		if l.hasX && (e.Date.Before(l.x0) || e.Date.After(l.x1)) {
			continue // outside a fixed date axis
		}
		short := shorten(e.Label, eventLabelRunes)
		if e.Mark != "" {
			short = e.Mark
		}
		out = append(out, placedEvent{Event: e, x: l.xPos(e.Date), short: short, row: -1})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date.Before(out[j].Date) })
	ends := [2]float64{math.Inf(-1), math.Inf(-1)} // right end of the last label in each row
	for i := range out {
		if out[i].short == "" {
			continue
		}
		_, from, to := l.anchor(out[i].x, out[i].short, smallFont)
		for r := range ends {
			if from >= ends[r]+4 {
				out[i].row, ends[r] = r, to
				break
			}
		}
	}
	return out
}

// anchor keeps a label centred on x unless that would push it out of the viewBox; it returns the
// text-anchor and the label's estimated left and right ends.
func (l layout) anchor(x float64, label string, size float64) (anchor string, from, to float64) {
	w := float64(utf8.RuneCountInString(label)) * size * 0.6
	switch {
	case x-w/2 < 0:
		return "start", x, x + w
	case x+w/2 > l.width:
		return "end", x - w, x
	}
	return "middle", x - w/2, x + w/2
}
