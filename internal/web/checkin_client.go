package web

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/measures"
	"github.com/securebase/securebase/internal/store"
)

// checkinPage is what a client's check-in shows: their markers and questionnaires, nothing else.
type checkinPage struct {
	View     store.ClientView
	Checkin  store.Checkin
	Markers  []store.Marker
	Measures []measures.Measure
	LinkID   int64
	Item     string  // "c:<id>": which of the client's forms this is
	Due      dueList // everything due now, with the neutral count
}

// checkinContext loads one check-in of the session's client. Another client's check-in is a
// dead link to this client: the same neutral 404.
func (s *Server) checkinContext(c echo.Context, id int64) (checkinPage, error) {
	ctx := c.Request().Context()
	l := linkOf(c)
	ck, v, err := s.store.CheckinClient(ctx, l.PracticeID, id)
	if errors.Is(err, store.ErrNotFound) || err == nil && ck.ClientID != l.ClientID {
		return checkinPage{}, echo.ErrNotFound
	}
	if err != nil {
		return checkinPage{}, err
	}
	page := checkinPage{View: v, Checkin: ck, LinkID: l.ID, Item: "c:" + strconv.FormatInt(ck.ID, 10)}
	if ck.WithMarkers {
		if page.Markers, err = s.store.Markers(ctx, l.PracticeID, false); err != nil {
			return page, err
		}
	}
	for _, key := range ck.Measures {
		if m, ok := measures.ByKey(key); ok && measures.ClientAnswerable(key) {
			page.Measures = append(page.Measures, m)
		}
	}
	return page, nil
}

func (s *Server) checkinGet(c echo.Context, id int64, due dueList) error {
	page, err := s.checkinContext(c, id)
	if err != nil {
		return err
	}
	s.keepItem(c, page.Item)
	page.Due = due
	return s.renderCheckin(c, http.StatusOK, page, &Form{Values: map[string][]string{}})
}

func (s *Server) renderCheckin(c echo.Context, status int, page checkinPage, form *Form) error {
	p := &Page{Title: "Your check-in", CSRF: csrfToken(c), RequestID: requestIDOf(c), Form: form, Data: page,
		Flash: s.clientSessions.PopString(c.Request().Context(), "flash"), HelpOpen: s.clientSessions.PopBool(c.Request().Context(), keyHelpOpen)}
	return s.render(c, status, "client/checkin", p)
}

// checkinPost records the client's answers once: every marker and item must be answered.
// A PHQ-9 item 9 above 0 raises the client's risk flag at once, whatever the total.
func (s *Server) checkinPost(c echo.Context) error {
	if err := onlyFields(c, "link_id", "item", "m_*", "phq9_*", "gad7_*"); err != nil {
		return err
	}
	ctx := c.Request().Context()
	l := linkOf(c)
	if c.FormValue("link_id") != strconv.FormatInt(l.ID, 10) {
		return s.renderClientError(c, http.StatusConflict, nil)
	}
	if gated, err := s.pinGate(c); gated || err != nil {
		return s.redirectHome(c, err)
	}
	id, err := s.postedItem(c, "c")
	if err != nil {
		return err
	}
	page, err := s.checkinContext(c, id)
	if err != nil {
		return err
	}
	if page.Due, _, err = s.dueNow(c); err != nil {
		return err
	}
	values, err := c.FormParams()
	if err != nil {
		return echo.ErrBadRequest
	}
	form := &Form{Values: values}
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
		result, problems, riskNote := scoreForm(m, values)
		for k, msg := range problems {
			form.Fail(k, msg)
		}
		if riskNote != "" { // raised at once if anything on the form stops it being saved
			risks = append(risks, riskNote)
		}
		in.Results = append(in.Results, result)
	}
	if form.HasErrors() {
		if err := s.raiseEarly(c, l.PracticeID, page.Checkin.ClientID, 0, risks); err != nil {
			return err
		}
		if len(risks) > 0 {
			s.clientSessions.Put(ctx, keyHelpOpen, true)
		}
		return s.renderCheckin(c, http.StatusUnprocessableEntity, page, form)
	}
	today, err := s.todayIn(page.View.TimeZone)
	if err != nil {
		return err
	}
	in.Day = today
	entry := requestAudit(c, store.AuditEntry{Action: "checkin.submit", EntityType: "checkin", EntityID: strconv.FormatInt(page.Checkin.ID, 10), ClientID: page.Checkin.ClientID})
	in.RiskAudit = entry
	in.RiskAudit.Action, in.RiskAudit.Detail = "risk.raise", "source=phq9_item9"
	flagged, err := s.store.RecordProgress(ctx, l.PracticeID, page.Checkin.ClientID, in, entry)
	if errors.Is(err, store.ErrCheckinDone) {
		s.clientSessions.Put(ctx, "flash", "Thank you: this check-in was already sent.")
		return c.Redirect(http.StatusSeeOther, "/h")
	}
	if err != nil {
		return err
	}
	if flagged || len(risks) > 0 {
		// Help is offered there and then, with one calm sentence; the counsellor hears at once.
		s.clientSessions.Put(ctx, keyHelpOpen, true)
		s.clientSessions.Put(ctx, "flash", "Sent. Thank you. If things feel hard right now, help is below, any time of day.")
		s.notifyRisk(c, l.PracticeID, page.Checkin.ClientID)
		return c.Redirect(http.StatusSeeOther, "/h")
	}
	s.clientSessions.Put(ctx, "flash", "Sent. Thank you.")
	return c.Redirect(http.StatusSeeOther, "/h")
}

