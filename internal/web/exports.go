package web

import (
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/casework"
	"github.com/securebase/securebase/internal/export"
	"github.com/securebase/securebase/internal/measures"
	"github.com/securebase/securebase/internal/store"
)

// exportKinds are the files, with plain words for the export page.
var exportKinds = []struct{ Key, Title, About string }{
	{"caseload", "Caseload summary", "One row per client: appointments, goals by status, homework completion, first and latest PHQ-9 and GAD-7 with reliable change, first and latest of each marker, risk level and whether a flag is open."},
	{"goals", "Goals", "One row per goal: the measurable parts (metric, unit, direction, baseline, target, dates, status), the latest reading and the progress toward the target."},
	{"homework", "Homework", "One row per number a client entered (long form), with the completion of its assignment."},
	{"scores", "Measures and markers", "One row per questionnaire item, questionnaire total and marker rating (long form)."},
}

// exportPage is what the export page shows. Kind is always one of the known kinds: the page
// builds form actions from it.
type exportPage struct {
	Kinds       any
	Kind        string
	Header      []string
	Rows        [][]string
	Counsellors []store.User
	CanIdentify bool
}

// validKind returns kind when it is a known export, else the first one.
func validKind(kind string) string {
	for _, k := range exportKinds {
		if k.Key == kind {
			return kind
		}
	}
	return exportKinds[0].Key
}

// exportRequest is what an export is asked for.
type exportRequest struct {
	Kind       string
	Filter     store.ExportFilter
	FullDates  bool
	BOM        bool
	Identified bool
	ScopeName  string
}

// exportScope returns whose clients the user may export: a counsellor their own, an admin
// the practice, a supervisor the caseloads of the counsellors they supervise.
func (s *Server) exportScope(c echo.Context) (store.DashScope, string, error) {
	u := currentUser(c)
	switch u.Role {
	case store.RoleAdmin:
		return store.DashScope{All: true}, "practice", nil
	case store.RoleCounsellor:
		return store.DashScope{Counsellors: []int64{u.ID}}, counsellorCode(u.ID), nil
	case store.RoleSupervisor:
		ids, err := s.store.Supervisees(c.Request().Context(), u.PracticeID, u.ID)
		return store.DashScope{Counsellors: ids}, "supervision-" + counsellorCode(u.ID), err
	}
	return store.DashScope{}, "", echo.ErrForbidden
}

// counsellorCode stands in for a counsellor's identity in de-identified exports.
func counsellorCode(id int64) string { return fmt.Sprintf("C%03d", id) }

// readExportRequest reads the export form (query or body) and checks it against the user.
func (s *Server) readExportRequest(c echo.Context, values url.Values) (exportRequest, *Form, error) {
	form := &Form{Values: values}
	scope, scopeName, err := s.exportScope(c)
	if err != nil {
		return exportRequest{}, form, err
	}
	req := exportRequest{Kind: values.Get("kind"), Filter: store.ExportFilter{Scope: scope}, ScopeName: scopeName,
		FullDates: values.Get("full_dates") == "1", BOM: values.Get("bom") == "1", Identified: values.Get("identified") == "1"}
	known := false
	for _, k := range exportKinds {
		known = known || k.Key == req.Kind
	}
	if !known {
		form.Fail("kind", "Choose one of the files.")
	}
	if id := values.Get("counsellor"); id != "" {
		n, err := strconv.ParseInt(id, 10, 64)
		if err != nil {
			form.Fail("counsellor", "Choose a counsellor from the list.")
		}
		req.Filter.CounsellorID = n
		req.ScopeName = counsellorCode(n)
	}
	if st := values.Get("status"); st != "" {
		if !casework.ClientStatuses().Has(st) {
			form.Fail("status", "Choose a status from the list.")
		}
		req.Filter.Status = st
	}
	req.Filter.From = optionalDate(form, "from", values.Get("from"))
	req.Filter.To = optionalDate(form, "to", values.Get("to"))
	if req.Filter.From != nil && req.Filter.To != nil && req.Filter.To.Before(*req.Filter.From) {
		form.Fail("to", "The end of the range must be on or after its start.")
	}
	// Full calendar dates identify: they are part of an identified export, with its rules.
	req.Identified = req.Identified || req.FullDates
	if req.Identified {
		switch {
		case currentUser(c).Role == store.RoleSupervisor:
			form.Fail("identified", "Supervisors receive de-identified exports only: weeks of treatment, never full dates.")
		case values.Get("confirm") != "1":
			form.Fail("confirm", "Tick to confirm that you need names and full dates, and will keep the file safe.")
		}
		req.FullDates = true
		req.Filter.Identified = !form.HasErrors()
	} else {
		// A day-by-day range would recover the dates that weeks hide: whole weeks only.
		req.Filter.From, req.Filter.To = weekStart(req.Filter.From), weekEnd(req.Filter.To)
	}
	return req, form, nil
}

