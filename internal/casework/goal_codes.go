package casework

// GoalMetricCodes is the coded category of what a goal counts or rates. De-identified files
// carry only this code, never the counsellor's own words for the metric (issue 13).
func GoalMetricCodes() Options {
	return Options{
		{"reassurance_seeking", "Reassurance seeking (messages, calls, questions)"},
		{"checking", "Checking or monitoring a partner"},
		{"conflict", "Arguments or conflicts"},
		{"repair", "Repair attempts after conflict"},
		{"time_together", "Shared time or activities"},
		{"self_soothing", "Self-soothing or calming practice"},
		{"communication", "Needs or feelings said out loud"},
		{"boundaries", "Boundaries kept"},
		{"distress_rating", "Distress or worry rating"},
		{"closeness_rating", "Felt closeness or security rating"},
		{"sleep", "Sleep"},
		{"other", "Other"},
	}
}

// GoalUnitCodes is the coded unit a goal's numbers are in.
func GoalUnitCodes() Options {
	return Options{
		{"times_per_day", "Times a day"},
		{"times_per_week", "Times a week"},
		{"minutes_per_day", "Minutes a day"},
		{"hours_per_week", "Hours a week"},
		{"days_per_week", "Days a week"},
		{"rating_0_10", "Rating from 0 to 10"},
		{"percent", "Percent"},
		{"other", "Other"},
	}
}

// IsCountUnit reports whether a unit code counts things, so a negative value cannot be.
func IsCountUnit(code string) bool {
	switch code {
	case "times_per_day", "times_per_week", "minutes_per_day", "hours_per_week", "days_per_week", "percent", "rating_0_10":
		return true
	}
	return false
}
