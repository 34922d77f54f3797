package clientside

import (
	"encoding/json"
	"errors"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web/kit"
	"github.com/securebase/securebase/templates/ui"
)

// Form fields of the client form that are not answers.
var clientFormMeta = map[string]bool{"_csrf": true, "idempotency_key": true, "action": true, "entry_date": true, "link_id": true, "item": true}

// FormPost saves a draft or sends an entry. A double click, the back button or a
// retried POST never makes a second entry: the form's idempotency key and the one-entry-a-day
// rule see to that.
func (h *Handlers) FormPost(c echo.Context) error {
	ctx := c.Request().Context()
	if gated, err := h.pinGate(c); gated || err != nil {
		return h.redirectHome(c, err)
	}
	id, err := h.postedItem(c, "a")
	if err != nil {
		return err
	}
	v, t, entries, today, err := h.clientContext(c, id)
	if err != nil {
		return err
	}
	values, err := c.FormParams()
	if err != nil {
		return echo.ErrBadRequest
	}
	form := &ui.Form{Values: values}
	if values.Get("link_id") != strconv.FormatInt(linkOf(c).ID, 10) {
		// The client opened another link in this browser since loading this form.
		return h.RenderError(c, http.StatusConflict, nil)
	}
	ct := t.ForClient() // the questions as the client's form names them: q1, q2…
	// refuse shows the form again with its problems; only then is the list of what is due read.
	refuse := func(status int, page clientFormPage, form *ui.Form) error {
		due, _, derr := h.dueNow(c)
		if derr != nil {
			return derr
		}
		page.Due = due
		return h.renderLinkForm(c, status, page, form)
	}
	page := clientFormData(v, ct, entries, today)
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
	if !kit.ValidIdempotencyKey(key) {
		form.Fail("_form", "Something went wrong with the form. Please press the button again.")
	}
	day, ok := window(v).EntryDay(values.Get("entry_date"), today)
	if !ok {
		form.Fail("entry_date", "Choose one of the days listed.")
	}
	if form.HasErrors() {
		form.Values.Del("idempotency_key")
		return refuse(http.StatusUnprocessableEntity, page, form)
	}
	data, err := json.Marshal(answers)
	if err != nil {
		return err
	}
	action, msg := "link.submit", "Sent. Thank you."
	if !submit {
		action, msg = "link.draft", "Saved. You can come back and finish it later."
	}
	audit := kit.AuditEntry(c, store.AuditEntry{Action: action, EntityType: "assignment", EntityID: strconv.FormatInt(v.ID, 10), ClientID: v.ClientID})
	in := store.EntryInput{Date: day, Answers: data, Submit: submit, IdempotencyKey: key, ReadingDate: laterOf(day, today), Audit: audit}
	if n, ok := answers.Number(v.GoalField); ok && v.GoalID != nil {
		in.Reading = &n
	}
	_, err = h.Store.SaveEntry(ctx, linkOf(c).PracticeID, linkOf(c).ID, v.Assignment, in)
	if errors.Is(err, store.ErrLinkNotLive) {
		return echo.ErrNotFound // the neutral page, with the typed text shown back
	}
	if errors.Is(err, store.ErrAlreadySubmitted) {
		form.Fail("_form", "You have already sent the entry for this day. Your answers are kept below.")
		page.Done = false
		if !containsDay(page.Days, day) {
			page.Days = append(page.Days, day)
		}
		return refuse(http.StatusConflict, page, form)
	}
	if err != nil {
		return err
	}
	h.ClientSessions.Put(ctx, keyFlash, msg)
	return c.Redirect(http.StatusSeeOther, "/h") // the audit row went in with the entry, once
}
