package casework

import (
	"fmt"
	"sort"
	"time"

	"github.com/securebase/securebase/internal/chart"
	"github.com/securebase/securebase/internal/web/kit"
	view "github.com/securebase/securebase/templates/casework"
)

// goalDay is a date in words, or "" for none.
func goalDay(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.Format("2 Jan 2006")
}

// goalTable is a chart's table alternative in words: its readings and its event notes, by date
// (a day's readings before that day's notes), so the table tells what the chart shows.
func goalTable(s chart.Spec) []view.GoalTableRow {
	type dated struct {
		day time.Time
		row view.GoalTableRow
	}
	var all []dated
	for _, r := range chart.Table(s) {
		all = append(all, dated{r.Date, view.GoalTableRow{Date: r.Date.UTC().Format("2 Jan 2006"), Value: fmt.Sprint(r.Value), Label: r.Label}})
	}
	for _, e := range s.Events {
		all = append(all, dated{e.Date, view.GoalTableRow{Date: e.Date.UTC().Format("2 Jan 2006"), Label: "Event: " + e.Label}})
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].day.Before(all[j].day) })
	out := make([]view.GoalTableRow, len(all))
	for i, d := range all {
		out[i] = d.row
	}
	return out
}

// goalChart plots a goal's readings against its target line.
func goalChart(r goalRecord) chart.Spec {
	spec := chart.Spec{ID: fmt.Sprintf("goal-%d", r.ID), Title: r.Metric, YLabel: r.Unit}
	if spec.Title == "" {
		spec.Title = r.Statement
	}
	if r.BaselineValue != nil && r.BaselineDate != nil {
		spec.Points = append(spec.Points, chart.Point{Date: *r.BaselineDate, Value: *r.BaselineValue, Label: "baseline"})
	}
	for _, rd := range r.Readings {
		label := rd.Source
		if rd.Note != "" { // the counsellor's note on the reading, in the table and the point's title
			label += ": " + rd.Note
		}
		spec.Points = append(spec.Points, chart.Point{Date: rd.ReadingDate, Value: rd.Value, Label: label})
	}
	if r.TargetValue != nil {
		spec.Lines = append(spec.Lines, chart.Line{Value: *r.TargetValue, Label: "target " + kit.FormatNumber(r.TargetValue), Dashed: true})
	}
	return spec
}

// goalPercent is a share as a whole percentage.
func goalPercent(f float64) string { return fmt.Sprintf("%.0f%%", f*100) }
