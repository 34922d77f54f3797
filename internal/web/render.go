package web

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/auth"
	"github.com/securebase/securebase/internal/casework"
	"github.com/securebase/securebase/internal/homework"
	"github.com/securebase/securebase/internal/measures"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/templates"
	"github.com/securebase/securebase/templates/ui"
)

// Page is what every template receives: the parts every page needs, plus Data, the
// handler's own fields.
type Page struct {
	Title     string
	User      *store.User
	CSRF      string
	Flash     string
	RequestID string
	Form      *Form
	Data      any
	HelpOpen  bool // a client page shows "Need help now?" open
}

// pages holds one parsed template set per page: the layout, the partials and the page.
type pages struct {
	sets map[string]*template.Template
}

// loadPages parses every file under pages/ and errors/ once, at boot.
func loadPages(funcs template.FuncMap) (*pages, error) {
	p := &pages{sets: map[string]*template.Template{}}
	shared, err := template.New("").Funcs(funcs).ParseFS(templates.FS, "layouts/*.html", "partials/*.html")
	if err != nil {
		return nil, err
	}
	for _, root := range []string{"pages", "errors"} {
		err := fs.WalkDir(templates.FS, root, func(name string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || path.Ext(name) != ".html" {
				return err
			}
			set, err := shared.Clone()
			if err != nil {
				return err
			}
			if _, err := set.ParseFS(templates.FS, name); err != nil {
				return err
			}
			key := strings.TrimSuffix(strings.TrimPrefix(name, "pages/"), ".html")
			p.sets[key] = set
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return p, nil
}

// page starts the page data every handler needs: user, CSRF token, flash and request id.
func (s *Server) page(c echo.Context, title string) *Page {
	return &Page{
		Title:     title,
		User:      currentUser(c),
		CSRF:      csrfToken(c),
		Flash:     s.sessions.PopString(c.Request().Context(), auth.KeyFlash),
		RequestID: requestIDOf(c),
		Form:      &Form{},
	}
}

// render executes a page into a buffer first, so a template error becomes a clean 500
// instead of half a page.
func (s *Server) render(c echo.Context, status int, name string, p *Page) error {
	set, ok := s.pages.sets[name]
	if !ok {
		return fmt.Errorf("render: no page %q", name)
	}
	layout := "base"
	if strings.HasPrefix(name, "client/") {
		layout = "client-base" // neutral pages for clients: no navigation, a quick exit
	}
	var buf bytes.Buffer
	if err := set.ExecuteTemplate(&buf, layout, p); err != nil {
		return fmt.Errorf("render %s: %w", name, err)
	}
	return c.HTMLBlob(status, buf.Bytes())
}

// flash stores a message for the next page and redirects there (post/redirect/get).
func (s *Server) flash(c echo.Context, to, message string) error {
	s.sessions.Put(c.Request().Context(), auth.KeyFlash, message)
	return c.Redirect(http.StatusSeeOther, to)
}

// fieldArgs are the arguments of the "field" partial.
type fieldArgs struct {
	Form         *Form
	Name, Label  string
	Type         string
	Autocomplete string
	Required     bool
	Hint         string
}

func (s *Server) templateFuncs() template.FuncMap {
	return template.FuncMap{
		"asset": s.assetURL,
		"field": func(f *Form, name, label, typ, autocomplete string, required bool, hint string) fieldArgs {
			return fieldArgs{Form: f, Name: name, Label: label, Type: typ, Autocomplete: autocomplete, Required: required, Hint: hint}
		},
		"date":     func(t time.Time) string { return t.UTC().Format("2 Jan 2006") },
		"datetime": func(t time.Time) string { return t.UTC().Format("2 Jan 2006 15:04:05") },
		"add":      func(a, b int) int { return a + b },
		"vocab":    vocab,
		"has":      slices.Contains[[]string],
		"percent":  func(f float64) string { return fmt.Sprintf("%.0f%%", f*100) },
		"dateOf":   func(t *time.Time) string { return formatDateLong(t) },
		"num": func(v any) string {
			switch n := v.(type) {
			case float64:
				return formatNumber(&n)
			case *float64:
				return formatNumber(n)
			}
			return fmt.Sprint(v)
		},
		"goalMoves": func(next []string) casework.Options {
			var o casework.Options
			for _, to := range next {
				o = append(o, casework.Option{Value: to, Label: casework.GoalStatuses().Label(to)})
			}
			return o
		},
		"emergencyLine":      func() string { return s.cfg.EmergencyLine },
		"quickExitURL":       func() string { return s.cfg.QuickExitURL.String() },
		"hwField":            func(f *Form, field homework.Field) hwFieldArgs { return hwFieldArgs{Form: f, Field: field} },
		"fieldMin":           func(f homework.Field) float64 { lo, _ := f.Bounds(); return lo },
		"fieldMax":           func(f homework.Field) float64 { _, hi := f.Bounds(); return hi },
		"hasPrefix":          strings.HasPrefix,
		"trimPrefix":         strings.TrimPrefix,
		"statusLabel":        homework.StatusLabel,
		"changeLabel":        measures.ChangeLabel,
		"difficultyArgs":     func(f *Form, d *measures.Difficulty) difficultyArgs { return difficultyArgs{Form: f, D: d} },
		"exportFilterFields": func() []string { return []string{"counsellor", "status", "bom"} },
		"statusesAny": func() casework.Options {
			return append(casework.Options{{Value: "", Label: "Any"}}, casework.ClientStatuses()...)
		},
		"cadences": func() casework.Options {
			return casework.Options{{Value: string(homework.Once), Label: "Once"}, {Value: string(homework.Daily), Label: "One entry a day until the due date"}}
		},
		"ints": func(from, to int) []int {
			var out []int
			for i := from; i <= to; i++ {
				out = append(out, i)
			}
			return out
		},
		"textarea": func(f *Form, name, label, value, hint string) control {
			return control{Form: f, Name: name, Label: label, Value: value, Hint: hint}
		},
		"choices": func(f *Form, name, label string, opts casework.Options, selected any) (control, error) {
			c := control{Form: f, Name: name, Label: label, Options: opts}
			switch v := selected.(type) {
			case string:
				c.Selected = []string{v}
			case nil:
			default: // any slice of strings, such as []string or pq.StringArray
				rv := reflect.ValueOf(v)
				if rv.Kind() != reflect.Slice || rv.Type().Elem().Kind() != reflect.String {
					return c, fmt.Errorf("choices: selected is a %T", selected)
				}
				for i := 0; i < rv.Len(); i++ {
					c.Selected = append(c.Selected, rv.Index(i).String())
				}
			}
			return c, nil
		},
		"sub": func(a, b int) int { return a - b },
	}
}

// difficultyArgs is the argument of the difficulty partial.
type difficultyArgs struct {
	Form *Form
	D    *measures.Difficulty
}

// hwFieldArgs is the argument of the hw-field partial.
type hwFieldArgs struct {
	Form  *Form
	Field homework.Field
}

// control is the argument of the textarea, checkboxes, radios and select partials.
type control struct {
	Form        *Form
	Name, Label string
	Value, Hint string
	Options     casework.Options
	Selected    []string
}

// IsSelected reports whether v is among the control's selected values.
func (c control) IsSelected(v string) bool { return slices.Contains(c.Selected, v) }

// vocab gives templates the fixed lists of the casework vocabulary by name.
func vocab(name string) (casework.Options, error) {
	lists := map[string]func() casework.Options{
		"formats": casework.Formats, "statuses": casework.ClientStatuses, "contact": casework.ContactMethods,
		"concerns": casework.PresentingConcerns, "relationship": casework.RelationshipStatuses,
		"attachment": casework.AttachmentStyles, "beliefs": casework.CoreBeliefs, "distortions": casework.Distortions,
		"cooccurring": casework.CoOccurring, "approaches": casework.Approaches, "risk_answers": casework.RiskAnswers,
		"risk_levels": casework.RiskLevels, "coercive": casework.CoerciveSigns, "appointment": casework.AppointmentStatuses,
		"goal_statuses": casework.GoalStatuses, "directions": casework.Directions,
		"goal_metrics": withChoose(casework.GoalMetricCodes), "goal_units": withChoose(casework.GoalUnitCodes),
	}
	f, ok := lists[name]
	if !ok {
		return nil, fmt.Errorf("no vocabulary %q", name)
	}
	return f(), nil
}

// withChoose puts an empty "Choose from the list" first, so that nothing is chosen for the user.
func withChoose(list func() casework.Options) func() casework.Options {
	return func() casework.Options {
		return append(casework.Options{{Value: "", Label: "Choose from the list"}}, list()...)
	}
}

func formatDateLong(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.Format("2 Jan 2006")
}

// Pager describes one page of a paginated list.
type Pager = ui.Pager

// newPager returns the pager for page (1-based) of total rows at perPage.
func newPager(path string, query url.Values, page, perPage, total int) Pager {
	return ui.NewPager(path, query, page, perPage, total)
}
