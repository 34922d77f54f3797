// Package templates embeds the server-rendered HTML templates.
package templates

import "embed"

// FS holds layouts/, partials/ and pages/ (the html/template pages not yet moved to templ).
//
//go:embed layouts partials pages
var FS embed.FS
