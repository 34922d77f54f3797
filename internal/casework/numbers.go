package casework

import (
	"errors"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// ErrNumber, ErrAmbiguousNumber and ErrOtherSeparator explain why ParseNumber refused its input.
var (
	ErrNumber          = errors.New("enter a number")
	ErrAmbiguousNumber = errors.New("ambiguous number")
	ErrOtherSeparator  = errors.New("the other decimal separator")
)

// plainNumber is an optional sign, digits and at most one decimal part after sep (written as "S").
var plainNumber = regexp.MustCompile(`^-?[0-9]+(S[0-9]+)?$`)

// ambiguousGroup is a number that reads as a thousands group: "1,000", "12.500".
var ambiguousGroup = regexp.MustCompile(`^-?[1-9][0-9]{0,2}S[0-9]{3}$`)

// ParseNumber reads a number typed in the practice's locale: with a decimal comma ("2,5") when
// decimalComma is set, otherwise with a decimal point ("2.5"). It refuses the other separator, any
// thousands separator, and what reads as a thousands group ("1,000" could be one thousand or one).
func ParseNumber(raw string, decimalComma bool) (float64, error) {
	v := strings.TrimSpace(strings.ReplaceAll(raw, "−", "-"))
	sep, other := ".", ","
	if decimalComma {
		sep, other = ",", "."
	}
	if v == "" {
		return 0, ErrNumber
	}
	if strings.Contains(v, other) {
		if !strings.Contains(v, sep) && plainNumber.MatchString(strings.ReplaceAll(v, other, "S")) &&
			!ambiguousGroup.MatchString(strings.ReplaceAll(v, other, "S")) {
			return 0, ErrOtherSeparator
		}
		return 0, ErrAmbiguousNumber
	}
	shape := strings.ReplaceAll(v, sep, "S")
	if !plainNumber.MatchString(shape) {
		return 0, ErrNumber
	}
	if ambiguousGroup.MatchString(shape) {
		return 0, ErrAmbiguousNumber
	}
	n, err := strconv.ParseFloat(strings.ReplaceAll(v, ",", "."), 64)
	if err != nil || math.IsInf(n, 0) || math.IsNaN(n) || math.Abs(n) > 1e9 {
		return 0, ErrNumber
	}
	return n, nil
}

// NumberMessage is the message shown beside a field ParseNumber refused.
func NumberMessage(err error, decimalComma bool) string {
	example, sep := "2.5", "a point"
	if decimalComma {
		example, sep = "2,5", "a comma"
	}
	switch {
	case errors.Is(err, ErrAmbiguousNumber):
		return "This could be read two ways. Write the number without a thousands separator, like 1000, " +
			"and use " + sep + " only for decimals, like " + example + "."
	case errors.Is(err, ErrOtherSeparator):
		return "This practice writes decimals with " + sep + ", like " + example + "."
	}
	return "Enter a number, like 4 or " + example + "."
}

// UnitAllowsNegative reports whether a goal's unit code may take a value below zero. Only "other" may:
// counts, times, ratings and percentages cannot be negative, and neither can a goal not yet coded.
func UnitAllowsNegative(unitCode string) bool { return unitCode == "other" }

// ReadingProblems applies the rules for one reading of a goal: never below zero where the unit is a count
// (or any non-signed unit), and never dated before the goal's baseline date.
func ReadingProblems(g SMART, unitCode string, date time.Time, value float64) map[string]string {
	p := map[string]string{}
	if value < 0 && !UnitAllowsNegative(unitCode) {
		p["value"] = "A count, time, rating or percentage cannot be below zero."
	}
	if g.BaselineDate != nil && date.Before(*g.BaselineDate) {
		p["reading_date"] = "A reading cannot be dated before the goal's baseline date (" + g.BaselineDate.Format("2 Jan 2006") + ")."
	}
	return p
}

// TargetPassed reports whether activating a goal today needs a confirmation: its target date has passed.
func TargetPassed(g SMART, today time.Time) bool {
	return g.TargetDate != nil && g.TargetDate.Before(today)
}
