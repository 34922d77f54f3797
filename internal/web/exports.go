package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/casework"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/supervision"
)

// exportPage is what the export page shows. Kind is always one of the known kinds: the page
// builds form actions from it.
type exportPage struct {
	Kinds       []supervision.Kind
	Kind        string
	Header      []string
	Rows        [][]string
	Counsellors []store.User
	CanIdentify bool
}

// exportRequest is what an export is asked for.
type exportRequest struct {
	Kind       string
	Filter     store.ExportFilter
	FullDates  bool
	BOM        bool
	Identified bool
	ScopeName  string
	deid       deid // pseudonyms and chosen clients, for de-identified files
}

// exportScope returns whose clients the user may export: a counsellor their own, an admin
// the practice, a supervisor the caseloads of the counsellors they supervise.
func (s *Server) exportScope(c echo.Context) (store.DashScope, string, error) {
	u := currentUser(c)
	switch u.Role {
	case store.RoleAdmin:
		return store.DashScope{All: true}, "practice", nil
	case store.RoleCounsellor:
		return store.DashScope{Counsellors: []int64{u.ID}}, supervision.CounsellorCode(u.ID), nil
	case store.RoleSupervisor:
		ids, err := s.store.Supervisees(c.Request().Context(), u.PracticeID, u.ID)
		return store.DashScope{Counsellors: ids}, "supervision-" + supervision.CounsellorCode(u.ID), err
	}
	return store.DashScope{}, "", echo.ErrForbidden
}

// readExportRequest reads the export form (query or body) and checks it against the user.
func (s *Server) readExportRequest(c echo.Context, values url.Values) (exportRequest, *Form, error) {
	form := &Form{Values: values}
	scope, scopeName, err := s.exportScope(c)
	if err != nil {
		return exportRequest{}, form, err
	}
	req := exportRequest{Kind: values.Get("kind"), Filter: store.ExportFilter{Scope: scope}, ScopeName: scopeName,
		FullDates: values.Get("full_dates") == "1", BOM: values.Get("bom") == "1", Identified: values.Get("identified") == "1"}
	if !supervision.KnownKind(req.Kind) {
		form.Fail("kind", "Choose one of the files.")
	}
	if id := values.Get("counsellor"); id != "" {
		n, err := strconv.ParseInt(id, 10, 64)
		if err != nil {
			form.Fail("counsellor", "Choose a counsellor from the list.")
		}
		req.Filter.CounsellorID = n
		req.ScopeName = supervision.CounsellorCode(n)
	}
	if st := values.Get("status"); st != "" {
		if !casework.ClientStatuses().Has(st) {
			form.Fail("status", "Choose a status from the list.")
		}
		req.Filter.Status = st
	}
	req.Identified = supervision.Identifies(req.Identified, req.FullDates)
	if req.Identified {
		req.Filter.From = optionalDate(form, "from", values.Get("from"))
		req.Filter.To = optionalDate(form, "to", values.Get("to"))
	}
	failAll(form, supervision.CheckRange(req.Identified, req.Filter.From, req.Filter.To, values.Get("from") != "" || values.Get("to") != ""))
	if req.Identified {
		failAll(form, supervision.CheckIdentified(currentUser(c).Role == store.RoleSupervisor, values.Get("confirm") == "1"))
		req.FullDates = true
		req.Filter.Identified = !form.HasErrors()
		return req, form, nil
	}
	if form.HasErrors() {
		return req, form, nil
	}
	if req.deid, err = s.prepareDeid(c, req.Filter, values.Get("clients")); err != nil {
		return req, form, err
	}
	if len(req.deid.unknown) > 0 {
		form.Fail("clients", "Not among the clients you may export: "+strings.Join(req.deid.unknown, " ")+".")
	}
	req.Filter.Clients = req.deid.clients
	req.ScopeName = supervision.ScopeName(req.ScopeName, req.Filter.Scope.All && req.Filter.CounsellorID == 0)
	return req, form, nil
}

// failAll sets each problem's message on its field.
func failAll(form *Form, problems []supervision.Problem) {
	for _, p := range problems {
		form.Fail(p.Field, p.Message)
	}
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
		header, err = s.produceExport(c, req, func(cells []supervision.Cell) error {
			rows = append(rows, supervision.PreviewRow(header, cells))
			return nil
		}, func(h []string) error { header = h; return nil })
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
	p.Data = exportPage{Kinds: supervision.Kinds(), Kind: supervision.ValidKind(req.Kind), Header: header, Rows: rows, Counsellors: counsellors,
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
		if err := onlyFields(c, "identified", "confirm", "full_dates", "bom", "counsellor", "status", "from", "to", "kind", "clients"); err != nil {
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
		p.Data = exportPage{Kinds: supervision.Kinds(), Kind: supervision.ValidKind(req.Kind), Counsellors: counsellors,
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
	h.Set(echo.HeaderContentDisposition, fmt.Sprintf(`attachment; filename="%s"`, supervision.Filename(name, req.ScopeName, today)))
	c.Response().WriteHeader(http.StatusOK)
	w, err := supervision.NewWriter(c.Response(), req.BOM)
	if err != nil {
		return err
	}
	headerDone := false
	header, err := s.produceExport(c, req, func(cells []supervision.Cell) error { return w.Row(cells...) }, func(h []string) error {
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
	if f.Clients != nil {
		d += " clients=" + strconv.Itoa(len(f.Clients))
	}
	if rows >= 0 {
		d += " rows=" + strconv.Itoa(rows)
	}
	return d
}