// exportsPage explains each file and offers the filters, with a preview of the first rows.
func (s *Server) exportsPage(c echo.Context) error {
	values := c.QueryParams()
	if values.Get("kind") == "" {
		values.Set("kind", "caseload")
	}
	values.Del("identified") // a preview is never identified, nor in full dates
	values.Del("full_dates")
	req, form, err := s.readExportRequest(c, values)
	if err != nil {
		return err
	}
	req.Filter.Limit = 10
	var header []string
	var rows [][]string
	if !form.HasErrors() {
		header, err = s.produceExport(c, req, func(cells []export.Cell) error {
			row := make([]string, len(cells))
			for i, cell := range cells {
				row[i] = cell.Value()
			}
			rows = append(rows, row)
			return nil
		})
		if err != nil {
			return err
		}
		if err := s.audit(c, store.AuditEntry{Action: "export.preview", EntityType: "export", EntityID: req.Kind, Detail: exportDetail(req, len(rows))}); err != nil {
			return err
		}
	}
	counsellors, err := s.exportCounsellors(c)
	if err != nil {
		return err
	}
	p := s.page(c, "Exports")
	p.Form = form
	p.Data = exportPage{Kinds: exportKinds, Kind: validKind(req.Kind), Header: header, Rows: rows, Counsellors: counsellors,
		CanIdentify: currentUser(c).Role != store.RoleSupervisor}
	status := http.StatusOK
	if form.HasErrors() {
		status = http.StatusUnprocessableEntity
	}
	return s.render(c, status, "exports/index", p)
}

// exportCounsellors lists the counsellors the user may filter by.
func (s *Server) exportCounsellors(c echo.Context) ([]store.User, error) {
	u := currentUser(c)
	if u.Role == store.RoleCounsellor {
		return nil, nil
	}
	all, err := s.store.Counsellors(c.Request().Context(), u.PracticeID)
	if err != nil || u.Role == store.RoleAdmin {
		return all, err
	}
	ids, err := s.store.Supervisees(c.Request().Context(), u.PracticeID, u.ID)
	if err != nil {
		return nil, err
	}
	var mine []store.User
	for _, cu := range all {
		for _, id := range ids {
			if cu.ID == id {
				mine = append(mine, cu)
			}
		}
	}
	return mine, nil
}

