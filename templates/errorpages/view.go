// Package errorpages renders the friendly page shown for every failed staff request.
package errorpages

import "github.com/securebase/securebase/templates/layout"

// View is one error page: what happened, in plain words, and the reference to quote.
type View struct {
	layout.Page
	Heading string
	Message string
}
