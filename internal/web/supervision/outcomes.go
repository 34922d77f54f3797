package supervision

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/measures"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web/kit"
	view "github.com/securebase/securebase/templates/supervision"
	"github.com/securebase/securebase/templates/ui"
)

// The outcomes page's periods.
const (
	periodRolling = "rolling"
	periodRange   = "range"
)

// outcomeRequest is whose episodes, over which days.
type outcomeRequest struct {
	Scope        store.DashScope
	CounsellorID int64 // 0: everyone in scope
	From, To     time.Time
}

// OutcomesPage shows the reliable-change rates of the practice (admins), of the counsellors a
// supervisor supervises, or of one of them, over a rolling year or the discharges between two
// dates. Clients appear by code only; the view is audited with their ids.
func (h *Handlers) OutcomesPage(c echo.Context) error {
	counsellors, err := h.exportCounsellors(c)
	if err != nil {
		return err
	}
	req, form, err := h.readOutcomeRequest(c, counsellors)
	if err != nil {
		return err
	}
	v := view.OutcomesView{Page: h.Page(c, "Outcomes"), Form: form,
		Periods: []ui.Option{{Value: periodRolling, Label: "Rolling year to today"}, {Value: periodRange, Label: "Discharges between two dates"}}}
	for _, u := range counsellors {
		v.Counsellors = append(v.Counsellors, ui.Option{Value: strconv.FormatInt(u.ID, 10), Label: u.DisplayName})
	}
	if form.HasErrors() {
		return h.Render(c, http.StatusUnprocessableEntity, view.Outcomes(v))
	}
	ctx := c.Request().Context()
	eps, err := h.Store.OutcomeEpisodes(ctx, kit.CurrentUser(c).PracticeID, req.Scope, req.CounsellorID, req.From, req.To)
	if err != nil {
		return err
	}
	conv, err := h.ConventionsOf(c)
	if err != nil {
		return err
	}
	judged := make([]measures.EpisodeOutcome, len(eps))
	for i, e := range eps {
		judged[i] = measures.Judge(measures.Episode{ClientID: e.ClientID, Code: e.Code, Ended: e.Ended, Attended: e.Attended, Scores: e.Scores}, conv)
	}
	v.Shown, v.Summary = true, measures.Summarise(judged)
	v.Whose, v.Period = v.AllCounsellors(), req.From.Format("2 Jan 2006")+" to "+req.To.Format("2 Jan 2006")
	for _, o := range v.Counsellors {
		if o.Value == form.Value("counsellor") {
			v.Whose = o.Label
		} else if req.CounsellorID == 0 {
			v.Links = append(v.Links, view.OutcomeLink{Label: o.Label, Href: "/outcomes?" + linkQuery(form, o.Value)})
		}
	}
	v.Charts = h.outcomeCharts(judged, conv)
	v.Episodes = outcomeRows(judged)
	if err := h.Audit(c, store.AuditEntry{Action: "outcomes.view", EntityType: "outcomes", EntityID: outcomeEntity(req),
		Detail: outcomeDetail(req, judged)}); err != nil {
		return err
	}
	return h.Render(c, http.StatusOK, view.Outcomes(v))
}

// readOutcomeRequest reads the period and the counsellor from the query, checked against
// whom the user may see.
func (h *Handlers) readOutcomeRequest(c echo.Context, counsellors []store.User) (outcomeRequest, *ui.Form, error) {
	values := c.QueryParams()
	form := &ui.Form{Values: values}
	scope, _, err := h.exportScope(c)
	if err != nil {
		return outcomeRequest{}, form, err
	}
	req := outcomeRequest{Scope: scope}
	if id := values.Get("counsellor"); id != "" {
		n, err := strconv.ParseInt(id, 10, 64)
		if err != nil || !slices.ContainsFunc(counsellors, func(u store.User) bool { return u.ID == n }) {
			form.Fail("counsellor", "Choose a counsellor from the list.")
		}
		req.CounsellorID = n
	}
	today, _, err := h.PracticeToday(c)
	if err != nil {
		return req, form, err
	}
	switch values.Get("period") {
	case "", periodRolling:
		values.Set("period", periodRolling)
		req.From, req.To = today.AddDate(-1, 0, 1), today
	case periodRange:
		from, to := kit.OptionalDate(form, "from", values.Get("from")), kit.OptionalDate(form, "to", values.Get("to"))
		switch {
		case from == nil && form.Error("from") == "":
			form.Fail("from", "Enter the first day of discharges, like 2026-01-01.")
		case to == nil && form.Error("to") == "":
			form.Fail("to", "Enter the last day of discharges, like 2026-12-31.")
		case from != nil && to != nil && to.Before(*from):
			form.Fail("to", "The last day comes before the first.")
		case from != nil && to != nil:
			req.From, req.To = *from, *to
		}
	default:
		form.Fail("period", "Choose a period from the list.")
	}
	return req, form, nil
}

// linkQuery is the query of a counsellor's page for the same period.
func linkQuery(form *ui.Form, counsellor string) string {
	q := url.Values{"counsellor": {counsellor}, "period": {form.Value("period")}}
	if form.Value("period") == periodRange {
		q.Set("from", form.Value("from"))
		q.Set("to", form.Value("to"))
	}
	return q.Encode()
}

// outcomeEntity names what was viewed: the scope or one counsellor.
func outcomeEntity(req outcomeRequest) string {
	if req.CounsellorID != 0 {
		return "counsellor:" + strconv.FormatInt(req.CounsellorID, 10)
	}
	if req.Scope.All {
		return "practice"
	}
	return "supervisees"
}

// outcomeDetail records the period, the scope as it was, and which clients were shown, by id.
func outcomeDetail(req outcomeRequest, eps []measures.EpisodeOutcome) string {
	ids := make([]string, len(eps))
	for i, e := range eps {
		ids[i] = strconv.FormatInt(e.ClientID, 10)
	}
	d := fmt.Sprintf("from=%s to=%s", req.From.Format(time.DateOnly), req.To.Format(time.DateOnly))
	if !req.Scope.All {
		d += fmt.Sprintf(" scope=%v", req.Scope.Counsellors)
	}
	return d + fmt.Sprintf(" episodes=%d clients=%s", len(eps), strings.Join(ids, ","))
}
