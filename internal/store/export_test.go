package store

import (
	"io/fs"

	"github.com/jmoiron/sqlx"
)

// QueryFiles returns the embedded SQL files, for tests that change one.
func QueryFiles() fs.FS { return queryFiles }

// PrepareQueries prepares the queries of fsys on db as New does, closing them again.
func PrepareQueries(db *sqlx.DB, fsys fs.FS) error {
	q, err := prepareQueries(db, fsys)
	if err != nil {
		return err
	}
	return (&Store{q: q}).Close()
}

// ReadQueries parses the SQL files of fsys (queries/*.sql) into named blocks.
func ReadQueries(fsys fs.FS) (map[string]string, error) { return readQueries(fsys) }