// downloadExport streams a CSV file as rows come from the database. De-identified files
// may be fetched with GET; identified ones only by POST with the CSRF token and a confirmation.
func (s *Server) downloadExport(c echo.Context) error {
	values := c.QueryParams()
	if c.Request().Method == http.MethodPost {
		if err := onlyFields(c, "identified", "confirm", "full_dates", "bom", "counsellor", "status", "from", "to", "kind"); err != nil {
			return err
		}
		form, err := c.FormParams()
		if err != nil {
			return echo.ErrBadRequest
		}
		values = form
	}
	if values.Get("kind") == "" {
		values.Set("kind", c.Param("kind"))
	}
	req, form, err := s.readExportRequest(c, values)
	if err != nil {
		return err
	}
	if req.Identified && c.Request().Method != http.MethodPost {
		form.Fail("identified", "Ask for an identified export with the form below.")
	}
	if form.HasErrors() {
		counsellors, err := s.exportCounsellors(c)
		if err != nil {
			return err
		}
		p := s.page(c, "Exports")
		p.Form = form
		p.Data = exportPage{Kinds: exportKinds, Kind: validKind(req.Kind), Counsellors: counsellors,
			CanIdentify: currentUser(c).Role != store.RoleSupervisor}
		return s.render(c, http.StatusUnprocessableEntity, "exports/index", p)
	}
	// Audited before the first byte (an export that cannot be audited does not start) and
	// again with the row count when it ends.
	entry := store.AuditEntry{Action: "export.start", EntityType: "export", EntityID: req.Kind, Detail: exportDetail(req, -1)}
	if err := s.audit(c, entry); err != nil {
		return err
	}
	today, _, err := s.practiceToday(c)
	if err != nil {
		return err
	}
	name := req.Kind
	if req.Identified {
		name += "-identified"
	}
	h := c.Response().Header()
	h.Set(echo.HeaderContentType, "text/csv; charset=utf-8")
	h.Set(echo.HeaderContentDisposition, fmt.Sprintf(`attachment; filename="%s"`, export.Filename(name, req.ScopeName, today)))
	c.Response().WriteHeader(http.StatusOK)
	w, err := export.NewWriter(c.Response(), req.BOM)
	if err != nil {
		return err
	}
	headerDone := false
	header, err := s.produceExport(c, req, func(cells []export.Cell) error { return w.Row(cells...) }, func(h []string) error {
		headerDone = true
		if err := w.Header(h...); err != nil {
			return err
		}
		c.Response().Flush() // the first byte leaves now, before the first row is read
		return nil
	})
	if err == nil && !headerDone {
		err = w.Header(header...)
	}
	if err == nil {
		err = w.Close()
	}
	entry.Action, entry.Detail = "export.done", exportDetail(req, w.Rows())
	if err != nil {
		entry.Outcome = store.OutcomeFailure
	}
	if aerr := s.audit(c, entry); aerr != nil {
		s.log.Error("audit export", "request_id", requestIDOf(c), "err", aerr)
	}
	if err != nil {
		s.log.Error("export failed", "request_id", requestIDOf(c), "export", req.Kind, "err", err)
		// The file has started: cut the connection so the browser marks the download failed,
		// rather than end it cleanly and leave a complete-looking, truncated file.
		panic(http.ErrAbortHandler)
	}
	return nil
}

// weekStart is the Monday on or before d; weekEnd the Sunday on or after it.
func weekStart(d *time.Time) *time.Time {
	if d == nil {
		return nil
	}
	t := d.AddDate(0, 0, -((int(d.Weekday()) + 6) % 7))
	return &t
}

func weekEnd(d *time.Time) *time.Time {
	if d == nil {
		return nil
	}
	t := d.AddDate(0, 0, (7-int(d.Weekday()))%7)
	return &t
}

func exportDetail(req exportRequest, rows int) string {
	f := req.Filter
	d := fmt.Sprintf("identified=%t full_dates=%t counsellor=%d status=%s", req.Identified, req.FullDates, f.CounsellorID, f.Status)
	if !f.Scope.All {
		d += fmt.Sprintf(" scope=%v", f.Scope.Counsellors) // whose caseloads, as they were at the time
	}
	if f.From != nil {
		d += " from=" + f.From.Format("2006-01-02")
	}
	if f.To != nil {
		d += " to=" + f.To.Format("2006-01-02")
	}
	if rows >= 0 {
		d += " rows=" + strconv.Itoa(rows)
	}
	return d
}

// dateCells writes a date as the week of treatment and the year, or in full when asked.
func dateCells(full bool, first time.Time, t *time.Time) []export.Cell {
	switch {
	case t == nil && full:
		return []export.Cell{export.Empty()}
	case t == nil:
		return []export.Cell{export.Empty(), export.Empty()}
	case full:
		return []export.Cell{export.Date(*t)}
	}
	return []export.Cell{export.Int(int64(export.WeekOfTreatment(first, *t))), export.Int(int64(t.Year()))}
}

