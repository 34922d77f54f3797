// Package wording holds the words a client's page must never show: a partner reading over
// the client's shoulder would learn from them what the client is working on.
package wording

import "strings"

// revealing are lower-case stems; a page fails on any text that contains one, in its visible
// text or in its HTML (names, ids, classes and other attribute values). The validated
// questionnaires' items (PHQ-9, GAD-7) are the one exception, checked apart by the caller.
var revealing = []string{
	"therapy", "therapist", "therapeutic", "counsel", "session", "clinic", "patient", "diagnos", "disorder",
	"anxious", "anxiety", "jealous", "reassur", "panic", "insecur", "attachment", "abuse", "abusive",
	"depress", "suicid", "self-harm", "self harm", "relationship", "partner", "abandon", "breakup",
	"break-up", "cbt", "distortion", "homework", "trauma", "coerc", "crisis", "mental health",
	"psych", "couples", "infidel", "betray", "violen", "intimate", "addict", "substance", "unlovable",
	"reject", "trigger", "gottman", "emdr", "checking tally", "thought record",
}

// Revealing returns the revealing words s contains, in list order; none for neutral text.
func Revealing(s string) []string {
	low := strings.ToLower(s)
	var found []string
	for _, w := range revealing {
		if strings.Contains(low, w) {
			found = append(found, w)
		}
	}
	return found
}

// Words returns a copy of the list of revealing stems.
func Words() []string { return append([]string(nil), revealing...) }
