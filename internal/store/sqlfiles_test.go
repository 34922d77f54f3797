package store

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/jmoiron/sqlx"
)

func TestParseQueries(t *testing.T) {
	blocks, err := parseQueries("a.sql", "-- about the file\n\n-- name: one\nSELECT 1\n\n-- name: two\n-- a comment kept with the query\nSELECT 2,\n\t3\n")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"one": "SELECT 1", "two": "-- a comment kept with the query\nSELECT 2,\n\t3"}
	if len(blocks) != len(want) {
		t.Fatalf("got %d blocks, want %d: %q", len(blocks), len(want), blocks)
	}
	for name, sql := range want {
		if blocks[name] != sql {
			t.Errorf("%s: got %q, want %q", name, blocks[name], sql)
		}
	}
}

func TestParseQueriesRefuses(t *testing.T) {
	for name, text := range map[string]string{
		"duplicate name":     "-- name: one\nSELECT 1\n-- name: one\nSELECT 2\n",
		"empty block":        "-- name: one\nSELECT 1\n-- name: two\n\n-- name: three\nSELECT 3\n",
		"empty last block":   "-- name: one\nSELECT 1\n-- name: two\n",
		"SQL before a name":  "SELECT 0\n-- name: one\nSELECT 1\n",
		"name with a space":  "-- name: one two\nSELECT 1\n",
		"no name after name": "-- name:\nSELECT 1\n",
	} {
		if _, err := parseQueries("a.sql", text); err == nil {
			t.Errorf("%s: parsed without an error", name)
		}
	}
}

func TestReadQueriesRefusesANameInTwoFiles(t *testing.T) {
	fsys := fstest.MapFS{
		"queries/a.sql": {Data: []byte("-- name: one\nSELECT 1\n")},
		"queries/b.sql": {Data: []byte("-- name: one\nSELECT 2\n")},
	}
	if _, err := readQueries(fsys); err == nil || !strings.Contains(err.Error(), `"one"`) {
		t.Fatalf("got %v, want an error naming the query", err)
	}
}

// bound is a struct of statements as bindQueries fills them.
type bound struct {
	One *sqlx.Stmt `query:"one"`
	Two *sqlx.Stmt `query:"two"`
}

func TestBindQueries(t *testing.T) {
	var seen []string
	prepare := func(name, sql string) (*sqlx.Stmt, error) {
		seen = append(seen, name+"="+sql)
		return &sqlx.Stmt{}, nil
	}
	var b bound
	if err := bindQueries(&b, map[string]string{"one": "SELECT 1", "two": "SELECT 2"}, prepare); err != nil {
		t.Fatal(err)
	}
	if b.One == nil || b.Two == nil || strings.Join(seen, ";") != "one=SELECT 1;two=SELECT 2" {
		t.Fatalf("bound %+v after preparing %q", b, seen)
	}
	for name, blocks := range map[string]map[string]string{
		"unknown name": {"one": "SELECT 1"},
		"unused block": {"one": "SELECT 1", "two": "SELECT 2", "three": "SELECT 3"},
	} {
		err := bindQueries(&bound{}, blocks, prepare)
		if err == nil {
			t.Errorf("%s: bound without an error", name)
			continue
		}
		if want := map[string]string{"unknown name": `"two"`, "unused block": "three"}[name]; !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v does not name %s", name, err, want)
		}
	}
}

// TestEveryFileParses checks the embedded files against the struct of statements without a
// database: every field has its block and every block its field.
func TestEveryFileParses(t *testing.T) {
	blocks, err := readQueries(queryFiles)
	if err != nil {
		t.Fatal(err)
	}
	err = bindQueries(&queries{}, blocks, func(string, string) (*sqlx.Stmt, error) { return &sqlx.Stmt{}, nil })
	if err != nil {
		t.Fatal(err)
	}
}
