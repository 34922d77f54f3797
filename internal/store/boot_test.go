package store_test

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/testutil"
)

// copyQueries returns the embedded SQL files as a MapFS, for a test to change one.
func copyQueries(t *testing.T) fstest.MapFS {
	t.Helper()
	out := fstest.MapFS{}
	err := fs.WalkDir(store.QueryFiles(), ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(store.QueryFiles(), path)
		out[path] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestBootPreparesEveryQuery opens the store over a migrated database: every query of every
// file is prepared, so a query PostgreSQL refuses would fail here, not on a page.
func TestBootPreparesEveryQuery(t *testing.T) {
	db := testutil.NewDatabase(t)
	st, err := store.New(db.App)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestBrokenQueryFailsBoot: a query that refers to a column that does not exist, a block
// whose name the store does not know, and a missing block each stop the store from opening.
func TestBrokenQueryFailsBoot(t *testing.T) {
	db := testutil.NewDatabase(t)
	if err := store.PrepareQueries(db.App, copyQueries(t)); err != nil {
		t.Fatalf("the unchanged files: %v", err)
	}
	cases := map[string]struct {
		change func(string) string
		want   string
	}{
		"bad column": {func(s string) string {
			return strings.Replace(s, "SELECT counsellor_id FROM supervision", "SELECT no_such_column FROM supervision", 1)
		}, `"supervisees"`},
		"unknown block": {func(s string) string { return s + "\n-- name: not-in-the-struct\nSELECT 1\n" }, "not-in-the-struct"},
		"missing block": {func(s string) string {
			return strings.Replace(s, "-- name: supervisees", "-- name: supervisees-renamed", 1)
		}, `"supervisees"`},
	}
	for name, c := range cases {
		fsys := copyQueries(t)
		f := fsys["queries/dashboard.sql"]
		changed := c.change(string(f.Data))
		if changed == string(f.Data) {
			t.Fatalf("%s: the change did not apply", name)
		}
		fsys["queries/dashboard.sql"] = &fstest.MapFile{Data: []byte(changed)}
		err := store.PrepareQueries(db.App, fsys)
		if err == nil {
			t.Errorf("%s: the store opened", name)
			continue
		}
		if !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v does not name %s", name, err, c.want)
		}
	}
}
