package supervision

import (
	"strconv"

	"github.com/securebase/securebase/internal/chart"
	"github.com/securebase/securebase/internal/measures"
	view "github.com/securebase/securebase/templates/supervision"
)

// outcomeCharts draws a Jacobson-Truax plot per questionnaire: each paired episode's first
// score against its last, with the practice's cut-off and reliable change.
func (h *Handlers) outcomeCharts(eps []measures.EpisodeOutcome, conv measures.Conventions) []view.OutcomeChart {
	var out []view.OutcomeChart
	for _, m := range measures.Measures() {
		t := m.ThresholdsFor(conv)
		sc := chart.Scatter{ID: "outcome-" + m.Key, Title: m.Name + ": first and last score", Max: float64(m.Max), CutOff: t.CutOff, RCI: t.RCI}
		ch := view.OutcomeChart{ID: sc.ID, Title: sc.Title}
		for _, e := range eps {
			change, ok := e.Changes[m.Key]
			if !ok {
				continue
			}
			k := courseOf(e, m.Key)
			sc.Points = append(sc.Points, chart.ScatterPoint{First: float64(k.First), Last: float64(k.Latest), Label: e.Code})
			ch.Rows = append(ch.Rows, view.OutcomeScore{Code: e.Code, First: strconv.Itoa(k.First), Last: strconv.Itoa(k.Latest),
				Verdict: measures.ChangeLabel(change.Class)})
		}
		ch.SVG = string(chart.ScatterSVG(sc))
		out = append(out, ch)
	}
	return out
}

// courseOf is the episode's course on one questionnaire.
func courseOf(e measures.EpisodeOutcome, key string) measures.Course {
	for _, k := range e.Courses {
		if k.Measure.Key == key {
			return k
		}
	}
	return measures.Course{}
}

// outcomeRows are the table of episodes: code, whether ended, each questionnaire and the verdict.
func outcomeRows(eps []measures.EpisodeOutcome) []view.OutcomeRow {
	rows := make([]view.OutcomeRow, len(eps))
	for i, e := range eps {
		r := view.OutcomeRow{Code: e.Code, Ended: "Still in care", Attended: e.Attended,
			PHQ9: measureCell(e, "phq9"), GAD7: measureCell(e, "gad7"), Overall: e.Overall.Label()}
		if e.Ended {
			r.Ended = "Ended"
		}
		if r.Overall == "" {
			r.Overall = "No verdict"
		}
		rows[i] = r
	}
	return rows
}

// measureCell words one questionnaire of an episode: "16 to 4: Reliable recovery", one score, or none.
func measureCell(e measures.EpisodeOutcome, key string) string {
	k := courseOf(e, key)
	switch k.Count {
	case 0:
		return "No scores"
	case 1:
		return strconv.Itoa(k.First) + ", one score"
	}
	return strconv.Itoa(k.First) + " to " + strconv.Itoa(k.Latest) + ": " + measures.ChangeLabel(e.Changes[key].Class)
}
