package casework

import (
	"testing"
	"time"
)

func TestAppointmentRules(t *testing.T) {
	now := time.Date(2026, 4, 10, 12, 0, 0, 0, time.UTC)
	days := []struct {
		day  time.Time
		want bool
	}{
		{time.Date(1999, 12, 31, 0, 0, 0, 0, time.UTC), false}, {time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC), true},
		{now.AddDate(5, 0, 0), true}, {now.AddDate(5, 0, 1), false},
	}
	for _, tc := range days {
		if AppointmentDayInRange(tc.day, now) != tc.want {
			t.Errorf("AppointmentDayInRange(%s) = %v", tc.day.Format("2006-01-02"), !tc.want)
		}
	}
	for minutes, want := range map[int]bool{4: false, 5: true, 50: true, 480: true, 481: false} {
		if AppointmentLengthOK(minutes) != want {
			t.Errorf("AppointmentLengthOK(%d) = %v", minutes, !want)
		}
	}
	statuses := []struct {
		name   string
		status string
		starts time.Time
		known  bool
		bad    bool
	}{
		{"unknown status", "maybe", now, true, true},
		{"scheduled tomorrow", "scheduled", now.Add(24 * time.Hour), true, false},
		{"scheduled this morning", "scheduled", now.Add(-3 * time.Hour), true, false},
		{"scheduled two days ago", "scheduled", now.Add(-48 * time.Hour), true, true},
		{"scheduled two days ago, time unread", "scheduled", now.Add(-48 * time.Hour), false, false},
		{"attended an hour ago", "attended", now.Add(-time.Hour), true, false},
		{"attended tomorrow", "attended", now.Add(24 * time.Hour), true, true},
		{"cancelled tomorrow", "cancelled", now.Add(24 * time.Hour), true, false},
		{"no-show last week", "no_show", now.AddDate(0, 0, -7), true, false},
	}
	for _, tc := range statuses {
		if got := AppointmentStatusProblem(tc.status, tc.starts, tc.known, now); (got != "") != tc.bad {
			t.Errorf("%s: %q", tc.name, got)
		}
	}
}
