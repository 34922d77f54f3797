package web

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/casework"
	"github.com/securebase/securebase/internal/homework"
	"github.com/securebase/securebase/internal/mail"
	"github.com/securebase/securebase/internal/store"
)

type assignmentForm struct {
	TemplateRef  string `form:"template" validate:"required"`
	Instructions string `form:"instructions" validate:"max=3000"`
	Start        string `form:"start_date" validate:"required"`
	Due          string `form:"due_date" validate:"required"`
	Cadence      string `form:"cadence" validate:"required,oneof=once daily"`
	GoalID       int64  `form:"goal_id"`
	GoalField    string `form:"goal_field"`
	RequestKey   string `form:"request_key"`
}

// assignmentView is an assignment with its status and completion, as staff see it.
type assignmentView struct {
	store.Assignment
	Status     string
	Expected   int
	Completion float64
}

func (s *Server) viewAssignment(a store.Assignment, today time.Time) assignmentView {
	expected := homework.ExpectedEntries(homework.Cadence(a.Cadence), a.StartDate, a.DueDate)
	status := homework.StatusOf(homework.Facts{Cadence: homework.Cadence(a.Cadence), Start: a.StartDate, Due: a.DueDate, Today: today,
		Submitted: a.Submitted, Reviewed: a.Reviewed, Drafts: a.Drafts, Revoked: a.RevokedAt != nil,
		LinkExpired: a.RevokedAt == nil && (a.LinkExpiresAt == nil || !a.LinkExpiresAt.After(s.now()))})
	return assignmentView{Assignment: a, Status: status, Expected: expected, Completion: homework.CompletionRate(a.Submitted, expected)}
}

// practiceToday is today's calendar date in the practice's time zone, as a UTC midnight.
func (s *Server) practiceToday(c echo.Context) (time.Time, *time.Location, error) {
	loc, err := s.practiceLocation(c)
	if err != nil {
		return time.Time{}, nil, err
	}
	now := s.now().In(loc)
	return time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC), loc, nil
}

func (s *Server) newAssignmentPage(c echo.Context) error {
	cl, err := s.clientFor(c)
	if err != nil {
		return err
	}
	today, _, err := s.practiceToday(c)
	if err != nil {
		return err
	}
	if err := s.auditClient(c, cl, "client.view", "client", cl.ID, "new homework form"); err != nil {
		return err
	}
	p := s.page(c, "Assign homework")
	if !casework.InCare(cl.Status, cl.ArchivedAt != nil) {
		return s.flash(c, clientPath(cl.ID), "A discharged client cannot be given homework.")
	}
	p.Form.Values = url.Values{"template": {c.QueryParam("template")}, "cadence": {"once"}, "request_key": {newIdempotencyKey()},
		"start_date": {today.Format("2006-01-02")}, "due_date": {today.AddDate(0, 0, 7).Format("2006-01-02")}}
	return s.renderAssignmentForm(c, http.StatusOK, p, cl)
}

func (s *Server) renderAssignmentForm(c echo.Context, status int, p *Page, cl store.Client) error {
	templates, err := s.assignableTemplates(c)
	if err != nil {
		return err
	}
	goals, err := s.store.Goals(c.Request().Context(), cl.PracticeID, cl.ID)
	if err != nil {
		return err
	}
	var open []store.Goal
	for _, g := range goals {
		if casework.GoalOpen(g.Status) {
			open = append(open, g)
		}
	}
	p.Data = struct {
		Client    store.Client
		Templates []templateChoice
		Goals     []store.Goal
		CanEmail  bool
	}{cl, templates, open, s.canEmail(cl)}
	return s.render(c, status, "clients/assignment_form", p)
}

