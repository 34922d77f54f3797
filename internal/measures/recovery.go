package measures

import "fmt"

// Recovery rules: which rule gave an overall verdict.
const (
	RulePaired = "paired" // PHQ-9 and GAD-7 judged together (NHS Talking Therapies)
	RuleSingle = "single" // one measure judged alone
)

// Course is the first and latest total of one measure over a course of treatment, and how many scores.
type Course struct {
	Measure       Measure
	First, Latest int
	Count         int
}

// Outcome is the overall verdict of a course. An empty Class means no verdict (fewer than two scores).
type Outcome struct {
	Class string // Recovered, Improved, NoChange, Deteriorated, or "" for no verdict
	Rule  string // RulePaired, RuleSingle, or "" for no verdict
	// CaseAtStart is false when no measure was at or above its cut-off at the start: recovery does not apply.
	CaseAtStart bool
	Help        string // one sentence naming the rule that gave the verdict
}

// Label is the plain label of the verdict, or "" when there is none.
func (o Outcome) Label() string { return ChangeLabel(o.Class) }

// JudgeCourse gives the overall verdict. Where both the PHQ-9 and the GAD-7 have at least two scores it uses
// the paired rule of the NHS Talking Therapies manual: reliable recovery needs caseness at the start on at
// least one measure, scores below caseness on both at the end, reliable improvement on at least one and
// reliable deterioration on neither. Otherwise, when exactly one measure has two scores or more, that
// measure is judged alone. A single score gives no verdict.
func JudgeCourse(courses []Course, c Conventions) Outcome {
	var judged []Course
	for _, k := range courses {
		if k.Count >= 2 {
			judged = append(judged, k)
		}
	}
	if phq, gad, ok := pairOf(judged); ok {
		return pairedOutcome(phq, gad, c)
	}
	if len(judged) != 1 {
		if len(judged) == 0 {
			return Outcome{Help: "No verdict: a verdict needs at least two scores on one questionnaire."}
		}
		return Outcome{Help: "No overall verdict: each questionnaire is judged on its own below."}
	}
	k := judged[0]
	ch := k.Measure.ClassifyChange(k.First, k.Latest, c)
	t := k.Measure.ThresholdsFor(c)
	o := Outcome{Class: ch.Class, Rule: RuleSingle, CaseAtStart: ch.Caseness,
		Help: fmt.Sprintf("Single-measure rule on the %s alone (reliable change %g points, caseness %g or more).",
			k.Measure.Name, t.RCI, t.CutOff)}
	if !ch.Caseness {
		o.Help += " Recovery does not apply: the first score was below caseness."
	}
	return o
}

// pairOf finds the PHQ-9 and GAD-7 courses.
func pairOf(ks []Course) (phq, gad Course, ok bool) {
	var p, g bool
	for _, k := range ks {
		switch k.Measure.Key {
		case "phq9":
			phq, p = k, true
		case "gad7":
			gad, g = k, true
		}
	}
	return phq, gad, p && g
}

// pairedOutcome applies the NHS Talking Therapies paired rule to the PHQ-9 and GAD-7.
func pairedOutcome(phq, gad Course, c Conventions) Outcome {
	pc := phq.Measure.ClassifyChange(phq.First, phq.Latest, c)
	gc := gad.Measure.ClassifyChange(gad.First, gad.Latest, c)
	pt, gt := phq.Measure.ThresholdsFor(c), gad.Measure.ThresholdsFor(c)
	improved := func(ch Change) bool { return ch.Class == Improved || ch.Class == Recovered }
	o := Outcome{Rule: RulePaired, CaseAtStart: pc.Caseness || gc.Caseness,
		Help: fmt.Sprintf("Paired rule (NHS Talking Therapies): PHQ-9 and GAD-7 judged together; caseness at the start "+
			"on at least one (PHQ-9 %g or more, GAD-7 %g or more), below caseness on both at the end, reliable "+
			"improvement on at least one (PHQ-9 %g points, GAD-7 %g points) and reliable deterioration on neither.",
			pt.CutOff, gt.CutOff, pt.RCI, gt.RCI)}
	belowBoth := float64(phq.Latest) < pt.CutOff && float64(gad.Latest) < gt.CutOff
	switch {
	case pc.Class == Deteriorated || gc.Class == Deteriorated:
		o.Class = Deteriorated
	case o.CaseAtStart && belowBoth && (improved(pc) || improved(gc)):
		o.Class = Recovered
	case improved(pc) || improved(gc):
		o.Class = Improved
	default:
		o.Class = NoChange
	}
	if !o.CaseAtStart {
		o.Help += " Recovery does not apply: both first scores were below caseness."
	}
	return o
}