// difficultyAnswer reads the optional, unscored difficulty question: nil when left blank, ok false when
// the answer is not one of its options.
func difficultyAnswer(m measures.Measure, values map[string][]string) (*int, bool) {
	if m.Difficulty == nil {
		return nil, true
	}
	vs := values[m.Difficulty.Key]
	if len(vs) == 0 || (len(vs) == 1 && vs[0] == "") {
		return nil, true
	}
	v, err := strconv.Atoi(vs[0])
	if err != nil || len(vs) != 1 || m.Difficulty.Label(v) == "" {
		return nil, false
	}
	return &v, true
}

// scoreForm reads one questionnaire's item answers from a form and scores it. riskNote is
// set whenever the risk item is answered above 0, complete form or not: that answer is
// acted on at once.
func scoreForm(m measures.Measure, values map[string][]string) (r store.ResultInput, problems map[string]string, riskNote string) {
	answers := map[string]int{}
	problems = map[string]string{}
	for _, item := range m.Items {
		raw := ""
		if vs := values[item.Key]; len(vs) == 1 {
			raw = vs[0]
		}
		v, err := strconv.Atoi(raw)
		if err != nil {
			problems[item.Key] = "Please choose one answer."
			continue
		}
		answers[item.Key] = v
	}
	if m.RiskRaised(answers) {
		riskNote = fmt.Sprintf("%s item 9 answered %d", m.Name, answers[m.RiskItem])
	}
	if len(problems) > 0 {
		if riskNote != "" {
			riskNote += " (the rest of the form was not complete)"
		}
		return store.ResultInput{}, problems, riskNote
	}
	total, scoreProblems := m.Score(answers)
	if len(scoreProblems) > 0 {
		return store.ResultInput{}, scoreProblems, riskNote
	}
	diff, ok := difficultyAnswer(m, values)
	if !ok {
		return store.ResultInput{}, map[string]string{m.Difficulty.Key: "Please choose one of the answers given, or leave it blank."}, riskNote
	}
	r = store.ResultInput{MeasureKey: m.Key, Total: total, Answers: mustJSON(answers), RiskRaised: riskNote != "", Difficulty: diff}
	if r.RiskRaised {
		riskNote = fmt.Sprintf("%s (total %d)", riskNote, total)
		r.RiskNote = riskNote
	}
	return r, nil, riskNote
}

// raiseEarly flags a risk answered on a form that cannot be saved yet, and audits it.
func (s *Server) raiseEarly(c echo.Context, practiceID, clientID, userID int64, notes []string) error {
	for _, note := range notes {
		audit := requestAudit(c, store.AuditEntry{ActorUserID: userID, Action: "risk.raise", EntityType: "client",
			EntityID: strconv.FormatInt(clientID, 10), ClientID: clientID, Detail: "source=phq9_item9 incomplete form"})
		if _, err := s.store.RaiseRiskFlag(c.Request().Context(), practiceID, clientID, userID,
			store.RiskFlagInput{Source: "phq9_item9", Summary: note, Audit: audit}); err != nil {
			return err
		}
	}
	return nil
}

// todayIn is today's date in a time zone, as a UTC midnight.
func (s *Server) todayIn(zone string) (time.Time, error) {
	loc, err := s.zones.load(zone)
	if err != nil {
		loc = time.UTC
	}
	now := s.now().In(loc)
	return time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC), nil
}

// mustJSON encodes a value that cannot fail to encode (maps of strings to numbers).
func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // unreachable for the types passed
	}
	return b
}
