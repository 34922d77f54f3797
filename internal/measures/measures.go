// Package measures models validated questionnaires as data: their items, response options, severity
// bands, reliable-change thresholds and licence lines, with scoring and change classification.
// It is pure: no SQL, no HTTP.
package measures

// Option is one response option of an item.
type Option struct {
	Value int    `json:"value"`
	Label string `json:"label"`
}

// Item is one question.
type Item struct {
	Key  string `json:"key"`
	Text string `json:"text"`
}

// Difficulty is an unscored closing question with its own response options.
type Difficulty struct {
	Key     string   `json:"key"`
	Text    string   `json:"text"`
	Options []Option `json:"options"`
}

// Label returns the label of an answer value, or "" when it is not one of the options.
func (d *Difficulty) Label(v int) string {
	if d == nil {
		return ""
	}
	for _, o := range d.Options {
		if o.Value == v {
			return o.Label
		}
	}
	return ""
}

// Band is a severity band of the total, inclusive bounds.
type Band struct {
	From, To int
	Label    string
}

// Thresholds are the reliable-change index (points) and the clinical cut-off (caseness: total >= CutOff).
type Thresholds struct {
	RCI    float64
	CutOff float64
	Source string
}

// Measure is a questionnaire as data.
type Measure struct {
	Key   string // "phq9", "gad7"
	Name  string // "PHQ-9"
	Title string // a neutral client-facing title (never "depression" or "anxiety")
	Stem  string // the instruction line, exact text ("" for ScoresOnly measures)
	// Items are the questions in order. A ScoresOnly measure keeps its item keys (so item scores can be
	// entered) but no item text.
	Items      []Item
	Options    []Option   // shared by all items
	Bands      []Band     // covering 0..Max with no gaps
	Max        int        // highest possible total
	Thresholds Thresholds // the default convention; RCI 0 means "compute it with Jacobson-Truax"
	Licence    string     // the exact credit/licence line to show wherever the text is shown
	ScoresOnly bool       // text may not be shipped: the counsellor enters item scores or a total
	RiskItem   string     // key of an item whose answer above 0 raises a risk flag, or ""
	// Difficulty is the closing, unscored question on how difficult the problems have made life, or nil.
	// Its answer is optional, stored apart from the item answers and never part of the total.
	Difficulty *Difficulty
	// SDPre and Reliability are the norms for Jacobson-Truax when no published RCI exists: the standard
	// deviation of pre-treatment scores and the test-retest or internal reliability.
	SDPre, Reliability float64
}

// Measures returns the shipped measures, in display order. A fresh copy is built on every call.
func Measures() []Measure {
	return []Measure{phq9(), gad7()}
}

// ByKey returns one measure.
func ByKey(key string) (Measure, bool) {
	for _, m := range Measures() {
		if m.Key == key {
			return m, true
		}
	}
	return Measure{}, false
}

// Keys returns the keys of the shipped measures, in display order.
func Keys() []string {
	ms := Measures()
	keys := make([]string, len(ms))
	for i, m := range ms {
		keys[i] = m.Key
	}
	return keys
}
