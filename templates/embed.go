// Package templates embeds the server-rendered HTML templates.
package templates

import "embed"

// FS holds layouts/, partials/, pages/ and errors/.
//
//go:embed layouts partials pages errors
var FS embed.FS
