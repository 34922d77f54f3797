package measures

import (
	"strconv"
	"time"
)

// MarkerMax is the top of a marker's 0-to-10 scale.
const MarkerMax = 10

// ParseMarkerRating reads a marker rating: a whole number from 0 to MarkerMax.
func ParseMarkerRating(raw string) (int, bool) {
	v, err := strconv.Atoi(raw)
	return v, err == nil && v >= 0 && v <= MarkerMax
}

// ClientAnswerable reports whether a client may answer the measure with key on a check-in:
// a known measure whose text may be shown (not scores-only).
func ClientAnswerable(key string) bool {
	m, ok := ByKey(key)
	return ok && !m.ScoresOnly
}

// TotalAloneAllowed reports whether a total may be recorded without the item answers: only
// for a scores-only measure with no risk item, since a total alone cannot screen risk.
func (m Measure) TotalAloneAllowed() bool { return m.ScoresOnly && m.RiskItem == "" }

// CheckinWindowMonths is how far ahead a check-in may be due.
const CheckinWindowMonths = 3

// CheckDay judges the day of ratings or a questionnaire: never after today.
func CheckDay(day, today time.Time) string {
	if day.After(today) {
		return "Ratings cannot be dated in the future."
	}
	return ""
}

// CheckCheckin judges a check-in request: markers, client-answerable questionnaires or
// both, due from today to CheckinWindowMonths ahead (due nil: not read, judged elsewhere).
// It returns the keys kept and a message per form field (ck_measures, ck_due).
func CheckCheckin(withMarkers bool, keys []string, due *time.Time, today time.Time) ([]string, map[string]string) {
	problems := map[string]string{}
	var kept []string
	for _, k := range keys {
		if ClientAnswerable(k) {
			kept = append(kept, k)
		} else {
			problems["ck_measures"] = "Choose from the list."
		}
	}
	if !withMarkers && len(kept) == 0 {
		if _, ok := problems["ck_measures"]; !ok {
			problems["ck_measures"] = "Choose the markers, a questionnaire, or both."
		}
	}
	if due != nil && (due.Before(today) || due.After(today.AddDate(0, CheckinWindowMonths, 0))) {
		problems["ck_due"] = "Choose a date from today to three months ahead."
	}
	return kept, problems
}
