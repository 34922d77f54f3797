package measures

import (
	"slices"
	"testing"
	"time"
)

func TestParseMarkerRating(t *testing.T) {
	for raw, want := range map[string]bool{"0": true, "10": true, "5": true, "11": false, "-1": false, "": false, "x": false, "4.5": false} {
		if _, ok := ParseMarkerRating(raw); ok != want {
			t.Errorf("ParseMarkerRating(%q) ok=%v, want %v", raw, ok, want)
		}
	}
}

func TestCheckDay(t *testing.T) {
	today := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	if CheckDay(today, today) != "" || CheckDay(today.AddDate(0, 0, -3), today) != "" || CheckDay(today.AddDate(0, 0, 1), today) == "" {
		t.Fatal("ratings may be dated today or earlier, never later")
	}
}

func TestCheckCheckin(t *testing.T) {
	today := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	at := func(days int) *time.Time { d := today.AddDate(0, 0, days); return &d }
	var scoresOnly string
	for _, m := range Measures() {
		if m.ScoresOnly {
			scoresOnly = m.Key
		}
	}
	cases := []struct {
		name    string
		markers bool
		keys    []string
		due     *time.Time
		kept    []string
		fields  []string
	}{
		{"markers only, due today", true, nil, at(0), nil, nil},
		{"a questionnaire", false, []string{"phq9"}, at(7), []string{"phq9"}, nil},
		{"nothing chosen", false, nil, at(7), nil, []string{"ck_measures"}},
		{"an unknown questionnaire", true, []string{"phq9", "astrology"}, at(7), []string{"phq9"}, []string{"ck_measures"}},
		{"due yesterday", true, nil, at(-1), nil, []string{"ck_due"}},
		{"due past three months", true, nil, &[]time.Time{today.AddDate(0, 3, 1)}[0], nil, []string{"ck_due"}},
		{"due in exactly three months", true, nil, &[]time.Time{today.AddDate(0, 3, 0)}[0], nil, nil},
		{"due not read", true, nil, nil, nil, nil},
	}
	if scoresOnly != "" {
		cases = append(cases, struct {
			name    string
			markers bool
			keys    []string
			due     *time.Time
			kept    []string
			fields  []string
		}{"a scores-only measure", false, []string{scoresOnly}, at(1), nil, []string{"ck_measures"}})
	}
	for _, tc := range cases {
		kept, problems := CheckCheckin(tc.markers, tc.keys, tc.due, today)
		if !slices.Equal(kept, tc.kept) || len(problems) != len(tc.fields) {
			t.Errorf("%s: kept %v problems %v, want %v on %v", tc.name, kept, problems, tc.kept, tc.fields)
		}
		for _, f := range tc.fields {
			if problems[f] == "" {
				t.Errorf("%s: no message for %s", tc.name, f)
			}
		}
	}
}

func TestTotalAloneOnlyWithoutARiskItem(t *testing.T) {
	for _, m := range Measures() {
		if m.TotalAloneAllowed() != (m.ScoresOnly && m.RiskItem == "") {
			t.Errorf("%s: a total alone allowed = %v", m.Key, m.TotalAloneAllowed())
		}
		if m.RiskItem != "" && m.TotalAloneAllowed() {
			t.Errorf("%s: a total alone would skip its risk item", m.Key)
		}
	}
}