func dateHeader(full bool, name string) []string {
	if full {
		return []string{name + "_date"}
	}
	return []string{name + "_week", name + "_year"}
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
		h := []string{"client_code", "goal_id"}
		if req.Identified {
			h = append(h, "statement")
		}
		h = append(h, "metric", "unit", "direction", "baseline")
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
			row := []export.Cell{export.Text(r.Code), export.Int(r.GoalID)}
			if req.Identified {
				row = append(row, export.Text(r.Statement))
			}
			row = append(row, export.Text(r.Metric), export.Text(r.Unit), export.Text(r.Direction), numCell(r.BaselineValue))
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
		h := []string{"client_code", "assignment_id", "template"}
		h = append(h, dateHeader(full, "entry")...)
		h = append(h, "field_key", "value", "assignment_entries_made", "assignment_entries_expected", "assignment_completion")
		if err := start(h); err != nil {
			return h, err
		}
		return h, s.store.ExportHomework(ctx, pid, req.Filter, req.Identified, func(r store.HomeworkExportRow) error {
			row := []export.Cell{export.Text(r.Code), export.Int(r.AssignmentID), export.Text(r.Template)}
			row = append(row, dateCells(full, r.FirstDay, &r.EntryDate)...)
			value := numCell(r.Number)
			if r.Number == nil && r.Text != nil {
				value = export.Text(*r.Text)
			}
			return emit(append(row, export.Text(r.FieldKey), value, export.Int(int64(r.Made)), export.Int(int64(r.Expected)),
				homeworkRate(r.Made, r.Expected)))
		})
	case "scores":
		h := []string{"client_code"}
		h = append(h, dateHeader(full, "")...)
		h = append(h, "instrument", "item", "score")
		for i := range h {
			h[i] = trimUnderscore(h[i])
		}
		if err := start(h); err != nil {
			return h, err
		}
		return h, s.store.ExportScores(ctx, pid, req.Filter, func(r store.ScoreExportRow) error {
			row := []export.Cell{export.Text(r.Code)}
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
	markers, err := s.store.Markers(ctx, pid, false)
	if err != nil {
		return nil, err
	}
	names := map[int64]string{}
	if req.Identified {
		if names, err = s.store.PracticeCounsellors(ctx, pid); err != nil {
			return nil, err
		}
	}
	h := []string{"client_code"}
	if req.Identified {
		h = append(h, "first_name", "last_name", "counsellor_name")
	}
	h = append(h, "counsellor_code", "status", "format", "appointments_attended", "appointments_cancelled", "appointments_no_show")
	h = append(h, dateHeader(full, "first_appointment")...)
	h = append(h, dateHeader(full, "last_appointment")...)
	h = append(h, "goals_draft", "goals_active", "goals_achieved", "goals_revised", "goals_discontinued", "homework_completion")
	shipped := []string{"phq9", "gad7"}
	for _, k := range shipped {
		h = append(h, k+"_first", k+"_latest", k+"_change")
	}
	for _, m := range markers {
		h = append(h, fmt.Sprintf("marker_%d_first", m.ID), fmt.Sprintf("marker_%d_latest", m.ID))
	}
	h = append(h, "risk_level", "flag_open")
	if err := start(h); err != nil {
		return h, err
	}
	return h, s.store.ExportCaseload(ctx, pid, req.Filter, func(r store.CaseloadExportRow) error {
		row := []export.Cell{export.Text(r.Code)}
		if req.Identified {
			row = append(row, export.Text(r.FirstName), export.Text(r.LastName), export.Text(names[r.CounsellorID]))
		}
		row = append(row, export.Text(counsellorCode(r.CounsellorID)), export.Text(r.Status), export.Text(r.Format),
			export.Int(int64(r.Attended)), export.Int(int64(r.Cancelled)), export.Int(int64(r.NoShow)))
		row = append(row, dateCells(full, r.FirstDay, r.FirstAppt)...)
		row = append(row, dateCells(full, r.FirstDay, r.LastAppt)...)
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
