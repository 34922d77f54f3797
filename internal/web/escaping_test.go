package web_test

import (
	"encoding/xml"
	"io"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/securebase/securebase/internal/testutil"
)

// TestEscapingHostileTextShowsAsTextEverywhere fills every free-text field a user can type
// (client, intake, risk review, appointment, goal, reading, event, marker, homework template,
// the client's answers, the counsellor's reply, staff and practice names) with a script and an
// event handler, then requests every GET route as the admin, the counsellor, a supervisor of
// that counsellor and both of the client's links. No page carries the text as markup; the
// pages that show a field show it escaped; charts carry it as SVG text; exports carry it as
// the plain text typed, neutralised only where a spreadsheet would run it.
func TestEscapingHostileTextShowsAsTextEverywhere(t *testing.T) {
	t.Parallel()
	e := newEscapeCase(t)
	seen := e.getEveryPage(t)

	for _, want := range e.shownFields() {
		body, ok := seen[want.who+" GET "+want.path]
		if !ok {
			t.Errorf("%s GET %s was not requested", want.who, want.path)
			continue
		}
		for _, m := range want.markers {
			if !strings.Contains(body, escaped(m)) {
				t.Errorf("%s GET %s does not show %s as escaped text", want.who, want.path, m)
			}
		}
	}
	// A supervisor sees caseloads by client code only: no name, note or answer reaches them.
	for page, body := range seen {
		if !strings.HasPrefix(page, "supervisor ") {
			continue
		}
		for _, m := range []string{"first_name", "last_name", "preferred_name", "safe_contact_note", "appointment_note", "review_note",
			"answer_short", "answer_long", "counsellor_reply", "goal_statement", "concerns_own_words", "safety_plan"} {
			if strings.Contains(body, escaped(m)) {
				t.Errorf("%s shows the client's %s", page, m)
			}
		}
	}
	if len(e.refused) > 0 {
		t.Logf("fields that refuse markup outright (safe by refusal): %s", strings.Join(e.refused, ", "))
	}
}

// TestEscapingChartsCarryHostileTextAsSVGText reads the progress and goal charts as XML: the
// marker label, the goal and the event note are there as text, whole, and nothing else became
// an element.
func TestEscapingChartsCarryHostileTextAsSVGText(t *testing.T) {
	t.Parallel()
	e := newEscapeCase(t)
	progress := e.counsellor.Get(e.clientPath("/progress"))
	checkResponse(t, "progress page", progress)
	svgs := regexp.MustCompile(`(?s)<svg.*?</svg>`).FindAllString(progress.Body, -1)
	if len(svgs) == 0 {
		t.Fatal("the progress page has no chart")
	}
	var texts []string
	for _, svg := range svgs {
		texts = append(texts, svgText(t, svg)...)
	}
	for _, want := range []string{hostile("marker_label"), hostile("event_note"), hostile("goal_metric"), hostile("goal_unit")} {
		if !slices.ContainsFunc(texts, func(s string) bool { return strings.Contains(s, want) }) {
			t.Errorf("no chart on the progress page carries %q as text", want)
		}
	}
	mustContain(t, "progress chart tables", progress.Body, escaped("marker_label"), escaped("event_note"))

	goal := e.counsellor.Get(e.clientPath("/goals/" + e.ids.goal))
	checkResponse(t, "goal page", goal)
	svg := regexp.MustCompile(`(?s)<svg.*?</svg>`).FindString(goal.Body)
	if svg == "" {
		t.Fatal("the goal page has no chart")
	}
	texts = svgText(t, svg)
	for _, want := range []string{hostile("goal_metric"), hostile("goal_unit")} { // the title and the axis label
		if !slices.Contains(texts, want) {
			t.Errorf("the goal chart does not carry %q as text", want)
		}
	}
}

// svgText decodes a chart strictly as XML and returns its text nodes and attribute values; it
// fails when the chart holds any element a chart never draws.
func svgText(t *testing.T, svg string) []string {
	t.Helper()
	allowed := map[string]bool{"svg": true, "title": true, "desc": true, "g": true, "rect": true, "line": true, "text": true,
		"polyline": true, "circle": true}
	dec := xml.NewDecoder(strings.NewReader(svg))
	dec.Strict = true
	var out []string
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatalf("a chart is not well-formed XML: %v", err)
		}
		switch v := tok.(type) {
		case xml.StartElement:
			if !allowed[v.Name.Local] {
				t.Errorf("a chart holds a <%s> element", v.Name.Local)
			}
			for _, a := range v.Attr {
				if strings.HasPrefix(strings.ToLower(a.Name.Local), "on") {
					t.Errorf("a chart element has an %s attribute", a.Name.Local)
				}
				out = append(out, a.Value)
			}
		case xml.CharData:
			out = append(out, string(v))
		}
	}
}

