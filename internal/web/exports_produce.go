package web

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/casework"
	"github.com/securebase/securebase/internal/export"
	"github.com/securebase/securebase/internal/measures"
	"github.com/securebase/securebase/internal/store"
)

// dateCells writes a date in full when asked, else only as the week of treatment: nothing
// calendar-based, not even the year, goes in a de-identified row.
func dateCells(full bool, first time.Time, t *time.Time) []export.Cell {
	switch {
	case t == nil:
		return []export.Cell{export.Empty()}
	case full:
		return []export.Cell{export.Date(*t)}
	}
	return []export.Cell{export.Int(int64(export.WeekOfTreatment(first, *t)))}
}

func dateHeader(full bool, name string) []string {
	if full {
		return []string{name + "_date"}
	}
	return []string{name + "_week"}
}

// clientCell names a client: the working code in identified files, else the pseudonym.
func (req exportRequest) clientCell(id int64, code string) export.Cell {
	if req.Identified {
		return export.Text(code)
	}
	return export.Text(req.deid.pseudo.Client(id))
}

// clientColumn is the client column's header.
func (req exportRequest) clientColumn() string {
	if req.Identified {
		return "client_code"
	}
	return "client"
}

func numCell(f *float64) export.Cell {
	if f == nil {
		return export.Empty()
	}
	return export.Float(*f)
}

// produceExport runs one export, handing each row to emit. A header callback, when given,
// receives the header before the first row; the header is also returned.
func (s *Server) produceExport(c echo.Context, req exportRequest, emit func([]export.Cell) error, onHeader ...func([]string) error) ([]string, error) {
	ctx := c.Request().Context()
	pid := currentUser(c).PracticeID
	full := req.FullDates
	start := func(h []string) error {
		for _, fn := range onHeader {
			if err := fn(h); err != nil {
				return err
			}
		}
		return nil
	}
	switch req.Kind {
	case "caseload":
		return s.produceCaseload(c, req, emit, start)
	case "goals":
		h := []string{req.clientColumn(), "goal"}
		if req.Identified {
			h = append(h, "statement", "metric", "unit")
		}
		h = append(h, "metric_code", "unit_code", "direction", "baseline")
		h = append(h, dateHeader(full, "baseline")...)
		h = append(h, "target")
		h = append(h, dateHeader(full, "target")...)
		h = append(h, "status", "latest_reading")
		h = append(h, dateHeader(full, "latest_reading")...)
		h = append(h, "progress")
		if err := start(h); err != nil {
			return h, err
		}
		return h, s.store.ExportGoals(ctx, pid, req.Filter, func(r store.GoalExportRow) error {
			row := []export.Cell{req.clientCell(r.ClientID, r.Code), export.Int(int64(r.GoalNumber))}
			if req.Identified {
				row = append(row, export.Text(r.Statement), export.Text(r.Metric), export.Text(r.Unit))
			}
			row = append(row, export.Text(r.MetricCode), export.Text(r.UnitCode), export.Text(r.Direction), numCell(r.BaselineValue))
			row = append(row, dateCells(full, r.FirstDay, r.BaselineDate)...)
			row = append(row, numCell(r.TargetValue))
			row = append(row, dateCells(full, r.FirstDay, r.TargetDate)...)
			row = append(row, export.Text(r.Status), numCell(r.LatestValue))
			row = append(row, dateCells(full, r.FirstDay, r.LatestDate)...)
			progress := export.Empty()
			if r.LatestValue != nil && r.LatestDate != nil {
				pr := casework.ProgressOf(casework.SMART{BaselineValue: r.BaselineValue, BaselineDate: r.BaselineDate, TargetValue: r.TargetValue,
					TargetDate: r.TargetDate}, []casework.Reading{{Date: *r.LatestDate, Value: *r.LatestValue}}, s.now())
				if pr.HasReadings {
					progress = export.Float(math.Round(pr.Share*1000) / 1000)
				}
			}
			return emit(append(row, progress))
		})
	case "homework":
		h := []string{req.clientColumn(), "assignment", "template"}
		h = append(h, dateHeader(full, "entry")...)
		h = append(h, "field", "value", "assignment_entries_made", "assignment_entries_expected", "assignment_completion")
		if err := start(h); err != nil {
			return h, err
		}
		return h, s.store.ExportHomework(ctx, pid, req.Filter, req.Identified, func(r store.HomeworkExportRow) error {
			row := []export.Cell{req.clientCell(r.ClientID, r.Code), export.Int(int64(r.AssignmentNo)), export.Text(r.Template)}
			row = append(row, dateCells(full, r.FirstDay, &r.EntryDate)...)
			value := numCell(r.Number)
			if r.Number == nil && r.Text != nil {
				value = export.Text(*r.Text)
			}
			field := export.Text(r.FieldKey) // a counsellor's words: identified files only
			if !req.Identified {
				field = export.Text("field_" + strconv.Itoa(r.FieldNo))
			}
			return emit(append(row, field, value, export.Int(int64(r.Made)), export.Int(int64(r.Expected)),
				homeworkRate(r.Made, r.Expected)))
		})
	case "scores":
		h := []string{req.clientColumn()}
		h = append(h, dateHeader(full, "")...)
		h = append(h, "instrument", "item", "score")
		for i := range h {
			h[i] = trimUnderscore(h[i])
		}
		if err := start(h); err != nil {
			return h, err
		}
		return h, s.store.ExportScores(ctx, pid, req.Filter, func(r store.ScoreExportRow) error {
			row := []export.Cell{req.clientCell(r.ClientID, r.Code)}
			row = append(row, dateCells(full, r.FirstDay, &r.Day)...)
			return emit(append(row, export.Text(r.Instrument), export.Text(r.Item), export.Int(int64(r.Score))))
		})
	}
	return nil, fmt.Errorf("unknown export %q", req.Kind)
}

