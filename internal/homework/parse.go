package homework

import (
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// hasControl reports whether s holds a control character other than those allowed.
func hasControl(s string, allowed string) bool {
	for _, r := range s {
		if unicode.IsControl(r) && !strings.ContainsRune(allowed, r) {
			return true
		}
	}
	return false
}

// normaliseNewlines turns CRLF and lone CR into LF, as browsers send textarea lines with CRLF.
func normaliseNewlines(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

// maxNumberLen bounds the length of a number as typed; nobody types a longer one.
const maxNumberLen = 40

// parseDecimal reads a plain decimal: an optional sign, digits, and an optional fraction after
// a point (or a comma when comma is true). No exponents, hex, underscores, spaces or infinities.
// frac reports whether a fraction part was written.
func parseDecimal(s string, comma bool) (v float64, frac bool, ok bool) {
	if s == "" || len(s) > maxNumberLen {
		return 0, false, false
	}
	body := s
	if body[0] == '+' || body[0] == '-' {
		body = body[1:]
	}
	digits, sep := 0, -1
	for i := 0; i < len(body); i++ {
		c := body[i]
		switch {
		case c >= '0' && c <= '9':
			digits++
		case (c == '.' || (comma && c == ',')) && sep < 0:
			sep = i
		default:
			return 0, false, false
		}
	}
	if digits == 0 {
		return 0, false, false
	}
	if sep >= 0 {
		frac = true
		s = strings.Replace(s, ",", ".", 1)
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, false, false
	}
	if v == 0 {
		v = 0 // no negative zero
	}
	return v, frac, true
}

// allDigits reports whether s is non-empty and holds ASCII digits only.
func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// dateProblem is why a date answer was refused.
type dateProblem int

const (
	dateOK dateProblem = iota
	dateBadFormat
	dateImpossible
	dateOutOfRange
)

// parseDate checks a YYYY-MM-DD date: the right shape, a day that exists, a year in range.
func parseDate(s string) dateProblem {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' || !allDigits(s[:4]) || !allDigits(s[5:7]) || !allDigits(s[8:]) {
		return dateBadFormat
	}
	y, _ := strconv.Atoi(s[:4])
	m, _ := strconv.Atoi(s[5:7])
	d, _ := strconv.Atoi(s[8:])
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if m < 1 || m > 12 || d < 1 || t.Day() != d || int(t.Month()) != m {
		return dateImpossible
	}
	if y < MinYear || y > MaxYear {
		return dateOutOfRange
	}
	return dateOK
}

// parseClock checks a 24-hour H:MM or HH:MM time and returns it as HH:MM.
func parseClock(s string) (string, bool) {
	h, m, found := strings.Cut(s, ":")
	if !found || len(h) < 1 || len(h) > 2 || len(m) != 2 || !allDigits(h) || !allDigits(m) {
		return "", false
	}
	hh, _ := strconv.Atoi(h)
	mm, _ := strconv.Atoi(m)
	if hh > 23 || mm > 59 {
		return "", false
	}
	if len(h) == 1 {
		h = "0" + h
	}
	return h + ":" + m, true
}

// runes counts the characters of s.
func runes(s string) int { return utf8.RuneCountInString(s) }

// formatNumber writes a bound for a message: no exponent, no trailing zeros.
func formatNumber(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