// TestEscapingExportsKeepHostileTextAsPlainCells downloads each identified export as the admin:
// the cells hold exactly what was typed, with a leading formula character neutralised.
func TestEscapingExportsKeepHostileTextAsPlainCells(t *testing.T) {
	t.Parallel()
	e := newEscapeCase(t)
	files := map[string][][]string{}
	for _, kind := range []string{"caseload", "goals", "homework", "scores"} {
		e.admin.Get("/exports?kind=" + kind)
		res := e.admin.Post("/exports/"+kind, url.Values{"identified": {"1"}, "confirm": {"1"}})
		checkResponse(t, "identified "+kind+" export", res)
		if res.Status != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/csv") {
			t.Fatalf("identified %s export: %d %q", kind, res.Status, res.Header.Get("Content-Type"))
		}
		files[kind] = readCSV(t, res.Body)
	}
	cell := func(kind, col string) []string {
		rows := files[kind]
		i := indexOf(rows[0], col)
		if i < 0 {
			t.Fatalf("the %s export has no %s column: %v", kind, col, rows[0])
		}
		var out []string
		for _, r := range rows[1:] {
			out = append(out, r[i])
		}
		return out
	}
	exact := []struct{ kind, col, want string }{
		{"caseload", "first_name", hostile("first_name")},
		{"caseload", "last_name", "'" + formulaPrefix + hostile("last_name")}, // a formula, neutralised
		{"caseload", "counsellor_name", hostile("counsellor_name")},
		{"goals", "statement", hostile("goal_statement")},
		{"goals", "metric", hostile("goal_metric")},
		{"goals", "unit", hostile("goal_unit")},
		{"homework", "template", hostile("template_title")},
	}
	for _, c := range exact {
		if got := cell(c.kind, c.col); len(got) == 0 || got[0] != c.want {
			t.Errorf("%s export, %s: %q, want %q", c.kind, c.col, got, c.want)
		}
	}
	values := cell("homework", "value")
	for _, want := range []string{hostile("answer_short"), hostile("answer_long")} {
		if !slices.Contains(values, want) {
			t.Errorf("the homework export lacks the answer %q among %q", want, values)
		}
	}
}

// pageView is a page a persona requests, with the fields it must show.
type pageView struct {
	who, path string
	markers   []string
}

// personas are the callers of the sweep, by name.
func (e *escapeCase) personas() map[string]*testutil.Browser {
	return map[string]*testutil.Browser{"admin": e.admin, "counsellor": e.counsellor, "supervisor": e.supervisor,
		"homework link": e.homework, "check-in link": e.checkin}
}

// getEveryPage requests every GET route, and the query forms that echo what was typed, as
// every persona; it checks each response and returns the bodies by "who GET path".
func (e *escapeCase) getEveryPage(t *testing.T) map[string]string {
	t.Helper()
	ids := strings.NewReplacer(":id", e.ids.client, ":goal", e.ids.goal, ":appointment", e.ids.appointment, ":flag", e.ids.flag,
		":version", "1", ":section", "concerns", ":assignment", e.ids.assignment, ":entry", e.ids.entry, ":checkin", e.ids.checkin, ":template", e.ids.template,
		":kind", "caseload", ":key", "thought_record", ":token", e.ids.homeworkToken, "*", "css/app.css")
	var paths []string
	for _, r := range e.app.Server.Routes() {
		if r.Method != "GET" {
			continue
		}
		path := ids.Replace(r.Path)
		if strings.Contains(path, ":") {
			t.Fatalf("route %s has a parameter the sweep cannot fill", r.Path)
		}
		paths = append(paths, path)
	}
	routes := len(paths)
	q := url.QueryEscape
	paths = append(paths, "/exports?kind=goals", "/exports?kind=homework", "/exports?kind=scores",
		"/exports/goals", "/exports/homework", "/exports/scores", e.clientPath("/intake/versions/7"),
		"/homework/templates/preview?ref=practice:"+e.ids.template, "/homework/templates/new?from=practice:"+e.ids.template,
		"/clients?q="+q(hostile("search")), "/admin/audit?action="+q(hostile("audit_filter")), "/login?next="+q(hostile("next")),
		"/exports?from="+q(hostile("export_from")), "/clients/"+q(hostile("path")), "/h/"+q(hostile("token")))
	for _, extra := range e.shownFields() {
		if !slices.Contains(paths, extra.path) {
			paths = append(paths, extra.path)
		}
	}
	seen := map[string]string{}
	ok := 0
	for who, c := range e.personas() {
		for _, p := range paths {
			res := c.Get(p)
			checkResponse(t, who+" GET "+p, res)
			seen[who+" GET "+p] = res.Body
			if res.Status == 200 {
				ok++
			}
		}
	}
	t.Logf("%d GET routes (%d paths with queries) as %d personas: %d pages answered 200", routes, len(paths), len(e.personas()), ok)
	return seen
}

