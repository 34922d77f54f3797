package supervision

import (
	"regexp"
	"strings"
)

// columnAbout says in one sentence what each fixed column of the files holds.
var columnAbout = map[string]string{
	"client":                      "The client's pseudonym: the same client has the same pseudonym in every file, and it is never shown beside a name.",
	"client_code":                 "The client's working code (SB-0001), as on their record.",
	"counsellor":                  "The counsellor's pseudonym, the same in every file.",
	"first_name":                  "The client's first name.",
	"last_name":                   "The client's last name.",
	"counsellor_name":             "The counsellor's name.",
	"counsellor_code":             "The counsellor's pseudonym, for matching with de-identified files.",
	"status":                      "Where the client or goal stands now (for example active, paused, discharged; for goals draft, active, achieved).",
	"format":                      "How the client is seen: individual, couples or group.",
	"appointments_attended":       "How many appointments the client attended.",
	"appointments_cancelled":      "How many appointments were cancelled.",
	"appointments_no_show":        "How many appointments the client missed without notice.",
	"first_appointment_year":      "The year of the first appointment, when the practice chose to include it.",
	"goals_draft":                 "How many of the client's goals are still drafts.",
	"goals_active":                "How many of the client's goals are being worked on.",
	"goals_achieved":              "How many of the client's goals were achieved.",
	"goals_revised":               "How many of the client's goals were replaced by a revised goal.",
	"goals_discontinued":          "How many of the client's goals were stopped.",
	"homework_completion":         "The share of expected homework entries the client made, from 0 to 1; blank when none was set.",
	"risk_level":                  "The overall risk noted in the intake's risk screen (low, moderate, high), blank before the screen.",
	"flag_open":                   "Whether a risk flag is waiting for a counsellor's review (true or false).",
	"goal":                        "The goal's number within the client's record.",
	"statement":                   "The goal as written with the client.",
	"metric":                      "What the goal measures, in the counsellor's words.",
	"unit":                        "The unit of the measure, in the counsellor's words.",
	"metric_code":                 "What the goal measures, as a fixed code shared by every practice.",
	"unit_code":                   "The unit of the measure, as a fixed code.",
	"direction":                   "Whether the goal is to increase or decrease the measure.",
	"baseline":                    "The measure at the start.",
	"target":                      "The value the goal aims for.",
	"latest_reading":              "The most recent value recorded.",
	"progress":                    "How far from the baseline to the target the latest reading has come, from 0 to 1.",
	"assignment":                  "The homework assignment's number within the client's record.",
	"template":                    "The homework template the assignment came from.",
	"field":                       "The question of the homework form (field_1, field_2… in de-identified files).",
	"value":                       "The client's answer; numbers only in de-identified files, words too in identified ones.",
	"assignment_entries_made":     "How many entries the client made for this assignment.",
	"assignment_entries_expected": "How many entries the assignment asked for.",
	"assignment_completion":       "Entries made over entries expected, from 0 to 1.",
	"week":                        "The week of treatment the score is from, counted from the first appointment.",
	"date":                        "The calendar date the score is from.",
	"instrument":                  "The questionnaire or marker scored (phq9, gad7, or marker_ and its place in the practice's list).",
	"item":                        "The question within the questionnaire; total for the whole score.",
	"score":                       "The score given.",
}

var (
	datedColumn   = regexp.MustCompile(`^(.+)_(week|date)$`)
	measureColumn = regexp.MustCompile(`^(phq9|gad7)_(first|latest|change)$`)
	markerColumn  = regexp.MustCompile(`^marker_(\d+)_(first|latest)$`)
)

var measureNames = map[string]string{"phq9": "PHQ-9", "gad7": "GAD-7"}

// AboutColumn says in one sentence what a column of an export holds, or "" for a column
// it does not know (a test keeps every column of every file known).
func AboutColumn(name string) string {
	if about, ok := columnAbout[name]; ok {
		return about
	}
	if m := measureColumn.FindStringSubmatch(name); m != nil {
		switch m[2] {
		case "first":
			return "The client's first " + measureNames[m[1]] + " total."
		case "latest":
			return "The client's latest " + measureNames[m[1]] + " total."
		}
		return "The reliable-change verdict from the first to the latest " + measureNames[m[1]] + " total, by the practice's conventions."
	}
	if m := markerColumn.FindStringSubmatch(name); m != nil {
		return "The client's " + m[2] + " rating of the practice's progress marker number " + m[1] + " (0 to 10)."
	}
	if m := datedColumn.FindStringSubmatch(name); m != nil {
		what := strings.ReplaceAll(m[1], "_", " ")
		if m[2] == "week" {
			return "When the " + what + " was, as the week of treatment counted from the first appointment."
		}
		return "The calendar date of the " + what + "."
	}
	return ""
}
