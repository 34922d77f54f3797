package casework

import (
	"errors"
	"testing"
	"time"
)

func TestCheckDeletion(t *testing.T) {
	ended := time.Date(2020, 3, 15, 10, 0, 0, 0, time.UTC)
	cases := []struct {
		name string
		r    Retention
		now  time.Time
		want error
	}{
		{"in care", Retention{Discharged: false, Years: 0}, ended.AddDate(40, 0, 0), ErrInCare},
		{"no retention period", Retention{Discharged: true, EndOfCare: ended}, ended, nil},
		{"a second before the end", Retention{Discharged: true, EndOfCare: ended, Years: 7}, ended.AddDate(7, 0, 0).Add(-time.Second),
			RetentionRunning{Until: ended.AddDate(7, 0, 0)}},
		{"on the anniversary", Retention{Discharged: true, EndOfCare: ended, Years: 7}, ended.AddDate(7, 0, 0), nil},
		{"long after", Retention{Discharged: true, EndOfCare: ended, Years: 30}, ended.AddDate(31, 0, 0), nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := CheckDeletion(tc.r, tc.now)
			var running RetentionRunning
			switch {
			case tc.want == nil && err != nil, tc.want != nil && err == nil:
				t.Fatalf("got %v, want %v", err, tc.want)
			case errors.As(tc.want, &running):
				var got RetentionRunning
				if !errors.As(err, &got) || !got.Until.Equal(running.Until) {
					t.Fatalf("got %v, want %v", err, tc.want)
				}
			case tc.want != nil && !errors.Is(err, tc.want):
				t.Fatalf("got %v, want %v", err, tc.want)
			}
		})
	}
}
