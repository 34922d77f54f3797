package pg

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"

	sqlfiles "github.com/securebase/securebase/sql"
)

// MigrationsHash returns a SHA-256 over every migration file's name and content: test
// harnesses name their template database after it, so a changed migration makes a new one.
func MigrationsHash() (string, error) {
	h := sha256.New()
	err := fs.WalkDir(sqlfiles.Migrations, sqlfiles.MigrationsDir, func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(sqlfiles.Migrations, name)
		if err != nil {
			return err
		}
		h.Write([]byte(name + "\x00"))
		h.Write(b)
		return nil
	})
	h.Write([]byte(riverVersions()))
	return hex.EncodeToString(h.Sum(nil)), err
}
