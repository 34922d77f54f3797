package supervision

import (
	"math"
	"strconv"
	"time"

	"github.com/securebase/securebase/internal/casework"
)

// Layout is how a file is written: identified (working codes, names, typed words and full
// dates) or de-identified (pseudonyms, weeks of treatment, positional names).
type Layout struct {
	Identified bool
	FullDates  bool
	Pseudo     Pseudonymiser // for de-identified files
	WithYear   bool          // de-identified caseload: the year of the first appointment
}

// dateCells writes a date in full when asked, else only as the week of treatment: nothing
// calendar-based, not even the year, goes in a de-identified row.
func (l Layout) dateCells(first time.Time, t *time.Time) Cell {
	switch {
	case t == nil:
		return Empty()
	case l.FullDates:
		return Date(*t)
	}
	return Int(int64(WeekOfTreatment(first, *t)))
}

// dateHeader names a date column: name_date in full, name_week as weeks of treatment.
func (l Layout) dateHeader(name string) string {
	if l.FullDates {
		return name + "_date"
	}
	return name + "_week"
}

// clientCell names a client: the working code in identified files, else the pseudonym.
func (l Layout) clientCell(id int64, code string) Cell {
	if l.Identified {
		return Text(code)
	}
	return Text(l.Pseudo.Client(id))
}

// clientColumn is the client column's header.
func (l Layout) clientColumn() string {
	if l.Identified {
		return "client_code"
	}
	return "client"
}

func numCell(f *float64) Cell {
	if f == nil {
		return Empty()
	}
	return Float(*f)
}

// HomeworkRate is the share of expected entries made, to three places; blank when nothing was asked.
func HomeworkRate(made, expected int) Cell {
	if expected == 0 {
		return Empty() // nothing was asked: no rate, rather than a rate of nought
	}
	return Float(math.Round(float64(min(made, expected))/float64(expected)*1000) / 1000)
}

// GoalsHeader is the goals file's header; typed words (statement, metric, unit) only when identified.
func (l Layout) GoalsHeader() []string {
	h := []string{l.clientColumn(), "goal"}
	if l.Identified {
		h = append(h, "statement", "metric", "unit")
	}
	h = append(h, "metric_code", "unit_code", "direction", "baseline", l.dateHeader("baseline"), "target", l.dateHeader("target"),
		"status", "latest_reading", l.dateHeader("latest_reading"), "progress")
	return h
}

// GoalCells is one goal's row; progress toward the target is judged as of now.
func (l Layout) GoalCells(r GoalRow, now time.Time) []Cell {
	row := []Cell{l.clientCell(r.ClientID, r.Code), Int(int64(r.GoalNumber))}
	if l.Identified {
		row = append(row, Text(r.Statement), Text(r.Metric), Text(r.Unit))
	}
	row = append(row, Text(r.MetricCode), Text(r.UnitCode), Text(r.Direction), numCell(r.BaselineValue),
		l.dateCells(r.FirstDay, r.BaselineDate), numCell(r.TargetValue), l.dateCells(r.FirstDay, r.TargetDate),
		Text(r.Status), numCell(r.LatestValue), l.dateCells(r.FirstDay, r.LatestDate))
	progress := Empty()
	if r.LatestValue != nil && r.LatestDate != nil {
		pr := casework.ProgressOf(casework.SMART{BaselineValue: r.BaselineValue, BaselineDate: r.BaselineDate, TargetValue: r.TargetValue,
			TargetDate: r.TargetDate}, []casework.Reading{{Date: *r.LatestDate, Value: *r.LatestValue}}, now)
		if pr.HasReadings {
			progress = Float(math.Round(pr.Share*1000) / 1000)
		}
	}
	return append(row, progress)
}

// HomeworkHeader is the homework file's header.
func (l Layout) HomeworkHeader() []string {
	return []string{l.clientColumn(), "assignment", "template", l.dateHeader("entry"), "field", "value",
		"assignment_entries_made", "assignment_entries_expected", "assignment_completion"}
}

// HomeworkCells is one answer's row. A field is named by the counsellor's key only in
// identified files, else by its place (field_N); text answers come only in identified files
// (the store leaves them out of the others; should one come, it is written empty).
func (l Layout) HomeworkCells(r HomeworkRow) []Cell {
	value := numCell(r.Number)
	if r.Number == nil && r.Text != nil && l.Identified {
		value = Text(*r.Text)
	}
	field := Text(r.FieldKey) // a counsellor's words: identified files only
	if !l.Identified {
		field = Text("field_" + strconv.Itoa(r.FieldNo))
	}
	return []Cell{l.clientCell(r.ClientID, r.Code), Int(int64(r.AssignmentNo)), Text(r.Template),
		l.dateCells(r.FirstDay, &r.EntryDate), field, value, Int(int64(r.Made)), Int(int64(r.Expected)), HomeworkRate(r.Made, r.Expected)}
}

// ScoresHeader is the scores file's header: the date column is date or week.
func (l Layout) ScoresHeader() []string {
	date := "week"
	if l.FullDates {
		date = "date"
	}
	return []string{l.clientColumn(), date, "instrument", "item", "score"}
}

// ScoreCells is one score's row.
func (l Layout) ScoreCells(r ScoreRow) []Cell {
	return []Cell{l.clientCell(r.ClientID, r.Code), l.dateCells(r.FirstDay, &r.Day), Text(r.Instrument), Text(r.Item), Int(int64(r.Score))}
}
