package measures

import "math"

// Change classes.
const (
	Improved     = "reliably_improved"
	NoChange     = "no_reliable_change"
	Deteriorated = "reliably_deteriorated"
	Recovered    = "recovered"
)

// Conventions lets a practice choose other thresholds per measure key; missing keys use the default.
type Conventions map[string]Thresholds

// ThresholdsFor returns the thresholds in force for a measure. A practice's convention replaces the
// default; a zero RCI or CutOff in it keeps the default value. When no RCI is set anywhere, it is computed
// with Jacobson-Truax from the measure's SDPre and Reliability.
func (m Measure) ThresholdsFor(c Conventions) Thresholds {
	t := m.Thresholds
	if p, ok := c[m.Key]; ok {
		if p.RCI > 0 {
			t.RCI = p.RCI
		}
		if p.CutOff > 0 {
			t.CutOff = p.CutOff
		}
		t.Source = p.Source
		if t.Source == "" {
			t.Source = "Practice convention"
		}
	}
	if t.RCI <= 0 {
		t.RCI = JacobsonTruaxRCI(m.SDPre, m.Reliability)
	}
	return t
}

// JacobsonTruaxRCI returns 1.96 * SDpre * sqrt(2) * sqrt(1 - reliability): the change needed to be reliable.
// It returns 0 when sdPre is not positive or reliability is outside 0..1.
func JacobsonTruaxRCI(sdPre, reliability float64) float64 {
	if !(sdPre > 0) || !(reliability >= 0 && reliability <= 1) {
		return 0
	}
	return 1.96 * sdPre * math.Sqrt2 * math.Sqrt(1-reliability)
}

// Change is the reliable-change verdict between the first and the latest score.
type Change struct {
	Class      string
	Difference int     // latest minus first: negative is a fall (better on every shipped measure)
	RCI        float64 // the reliable-change index applied
	Caseness   bool    // first score at or above cut-off
}

// ClassifyChange compares first and latest totals (higher = worse for all shipped measures): a fall of at
// least RCI is reliable improvement, a rise of at least RCI is reliable deterioration, otherwise no reliable
// change. "At least RCI" follows NHS Talking Therapies' ">= 6 points" (PHQ-9) and ">= 4 points" (GAD-7).
// Reliable improvement is "recovered" when the first score was at or above the cut-off (caseness) and the
// latest is below it. Totals are assumed already checked with Score or ScoreTotal.
func (m Measure) ClassifyChange(first, latest int, c Conventions) Change {
	t := m.ThresholdsFor(c)
	diff := latest - first
	ch := Change{Class: NoChange, Difference: diff, RCI: t.RCI, Caseness: float64(first) >= t.CutOff}
	switch {
	case diff < 0 && float64(-diff) >= t.RCI:
		ch.Class = Improved
		if ch.Caseness && float64(latest) < t.CutOff {
			ch.Class = Recovered
		}
	case diff > 0 && float64(diff) >= t.RCI:
		ch.Class = Deteriorated
	}
	return ch
}

// ChangeLabel gives a plain label for a class ("Reliably improved", "Reliable recovery", ...), or "" for an unknown class.
func ChangeLabel(class string) string {
	switch class {
	case Improved:
		return "Reliably improved"
	case NoChange:
		return "No reliable change"
	case Deteriorated:
		return "Reliably deteriorated"
	case Recovered:
		return "Reliable recovery"
	}
	return ""
}
