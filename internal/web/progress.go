package web

import (
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/chart"
	"github.com/securebase/securebase/internal/measures"
	"github.com/securebase/securebase/internal/store"
)

// bandFills shade severity bands from calm to warm.
var bandFills = []string{"#e7f5ee", "#f1f7d9", "#fef3c7", "#fde8d2", "#fde2e1", "#f9d0d0"}

// shownChart is one chart with its table alternative.
type shownChart struct {
	ID    string
	Title string
	SVG   any
	Rows  []chart.Row
	Note  string // e.g. the reliable-change verdict
}

// measureSummary is a questionnaire's first and latest score and what changed.
type measureSummary struct {
	Measure       measures.Measure
	First, Latest store.Result
	Band          measures.Band
	Change        measures.Change
	Count         int
	Difficulty    string // the latest answer to the unscored difficulty question, or ""
}

// courseOutcome is the overall verdict of the course, by the paired rule where both were measured.
func courseOutcome(sums []measureSummary, conv measures.Conventions) measures.Outcome {
	courses := make([]measures.Course, len(sums))
	for i, s := range sums {
		courses[i] = measures.Course{Measure: s.Measure, First: s.First.Total, Latest: s.Latest.Total, Count: s.Count}
	}
	return measures.JudgeCourse(courses, conv)
}

// conventionsOf reads the practice's reliable-change conventions.
func (s *Server) conventionsOf(c echo.Context) (measures.Conventions, error) {
	raw, err := s.store.Conventions(c.Request().Context(), currentUser(c).PracticeID)
	if err != nil {
		return nil, err
	}
	conv := measures.Conventions{}
	if len(raw) > 0 {
		if err := json.Unmarshal(raw, &conv); err != nil {
			return nil, fmt.Errorf("conventions: %w", err)
		}
	}
	return conv, nil
}

// summarise computes, per questionnaire, the first and latest score and the reliable change.
func summarise(results []store.Result, conv measures.Conventions) []measureSummary {
	var out []measureSummary
	for _, m := range measures.Measures() {
		var mine []store.Result
		for _, r := range results {
			if r.MeasureKey == m.Key {
				mine = append(mine, r)
			}
		}
		if len(mine) == 0 {
			continue
		}
		first, latest := mine[0], mine[len(mine)-1]
		sum := measureSummary{Measure: m, First: first, Latest: latest, Band: m.Band(latest.Total), Count: len(mine)}
		if latest.Difficulty != nil {
			sum.Difficulty = m.Difficulty.Label(*latest.Difficulty)
		}
		if len(mine) > 1 { // a single score gives no verdict
			sum.Change = m.ClassifyChange(first.Total, latest.Total, conv)
		}
		out = append(out, sum)
	}
	return out
}

func eventsOf(notes []store.EventNote) []chart.Event {
	out := make([]chart.Event, len(notes))
	for i, n := range notes {
		out[i] = chart.Event{Date: n.NotedOn, Label: n.Text}
	}
	return out
}

func ptr(f float64) *float64 { return &f }

// progressPage shows every chart of a client: markers, questionnaires with bands and cut-off,
// goals against their targets, with event notes marked; and the forms that add to them.
func (s *Server) progressPage(c echo.Context) error {
	cl, err := s.clientFor(c)
	if err != nil {
		return err
	}
	return s.showProgress(c, cl, http.StatusOK, &Form{Values: url.Values{}})
}

// showProgress renders the page. The check-in form always gets a fresh request key and the
// rating form defaults to today in the practice's time zone, whichever form failed.
func (s *Server) showProgress(c echo.Context, cl store.Client, status int, form *Form) error {
	ctx := c.Request().Context()
	today, _, err := s.practiceToday(c)
	if err != nil {
		return err
	}
	if form.Values == nil {
		form.Values = url.Values{}
	}
	form.Values.Set("request_key", newIdempotencyKey())
	if form.Values.Get("day") == "" {
		form.Values.Set("day", today.Format("2006-01-02"))
	}
	markers, err := s.store.Markers(ctx, cl.PracticeID, false)
	if err != nil {
		return err
	}
	ratings, results, notes, err := s.store.ClientProgress(ctx, cl.PracticeID, cl.ID)
	if err != nil {
		return err
	}
	conv, err := s.conventionsOf(c)
	if err != nil {
		return err
	}
	goals, err := s.goalViews(c, cl)
	if err != nil {
		return err
	}
	checkins, err := s.store.Checkins(ctx, cl.PracticeID, cl.ID)
	if err != nil {
		return err
	}
	events := eventsOf(notes)
	var charts []shownChart
	add := func(spec chart.Spec, note string) {
		spec.Events = events
		charts = append(charts, shownChart{ID: spec.ID, Title: spec.Title, SVG: chart.SVG(spec), Rows: chart.Table(spec), Note: note})
	}
	summaries := summarise(results, conv)
	for _, sum := range summaries {
		m := sum.Measure
		spec := chart.Spec{ID: "measure-" + m.Key, Title: m.Name + " total", YLabel: "score", YMin: ptr(0), YMax: ptr(float64(m.Max))}
		for i, b := range m.Bands { // whole-number bands meet half way, so the shading has no gaps
			from, to := math.Max(0, float64(b.From)-0.5), math.Min(float64(m.Max), float64(b.To)+0.5)
			spec.Bands = append(spec.Bands, chart.Band{From: from, To: to, Label: b.Label, Fill: bandFills[min(i, len(bandFills)-1)]})
		}
		th := m.ThresholdsFor(conv)
		spec.Lines = []chart.Line{{Value: th.CutOff, Label: fmt.Sprintf("cut-off %g", th.CutOff), Dashed: true}}
		for _, r := range results {
			if r.MeasureKey == m.Key {
				spec.Points = append(spec.Points, chart.Point{Date: r.TakenOn, Value: float64(r.Total), Label: m.Band(r.Total).Label})
			}
		}
		note := fmt.Sprintf("%s: %d now (%s); one score so far.", m.Name, sum.Latest.Total, sum.Band.Label)
		if sum.Count > 1 {
			note = fmt.Sprintf("%s: %d then %d now (%s); %s.", m.Name, sum.First.Total, sum.Latest.Total, sum.Band.Label, measures.ChangeLabel(sum.Change.Class))
		}
		add(spec, note)
	}
	for _, mk := range markers {
		spec := chart.Spec{ID: fmt.Sprintf("marker-%d", mk.ID), Title: mk.Label, YLabel: "0 to 10", YMin: ptr(0), YMax: ptr(10)}
		for _, r := range ratings {
			if r.MarkerID == mk.ID {
				spec.Points = append(spec.Points, chart.Point{Date: r.RatedOn, Value: float64(r.Value), Label: r.Source})
			}
		}
		add(spec, "")
	}
	for _, g := range goals {
		if g.Status == "active" || len(g.Readings) > 0 {
			add(goalChart(g), "")
		}
	}
	if err := s.auditClient(c, cl, "progress.view", "client", cl.ID, ""); err != nil {
		return err
	}
	p := s.page(c, "Progress "+cl.Code)
	p.Form = form
	p.Data = struct {
		Client    store.Client
		Charts    []shownChart
		Summaries []measureSummary
		Outcome   measures.Outcome
		Markers   []store.Marker
		Measures  []measures.Measure
		Notes     []store.EventNote
		Checkins  []store.Checkin
		Today     time.Time
	}{cl, charts, summaries, courseOutcome(summaries, conv), markers, measures.Measures(), notes, checkins, s.now()}
	return s.render(c, status, "clients/progress", p)
}
