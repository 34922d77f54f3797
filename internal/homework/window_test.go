package homework

import (
	"slices"
	"testing"
	"time"
)

func dt(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestCheckWindow(t *testing.T) {
	today := dt("2026-06-15")
	cases := []struct {
		name       string
		cadence    Cadence
		start, due string
		field      string // refused field, or ""
	}{
		{"a week from today", Once, "2026-06-15", "2026-06-22", ""},
		{"started 30 days ago", Once, "2026-05-16", "2026-06-15", ""},
		{"started 31 days ago", Once, "2026-05-15", "2026-06-20", "start_date"},
		{"due before start", Once, "2026-06-20", "2026-06-19", "due_date"},
		{"due yesterday", Once, "2026-06-01", "2026-06-14", "due_date"},
		{"due today", Once, "2026-06-01", "2026-06-15", ""},
		{"daily for 92 days", Daily, "2026-06-15", "2026-09-14", ""},
		{"daily for 93 days", Daily, "2026-06-15", "2026-09-15", "due_date"},
		{"once over a long span", Once, "2026-06-15", "2027-06-15", ""},
	}
	for _, tc := range cases {
		got := CheckWindow(tc.cadence, dt(tc.start), dt(tc.due), today)
		if len(got) > 1 {
			t.Errorf("%s: %d messages, want at most one", tc.name, len(got))
		}
		field := ""
		for f := range got {
			field = f
		}
		if field != tc.field {
			t.Errorf("%s: refused %q (%v), want %q", tc.name, field, got, tc.field)
		}
	}
}

func TestOpenDaysAndEntryDay(t *testing.T) {
	daily := Window{Cadence: Daily, Start: dt("2026-06-10"), Due: dt("2026-06-14")}
	once := Window{Cadence: Once, Start: dt("2026-06-10"), Due: dt("2026-06-14")}
	sent := map[time.Time]bool{dt("2026-06-11"): true}
	cases := []struct {
		name     string
		w        Window
		today    string
		sent     map[time.Time]bool
		days     []string
		opensOn  bool
		done     bool
		entryRaw string
		entryOK  bool
	}{
		{"daily before start", daily, "2026-06-09", nil, nil, true, false, "2026-06-10", false},
		{"daily midway", daily, "2026-06-12", sent, []string{"2026-06-10", "2026-06-12"}, false, false, "2026-06-12", true},
		{"daily, a day to come", daily, "2026-06-12", sent, []string{"2026-06-10", "2026-06-12"}, false, false, "2026-06-13", false},
		{"daily after due, all sent", daily, "2026-06-20", map[time.Time]bool{dt("2026-06-10"): true, dt("2026-06-11"): true,
			dt("2026-06-12"): true, dt("2026-06-13"): true, dt("2026-06-14"): true}, nil, false, true, "2026-06-15", false},
		{"daily, all sent so far, more to come", daily, "2026-06-10", map[time.Time]bool{dt("2026-06-10"): true}, nil, false, false, "bad", false},
		{"once open", once, "2026-06-12", nil, []string{"2026-06-10"}, false, false, "anything", true},
		{"once sent", once, "2026-06-12", map[time.Time]bool{dt("2026-06-10"): true}, nil, false, true, "", true},
	}
	for _, tc := range cases {
		days, opensOn, done := tc.w.OpenDays(dt(tc.today), tc.sent)
		var got []string
		for _, d := range days {
			got = append(got, d.Format("2006-01-02"))
		}
		if !slices.Equal(got, tc.days) || (opensOn != nil) != tc.opensOn || done != tc.done {
			t.Errorf("%s: days %v opens %v done %v, want %v %v %v", tc.name, got, opensOn, done, tc.days, tc.opensOn, tc.done)
		}
		if _, ok := tc.w.EntryDay(tc.entryRaw, dt(tc.today)); ok != tc.entryOK {
			t.Errorf("%s: EntryDay(%q) ok=%v, want %v", tc.name, tc.entryRaw, ok, tc.entryOK)
		}
	}
}

func TestOnlyNumbersFeedGoals(t *testing.T) {
	tpl := Template{Fields: []Field{{Key: "n", Type: Count}, {Key: "t", Type: ShortText}}}
	if !tpl.FeedsGoal("n") || tpl.FeedsGoal("t") || tpl.FeedsGoal("missing") {
		t.Fatal("only a numeric field of the template feeds a goal")
	}
}
