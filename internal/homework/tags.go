package homework

import (
	"slices"

	"github.com/securebase/securebase/internal/casework"
)

// Tags say how a template is used: the approaches it belongs to and what it works on, as
// presenting concerns (signs) and progress markers, and the goal metrics its numbers can
// measure. Every value is a key of a fixed vocabulary: approaches and signs are casework's
// (casework.Approaches, casework.PresentingConcerns), markers are Markers, metrics are
// casework.GoalMetricCodes. Staff read them; the client never sees them.
type Tags struct {
	Approaches []string `json:"approaches,omitempty"`
	Signs      []string `json:"signs,omitempty"`
	Markers    []string `json:"markers,omitempty"`
	Metrics    []string `json:"metrics,omitempty"`
}

// Markers are the progress markers of DOMAIN.md under stable keys, with their staff labels
// (each practice's markers table starts with these labels).
func Markers() casework.Options {
	return opts(
		"time_alone", "Comfortable spending time alone",
		"no_panic", "Doesn't panic when not hearing from the partner",
		"less_jealous", "Less jealous",
		"communicates", "Communicates clearly and calmly",
		"no_spiral", "Stops spiralling or assuming the worst during conflict",
		"values_identity", "Clear about own values, identity and self-worth",
		"faces_change", "Can face change in the relationship without fear",
	)
}

// SignShort names each presenting concern in a few words, for the picker's "matches:" line
// and the library's tags; the keys are casework.PresentingConcerns'.
func SignShort() casework.Options {
	return opts(
		"reassurance", "reassurance seeking",
		"checking", "checking",
		"overthinking_messages", "overthinking messages",
		"fear_abandonment", "fear of abandonment",
		"doubting_feelings", "doubting the partner's feelings",
		"trust", "difficulty trusting",
		"jealousy", "jealousy",
		"people_pleasing", "people-pleasing",
		"testing", "testing the partner",
		"withdrawal", "withdrawal under tension",
		"what_if", "racing what-if thoughts",
		"comparison", "comparison on social media",
		"pulling_away", "pulling away from friends",
		"same_fight", "the same fight again",
	)
}

// ApproachShort names each approach in a word or two (casework.Approaches' keys).
func ApproachShort() casework.Options {
	return opts(
		"cbt", "CBT",
		"psychodynamic", "Psychodynamic",
		"eft", "EFT",
		"attachment_based", "Attachment-based",
		"mindfulness", "Mindfulness",
		"somatic_trauma", "Somatic",
		"gottman", "Gottman",
		"self_compassion", "Self-compassion",
	)
}

// MarkerShort names each marker as briefly as the picker needs it.
func MarkerShort() casework.Options {
	return opts(
		"time_alone", "time alone",
		"no_panic", "settled without a reply",
		"less_jealous", "less jealous",
		"communicates", "clear, calm communication",
		"no_spiral", "no spiralling in conflict",
		"values_identity", "own values and identity",
		"faces_change", "facing change",
	)
}

// Check returns a message per tag group holding a value outside its vocabulary, keyed
// "tags.approaches", "tags.signs", "tags.markers" and "tags.metrics".
func (t Tags) Check() map[string]string {
	p := map[string]string{}
	if !casework.Approaches().HasAll(t.Approaches) {
		p["tags.approaches"] = "Choose approaches from the list."
	}
	if !casework.PresentingConcerns().HasAll(t.Signs) {
		p["tags.signs"] = "Choose signs from the list."
	}
	if !Markers().HasAll(t.Markers) {
		p["tags.markers"] = "Choose progress markers from the list."
	}
	if !casework.GoalMetricCodes().HasAll(t.Metrics) {
		p["tags.metrics"] = "Choose goal measures from the list."
	}
	return p
}

// Has reports whether the tags name approach a (when a is not empty) and marker m (when m
// is not empty): the library's and the picker's filters.
func (t Tags) Has(a, m string) bool {
	return (a == "" || slices.Contains(t.Approaches, a)) && (m == "" || slices.Contains(t.Markers, m))
}

// Match is what a template has in common with a client: the signs among the client's
// concerns and the metrics among their active goals' measures it works on.
type Match struct {
	Signs   []string // concern keys, in SignShort's order
	Metrics []string // goal metric codes, in GoalMetricCodes' order
}

// Score is how strongly a template matches: each shared sign and each shared metric counts.
func (m Match) Score() int { return len(m.Signs) + len(m.Metrics) }

// Why words the match for the picker: "matches: reassurance seeking, checking"; empty when
// nothing matches.
func (m Match) Why() string {
	words := SignShort().Labels(m.Signs)
	for _, l := range casework.GoalMetricCodes().Labels(m.Metrics) {
		words = append(words, "goal: "+lowerFirst(l))
	}
	if len(words) == 0 {
		return ""
	}
	out := "matches: "
	for i, w := range words {
		if i > 0 {
			out += ", "
		}
		out += w
	}
	return out
}

// MatchClient is what t shares with a client whose concerns (intake and goals) and active
// goals' metric codes are given.
func (t Tags) MatchClient(concerns, metrics []string) Match {
	var m Match
	for _, o := range casework.PresentingConcerns() {
		if slices.Contains(t.Signs, o.Value) && slices.Contains(concerns, o.Value) {
			m.Signs = append(m.Signs, o.Value)
		}
	}
	for _, o := range casework.GoalMetricCodes() {
		if o.Value != "other" && slices.Contains(t.Metrics, o.Value) && slices.Contains(metrics, o.Value) {
			m.Metrics = append(m.Metrics, o.Value)
		}
	}
	return m
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return string(s[0]|0x20) + s[1:]
}

// opts builds options from value, label pairs.
func opts(pairs ...string) casework.Options {
	out := make(casework.Options, 0, len(pairs)/2)
	for i := 0; i+1 < len(pairs); i += 2 {
		out = append(out, casework.Option{Value: pairs[i], Label: pairs[i+1]})
	}
	return out
}
