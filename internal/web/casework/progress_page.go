package casework

import (
	"fmt"
	"net/http"
	"net/url"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/measures"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web/kit"
	view "github.com/securebase/securebase/templates/casework"
	"github.com/securebase/securebase/templates/ui"
)

// ProgressPage shows every chart of a client: markers, questionnaires with bands and cut-off,
// goals against their targets, with event notes marked; and the forms that add to them.
func (h *Handlers) ProgressPage(c echo.Context) error {
	cl, err := h.ClientFor(c)
	if err != nil {
		return err
	}
	return h.showProgress(c, cl, http.StatusOK, &ui.Form{Values: url.Values{}})
}

// checkinDefaultDays is when a new check-in falls due by default: a week from today.
const checkinDefaultDays = 7

// showProgress renders the page. The check-in form always gets a fresh request key and the
// rating form defaults to today in the practice's time zone, whichever form failed.
func (h *Handlers) showProgress(c echo.Context, cl store.Client, status int, form *ui.Form) error {
	ctx := c.Request().Context()
	// The plan's check-ins that fell due while nobody looked are made first: the gaps show.
	planToday, _, err := h.PracticeToday(c)
	if err != nil {
		return err
	}
	if err := h.Store.SyncPlan(ctx, cl.PracticeID, cl.ID, planToday); err != nil {
		return err
	}
	// Everything on the page besides the client, in one statement.
	page, err := h.Store.ProgressPageOf(ctx, cl.PracticeID, cl.ID)
	if err != nil {
		return err
	}
	c.Set(kit.CtxPractice, page.Practice) // PracticeOf then reads it no more
	today, _, err := h.PracticeToday(c)
	if err != nil {
		return err
	}
	if form.Values == nil {
		form.Values = url.Values{}
	}
	failed := view.FailedForm(form)
	form.Values.Set("request_key", kit.NewIdempotencyKey())
	if form.Values.Get("day") == "" {
		form.Values.Set("day", today.Format("2006-01-02"))
	}
	if failed != view.FailedCheckin { // a check-in is due in a week unless the counsellor says otherwise
		form.Values.Set("ck_due", today.AddDate(0, 0, checkinDefaultDays).Format("2006-01-02"))
	}
	markers, ratings, results, notes, checkins := page.Markers, page.Ratings, page.Results, page.Notes, page.Checkins
	conv, err := kit.ParseConventions(page.Conventions)
	if err != nil {
		return err
	}
	goals := h.goalRecords(page.Goals, page.Readings)
	v := view.ProgressView{Page: h.Page(c, "Progress "+cl.Code), Form: form, Client: goalClient(cl), Measures: measures.Measures(), Failed: failed}
	var groups progressGroups
	summaries := summarise(results, conv)
	for _, sum := range summaries {
		spec, note := measureChart(sum, results, conv)
		spec.Width, spec.Height = questionnaireWidth, questionnaireHeight
		groups.Questionnaires, groups.Notes = append(groups.Questionnaires, spec), append(groups.Notes, note)
		ps := progressSummary(sum)
		ps.LatestWhich = latestWords(sameDayCount(results, sum.Measure.Key, sum.Latest.TakenOn))
		v.Summaries = append(v.Summaries, ps)
	}
	v.Outcome = courseOutcome(summaries, conv)
	for _, mk := range markers {
		groups.Markers = append(groups.Markers, small(markerChart(mk, ratings)))
		v.Markers = append(v.Markers, view.ProgressMarker{Key: fmt.Sprintf("m_%d", mk.ID), Label: mk.Label})
	}
	for _, g := range goals {
		if g.Status == "active" || len(g.Readings) > 0 {
			groups.Goals = append(groups.Goals, small(goalChart(g)))
		}
	}
	events := eventsOf(notes)
	groups.shareAxis(events)
	for i, spec := range groups.Questionnaires {
		v.Questionnaires = append(v.Questionnaires, h.progressChart(spec, groups.Notes[i]))
	}
	for _, spec := range groups.Markers {
		v.MarkerCharts = append(v.MarkerCharts, h.progressChart(spec, ""))
	}
	for _, spec := range groups.Goals {
		v.GoalCharts = append(v.GoalCharts, h.progressChart(spec, ""))
	}
	for i, n := range notes {
		v.Notes = append(v.Notes, view.ProgressNote{Mark: events[i].Mark, Day: n.NotedOn.UTC().Format("2 Jan 2006"), Text: n.Text})
	}
	for _, ck := range checkins {
		v.Checkins = append(v.Checkins, progressCheckin(ck, today))
	}
	if err := h.AuditClient(c, cl, "progress.view", "client", cl.ID, ""); err != nil {
		return err
	}
	return h.Render(c, status, view.ProgressPage(v))
}
