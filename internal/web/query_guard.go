package web

import (
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/casework"
	"github.com/securebase/securebase/internal/store"
)

// QueryParam is a query-string parameter a route reads, and what it may hold.
type QueryParam struct {
	Name   string
	Max    int      // longest value in bytes
	Values []string // when set, the only values accepted besides the empty one
}

// String describes the parameter for the routes listing, e.g. "q<=400" or "dir=asc|desc".
func (q QueryParam) String() string {
	if len(q.Values) > 0 {
		return q.Name + "=" + strings.Join(q.Values, "|")
	}
	return q.Name + "<=" + strconv.Itoa(q.Max)
}

// maxOtherQueryValue bounds a query parameter no route declares: nothing reads it, and
// nothing legitimate (a tracking parameter a mail client adds, say) is longer.
const maxOtherQueryValue = 2048

// Refusals of the query guard: bytes no value may hold, and values no page of ours sends.
var (
	errBadQuery   = echo.NewHTTPError(http.StatusBadRequest, "bad query")
	errQueryValue = echo.NewHTTPError(http.StatusUnprocessableEntity, "query value")
)

var queryPage = errorPage{"We could not use that address", "The address holds something we cannot accept, such as an invisible character or an unknown choice. Go back and use the page's own links and filters."}

// queryRules declares the query parameters each GET route reads, keyed "METHOD path".
// Enumerations come from the same lists the handlers use.
func queryRules() map[string][]QueryParam {
	digits := func(name string) QueryParam { return QueryParam{Name: name, Max: 20} }
	date := func(name string) QueryParam { return QueryParam{Name: name, Max: 32} }
	sorts := make([]string, 0, len(store.ClientSorts()))
	for k := range store.ClientSorts() {
		sorts = append(sorts, k)
	}
	sort.Strings(sorts)
	exportFilters := []QueryParam{{Name: "kind", Max: 40}, digits("counsellor"), {Name: "status", Max: 40}, date("from"), date("to"),
		{Name: "bom", Max: 8}, {Name: "identified", Max: 8}, {Name: "full_dates", Max: 8}, {Name: "confirm", Max: 8}, {Name: "clients", Max: 4000}}
	return map[string][]QueryParam{
		"GET /login": {{Name: "next", Max: 2000}},
		"GET /":      {digits("counsellor")},
		"GET /clients": {{Name: "q", Max: 400}, {Name: "status", Values: optionValues(casework.ClientStatuses())},
			{Name: "format", Values: optionValues(casework.Formats())}, {Name: "sort", Values: sorts},
			{Name: "dir", Values: []string{"asc", "desc"}}, {Name: "archived", Values: []string{"0", "1"}},
			digits("counsellor"), digits("page")},
		"GET /admin/audit": {{Name: "action", Max: 400}, {Name: "outcome", Values: []string{store.OutcomeSuccess, store.OutcomeFailure, store.OutcomeDenied}},
			digits("actor"), date("from"), date("to"), digits("page")},
		"GET /exports":                    exportFilters,
		"GET /exports/:kind":              exportFilters,
		"GET /outcomes":                   {digits("counsellor"), {Name: "period", Values: []string{"rolling", "range"}}, date("from"), date("to")},
		"GET /homework/templates/new":     {{Name: "from", Max: 100}},
		"GET /homework/templates/preview": {{Name: "ref", Max: 100}},
		"GET /clients/:id/homework/new":   {{Name: "template", Max: 100}},
	}
}

// optionValues lists the stored values of a fixed list of choices.
func optionValues(o casework.Options) []string {
	out := make([]string, len(o))
	for i, x := range o {
		out[i] = x.Value
	}
	return out
}

// guardQuery refuses, before any handler runs, a request whose path or query string holds
// what no page of ours sends: NUL and other control characters or invalid UTF-8 (400), a
// malformed query string (400), and values longer than their parameter allows or outside
// its choices (422). Handlers still check what they read; this keeps such bytes from
// ever reaching PostgreSQL, whichever handler forgets.
func (s *Server) guardQuery(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		r := c.Request()
		if !cleanText(r.URL.Path) || strings.ContainsAny(r.URL.Path, "\t\n\r") {
			return errBadQuery
		}
		if r.URL.RawQuery == "" {
			return next(c)
		}
		values, err := url.ParseQuery(r.URL.RawQuery)
		if err != nil {
			return errBadQuery
		}
		rules := s.queryRules[r.Method+" "+c.Path()]
		for name, vs := range values {
			if !cleanText(name) || strings.ContainsAny(name, "\t\n\r") {
				return errBadQuery
			}
			rule := QueryParam{Name: name, Max: maxOtherQueryValue}
			if i := slices.IndexFunc(rules, func(q QueryParam) bool { return q.Name == name }); i >= 0 {
				rule = rules[i]
			}
			for _, v := range vs {
				if !cleanText(v) {
					return errBadQuery
				}
				if !rule.accepts(v) {
					return errQueryValue
				}
			}
		}
		return next(c)
	}
}

// accepts reports whether v fits the parameter's length and choices.
func (q QueryParam) accepts(v string) bool {
	if v == "" {
		return true
	}
	if len(q.Values) > 0 {
		return slices.Contains(q.Values, v)
	}
	return len(v) <= q.Max
}