func (s *Server) createAssignment(c echo.Context) error {
	ctx := c.Request().Context()
	cl, err := s.clientFor(c)
	if err != nil {
		return err
	}
	var in assignmentForm
	form, err := s.bindForm(c, &in)
	if err != nil {
		return err
	}
	today, _, err := s.practiceToday(c)
	if err != nil {
		return err
	}
	templates, err := s.assignableTemplates(c)
	if err != nil {
		return err
	}
	chosen, ok := findTemplate(templates, in.TemplateRef)
	if !ok {
		form.Fail("template", "Choose a template.")
	}
	if !idempotencyKeyPattern.MatchString(in.RequestKey) {
		form.Fail("_form", "Something went wrong with the form. Please check it and press the button again.")
		form.Values.Set("request_key", newIdempotencyKey())
	}
	start, due := optionalDate(form, "start_date", in.Start), optionalDate(form, "due_date", in.Due)
	if start != nil && due != nil {
		for field, msg := range homework.CheckWindow(homework.Cadence(in.Cadence), *start, *due, today) {
			form.Fail(field, msg)
		}
	}
	var goalID *int64
	if in.GoalID != 0 {
		g, err := s.store.Goal(ctx, cl.PracticeID, cl.ID, in.GoalID)
		if errors.Is(err, store.ErrNotFound) || err == nil && !casework.GoalOpen(g.Status) {
			form.Fail("goal_id", "Choose one of this client's open goals.")
		} else if err != nil {
			return err
		}
		if chosen.Template.FeedsGoal(in.GoalField) {
			goalID = &in.GoalID
		} else if chosen.Ref != "" {
			form.Fail("goal_field", "Choose a number in this template to feed the goal.")
		}
	} else if in.GoalField != "" {
		form.Fail("goal_id", "Choose the goal this answer feeds, or no goal.")
	}
	if form.HasErrors() {
		p := s.page(c, "Assign homework")
		p.Form = form
		return s.renderAssignmentForm(c, http.StatusUnprocessableEntity, p, cl)
	}
	def, err := json.Marshal(chosen.Template)
	if err != nil {
		return err
	}
	goalField := ""
	if goalID != nil {
		goalField = in.GoalField
	}
	id, err := s.store.CreateAssignment(ctx, cl.PracticeID, cl.ID, currentUser(c).ID, store.AssignmentInput{
		TemplateRef: chosen.Ref, Title: chosen.Template.Title, Template: def, Instructions: in.Instructions,
		StartDate: *start, DueDate: *due, Cadence: in.Cadence, GoalID: goalID, GoalField: goalField, RequestKey: in.RequestKey,
	}, clientEntry(c, cl, "assignment.create", "assignment", 0, "ref="+chosen.Ref))
	switch {
	case errors.Is(err, store.ErrConflict): // the same form sent twice: one assignment
		return s.flash(c, assignmentPath(cl.ID, id), "This homework was already assigned.")
	case errors.Is(err, store.ErrClientClosed):
		return s.flash(c, clientPath(cl.ID), "A discharged client cannot be given homework.")
	case err != nil:
		return err
	}
	return s.flash(c, assignmentPath(cl.ID, id), "Assigned. "+s.linkNote(c, cl))
}

// linkNote tells the counsellor whether the client's link shows new homework or a check-in.
func (s *Server) linkNote(c echo.Context, cl store.Client) string {
	st, err := s.store.ClientLinkState(c.Request().Context(), cl.PracticeID, cl.ID)
	if err == nil && (st.Current != nil || st.Older > 0) {
		return "The client's private link shows it now."
	}
	return "The client has no live link yet: issue one under Private link on the client's page."
}

// canEmail reports whether the client's link may be emailed: SMTP is configured and the
// client chose email as the way to be contacted.
func (s *Server) canEmail(cl store.Client) bool {
	return s.mailer != nil && cl.ContactMethod == "email" && cl.Email != ""
}

// emailLink sends the neutral link message. A failure does not undo the assignment: the
// page says so, and the counsellor copies the link instead.
func (s *Server) emailLink(c echo.Context, cl store.Client, entityType string, entityID int64, token string, until time.Time, form *Form) error {
	if !s.canEmail(cl) {
		form.Fail("_form", "The link was not emailed: the client has not chosen email, or email is not set up. Copy the link below.")
		return nil
	}
	subject, body := mail.LinkMessage(s.linkURL(token), until)
	outcome := store.OutcomeSuccess
	if err := s.mailer.Send(c.Request().Context(), cl.Email, subject, body); err != nil {
		s.log.Warn("link email failed", "request_id", requestIDOf(c), "err", err)
		form.Fail("_form", "The email could not be sent. Copy the link below and pass it on another way.")
		outcome = store.OutcomeFailure
	}
	return s.audit(c, store.AuditEntry{Action: "link.email", EntityType: entityType, EntityID: strconv.FormatInt(entityID, 10),
		ClientID: cl.ID, Outcome: outcome})
}

func (s *Server) assignmentFor(c echo.Context) (store.Client, store.Assignment, error) {
	cl, err := s.clientFor(c)
	if err != nil {
		return cl, store.Assignment{}, err
	}
	id, err := pathID(c, "assignment")
	if err != nil {
		return cl, store.Assignment{}, err
	}
	a, err := s.store.Assignment(c.Request().Context(), cl.PracticeID, cl.ID, id)
	if errors.Is(err, store.ErrNotFound) {
		return cl, a, echo.ErrNotFound
	}
	return cl, a, err
}

