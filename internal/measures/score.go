package measures

import "fmt"

// Score checks a complete set of item answers (item key -> value) and returns the total. Every item must be
// answered with one of the option values; unknown keys are errors. Problems are keyed by item key (nil when
// there are none), and the total is 0 whenever there are problems.
func (m Measure) Score(answers map[string]int) (total int, problems map[string]string) {
	add := func(key, msg string) {
		if problems == nil {
			problems = map[string]string{}
		}
		problems[key] = msg
	}
	known := make(map[string]bool, len(m.Items))
	for _, it := range m.Items {
		known[it.Key] = true
		v, ok := answers[it.Key]
		switch {
		case !ok:
			add(it.Key, "Please choose an answer.")
		case !m.validOption(v):
			add(it.Key, "Please choose one of the answers given.")
		default:
			total += v
		}
	}
	for key := range answers {
		if !known[key] {
			add(key, "This is not a question of "+m.Name+".")
		}
	}
	if problems != nil {
		return 0, problems
	}
	return total, nil
}

// validOption reports whether v is the value of one of the options.
func (m Measure) validOption(v int) bool {
	for _, o := range m.Options {
		if o.Value == v {
			return true
		}
	}
	return false
}

// ScoreTotal checks a total entered directly (ScoresOnly measures, or a counsellor entering only the total): 0..Max.
func (m Measure) ScoreTotal(total int) error {
	if total < 0 || total > m.Max {
		return fmt.Errorf("a %s total must be a whole number from 0 to %d", m.Name, m.Max)
	}
	return nil
}

// Band returns the severity band of a total, or a zero Band when the total is outside 0..Max.
func (m Measure) Band(total int) Band {
	for _, b := range m.Bands {
		if total >= b.From && total <= b.To {
			return b
		}
	}
	return Band{}
}

// RiskRaised reports whether answers raise the risk flag (the RiskItem answered above 0), whatever the total.
// Any value above 0 counts, even one Score would reject: for safety the flag errs on the side of raising.
func (m Measure) RiskRaised(answers map[string]int) bool {
	return m.RiskItem != "" && answers[m.RiskItem] > 0
}
