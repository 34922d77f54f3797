package casework

import (
	"errors"
	"testing"
	"time"
)

func TestParseNumberFollowsThePracticeLocaleAndRefusesAmbiguity(t *testing.T) {
	cases := []struct {
		raw   string
		comma bool
		want  float64
		err   error
	}{
		{"2.5", false, 2.5, nil},
		{"2,5", true, 2.5, nil},
		{" 4 ", false, 4, nil},
		{"10", true, 10, nil},
		{"-3", false, -3, nil},
		{"0.125", false, 0.125, nil},
		{"1000", false, 1000, nil},
		{"1,000", false, 0, ErrAmbiguousNumber},
		{"1,000", true, 0, ErrAmbiguousNumber},
		{"1.000", true, 0, ErrAmbiguousNumber},
		{"1.000", false, 0, ErrAmbiguousNumber},
		{"2,5", false, 0, ErrOtherSeparator},
		{"2.5", true, 0, ErrOtherSeparator},
		{"1,000.5", false, 0, ErrAmbiguousNumber},
		{"1.000,5", true, 0, ErrAmbiguousNumber},
		{"", false, 0, ErrNumber},
		{"ten", false, 0, ErrNumber},
		{"1e9", false, 0, ErrNumber},
		{"NaN", false, 0, ErrNumber},
		{"2.5.1", false, 0, ErrNumber},
	}
	for _, tc := range cases {
		got, err := ParseNumber(tc.raw, tc.comma)
		if !errors.Is(err, tc.err) || (err == nil && got != tc.want) {
			t.Errorf("ParseNumber(%q, comma %v) = %v, %v; want %v, %v", tc.raw, tc.comma, got, err, tc.want, tc.err)
		}
		if err != nil && NumberMessage(err, tc.comma) == "" {
			t.Errorf("no message for %q", tc.raw)
		}
	}
}

func TestReadingRules(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse("2006-01-02", s); return d }
	base := day("2026-03-01")
	g := SMART{BaselineDate: &base}
	cases := []struct {
		name   string
		g      SMART
		unit   string
		date   string
		value  float64
		fields string
	}{
		{"a count of zero on the baseline date", g, "times_per_day", "2026-03-01", 0, ""},
		{"a negative count", g, "times_per_day", "2026-03-02", -3, "value"},
		{"a negative rating", g, "rating_0_10", "2026-03-02", -1, "value"},
		{"a negative value on a goal not yet coded", g, "", "2026-03-02", -1, "value"},
		{"a negative value where the unit is other", g, "other", "2026-03-02", -1, ""},
		{"a reading the day before the baseline", g, "times_per_day", "2026-02-28", 2, "reading_date"},
		{"both wrong", g, "percent", "2026-02-01", -5, "reading_date,value"},
		{"no baseline date yet", SMART{}, "times_per_day", "2020-01-01", 2, ""},
	}
	for _, tc := range cases {
		p := ReadingProblems(tc.g, tc.unit, day(tc.date), tc.value)
		got := ""
		for _, f := range []string{"reading_date", "value"} {
			if p[f] != "" {
				if got != "" {
					got += ","
				}
				got += f
			}
		}
		if got != tc.fields {
			t.Errorf("%s: problems on %q, want %q", tc.name, got, tc.fields)
		}
	}
}

func TestTargetPassedAsksForConfirmation(t *testing.T) {
	today, _ := time.Parse("2006-01-02", "2026-03-10")
	past, same, later := today.AddDate(0, 0, -1), today, today.AddDate(0, 0, 1)
	cases := []struct {
		name string
		g    SMART
		want bool
	}{
		{"target yesterday", SMART{TargetDate: &past}, true},
		{"target today", SMART{TargetDate: &same}, false},
		{"target tomorrow", SMART{TargetDate: &later}, false},
		{"no target date", SMART{}, false},
	}
	for _, tc := range cases {
		if got := TargetPassed(tc.g, today); got != tc.want {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
}
