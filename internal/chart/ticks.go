package chart

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// maxTicks caps the number of ticks on either axis so labels stay legible on a phone.
const maxTicks = 6

// eps absorbs floating-point noise when deciding whether a tick lies on a range boundary.
const eps = 1e-9

// valueScale is a y-axis domain with its tick values and the decimals their labels need.
type valueScale struct {
	lo, hi float64
	ticks  []float64
	dec    int
}

// label formats a tick value with at most the decimals the step needs: 0, 2.5, 5, 7.5.
func (s valueScale) label(v float64) string {
	out := strconv.FormatFloat(v, 'f', s.dec, 64)
	if strings.Contains(out, ".") {
		out = strings.TrimRight(strings.TrimRight(out, "0"), ".")
	}
	if out == "-0" {
		return "0"
	}
	return out
}

// niceScale picks the smallest step of 1, 2, 2.5 or 5 × 10^n that gives at most maxTicks ticks
// in [lo, hi]. A side marked to extend is widened to the next multiple of the step, so the
// axis ends on a gridline; a fixed side stays where it is and the ticks stay inside it.
// Should no step fit (a range lost in float precision), the axis gets just its two ends.
func niceScale(lo, hi float64, extendLo, extendHi bool) valueScale {
	mantissas := [...]float64{1, 2, 2.5, 5}
	if !(hi > lo) || !finite(hi-lo) {
		return valueScale{lo: lo, hi: hi, ticks: []float64{lo, hi}}
	}
	start := int(math.Floor(math.Log10(hi-lo))) - 2
	for e := start; e < start+20; e++ {
		for _, m := range mantissas {
			step := m * math.Pow(10, float64(e))
			first := math.Ceil(lo/step - eps)
			if extendLo {
				first = math.Floor(lo/step + eps)
			}
			last := math.Floor(hi/step + eps)
			if extendHi {
				last = math.Ceil(hi/step - eps)
			}
			if last < first || last-first+1 > maxTicks {
				continue
			}
			s := valueScale{lo: lo, hi: hi, dec: decimals(m, e)}
			for k := first; k <= last; k++ {
				s.ticks = append(s.ticks, tickValue(k, m, e))
			}
			if extendLo {
				s.lo = s.ticks[0]
			}
			if extendHi {
				s.hi = s.ticks[len(s.ticks)-1]
			}
			return s
		}
	}
	return valueScale{lo: lo, hi: hi, ticks: []float64{lo, hi}, dec: 2}
}

// tickValue computes k × m × 10^e, dividing for negative e so that 3 × 0.1 prints as 0.3.
func tickValue(k, m float64, e int) float64 {
	v := k * m
	if e < 0 {
		v /= math.Pow(10, float64(-e))
	} else {
		v *= math.Pow(10, float64(e))
	}
	if v == 0 {
		return 0 // never -0
	}
	return v
}

// decimals is the number of decimals a label for step m × 10^e needs.
func decimals(m float64, e int) int {
	d := -e
	if m == 2.5 {
		d++
	}
	return max(d, 0)
}

// dateStep is one candidate spacing for date ticks.
type dateStep struct {
	days, months, years int
}

// dateSteps lists date tick spacings from finest to coarsest; years continue by 1, 2, 5 × 10^n.
func dateSteps() []dateStep {
	return []dateStep{{days: 1}, {days: 2}, {days: 3}, {days: 7}, {days: 14}, {days: 21},
		{months: 1}, {months: 2}, {months: 3}, {months: 6}}
}

// dateTicksN returns between one and n (at most maxTicks) tick dates in [lo, hi]. Day-based
// ticks step from anchor (the earliest reading or a shared axis's start, so ticks line up); month
// and year ticks fall on the first of the month (of the quarter, of the year) in anchor's location.
func dateTicksN(lo, hi, anchor time.Time, n int) []time.Time {
	n = max(1, min(n, maxTicks))
	for _, st := range dateSteps() {
		if ticks, ok := stepTicks(lo, hi, anchor, st, n); ok {
			return ticks
		}
	}
	for k := 1; ; k *= 10 {
		for _, m := range [...]int{1, 2, 5} {
			if ticks, ok := stepTicks(lo, hi, anchor, dateStep{years: m * k}, n); ok {
				return ticks
			}
		}
	}
}

// stepTicks lists the ticks of one spacing, reporting false when there would be too many.
func stepTicks(lo, hi, anchor time.Time, st dateStep, n int) ([]time.Time, bool) {
	var t time.Time
	switch {
	case st.days > 0:
		t = anchor
		for !t.AddDate(0, 0, -st.days).Before(lo) {
			t = t.AddDate(0, 0, -st.days)
		}
	case st.months > 0:
		y, m, _ := lo.In(anchor.Location()).Date()
		t = time.Date(y, m, 1, 0, 0, 0, 0, anchor.Location())
		for t.Before(lo) || (int(t.Month())-1)%st.months != 0 {
			t = t.AddDate(0, 1, 0)
		}
	default:
		y := lo.In(anchor.Location()).Year()
		t = time.Date(y, time.January, 1, 0, 0, 0, 0, anchor.Location())
		for t.Before(lo) || t.Year()%st.years != 0 {
			t = t.AddDate(1, 0, 0)
		}
	}
	var ticks []time.Time
	for ; !t.After(hi); t = t.AddDate(st.years, st.months, st.days) {
		if len(ticks) == n {
			return nil, false
		}
		ticks = append(ticks, t)
	}
	return ticks, true
}
