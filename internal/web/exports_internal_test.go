package web

import (
	"testing"
	"time"
)

func TestDeIdentifiedDateRangesSnapToWholeWeeks(t *testing.T) {
	day := func(s string) *time.Time {
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			t.Fatal(err)
		}
		return &d
	}
	cases := []struct{ in, start, end string }{
		{"2026-11-18", "2026-11-16", "2026-11-22"}, // a Wednesday
		{"2026-11-16", "2026-11-16", "2026-11-22"}, // a Monday
		{"2026-11-22", "2026-11-16", "2026-11-22"}, // a Sunday
		{"2027-01-01", "2026-12-28", "2027-01-03"}, // across a year
	}
	for _, tc := range cases {
		if got := weekStart(day(tc.in)).Format(time.DateOnly); got != tc.start {
			t.Errorf("weekStart(%s) = %s, want %s", tc.in, got, tc.start)
		}
		if got := weekEnd(day(tc.in)).Format(time.DateOnly); got != tc.end {
			t.Errorf("weekEnd(%s) = %s, want %s", tc.in, got, tc.end)
		}
	}
	if weekStart(nil) != nil || weekEnd(nil) != nil {
		t.Error("an open end of the range must stay open")
	}
}

func TestHomeworkRateIsBlankWhenNothingWasAsked(t *testing.T) {
	cases := []struct {
		made, expected int
		want           string
	}{{0, 0, ""}, {0, 7, "0"}, {2, 3, "0.667"}, {9, 7, "1"}, {1, 8, "0.125"}}
	for _, tc := range cases {
		if got := homeworkRate(tc.made, tc.expected).Value(); got != tc.want {
			t.Errorf("homeworkRate(%d, %d) = %q, want %q", tc.made, tc.expected, got, tc.want)
		}
	}
}
