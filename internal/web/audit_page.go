package web

import (
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/store"
)

const auditPerPage = 50

// auditActions suggests action prefixes in the filter.
var auditActions = []string{"auth.", "auth.login", "auth.logout", "user.", "access.denied", "caseload.view", "client.",
	"client.view", "intake.", "risk.", "appointment.", "goal."}

func (s *Server) auditLog(c echo.Context) error {
	ctx := c.Request().Context()
	admin := currentUser(c)
	q := c.QueryParams()
	p := s.page(c, "Audit log")
	p.Form.Values = q
	f := store.AuditFilter{Action: q.Get("action"), Outcome: q.Get("outcome"), Limit: auditPerPage}
	if len(f.Action) > 80 {
		p.Form.Fail("action", "Use at most 80 characters.")
		f.Action = ""
	}
	if f.Outcome != "" && f.Outcome != store.OutcomeSuccess && f.Outcome != store.OutcomeFailure && f.Outcome != store.OutcomeDenied {
		f.Outcome = ""
	}
	if id, err := strconv.ParseInt(q.Get("actor"), 10, 64); err == nil {
		f.ActorID = id
	}
	f.From = parseDateParam(p.Form, "from", q.Get("from"))
	if to := parseDateParam(p.Form, "to", q.Get("to")); !to.IsZero() {
		f.To = to.AddDate(0, 0, 1) // inclusive of the whole day
	}
	page, _ := strconv.Atoi(q.Get("page"))
	page = max(1, min(page, 100000))
	f.Offset = (page - 1) * auditPerPage

	rows, total, err := s.store.AuditLog(ctx, admin.PracticeID, f)
	if err != nil {
		return err
	}
	users, err := s.store.Users(ctx, admin.PracticeID)
	if err != nil {
		return err
	}
	p.Data = struct {
		Rows     []store.AuditRow
		Total    int
		Filtered bool
		Users    []store.User
		Actions  []string
		Outcomes []string
		Pager    Pager
	}{rows, total, f != (store.AuditFilter{Limit: auditPerPage, Offset: f.Offset}), users, auditActions,
		[]string{store.OutcomeSuccess, store.OutcomeFailure, store.OutcomeDenied},
		newPager("/admin/audit", q, page, auditPerPage, total)}
	status := http.StatusOK
	if p.Form.HasErrors() {
		status = http.StatusUnprocessableEntity
	}
	return s.render(c, status, "admin/audit", p)
}

// parseDateParam reads a YYYY-MM-DD date in UTC, noting a message on the form when it is not one.
func parseDateParam(f *Form, name, v string) time.Time {
	if v == "" {
		return time.Time{}
	}
	t, err := time.Parse("2006-01-02", v)
	if err != nil || t.Year() < 2000 || t.Year() > 2200 {
		f.Fail(name, "Enter a date like 2026-03-15.")
		return time.Time{}
	}
	return t
}
