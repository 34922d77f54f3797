package casework

import (
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/measures"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web/kit"
	"github.com/securebase/securebase/templates/ui"
)

// RecordSitting saves the counsellor's quick ratings and questionnaire answers of one day.
// Every field is optional, but something must be recorded; a questionnaire is either every
// item answered, or (for a scores-only measure) a total.
func (h *Handlers) RecordSitting(c echo.Context) error {
	ctx := c.Request().Context()
	cl, err := h.ClientFor(c)
	if err != nil {
		return err
	}
	if err := kit.OnlyFields(c, "day", "request_key", "m_*", "phq9_*", "gad7_*", "total_*"); err != nil {
		return err
	}
	values, err := c.FormParams()
	if err != nil {
		return echo.ErrBadRequest
	}
	form := &ui.Form{Values: values}
	today, _, err := h.PracticeToday(c)
	if err != nil {
		return err
	}
	day := kit.OptionalDate(form, "day", values.Get("day"))
	if day == nil && form.Error("day") == "" {
		form.Fail("day", "Enter the date of the ratings.")
	} else if day != nil && measures.CheckDay(*day, today) != "" {
		form.Fail("day", measures.CheckDay(*day, today))
	}
	markers, err := h.Store.Markers(ctx, cl.PracticeID, false)
	if err != nil {
		return err
	}
	in := store.ProgressInput{Source: "counsellor", RecordedBy: kit.CurrentUser(c).ID, Ratings: map[int64]int{}}
	for _, m := range markers {
		key := fmt.Sprintf("m_%d", m.ID)
		raw := strings.TrimSpace(values.Get(key))
		if raw == "" {
			continue
		}
		v, ok := measures.ParseMarkerRating(raw)
		if !ok {
			form.Fail(key, "Choose a number from 0 to 10.")
			continue
		}
		in.Ratings[m.ID] = v
	}
	var risks []string
	for _, m := range measures.Measures() {
		r, ok, problems, riskNote := counsellorResult(m, values)
		for k, msg := range problems {
			form.Fail(k, msg)
		}
		if riskNote != "" { // raised at once if anything on the form stops it being saved
			risks = append(risks, riskNote)
		}
		if ok {
			in.Results = append(in.Results, r)
		}
	}
	if !form.HasErrors() && len(in.Ratings) == 0 && len(in.Results) == 0 {
		form.Fail("_form", "Rate at least one marker or complete a questionnaire.")
	}
	if form.HasErrors() {
		if err := h.RaiseEarly(c, cl.PracticeID, cl.ID, kit.CurrentUser(c).ID, risks); err != nil {
			return err
		}
		return h.showProgress(c, cl, http.StatusUnprocessableEntity, form)
	}
	in.Day = *day
	if key := values.Get("request_key"); kit.ValidIdempotencyKey(key) {
		in.RequestKey = key
	}
	in.RiskAudit = changeEntry(c, cl, "risk.raise", "client", cl.ID, "source=phq9_item9")
	flagged, err := h.Store.RecordProgress(ctx, cl.PracticeID, cl.ID, in,
		changeEntry(c, cl, "progress.record", "client", cl.ID, fmt.Sprintf("ratings=%d results=%d", len(in.Ratings), len(in.Results))))
	if errors.Is(err, store.ErrSittingRecorded) {
		return h.Flash(c, kit.ClientPath(cl.ID)+"/progress", "Saved.") // the same form sent twice: already recorded
	}
	if err != nil {
		return err
	}
	msg := "Saved."
	if flagged {
		msg = "Saved. PHQ-9 item 9 was answered above 0: the client is flagged for review."
	}
	return h.Flash(c, kit.ClientPath(cl.ID)+"/progress", msg)
}
