package homework

import (
	"fmt"
	"strings"
)

// queryValue escapes a template ref for a URL's query as html/template did: every byte but
// letters, digits and -._~ as %xx in lower case (so "builtin:x" is "builtin%3ax").
func queryValue(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("-._~", c) >= 0 {
			b.WriteByte(c)
			continue
		}
		fmt.Fprintf(&b, "%%%02x", c)
	}
	return b.String()
}

// PreviewPath is the preview of the template ref.
func PreviewPath(ref string) string { return "/homework/templates/preview?ref=" + queryValue(ref) }

// CopyPath is the editor starting from a copy of the template ref.
func CopyPath(ref string) string { return "/homework/templates/new?from=" + queryValue(ref) }
