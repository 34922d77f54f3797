package web

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/homework"
	"github.com/securebase/securebase/internal/store"
)

// Form fields of the client form that are not answers.
var clientFormMeta = map[string]bool{"_csrf": true, "idempotency_key": true, "action": true, "entry_date": true, "link_id": true, "item": true}

var idempotencyKeyPattern = regexp.MustCompile(`^[0-9a-f]{32}$`)

// clientFormPage is what the client's form shows: nothing about the case but this assignment.
type clientFormPage struct {
	View     store.ClientView
	Heading  string
	Template homework.Template
	Days     []time.Time // days a daily entry may be for
	Done     bool        // nothing left to send
	OpensOn  *time.Time  // set when the first day is still to come
	Cadence  string
	LinkID   int64
	Item     string  // "a:<id>": which of the client's forms this is
	Due      dueList // everything due now, with the neutral count
}

type shownAnswer struct{ Label, Text string }

// clientContext loads one homework of the session's client, as the client may see it. Homework
// of another client, or revoked, is a dead link to this client: the same neutral 404.
func (s *Server) clientContext(c echo.Context, assignmentID int64) (store.ClientView, homework.Template, []store.Entry, time.Time, error) {
	ctx := c.Request().Context()
	l := linkOf(c)
	v, err := s.store.ClientViewOf(ctx, l.PracticeID, assignmentID)
	if errors.Is(err, store.ErrNotFound) || err == nil && (v.ClientID != l.ClientID || v.RevokedAt != nil) {
		return v, homework.Template{}, nil, time.Time{}, echo.ErrNotFound
	}
	if err != nil {
		return v, homework.Template{}, nil, time.Time{}, err
	}
	var t homework.Template
	if err := json.Unmarshal(v.Template, &t); err != nil {
		return v, t, nil, time.Time{}, fmt.Errorf("assignment %d template: %w", v.ID, err)
	}
	entries, err := s.store.Entries(ctx, l.PracticeID, v.ID)
	loc, lerr := s.zones.load(v.TimeZone)
	if lerr != nil {
		loc = time.UTC
	}
	now := s.now().In(loc)
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	return v, t, entries, today, err
}

// assignmentFormGet shows one homework form on the client's page, with the count of all due.
func (s *Server) assignmentFormGet(c echo.Context, id int64, due dueList) error {
	v, t, entries, today, err := s.clientContext(c, id)
	if err != nil {
		return err
	}
	s.keepItem(c, "a:"+strconv.FormatInt(id, 10))
	form := &Form{Values: map[string][]string{}}
	page := s.clientFormData(v, t.ForClient(), entries, today)
	page.Due = due
	if len(page.Days) > 0 {
		day := page.Days[len(page.Days)-1]
		form.Values.Set("entry_date", day.Format("2006-01-02"))
		for _, e := range entries {
			if e.Status == "draft" && e.EntryDate.Equal(day) {
				prefill(form, t, e.Answers)
			}
		}
	}
	return s.renderLinkForm(c, http.StatusOK, page, form)
}

func (s *Server) renderLinkForm(c echo.Context, status int, page clientFormPage, form *Form) error {
	form.Values.Set("idempotency_key", newIdempotencyKey())
	page.LinkID = linkOf(c).ID
	page.Item = "a:" + strconv.FormatInt(page.View.ID, 10)
	p := &Page{Title: "Your form", CSRF: csrfToken(c), RequestID: requestIDOf(c), Form: form, Data: page,
		Flash: s.clientSessions.PopString(c.Request().Context(), "flash"), HelpOpen: s.clientSessions.PopBool(c.Request().Context(), keyHelpOpen)}
	return s.render(c, status, "client/form", p)
}

// clientHeading is the heading of a client's form of template t (ForClient). It names the
// template only when that cannot give the client away: never for a client who asked for
// neutral messages, and for the practice's own templates (whose wording is not checked) only
// when the practice opted in to being named. Otherwise it is the neutral "Your form".
func clientHeading(v store.ClientView, t homework.Template) string {
	if !v.NeutralMessages && (strings.HasPrefix(v.TemplateRef, "builtin:") || v.NameOnPages) {
		return t.Title
	}
	return "Your form"
}

// clientFormData assembles the page from the client's form of the template (ForClient): a
// neutral heading when the client asked for neutral messages, and the days still open for an entry.
func (s *Server) clientFormData(v store.ClientView, t homework.Template, entries []store.Entry, today time.Time) clientFormPage {
	page := clientFormPage{View: v, Heading: clientHeading(v, t), Template: t, Cadence: v.Cadence}
	sent := map[time.Time]bool{}
	for _, e := range entries {
		if e.Status == "submitted" {
			sent[e.EntryDate] = true
		}
	}
	page.Days, page.OpensOn, page.Done = window(v).OpenDays(today, sent)
	return page
}

