package store

import (
	"bufio"
	"embed"
	"fmt"
	"io/fs"
	"reflect"
	"sort"
	"strings"

	"github.com/jmoiron/sqlx"
)

// queryFiles holds the store's SQL: one file per aggregate, each query a block that starts
// with a line "-- name: <query-name>".
//
//go:embed queries/*.sql
var queryFiles embed.FS

// namePrefix starts the line that names the block below it.
const namePrefix = "-- name:"

// parseQueries splits one file into its named blocks. A block with no SQL, a name given twice
// and SQL before the first name are errors; comments before it describe the file.
func parseQueries(file, text string) (map[string]string, error) {
	blocks := map[string]string{}
	name := ""
	var body strings.Builder
	flush := func() error {
		if name == "" {
			return nil
		}
		sql := strings.TrimSpace(body.String())
		if sql == "" {
			return fmt.Errorf("%s: query %q is empty", file, name)
		}
		blocks[name] = sql
		body.Reset()
		return nil
	}
	sc := bufio.NewScanner(strings.NewReader(text))
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for line := 1; sc.Scan(); line++ {
		l := sc.Text()
		if rest, ok := strings.CutPrefix(strings.TrimSpace(l), namePrefix); ok {
			if err := flush(); err != nil {
				return nil, err
			}
			name = strings.TrimSpace(rest)
			if name == "" || strings.ContainsAny(name, " \t") {
				return nil, fmt.Errorf("%s:%d: bad query name %q", file, line, name)
			}
			if _, dup := blocks[name]; dup {
				return nil, fmt.Errorf("%s:%d: query %q named twice", file, line, name)
			}
			continue
		}
		if name == "" {
			if t := strings.TrimSpace(l); t != "" && !strings.HasPrefix(t, "--") {
				return nil, fmt.Errorf("%s:%d: SQL before the first %q line", file, line, namePrefix)
			}
			continue
		}
		body.WriteString(l)
		body.WriteByte('\n')
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	if err := flush(); err != nil {
		return nil, err
	}
	return blocks, nil
}

// readQueries parses every file of fsys; a name used in two files is an error.
func readQueries(fsys fs.FS) (map[string]string, error) {
	files, err := fs.Glob(fsys, "queries/*.sql")
	if err != nil {
		return nil, err
	}
	all := map[string]string{}
	for _, f := range files {
		text, err := fs.ReadFile(fsys, f)
		if err != nil {
			return nil, err
		}
		blocks, err := parseQueries(f, string(text))
		if err != nil {
			return nil, err
		}
		for name, sql := range blocks {
			if _, dup := all[name]; dup {
				return nil, fmt.Errorf("%s: query %q is also named in another file", f, name)
			}
			all[name] = sql
		}
	}
	return all, nil
}

// bindQueries fills each *sqlx.Stmt field of dst (a pointer to a struct) tagged `query:"name"`
// with prepare(the block of that name). A field whose name has no block, and a block that no
// field uses, are errors, so that the SQL files and the struct cannot drift apart.
func bindQueries(dst any, blocks map[string]string, prepare func(name, sql string) (*sqlx.Stmt, error)) error {
	v := reflect.ValueOf(dst).Elem()
	t := v.Type()
	used := map[string]bool{}
	for i := range t.NumField() {
		name := t.Field(i).Tag.Get("query")
		if name == "" {
			return fmt.Errorf("field %s has no query tag", t.Field(i).Name)
		}
		sql, ok := blocks[name]
		if !ok {
			return fmt.Errorf("query %q: no block of that name in queries/*.sql", name)
		}
		if used[name] {
			return fmt.Errorf("query %q: bound to two fields", name)
		}
		used[name] = true
		st, err := prepare(name, sql)
		if err != nil {
			return err
		}
		v.Field(i).Set(reflect.ValueOf(st))
	}
	var unused []string
	for name := range blocks {
		if !used[name] {
			unused = append(unused, name)
		}
	}
	if len(unused) > 0 {
		sort.Strings(unused)
		return fmt.Errorf("queries with no field in the store's statements: %s", strings.Join(unused, ", "))
	}
	return nil
}

// prepareQueries reads the SQL files of fsys and prepares every statement on db: a query
// PostgreSQL refuses, a missing name or an unused block is an error. database/sql prepares each
// statement again on each new connection of the pool by itself.
func prepareQueries(db *sqlx.DB, fsys fs.FS) (*queries, error) {
	blocks, err := readQueries(fsys)
	if err != nil {
		return nil, err
	}
	q := &queries{}
	var prepared []*sqlx.Stmt
	err = bindQueries(q, blocks, func(name, sql string) (*sqlx.Stmt, error) {
		st, err := db.Preparex(sql) //nolint:sqlclosecheck // kept for the pool's life; closed by Store.Close
		if err != nil {
			return nil, fmt.Errorf("prepare query %q: %w", name, err)
		}
		prepared = append(prepared, st)
		return st, nil
	})
	if err != nil {
		for _, st := range prepared {
			_ = st.Close()
		}
		return nil, err
	}
	return q, nil
}