// shownFields are the pages that show each field, escaped.
func (e *escapeCase) shownFields() []pageView {
	var intake []string
	for _, sec := range intakeTexts {
		intake = append(intake, sec.fields...)
	}
	var goal []string
	for _, f := range goalTexts {
		goal = append(goal, "goal_"+f)
	}
	template := []string{"template_title", "template_purpose", "template_instructions", "label_short", "help_short", "label_long",
		"label_pick", "choice_one", "choice_two"}
	assignment := e.clientPath("/homework/" + e.ids.assignment)
	return []pageView{
		{"counsellor", "/", []string{"practice_name", "counsellor_name", "preferred_name"}},
		{"counsellor", "/clients", []string{"preferred_name", "last_name"}},
		{"counsellor", e.clientPath(""), []string{"first_name", "last_name", "preferred_name", "pronouns", "counsellor_name",
			"safe_contact_note", "review_note", "appointment_note", "goal_statement", "template_title"}},
		{"counsellor", e.clientPath("/edit"), []string{"first_name", "last_name", "preferred_name", "pronouns", "safe_contact_note"}},
		{"counsellor", e.clientPath("/intake"), intake},
		{"counsellor", e.clientPath("/intake/versions"), []string{"counsellor_name"}},
		{"counsellor", e.clientPath("/intake/versions/1"), []string{"concerns_own_words"}},
		{"counsellor", e.clientPath("/appointments/" + e.ids.appointment + "/edit"), []string{"appointment_note"}},
		{"counsellor", e.clientPath("/goals/" + e.ids.goal), goal}, // the reading's note is stored but shown nowhere
		{"counsellor", e.clientPath("/goals/" + e.ids.goal + "/edit"), goal},
		{"counsellor", e.clientPath("/progress"), []string{"marker_label", "event_note", "goal_metric", "goal_unit"}},
		{"counsellor", e.clientPath("/homework/new"), []string{"template_title"}},
		{"counsellor", assignment, []string{"template_title", "assignment_instructions", "label_short", "label_long", "answer_short",
			"answer_long", "choice_one", "counsellor_reply"}},
		{"counsellor", "/homework/templates", []string{"template_title"}},
		{"counsellor", "/homework/templates/preview?ref=practice:" + e.ids.template, []string{"template_title", "label_short", "help_short", "choice_one"}},
		{"counsellor", "/homework/templates/" + e.ids.template + "/edit", template},
		{"counsellor", "/account", []string{"counsellor_name"}},
		{"admin", "/admin/users", []string{"counsellor_name"}},
		{"admin", "/admin/audit", []string{"counsellor_name"}},
		{"admin", "/admin/audit?action=" + url.QueryEscape(hostile("audit_filter")), []string{"audit_filter"}},
		{"admin", "/admin/markers", []string{"marker_label"}},
		{"admin", "/admin/supervision", []string{"counsellor_name"}},
		{"admin", "/clients?q=" + url.QueryEscape(hostile("search")), []string{"search"}},
		// The export preview is de-identified: a goal's own metric and unit words never show there
		// (they go only in the identified file, checked as CSV above).
		{"supervisor", "/", []string{"practice_name"}},
		// Once sent, the form shows what is left; the entry and the reply are behind the PIN; the
		// empty form is checked as it is filled in.
		{"homework link", "/h", []string{"practice_name", "preferred_name", "template_title", "assignment_instructions"}},
		{"homework link", "/h/earlier", []string{"label_short", "choice_one", "counsellor_reply"}},
		{"check-in link", "/h", []string{"preferred_name", "marker_label"}},
	}
}
