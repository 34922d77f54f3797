package chart

import (
	"encoding/xml"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// svgWriter builds SVG markup. Every attribute value and every text node goes through
// xml.EscapeText, so no caller can inject markup; element and attribute names are constants.
type svgWriter struct {
	b strings.Builder
}

// open writes a start tag; attrs are name, value pairs.
func (w *svgWriter) open(name string, attrs ...string) {
	w.tag(name, attrs)
	w.b.WriteString(">")
}

// empty writes a self-closing element.
func (w *svgWriter) empty(name string, attrs ...string) {
	w.tag(name, attrs)
	w.b.WriteString("/>")
}

// close writes an end tag.
func (w *svgWriter) close(name string) {
	w.b.WriteString("</" + name + ">")
}

// text writes an element holding only escaped text.
func (w *svgWriter) text(name, content string, attrs ...string) {
	w.open(name, attrs...)
	w.escape(content)
	w.close(name)
}

func (w *svgWriter) tag(name string, attrs []string) {
	if len(attrs)%2 != 0 {
		panic("chart: odd number of attribute strings for <" + name + ">")
	}
	w.b.WriteString("<" + name)
	for i := 0; i < len(attrs); i += 2 {
		w.b.WriteString(" " + attrs[i] + `="`)
		w.escape(attrs[i+1])
		w.b.WriteString(`"`)
	}
}

func (w *svgWriter) escape(s string) {
	_ = xml.EscapeText(&w.b, []byte(s)) // a strings.Builder never fails
}

func (w *svgWriter) String() string { return w.b.String() }

// num formats a coordinate with at most two decimals, never as "-0".
func num(f float64) string {
	r := math.Round(f*100) / 100
	if r == 0 {
		r = 0
	}
	return strconv.FormatFloat(r, 'f', -1, 64)
}

// shorten cuts s to at most n runes, ending with an ellipsis when it had to cut.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// sanitiseID keeps only [a-zA-Z0-9_-] from id, replacing anything else with "-".
func sanitiseID(id string) string {
	var b strings.Builder
	for _, r := range id {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '_', r == '-':
			b.WriteRune(r)
		default:
			b.WriteByte('-')
		}
	}
	if b.Len() == 0 {
		return "chart"
	}
	return b.String()
}

// safeFill returns fill when it is a hex colour (#rgb, #rgba, #rrggbb, #rrggbbaa) or a named
// colour (letters only), and def otherwise, so a stray value cannot reference a URL.
func safeFill(fill, def string) string {
	if fill == "" {
		return def
	}
	if fill[0] == '#' {
		hex := fill[1:]
		switch len(hex) {
		case 3, 4, 6, 8:
		default:
			return def
		}
		for _, c := range hex {
			if !strings.ContainsRune("0123456789abcdefABCDEF", c) {
				return def
			}
		}
		return fill
	}
	if len(fill) > 30 {
		return def
	}
	for _, c := range fill {
		if (c < 'a' || c > 'z') && (c < 'A' || c > 'Z') {
			return def
		}
	}
	return fill
}
