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
// (a day's readings before that day's notes), so the table tells what the chart shows. A day's
// several readings are listed in the order entered, the last marked as the day's latest, as the
// chart draws them; an event note carries its mark from the chart.
func goalTable(s chart.Spec) []view.GoalTableRow {
	type dated struct {
		day time.Time
		row view.GoalTableRow
	}
	var all []dated
	rows := chart.Table(s)
	for i, r := range rows {
		label := r.Label
		if k, n := dayRank(rows, i); n > 1 {
			label = joinWords(label, fmt.Sprintf("entry %d of %d that day", k, n))
			if k == n {
				label = joinWords(r.Label, fmt.Sprintf("latest of %d that day", n))
			}
		}
		all = append(all, dated{r.Date, view.GoalTableRow{Date: r.Date.UTC().Format("2 Jan 2006"), Value: fmt.Sprint(r.Value), Label: label}})
	}
	for _, e := range s.Events {
		name := "Event"
		if e.Mark != "" {
			name += " " + e.Mark
		}
		all = append(all, dated{e.Date, view.GoalTableRow{Date: e.Date.UTC().Format("2 Jan 2006"), Label: name + ": " + e.Label}})
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].day.Before(all[j].day) })
	out := make([]view.GoalTableRow, len(all))
	for i, d := range all {
		out[i] = d.row
	}
	return out
}

// dayRank is row i's place among the rows of its day, and how many that day has.
func dayRank(rows []chart.Row, i int) (k, n int) {
	day := rows[i].Date.Format(time.DateOnly)
	for j, r := range rows {
		if r.Date.Format(time.DateOnly) == day {
			n++
			if j <= i {
				k++
			}
		}
	}
	return k, n
}

// joinWords joins two descriptions with a comma, skipping an empty one.
func joinWords(a, b string) string {
	if a == "" {
		return b
	}
	return a + ", " + b
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
