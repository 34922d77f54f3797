// Package archtest checks the import direction docs/architecture.md describes, so that a
// wrong arrow fails the build's tests rather than waiting for a reviewer.
package archtest

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/securebase/securebase/"

// webFeatures are the packages under internal/web that hold one feature's handlers.
var webFeatures = []string{"account", "admin", "casework", "clientside", "dashboard", "homework", "supervision"}

// rule forbids packages matching from (a path prefix, relative to the module) to import any
// path starting with one of the prefixes in not.
type rule struct {
	from string
	not  []string
	why  string
}

func rules() []rule {
	domain := []string{"internal/casework", "internal/homework", "internal/measures", "internal/supervision"}
	webAndTemplates := []string{"internal/web", "templates", "github.com/labstack/echo", "net/http"}
	out := []rule{
		{"internal/store", []string{"internal/web", "templates", "github.com/labstack/echo", "net/http"}, "the store imports nothing of the web"},
		{"templates", []string{"internal/web", "internal/store", "github.com/labstack/echo"}, "templates take view structs only"},
	}
	for _, d := range domain {
		out = append(out, rule{d, append([]string{"internal/store", "github.com/jmoiron/sqlx"}, webAndTemplates...), "the rules import neither the web nor the store"})
	}
	for _, f := range webFeatures {
		var others []string
		for _, g := range webFeatures {
			if g != f {
				others = append(others, "internal/web/"+g)
			}
		}
		out = append(out, rule{"internal/web/" + f, others, "features do not import one another"})
	}
	out = append(out, rule{"internal/web/kit", prefixed("internal/web/", webFeatures), "the kit serves every feature and imports none"})
	out = append(out, rule{"internal/reminders", webAndTemplates, "the reminder jobs run without HTTP: store, mail and the queue only"})
	return out
}

func prefixed(p string, names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = p + n
	}
	return out
}

func TestImportsRunOneWay(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	imports := packageImports(t, root)
	if len(imports) < 20 {
		t.Fatalf("found only %d packages under %s", len(imports), root)
	}
	for _, r := range rules() {
		for pkg, deps := range imports {
			if pkg != r.from && !strings.HasPrefix(pkg, r.from+"/") {
				continue
			}
			for _, dep := range deps {
				for _, bad := range r.not {
					target := dep
					if strings.HasPrefix(dep, module) {
						target = strings.TrimPrefix(dep, module)
					}
					if target == bad || strings.HasPrefix(target, bad+"/") {
						t.Errorf("%s imports %s: %s", pkg, dep, r.why)
					}
				}
			}
		}
	}
}

// TestTheRulesCatchAWrongArrow makes sure the check above can fail.
func TestTheRulesCatchAWrongArrow(t *testing.T) {
	caught := false
	for _, r := range rules() {
		if r.from == "internal/store" {
			for _, bad := range r.not {
				caught = caught || bad == "internal/web"
			}
		}
	}
	if !caught {
		t.Fatal("no rule forbids the store to import the web")
	}
}

// packageImports maps each package directory (relative to root) to the imports of its
// non-test Go files.
func packageImports(t *testing.T, root string) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() && path != root && (strings.HasPrefix(name, ".") || name == "node_modules" || name == "testdata") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, filepath.Dir(path))
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		for _, imp := range f.Imports {
			p, err := strconv.Unquote(imp.Path.Value)
			if err != nil {
				return err
			}
			out[rel] = append(out[rel], p)
		}
		if _, ok := out[rel]; !ok {
			out[rel] = nil
		}
		return nil
	})
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	return out
}
