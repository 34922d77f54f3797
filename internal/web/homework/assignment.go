package homework

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	hw "github.com/securebase/securebase/internal/homework"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web/kit"
	view "github.com/securebase/securebase/templates/homework"
	"github.com/securebase/securebase/templates/ui"
)

// assignmentFor loads the client and the assignment named in the path.
func (h *Handlers) assignmentFor(c echo.Context) (store.Client, store.Assignment, error) {
	cl, err := h.ClientFor(c)
	if err != nil {
		return cl, store.Assignment{}, err
	}
	id, err := kit.PathID(c, "assignment")
	if err != nil {
		return cl, store.Assignment{}, err
	}
	a, err := h.Store.Assignment(c.Request().Context(), cl.PracticeID, cl.ID, id)
	if errors.Is(err, store.ErrNotFound) {
		return cl, a, echo.ErrNotFound
	}
	return cl, a, err
}

// ShowAssignment shows one assignment with its entries.
func (h *Handlers) ShowAssignment(c echo.Context) error {
	cl, a, err := h.assignmentFor(c)
	if err != nil {
		return err
	}
	return h.showAssignment(c, cl, a.ID, http.StatusOK, &ui.Form{})
}

// showAssignment renders an assignment: status, completion, whether the client's link shows
// it, and the entries to review.
func (h *Handlers) showAssignment(c echo.Context, cl store.Client, id int64, status int, form *ui.Form) error {
	ctx := c.Request().Context()
	a, err := h.Store.Assignment(ctx, cl.PracticeID, cl.ID, id)
	if err != nil {
		return err
	}
	today, _, err := h.PracticeToday(c)
	if err != nil {
		return err
	}
	var tpl hw.Template
	if err := json.Unmarshal(a.Template, &tpl); err != nil {
		return fmt.Errorf("assignment %d: %w", a.ID, err)
	}
	entries, err := h.Store.Entries(ctx, cl.PracticeID, a.ID)
	if err != nil {
		return err
	}
	v := view.AssignmentView{Page: h.Page(c, "Homework: "+a.Title), Form: form, Client: clientOf(cl), A: h.assignmentOf(a, today, h.Moments(c))}
	for _, e := range entries {
		v.Entries = append(v.Entries, entryOf(tpl, e))
	}
	if a.GoalID != nil {
		g, err := h.Store.Goal(ctx, cl.PracticeID, cl.ID, *a.GoalID)
		if err != nil {
			return err
		}
		v.A.GoalStatement = g.Statement
		if f, ok := tpl.Field(a.GoalField); ok {
			v.A.GoalField = f.Label
		}
	}
	if err := h.AuditClient(c, cl, "assignment.view", "assignment", a.ID, ""); err != nil {
		return err
	}
	return h.Render(c, status, view.AssignmentPage(v))
}

// assignmentOf is what the assignment's page shows of a, with its status on day today.
func (h *Handlers) assignmentOf(a store.Assignment, today time.Time, moment func(time.Time) string) view.Assignment {
	expected := hw.ExpectedEntries(hw.Cadence(a.Cadence), a.StartDate, a.DueDate)
	status := hw.StatusOf(hw.Facts{Cadence: hw.Cadence(a.Cadence), Start: a.StartDate, Due: a.DueDate, Today: today,
		Submitted: a.Submitted, Reviewed: a.Reviewed, Drafts: a.Drafts, Revoked: a.RevokedAt != nil,
		LinkExpired: a.RevokedAt == nil && (a.LinkExpiresAt == nil || !a.LinkExpiresAt.After(h.Now()))})
	v := view.Assignment{ID: a.ID, Title: a.Title, StatusLabel: hw.StatusLabel(status), Submitted: a.Submitted, Expected: expected,
		Completion: fmt.Sprintf("%.0f%%", hw.CompletionRate(a.Submitted, expected)*100), Daily: a.Cadence == string(hw.Daily),
		StartDate: day(a.StartDate), DueDate: day(a.DueDate), Instructions: a.Instructions, GoalField: a.GoalField}
	if a.GoalID != nil {
		v.GoalID = *a.GoalID
	}
	if a.RevokedAt != nil {
		v.RevokedAt = moment(*a.RevokedAt)
	} else if a.LinkExpiresAt != nil {
		v.LinkLiveUntil = moment(*a.LinkExpiresAt)
	}
	return v
}

// entryOf is one entry with its answers in words.
func entryOf(tpl hw.Template, e store.Entry) view.Entry {
	v := view.Entry{ID: e.ID, Date: day(e.EntryDate), Draft: e.Status == "draft", Submitted: e.Status == "submitted",
		Reviewed: e.ReviewedAt != nil, Reply: e.Reply}
	for _, a := range kit.ShowAnswers(tpl, e.Answers) {
		v.Answers = append(v.Answers, view.Answer{Label: a.Label, Text: a.Text})
	}
	return v
}

// day is a date as the pages show it, "2 Jan 2006".
func day(t time.Time) string { return t.UTC().Format("2 Jan 2006") }
