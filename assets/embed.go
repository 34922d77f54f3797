// Package assets embeds the static files served under /assets/ with content-hashed names.
package assets

import "embed"

// FS holds css/ and img/.
//
//go:embed css img
var FS embed.FS
