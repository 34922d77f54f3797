package clientside

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/measures"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web/kit"
	"github.com/securebase/securebase/templates/ui"
)

// CheckinPost records the client's answers once: every marker and item must be answered.
// A PHQ-9 item 9 above 0 raises the client's risk flag at once, whatever the total.
func (h *Handlers) CheckinPost(c echo.Context) error {
	if err := kit.OnlyFields(c, "link_id", "item", "m_*", "phq9_*", "gad7_*"); err != nil {
		return err
	}
	ctx := c.Request().Context()
	l := linkOf(c)
	if c.FormValue("link_id") != strconv.FormatInt(l.ID, 10) {
		return h.RenderError(c, http.StatusConflict, nil)
	}
	if gated, err := h.pinGate(c); gated || err != nil {
		return h.redirectHome(c, err)
	}
	id, err := h.postedItem(c, "c")
	if err != nil {
		return err
	}
	page, err := h.checkinContext(c, id)
	if err != nil {
		return err
	}
	if page.Due, _, err = h.dueNow(c); err != nil {
		return err
	}
	values, err := c.FormParams()
	if err != nil {
		return echo.ErrBadRequest
	}
	form := &ui.Form{Values: values}
	in := store.ProgressInput{Source: "client", CheckinID: page.Checkin.ID, Ratings: map[int64]int{}}
	for _, m := range page.Markers {
		key := fmt.Sprintf("m_%d", m.ID)
		v, ok := measures.ParseMarkerRating(values.Get(key))
		if !ok {
			form.Fail(key, "Choose a number from 0 to 10.")
			continue
		}
		in.Ratings[m.ID] = v
	}
	var risks []string
	for _, m := range page.Measures {
		result, problems, riskNote := kit.ScoreForm(m, values)
		for k, msg := range problems {
			form.Fail(k, msg)
		}
		if riskNote != "" { // raised at once if anything on the form stops it being saved
			risks = append(risks, riskNote)
		}
		in.Results = append(in.Results, result)
	}
	if form.HasErrors() {
		if err := h.RaiseEarly(c, l.PracticeID, page.Checkin.ClientID, 0, risks); err != nil {
			return err
		}
		if len(risks) > 0 {
			h.ClientSessions.Put(ctx, keyHelpOpen, true)
		}
		return h.renderCheckin(c, http.StatusUnprocessableEntity, page, form)
	}
	today, err := h.todayIn(page.View.TimeZone)
	if err != nil {
		return err
	}
	in.Day = today
	entry := kit.AuditEntry(c, store.AuditEntry{Action: "checkin.submit", EntityType: "checkin", EntityID: strconv.FormatInt(page.Checkin.ID, 10), ClientID: page.Checkin.ClientID})
	in.RiskAudit = entry
	in.RiskAudit.Action, in.RiskAudit.Detail = "risk.raise", "source=phq9_item9"
	flagged, err := h.Store.RecordProgress(ctx, l.PracticeID, page.Checkin.ClientID, in, entry)
	if errors.Is(err, store.ErrCheckinDone) {
		h.ClientSessions.Put(ctx, keyFlash, "Thank you: this check-in was already sent.")
		return c.Redirect(http.StatusSeeOther, "/h")
	}
	if err != nil {
		return err
	}
	if flagged || len(risks) > 0 {
		// Help is offered there and then, with one calm sentence; the counsellor hears at once.
		h.ClientSessions.Put(ctx, keyHelpOpen, true)
		h.ClientSessions.Put(ctx, keyFlash, "Sent. Thank you. If things feel hard right now, help is below, any time of day.")
		h.NotifyRisk(c, l.PracticeID, page.Checkin.ClientID)
		return c.Redirect(http.StatusSeeOther, "/h")
	}
	h.ClientSessions.Put(ctx, keyFlash, "Sent. Thank you.")
	return c.Redirect(http.StatusSeeOther, "/h")
}
