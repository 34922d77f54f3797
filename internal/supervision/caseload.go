package supervision

import (
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/securebase/securebase/internal/measures"
)

// MarkerRef is one of the practice's markers, in the practice's order.
type MarkerRef struct {
	ID     int64
	Active bool
}

// Marker is a marker as files name it: by its place N in the practice's list (as in the
// scores file), never by row id.
type Marker struct {
	ID int64
	N  int
}

// NumberMarkers numbers the practice's markers by place and keeps the active ones.
func NumberMarkers(all []MarkerRef) []Marker {
	var out []Marker
	for i, m := range all {
		if m.Active {
			out = append(out, Marker{ID: m.ID, N: i + 1})
		}
	}
	return out
}

// Caseload is the layout of the caseload summary.
type Caseload struct {
	Layout
	Markers []Marker
	Names   map[int64]string     // counsellors' names, identified files only
	Conv    measures.Conventions // the practice's reliable-change conventions
}

// shipped are the questionnaires the caseload summary reports first, latest and change of.
var shipped = [...]string{"phq9", "gad7"}

// Header is the caseload summary's header.
func (l Caseload) Header() []string {
	h := []string{l.clientColumn()}
	if l.Identified {
		h = append(h, "first_name", "last_name", "counsellor_name", "counsellor_code")
	} else {
		h = append(h, "counsellor")
	}
	h = append(h, "status", "format", "appointments_attended", "appointments_cancelled", "appointments_no_show",
		l.dateHeader("first_appointment"), l.dateHeader("last_appointment"))
	if l.withYear() {
		h = append(h, "first_appointment_year")
	}
	h = append(h, "goals_draft", "goals_active", "goals_achieved", "goals_revised", "goals_discontinued", "homework_completion")
	for _, k := range shipped {
		h = append(h, k+"_first", k+"_latest", k+"_change")
	}
	for _, m := range l.Markers {
		h = append(h, fmt.Sprintf("marker_%d_first", m.N), fmt.Sprintf("marker_%d_latest", m.N))
	}
	return append(h, "risk_level", "flag_open")
}

func (l Caseload) withYear() bool { return !l.Identified && l.WithYear }

// Cells is one client's row, judging reliable change with the practice's conventions.
func (l Caseload) Cells(r CaseloadRow) ([]Cell, error) {
	row := []Cell{l.clientCell(r.ClientID, r.Code)}
	if l.Identified {
		row = append(row, Text(r.FirstName), Text(r.LastName), Text(l.Names[r.CounsellorID]), Text(CounsellorCode(r.CounsellorID)))
	} else {
		row = append(row, Text(l.Pseudo.Counsellor(r.CounsellorID)))
	}
	row = append(row, Text(r.Status), Text(r.Format), Int(int64(r.Attended)), Int(int64(r.Cancelled)), Int(int64(r.NoShow)),
		l.dateCells(r.FirstDay, r.FirstAppt), l.dateCells(r.FirstDay, r.LastAppt))
	if l.withYear() {
		row = append(row, Int(int64(r.FirstDay.Year())))
	}
	row = append(row, Int(int64(r.GoalsDraft)), Int(int64(r.GoalsActive)), Int(int64(r.GoalsAchieved)),
		Int(int64(r.GoalsRevised)), Int(int64(r.GoalsStopped)), HomeworkRate(r.EntriesMade, r.EntriesExpected))
	var ms map[string][2]int
	if err := json.Unmarshal(r.Measures, &ms); err != nil {
		return nil, fmt.Errorf("measures of %s: %w", r.Code, err)
	}
	for _, k := range shipped {
		v, ok := ms[k]
		m, _ := measures.ByKey(k)
		if !ok {
			row = append(row, Empty(), Empty(), Empty())
			continue
		}
		row = append(row, Int(int64(v[0])), Int(int64(v[1])), Text(m.ClassifyChange(v[0], v[1], l.Conv).Class))
	}
	var mk map[string][2]int
	if err := json.Unmarshal(r.Markers, &mk); err != nil {
		return nil, fmt.Errorf("markers of %s: %w", r.Code, err)
	}
	for _, m := range l.Markers {
		if v, ok := mk[strconv.FormatInt(m.ID, 10)]; ok {
			row = append(row, Int(int64(v[0])), Int(int64(v[1])))
		} else {
			row = append(row, Empty(), Empty())
		}
	}
	risk := Empty()
	if r.RiskLevel != nil {
		risk = Text(*r.RiskLevel)
	}
	return append(row, risk, Bool(r.FlagOpen)), nil
}
