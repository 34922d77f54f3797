package casework

import (
	"fmt"
	"math"

	"github.com/securebase/securebase/internal/chart"
	"github.com/securebase/securebase/internal/measures"
	"github.com/securebase/securebase/internal/store"
)

// bandFill shades severity band i from calm to warm.
func bandFill(i int) string {
	fills := []string{"#e7f5ee", "#f1f7d9", "#fef3c7", "#fde8d2", "#fde2e1", "#f9d0d0"}
	return fills[min(i, len(fills)-1)]
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

// measureChart plots a questionnaire's totals over its severity bands and cut-off, with the
// note under its title.
func measureChart(sum measureSummary, results []store.Result, conv measures.Conventions) (chart.Spec, string) {
	m := sum.Measure
	spec := chart.Spec{ID: "measure-" + m.Key, Title: m.Name + " total", YLabel: "score", YMin: ptr(0), YMax: ptr(float64(m.Max))}
	for i, b := range m.Bands { // whole-number bands meet half way, so the shading has no gaps
		from, to := math.Max(0, float64(b.From)-0.5), math.Min(float64(m.Max), float64(b.To)+0.5)
		spec.Bands = append(spec.Bands, chart.Band{From: from, To: to, Label: b.Label, Fill: bandFill(i)})
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
	return spec, note
}

// markerChart plots the 0 to 10 ratings of one marker.
func markerChart(mk store.Marker, ratings []store.Rating) chart.Spec {
	spec := chart.Spec{ID: fmt.Sprintf("marker-%d", mk.ID), Title: mk.Label, YLabel: "0 to 10", YMin: ptr(0), YMax: ptr(10)}
	for _, r := range ratings {
		if r.MarkerID == mk.ID {
			spec.Points = append(spec.Points, chart.Point{Date: r.RatedOn, Value: float64(r.Value), Label: r.Source})
		}
	}
	return spec
}

func ptr(f float64) *float64 { return &f }
