package clientside

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/homework"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web/kit"
	view "github.com/securebase/securebase/templates/clientside"
	"github.com/securebase/securebase/templates/ui"
)

// clientFormPage is what the client's form shows: nothing about the case but this assignment.
type clientFormPage struct {
	View     store.ClientView
	Heading  string
	Template homework.Template
	Days     []time.Time // days a daily entry may be for
	Done     bool        // nothing left to send
	OpensOn  *time.Time  // set when the first day is still to come
	Cadence  string
	Due      dueList // everything due now, with the neutral count
}

// clientContext loads one homework of the session's client, as the client may see it. Homework
// of another client, or revoked, is a dead link to this client: the same neutral 404.
func (h *Handlers) clientContext(c echo.Context, assignmentID int64) (store.ClientView, homework.Template, []store.Entry, time.Time, error) {
	ctx := c.Request().Context()
	l := linkOf(c)
	v, err := h.Store.ClientViewOf(ctx, l.PracticeID, assignmentID)
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
	entries, err := h.Store.Entries(ctx, l.PracticeID, v.ID)
	loc, lerr := h.Zone(v.TimeZone)
	if lerr != nil {
		loc = time.UTC
	}
	now := h.Now().In(loc)
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	return v, t, entries, today, err
}

// assignmentFormGet shows one homework form on the client's page, with the count of all due.
func (h *Handlers) assignmentFormGet(c echo.Context, id int64, due dueList) error {
	v, t, entries, today, err := h.clientContext(c, id)
	if err != nil {
		return err
	}
	h.keepItem(c, "a:"+strconv.FormatInt(id, 10))
	form := &ui.Form{Values: map[string][]string{}}
	page := clientFormData(v, t.ForClient(), entries, today)
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
	return h.renderLinkForm(c, http.StatusOK, page, form)
}

func (h *Handlers) renderLinkForm(c echo.Context, status int, page clientFormPage, form *ui.Form) error {
	form.Values.Set("idempotency_key", kit.NewIdempotencyKey())
	v := page.View
	return h.Render(c, status, view.Form(view.FormView{
		ClientPage: h.ClientPage(c, "Your form"), Form: form, Due: page.Due.Due,
		Heading: page.Heading, CallName: v.CallName(), PracticeName: v.PracticeName,
		NamePractice: v.NameOnPages && !v.NeutralMessages, Instructions: v.Instructions,
		Purpose: page.Template.Purpose, Cadence: page.Cadence, StartDate: v.StartDate, DueDate: v.DueDate,
		Done: page.Done, OpensOn: page.OpensOn, Days: page.Days, Fields: page.Template.Fields,
		LinkID: linkOf(c).ID, Item: "a:" + strconv.FormatInt(v.ID, 10),
	}))
}
