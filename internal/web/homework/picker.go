package homework

import (
	"cmp"
	"encoding/json"
	"errors"
	"slices"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/casework"
	hw "github.com/securebase/securebase/internal/homework"
	"github.com/securebase/securebase/internal/store"
	view "github.com/securebase/securebase/templates/homework"
	"github.com/securebase/securebase/templates/ui"
)

// filtersFrom reads the approach and marker filters from the query; a value outside the
// vocabularies is ignored.
func filtersFrom(c echo.Context) view.Filters {
	f := view.Filters{Approach: c.QueryParam("approach"), Marker: c.QueryParam("marker")}
	if !casework.Approaches().Has(f.Approach) {
		f.Approach = ""
	}
	if !hw.Markers().Has(f.Marker) {
		f.Marker = ""
	}
	for _, o := range casework.Approaches() {
		f.Approaches = append(f.Approaches, ui.Option{Value: o.Value, Label: o.Label})
	}
	for _, o := range hw.Markers() {
		f.Markers = append(f.Markers, ui.Option{Value: o.Value, Label: o.Label})
	}
	return f
}

// filtered keeps the templates carrying the filters' approach and marker.
func filtered(choices []templateChoice, f view.Filters) []templateChoice {
	var out []templateChoice
	for _, ch := range choices {
		if ch.Template.Tags.Has(f.Approach, f.Marker) {
			out = append(out, ch)
		}
	}
	return out
}

// clientNeeds returns what the picker matches templates against: the presenting concerns of
// the client's latest intake and of their open goals, and the metric codes of their open goals.
func (h *Handlers) clientNeeds(c echo.Context, cl store.Client, goals []store.Goal) (concerns, metrics []string, err error) {
	v, err := h.Store.LatestIntake(c.Request().Context(), cl.PracticeID, cl.ID)
	switch {
	case errors.Is(err, store.ErrNotFound):
	case err != nil:
		return nil, nil, err
	default:
		var in casework.Intake
		if json.Unmarshal(v.Data, &in) == nil {
			concerns = append(concerns, in.Concerns...)
		}
	}
	for _, g := range goals {
		if casework.GoalOpen(g.Status) {
			concerns = append(concerns, g.Concerns...)
			if g.MetricCode != "" {
				metrics = append(metrics, g.MetricCode)
			}
		}
	}
	return concerns, metrics, nil
}

// rankedPicks orders the templates for a client: the more of their concerns and goal metrics a
// template works on, the earlier it comes; ties keep the library's order. It returns the picks
// and how many match at all.
func rankedPicks(choices []templateChoice, concerns, metrics []string) ([]templateChoice, []view.Pick, int) {
	type ranked struct {
		ch templateChoice
		m  hw.Match
	}
	rs := make([]ranked, len(choices))
	for i, ch := range choices {
		rs[i] = ranked{ch, ch.Template.Tags.MatchClient(concerns, metrics)}
	}
	slices.SortStableFunc(rs, func(a, b ranked) int { return cmp.Compare(b.m.Score(), a.m.Score()) })
	ordered := make([]templateChoice, len(rs))
	picks := make([]view.Pick, len(rs))
	matched := 0
	for i, r := range rs {
		ordered[i] = r.ch
		p := view.Pick{Ref: r.ch.Ref, Title: r.ch.Template.Title, Practice: strings.HasPrefix(r.ch.Ref, "practice:"),
			Why: r.m.Why(), Tags: view.TagWords(r.ch.Template.Tags)}
		if b := r.ch.BuiltIn; b != nil {
			p.Rationale, p.Cadence = b.Rationale, b.SuggestedCadence()
		}
		if r.m.Score() > 0 {
			matched++
		}
		picks[i] = p
	}
	return ordered, picks, matched
}
