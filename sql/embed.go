// Package sqlfiles embeds the versioned SQL migrations of the Secure Base schema.
package sqlfiles

import "embed"

// Migrations holds the goose migrations under migrations/, applied in file-name order.
//
//go:embed migrations/*.sql
var Migrations embed.FS

// MigrationsDir is the directory inside Migrations that holds the files.
const MigrationsDir = "migrations"
