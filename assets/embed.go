// Package assets embeds the static files served under /assets/ with content-hashed names.
package assets

import "embed"

// FS holds css/, img/ and js/.
//
//go:embed css img js
var FS embed.FS