func trimUnderscore(s string) string {
	if len(s) > 0 && s[0] == '_' {
		return s[1:]
	}
	return s
}

// homeworkRate is the share of expected entries made, to three places.
func homeworkRate(made, expected int) export.Cell {
	if expected == 0 {
		return export.Empty() // nothing was asked: no rate, rather than a rate of nought
	}
	return export.Float(math.Round(float64(min(made, expected))/float64(expected)*1000) / 1000)
}

// produceCaseload writes the caseload summary, judging reliable change with the practice's conventions.
func (s *Server) produceCaseload(c echo.Context, req exportRequest, emit func([]export.Cell) error, start func([]string) error) ([]string, error) {
	ctx := c.Request().Context()
	pid := currentUser(c).PracticeID
	full := req.FullDates
	conv, err := s.conventionsOf(c)
	if err != nil {
		return nil, err
	}
	all, err := s.store.Markers(ctx, pid, true)
	if err != nil {
		return nil, err
	}
	// Markers go out by their place in the practice's list, as in the scores file, never by row id.
	type numbered struct {
		store.Marker
		N int
	}
	var markers []numbered
	for i, m := range all {
		if m.Active {
			markers = append(markers, numbered{m, i + 1})
		}
	}
	names := map[int64]string{}
	if req.Identified {
		if names, err = s.store.PracticeCounsellors(ctx, pid); err != nil {
			return nil, err
		}
	}
	h := []string{req.clientColumn()}
	if req.Identified {
		h = append(h, "first_name", "last_name", "counsellor_name", "counsellor_code")
	} else {
		h = append(h, "counsellor")
	}
	h = append(h, "status", "format", "appointments_attended", "appointments_cancelled", "appointments_no_show")
	h = append(h, dateHeader(full, "first_appointment")...)
	h = append(h, dateHeader(full, "last_appointment")...)
	withYear := !req.Identified && req.deid.withYear
	if withYear {
		h = append(h, "first_appointment_year")
	}
	h = append(h, "goals_draft", "goals_active", "goals_achieved", "goals_revised", "goals_discontinued", "homework_completion")
	shipped := []string{"phq9", "gad7"}
	for _, k := range shipped {
		h = append(h, k+"_first", k+"_latest", k+"_change")
	}
	for _, m := range markers {
		h = append(h, fmt.Sprintf("marker_%d_first", m.N), fmt.Sprintf("marker_%d_latest", m.N))
	}
	h = append(h, "risk_level", "flag_open")
	if err := start(h); err != nil {
		return h, err
	}
	return h, s.store.ExportCaseload(ctx, pid, req.Filter, func(r store.CaseloadExportRow) error {
		row := []export.Cell{req.clientCell(r.ClientID, r.Code)}
		if req.Identified {
			row = append(row, export.Text(r.FirstName), export.Text(r.LastName), export.Text(names[r.CounsellorID]),
				export.Text(counsellorCode(r.CounsellorID)))
		} else {
			row = append(row, export.Text(req.deid.pseudo.Counsellor(r.CounsellorID)))
		}
		row = append(row, export.Text(r.Status), export.Text(r.Format),
			export.Int(int64(r.Attended)), export.Int(int64(r.Cancelled)), export.Int(int64(r.NoShow)))
		row = append(row, dateCells(full, r.FirstDay, r.FirstAppt)...)
		row = append(row, dateCells(full, r.FirstDay, r.LastAppt)...)
		if withYear {
			row = append(row, export.Int(int64(r.FirstDay.Year())))
		}
		row = append(row, export.Int(int64(r.GoalsDraft)), export.Int(int64(r.GoalsActive)), export.Int(int64(r.GoalsAchieved)),
			export.Int(int64(r.GoalsRevised)), export.Int(int64(r.GoalsStopped)), homeworkRate(r.EntriesMade, r.EntriesExpected))
		var ms map[string][2]int
		if err := json.Unmarshal(r.Measures, &ms); err != nil {
			return fmt.Errorf("measures of %s: %w", r.Code, err)
		}
		for _, k := range shipped {
			v, ok := ms[k]
			m, _ := measures.ByKey(k)
			if !ok {
				row = append(row, export.Empty(), export.Empty(), export.Empty())
				continue
			}
			row = append(row, export.Int(int64(v[0])), export.Int(int64(v[1])), export.Text(m.ClassifyChange(v[0], v[1], conv).Class))
		}
		var mk map[string][2]int
		if err := json.Unmarshal(r.Markers, &mk); err != nil {
			return fmt.Errorf("markers of %s: %w", r.Code, err)
		}
		for _, m := range markers {
			if v, ok := mk[strconv.FormatInt(m.ID, 10)]; ok {
				row = append(row, export.Int(int64(v[0])), export.Int(int64(v[1])))
			} else {
				row = append(row, export.Empty(), export.Empty())
			}
		}
		risk := export.Empty()
		if r.RiskLevel != nil {
			risk = export.Text(*r.RiskLevel)
		}
		return emit(append(row, risk, export.Bool(r.FlagOpen)))
	})
}