// clientFormPost saves a draft or sends an entry. A double click, the back button or a
// retried POST never makes a second entry: the form's idempotency key and the one-entry-a-day
// rule see to that.
func (s *Server) clientFormPost(c echo.Context) error {
	ctx := c.Request().Context()
	if gated, err := s.pinGate(c); gated || err != nil {
		return s.redirectHome(c, err)
	}
	id, err := s.postedItem(c, "a")
	if err != nil {
		return err
	}
	v, t, entries, today, err := s.clientContext(c, id)
	if err != nil {
		return err
	}
	values, err := c.FormParams()
	if err != nil {
		return echo.ErrBadRequest
	}
	form := &Form{Values: values}
	if values.Get("link_id") != strconv.FormatInt(linkOf(c).ID, 10) {
		// The client opened another link in this browser since loading this form.
		return s.renderClientError(c, http.StatusConflict, nil)
	}
	ct := t.ForClient() // the questions as the client's form names them: q1, q2…
	page := s.clientFormData(v, ct, entries, today)
	again := func(status int) error { // the form once more, with the list of due forms
		if page.Due, _, err = s.dueNow(c); err != nil {
			return err
		}
		return s.renderLinkForm(c, status, page, form)
	}
	submit := values.Get("action") != "draft"
	answersIn := map[string][]string{}
	for k, vs := range values {
		if !clientFormMeta[k] {
			answersIn[k] = vs
		}
	}
	answers, problems := ct.Validate(answersIn, !submit)
	for k, msg := range problems {
		form.Fail(k, msg)
	}
	answers = t.FromClient(answers)
	key := values.Get("idempotency_key")
	if !idempotencyKeyPattern.MatchString(key) {
		form.Fail("_form", "Something went wrong with the form. Please press the button again.")
	}
	day, ok := window(v).EntryDay(values.Get("entry_date"), today)
	if !ok {
		form.Fail("entry_date", "Choose one of the days listed.")
	}
	if form.HasErrors() {
		form.Values.Del("idempotency_key")
		return again(http.StatusUnprocessableEntity)
	}
	data, err := json.Marshal(answers)
	if err != nil {
		return err
	}
	action, msg := "link.submit", "Sent. Thank you."
	if !submit {
		action, msg = "link.draft", "Saved. You can come back and finish it later."
	}
	audit := requestAudit(c, store.AuditEntry{Action: action, EntityType: "assignment", EntityID: strconv.FormatInt(v.ID, 10), ClientID: v.ClientID})
	in := store.EntryInput{Date: day, Answers: data, Submit: submit, IdempotencyKey: key, ReadingDate: laterOf(day, today), Audit: audit}
	if n, ok := answers.Number(v.GoalField); ok && v.GoalID != nil {
		in.Reading = &n
	}
	_, err = s.store.SaveEntry(ctx, linkOf(c).PracticeID, linkOf(c).ID, v.Assignment, in)
	if errors.Is(err, store.ErrLinkNotLive) {
		return echo.ErrNotFound // the neutral page, with the typed text shown back
	}
	if errors.Is(err, store.ErrAlreadySubmitted) {
		form.Fail("_form", "You have already sent the entry for this day. Your answers are kept below.")
		page.Done = false
		if !containsDay(page.Days, day) {
			page.Days = append(page.Days, day)
		}
		return again(http.StatusConflict)
	}
	if err != nil {
		return err
	}
	s.clientSessions.Put(ctx, "flash", msg)
	return c.Redirect(http.StatusSeeOther, "/h") // the audit row went in with the entry, once
}

func containsDay(days []time.Time, d time.Time) bool {
	for _, x := range days {
		if x.Equal(d) {
			return true
		}
	}
	return false
}

// window is the assignment's dates, which decide the days an entry may be for.
func window(v store.ClientView) homework.Window {
	return homework.Window{Cadence: homework.Cadence(v.Cadence), Start: v.StartDate, Due: v.DueDate}
}

// prefill puts a draft's answers back into the client's form, under its positional names.
func prefill(f *Form, t homework.Template, raw []byte) {
	var answers homework.Answers
	if json.Unmarshal(raw, &answers) != nil {
		return
	}
	for k, vs := range t.ToClient(answers.Form()) {
		f.Values[k] = vs
	}
}

// showAnswers lists an entry's answers by field label, with choice labels, in field order.
func showAnswers(t homework.Template, raw []byte) []shownAnswer {
	var answers map[string]any
	if json.Unmarshal(raw, &answers) != nil {
		return nil
	}
	var out []shownAnswer
	for _, f := range t.Fields {
		a, ok := answers[f.Key]
		if !ok {
			continue
		}
		out = append(out, shownAnswer{Label: f.Label, Text: answerText(f, a)})
	}
	return out
}

func answerText(f homework.Field, a any) string {
	label := func(v string) string {
		for _, ch := range f.Choices {
			if ch.Value == v {
				return ch.Label
			}
		}
		return v
	}
	switch x := a.(type) {
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case string:
		if f.Type == homework.YesNo {
			if x == "yes" {
				return "Yes"
			}
			return "No"
		}
		return label(x)
	case []any:
		s := ""
		for i, v := range x {
			if i > 0 {
				s += ", "
			}
			s += label(fmt.Sprint(v))
		}
		return s
	}
	return fmt.Sprint(a)
}

func newIdempotencyKey() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// linkOf returns the live link of the client session (set by requireClientLink).
func linkOf(c echo.Context) store.ClientLink {
	l, _ := c.Get(ctxLink).(store.ClientLink)
	return l
}
