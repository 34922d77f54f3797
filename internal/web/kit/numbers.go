package kit

import "strconv"

// FormatNumber shows a number field's value back in a form; nil is empty.
func FormatNumber(n *float64) string {
	if n == nil {
		return ""
	}
	return strconv.FormatFloat(*n, 'f', -1, 64)
}
