package web

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/measures"
	"github.com/securebase/securebase/internal/store"
)

// recordSitting saves the counsellor's quick ratings and questionnaire answers of one day.
// Every field is optional, but something must be recorded; a questionnaire is either every
// item answered, or (for a scores-only measure) a total.
func (s *Server) recordSitting(c echo.Context) error {
	ctx := c.Request().Context()
	cl, err := s.clientFor(c)
	if err != nil {
		return err
	}
	if err := onlyFields(c, "day", "request_key", "m_*", "phq9_*", "gad7_*", "total_*"); err != nil {
		return err
	}
	values, err := c.FormParams()
	if err != nil {
		return echo.ErrBadRequest
	}
	form := &Form{Values: values}
	today, _, err := s.practiceToday(c)
	if err != nil {
		return err
	}
	day := optionalDate(form, "day", values.Get("day"))
	if day == nil && form.Error("day") == "" {
		form.Fail("day", "Enter the date of the ratings.")
	} else if day != nil && measures.CheckDay(*day, today) != "" {
		form.Fail("day", measures.CheckDay(*day, today))
	}
	markers, err := s.store.Markers(ctx, cl.PracticeID, false)
	if err != nil {
		return err
	}
	in := store.ProgressInput{Source: "counsellor", RecordedBy: currentUser(c).ID, Ratings: map[int64]int{}}
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
		if err := s.raiseEarly(c, cl.PracticeID, cl.ID, currentUser(c).ID, risks); err != nil {
			return err
		}
		return s.showProgress(c, cl, http.StatusUnprocessableEntity, form)
	}
	in.Day = *day
	if key := values.Get("request_key"); idempotencyKeyPattern.MatchString(key) {
		in.RequestKey = key
	}
	in.RiskAudit = clientEntry(c, cl, "risk.raise", "client", cl.ID, "source=phq9_item9")
	flagged, err := s.store.RecordProgress(ctx, cl.PracticeID, cl.ID, in,
		clientEntry(c, cl, "progress.record", "client", cl.ID, fmt.Sprintf("ratings=%d results=%d", len(in.Ratings), len(in.Results))))
	if errors.Is(err, store.ErrSittingRecorded) {
		return s.flash(c, clientPath(cl.ID)+"/progress", "Saved.") // the same form sent twice: already recorded
	}
	if err != nil {
		return err
	}
	msg := "Saved."
	if flagged {
		msg = "Saved. PHQ-9 item 9 was answered above 0: the client is flagged for review."
	}
	return s.flash(c, clientPath(cl.ID)+"/progress", msg)
}

// counsellorResult reads one questionnaire from the counsellor's form: nothing (ok false),
// every item, or (for a scores-only measure, which has no risk item) a total alone.
func counsellorResult(m measures.Measure, values map[string][]string) (store.ResultInput, bool, map[string]string, string) {
	answered := false
	for _, item := range m.Items {
		if len(values[item.Key]) > 0 && values[item.Key][0] != "" {
			answered = true
		}
	}
	totalKey := "total_" + m.Key
	rawTotal := ""
	if vs := values[totalKey]; len(vs) > 0 {
		rawTotal = strings.TrimSpace(vs[0])
	}
	switch {
	case answered:
		r, problems, riskNote := scoreForm(m, values)
		return r, len(problems) == 0, problems, riskNote
	case rawTotal != "" && !m.TotalAloneAllowed():
		return store.ResultInput{}, false, map[string]string{totalKey: "Answer every item: a total alone cannot screen the risk item."}, ""
	case rawTotal != "":
		total, err := strconv.Atoi(rawTotal)
		if err == nil {
			err = m.ScoreTotal(total)
		}
		if err != nil {
			return store.ResultInput{}, false, map[string]string{totalKey: fmt.Sprintf("Enter a whole number from 0 to %d.", m.Max)}, ""
		}
		return store.ResultInput{MeasureKey: m.Key, Total: total, Answers: []byte(`{}`)}, true, nil, ""
	}
	return store.ResultInput{}, false, nil, ""
}

