package web

import (
	"testing"
)

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
