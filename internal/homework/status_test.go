package homework

import (
	"testing"
	"time"
)

func london(t *testing.T) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Skipf("no time zone data: %v", err)
	}
	return loc
}

func day(loc *time.Location, s string) time.Time {
	d, err := time.ParseInLocation("2006-01-02", s, loc)
	if err != nil {
		panic(err)
	}
	return d
}

func TestExpectedEntries(t *testing.T) {
	loc := london(t)
	cases := []struct {
		name       string
		c          Cadence
		start, due time.Time
		want       int
	}{
		{"once", Once, day(loc, "2026-03-01"), day(loc, "2026-03-20"), 1},
		{"once even with due before start", Once, day(loc, "2026-03-20"), day(loc, "2026-03-01"), 1},
		{"daily same day", Daily, day(loc, "2026-03-01"), day(loc, "2026-03-01"), 1},
		{"daily a week", Daily, day(loc, "2026-03-02"), day(loc, "2026-03-08"), 7},
		{"daily across a month boundary", Daily, day(loc, "2026-01-30"), day(loc, "2026-02-02"), 4},
		{"daily across February in a leap year", Daily, day(loc, "2024-02-27"), day(loc, "2024-03-01"), 4},
		// The clocks go forward on 29 March 2026 (a 23-hour day) and back on 25 October (25 hours).
		{"daily across the spring change", Daily, day(loc, "2026-03-28"), day(loc, "2026-03-30"), 3},
		{"daily across the autumn change", Daily, day(loc, "2026-10-24"), day(loc, "2026-10-26"), 3},
		{"daily with times of day", Daily, day(loc, "2026-03-28").Add(23 * time.Hour), day(loc, "2026-03-30").Add(time.Minute), 3},
		{"daily due before start", Daily, day(loc, "2026-03-10"), day(loc, "2026-03-09"), 0},
		{"daily due long before start", Daily, day(loc, "2026-03-10"), day(loc, "2025-03-09"), 0},
		{"daily over centuries", Daily, day(time.UTC, "1900-01-01"), day(time.UTC, "2200-12-31"), 109938},
		{"unknown cadence", Cadence("weekly"), day(loc, "2026-03-01"), day(loc, "2026-03-20"), 0},
	}
	for _, tc := range cases {
		if got := ExpectedEntries(tc.c, tc.start, tc.due); got != tc.want {
			t.Errorf("%s: %d, want %d", tc.name, got, tc.want)
		}
	}
}

func TestCompletionRate(t *testing.T) {
	cases := []struct {
		made, expected int
		want           float64
	}{
		{0, 0, 0}, {3, 0, 0}, {0, 7, 0}, {1, 4, 0.25}, {7, 7, 1}, {9, 7, 1}, {-1, 4, 0}, {2, -1, 0},
	}
	for _, tc := range cases {
		if got := CompletionRate(tc.made, tc.expected); got != tc.want {
			t.Errorf("CompletionRate(%d, %d) = %v, want %v", tc.made, tc.expected, got, tc.want)
		}
	}
}

func TestStatusOf(t *testing.T) {
	loc := london(t)
	week := Facts{Cadence: Daily, Start: day(loc, "2026-03-02"), Due: day(loc, "2026-03-08"), Today: day(loc, "2026-03-05")}
	once := Facts{Cadence: Once, Start: day(loc, "2026-03-02"), Due: day(loc, "2026-03-08"), Today: day(loc, "2026-03-05")}
	with := func(f Facts, edit func(*Facts)) Facts { edit(&f); return f }
	cases := []struct {
		name string
		f    Facts
		want string
	}{
		{"nothing yet", once, StatusAssigned},
		{"on the due date", with(once, func(f *Facts) { f.Today = f.Due.Add(23 * time.Hour) }), StatusAssigned},
		{"a draft", with(once, func(f *Facts) { f.Drafts = 1 }), StatusStarted},
		{"some daily entries", with(week, func(f *Facts) { f.Submitted = 3 }), StatusStarted},
		{"past due", with(once, func(f *Facts) { f.Today = day(loc, "2026-03-09") }), StatusOverdue},
		{"past due with a draft", with(once, func(f *Facts) { f.Drafts = 1; f.Today = day(loc, "2026-03-09") }), StatusOverdue},
		{"link expired", with(week, func(f *Facts) { f.Submitted = 3; f.LinkExpired = true; f.Today = day(loc, "2026-03-20") }), StatusExpired},
		{"submitted once", with(once, func(f *Facts) { f.Submitted = 1 }), StatusSubmitted},
		{"every day submitted", with(week, func(f *Facts) { f.Submitted = 7; f.Reviewed = 6 }), StatusSubmitted},
		{"submitted late after expiry", with(once, func(f *Facts) { f.Submitted = 1; f.LinkExpired = true }), StatusSubmitted},
		{"reviewed", with(once, func(f *Facts) { f.Submitted = 1; f.Reviewed = 1 }), StatusReviewed},
		{"all days reviewed", with(week, func(f *Facts) { f.Submitted = 7; f.Reviewed = 7; f.Today = day(loc, "2026-04-01") }), StatusReviewed},
		{"revoked beats everything", with(once, func(f *Facts) { f.Submitted, f.Reviewed, f.LinkExpired, f.Revoked = 1, 1, true, true }), StatusRevoked},
		{"revoked unstarted", with(week, func(f *Facts) { f.Revoked = true }), StatusRevoked},
		{"nothing expected, nothing sent", with(week, func(f *Facts) { f.Due = day(loc, "2026-03-01") }), StatusOverdue},
		{"nothing expected, one sent", with(week, func(f *Facts) { f.Due = day(loc, "2026-03-01"); f.Submitted = 1 }), StatusSubmitted},
	}
	for _, tc := range cases {
		if got := StatusOf(tc.f); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
	}
}

func TestStatusLabels(t *testing.T) {
	seen := map[string]bool{}
	for _, s := range Statuses() {
		l := StatusLabel(s)
		if l == "" || l == s || seen[l] {
			t.Errorf("%s: label %q", s, l)
		}
		seen[l] = true
	}
	if StatusLabel(StatusSubmitted) != "Awaiting review" {
		t.Errorf("submitted: %q", StatusLabel(StatusSubmitted))
	}
	if StatusLabel("odd") != "odd" {
		t.Error("an unknown status keeps its name")
	}
	for _, c := range Cadences() {
		if !c.Cadence.Valid() || c.Label == "" {
			t.Errorf("cadence %v", c)
		}
	}
	if Cadence("weekly").Valid() {
		t.Error("weekly is not a cadence")
	}
}