func (s *Server) addEventNote(c echo.Context) error {
	cl, err := s.clientFor(c)
	if err != nil {
		return err
	}
	if err := onlyFields(c, "note_day", "note_text"); err != nil {
		return err
	}
	form := &Form{Values: map[string][]string{"note_day": {c.FormValue("note_day")}, "note_text": {c.FormValue("note_text")}}}
	day := optionalDate(form, "note_day", c.FormValue("note_day"))
	text := strings.TrimSpace(c.FormValue("note_text"))
	if day == nil && form.Error("note_day") == "" {
		form.Fail("note_day", "Enter the date.")
	}
	if text == "" || utf8.RuneCountInString(text) > 120 {
		form.Fail("note_text", "Write a short note of up to 120 characters, such as \"partner away for work\".")
	}
	if form.HasErrors() {
		return s.showProgress(c, cl, http.StatusUnprocessableEntity, form)
	}
	if err := s.store.AddEventNote(c.Request().Context(), cl.PracticeID, cl.ID, currentUser(c).ID, *day, text,
		clientEntry(c, cl, "event.create", "client", cl.ID, "")); err != nil {
		return err
	}
	return s.flash(c, clientPath(cl.ID)+"/progress", "Note added to the charts.")
}

// createCheckin asks the client for a check-in: the client's private link shows it, and the
// client rates the markers and/or answers the chosen questionnaires there.
func (s *Server) createCheckin(c echo.Context) error {
	ctx := c.Request().Context()
	cl, err := s.clientFor(c)
	if err != nil {
		return err
	}
	if err := onlyFields(c, "ck_markers", "ck_measures", "ck_due", "request_key"); err != nil {
		return err
	}
	values, err := c.FormParams()
	if err != nil {
		return echo.ErrBadRequest
	}
	form := &Form{Values: values}
	withMarkers := values.Get("ck_markers") == "true"
	today, _, err := s.practiceToday(c)
	if err != nil {
		return err
	}
	due := optionalDate(form, "ck_due", values.Get("ck_due"))
	if due == nil && form.Error("ck_due") == "" {
		form.Fail("ck_due", "Enter the date it is due.")
	}
	keys, problems := measures.CheckCheckin(withMarkers, values["ck_measures"], due, today)
	for field, msg := range problems {
		form.Fail(field, msg)
	}
	key := values.Get("request_key")
	if !idempotencyKeyPattern.MatchString(key) {
		form.Fail("_form", "Something went wrong with the form. Please press the button again.")
		form.Values.Set("request_key", newIdempotencyKey())
	}
	if form.HasErrors() {
		return s.showProgress(c, cl, http.StatusUnprocessableEntity, form)
	}
	_, err = s.store.CreateCheckin(ctx, cl.PracticeID, cl.ID, currentUser(c).ID, withMarkers, keys, *due, key,
		clientEntry(c, cl, "checkin.create", "checkin", 0, ""))
	switch {
	case errors.Is(err, store.ErrConflict):
		return s.flash(c, clientPath(cl.ID)+"/progress", "This check-in was already sent.")
	case errors.Is(err, store.ErrClientClosed):
		return s.flash(c, clientPath(cl.ID)+"/progress", "A discharged client cannot be sent a check-in.")
	case err != nil:
		return err
	}
	return s.flash(c, clientPath(cl.ID)+"/progress", "Check-in sent. "+s.linkNote(c, cl))
}

// revokeCheckin withdraws a waiting check-in (and kills any older link issued for it alone).
func (s *Server) revokeCheckin(c echo.Context) error {
	cl, err := s.clientFor(c)
	if err != nil {
		return err
	}
	if err := onlyFields(c); err != nil {
		return err
	}
	id, err := pathID(c, "checkin")
	if err != nil {
		return err
	}
	err = s.store.RevokeCheckin(c.Request().Context(), cl.PracticeID, cl.ID, id, clientEntry(c, cl, "checkin.revoke", "checkin", id, ""))
	if errors.Is(err, store.ErrNotFound) {
		return s.flash(c, clientPath(cl.ID)+"/progress", "That check-in is already done or revoked.")
	}
	if err != nil {
		return err
	}
	return s.flash(c, clientPath(cl.ID)+"/progress", "Revoked: the client's page no longer shows this check-in.")
}