func (s *Server) assignmentPage(c echo.Context) error {
	cl, a, err := s.assignmentFor(c)
	if err != nil {
		return err
	}
	return s.showAssignment(c, cl, a.ID, http.StatusOK, &Form{})
}

// showAssignment renders an assignment: status, completion, whether the client's link shows
// it, and the entries to review.
func (s *Server) showAssignment(c echo.Context, cl store.Client, id int64, status int, form *Form) error {
	ctx := c.Request().Context()
	a, err := s.store.Assignment(ctx, cl.PracticeID, cl.ID, id)
	if err != nil {
		return err
	}
	today, _, err := s.practiceToday(c)
	if err != nil {
		return err
	}
	view := s.viewAssignment(a, today)
	var tpl homework.Template
	if err := json.Unmarshal(a.Template, &tpl); err != nil {
		return fmt.Errorf("assignment %d: %w", a.ID, err)
	}
	entries, err := s.store.Entries(ctx, cl.PracticeID, a.ID)
	if err != nil {
		return err
	}
	type entryView struct {
		store.Entry
		Answers []shownAnswer
	}
	shown := make([]entryView, len(entries))
	for i, e := range entries {
		shown[i] = entryView{Entry: e, Answers: showAnswers(tpl, e.Answers)}
	}
	if err := s.auditClient(c, cl, "assignment.view", "assignment", a.ID, ""); err != nil {
		return err
	}
	p := s.page(c, "Homework: "+a.Title)
	p.Form = form
	p.Data = struct {
		Client  store.Client
		A       assignmentView
		Entries []entryView
	}{cl, view, shown}
	return s.render(c, status, "clients/assignment", p)
}

func (s *Server) revokeAssignment(c echo.Context) error {
	cl, a, err := s.assignmentFor(c)
	if err != nil {
		return err
	}
	if err := onlyFields(c); err != nil {
		return err
	}
	err = s.store.RevokeAssignment(c.Request().Context(), cl.PracticeID, cl.ID, a.ID, clientEntry(c, cl, "assignment.revoke", "assignment", a.ID, ""))
	if errors.Is(err, store.ErrNotFound) {
		return s.flash(c, assignmentPath(cl.ID, a.ID), "This homework was already revoked.")
	}
	if err != nil {
		return err
	}
	return s.flash(c, assignmentPath(cl.ID, a.ID), "Revoked: the client's page no longer shows it.")
}

// reviewEntry marks an entry reviewed, with an optional reply the client sees next time.
func (s *Server) reviewEntry(c echo.Context) error {
	cl, a, err := s.assignmentFor(c)
	if err != nil {
		return err
	}
	if err := onlyFields(c, "reply"); err != nil {
		return err
	}
	entryID, err := pathID(c, "entry")
	if err != nil {
		return err
	}
	reply := strings.TrimSpace(c.FormValue("reply"))
	if utf8.RuneCountInString(reply) > 2000 {
		form := &Form{Values: url.Values{"reply": {reply}}}
		form.Fail("reply", "Use at most 2000 characters.")
		return s.showAssignment(c, cl, a.ID, http.StatusUnprocessableEntity, form)
	}
	err = s.store.ReviewEntry(c.Request().Context(), cl.PracticeID, a.ID, entryID, currentUser(c).ID, reply,
		clientEntry(c, cl, "entry.review", "entry", entryID, ""))
	if errors.Is(err, store.ErrNotFound) {
		return echo.ErrNotFound
	}
	if err != nil {
		return err
	}
	return s.flash(c, assignmentPath(cl.ID, a.ID), "Marked reviewed.")
}

func assignmentPath(clientID, id int64) string {
	return fmt.Sprintf("%s/homework/%d", clientPath(clientID), id)
}

// homeworkViews loads a client's assignments and their completion: entries made ÷ entries
// expected over all of them.
func (s *Server) homeworkViews(c echo.Context, cl store.Client) ([]assignmentView, float64, error) {
	as, err := s.store.Assignments(c.Request().Context(), cl.PracticeID, cl.ID)
	if err != nil {
		return nil, 0, err
	}
	today, _, err := s.practiceToday(c)
	if err != nil {
		return nil, 0, err
	}
	views := make([]assignmentView, len(as))
	made, expected := 0, 0
	for i, a := range as {
		views[i] = s.viewAssignment(a, today)
		made += a.Submitted
		expected += views[i].Expected
	}
	return views, homework.CompletionRate(made, expected), nil
}
