package admin

import (
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web/kit"
	view "github.com/securebase/securebase/templates/admin"
	"github.com/securebase/securebase/templates/ui"
)

const auditPerPage = 50

// auditActions suggests action prefixes in the filter.
func auditActions() []string {
	return []string{"auth.", "auth.login", "auth.logout", "user.", "access.denied", "caseload.view", "client.",
		"client.view", "intake.", "risk.", "appointment.", "goal."}
}

// AuditLog shows the practice's audit log, filtered by action, actor, outcome and dates.
func (h *Handlers) AuditLog(c echo.Context) error {
	ctx := c.Request().Context()
	admin := kit.CurrentUser(c)
	q := c.QueryParams()
	form := &ui.Form{Values: q}
	f := store.AuditFilter{Action: q.Get("action"), Outcome: q.Get("outcome"), Limit: auditPerPage}
	if len(f.Action) > 80 {
		form.Fail("action", "Use at most 80 characters.")
		f.Action = ""
	}
	if f.Outcome != "" && f.Outcome != store.OutcomeSuccess && f.Outcome != store.OutcomeFailure && f.Outcome != store.OutcomeDenied {
		f.Outcome = ""
	}
	if id, err := strconv.ParseInt(q.Get("actor"), 10, 64); err == nil {
		f.ActorID = id
	}
	loc, err := h.PracticeLocation(c)
	if err != nil {
		return err
	}
	f.From = parseDateParam(form, "from", q.Get("from"), loc)
	if to := parseDateParam(form, "to", q.Get("to"), loc); !to.IsZero() {
		f.To = to.AddDate(0, 0, 1) // inclusive of the whole day
	}
	page, _ := strconv.Atoi(q.Get("page"))
	page = max(1, min(page, 100000))
	f.Offset = (page - 1) * auditPerPage

	rows, total, err := h.Store.AuditLog(ctx, admin.PracticeID, f)
	if err != nil {
		return err
	}
	users, err := h.Store.Users(ctx, admin.PracticeID)
	if err != nil {
		return err
	}
	v := view.AuditView{Page: h.Page(c, "Audit log"), Form: form, Total: total,
		Filtered: f != (store.AuditFilter{Limit: auditPerPage, Offset: f.Offset}), Actions: auditActions(),
		Outcomes: []string{store.OutcomeSuccess, store.OutcomeFailure, store.OutcomeDenied},
		Pager:    ui.NewPager("/admin/audit", q, page, auditPerPage, total)}
	for _, u := range users {
		v.Actors = append(v.Actors, ui.Option{Value: strconv.FormatInt(u.ID, 10), Label: u.DisplayName})
	}
	moment := h.Moments(c)
	for _, r := range rows {
		v.Rows = append(v.Rows, auditRow(r, moment))
	}
	status := http.StatusOK
	if form.HasErrors() {
		status = http.StatusUnprocessableEntity
	}
	return h.Render(c, status, view.Audit(v))
}

// auditRow words one entry for the table.
func auditRow(r store.AuditRow, moment func(time.Time) string) view.AuditRow {
	out := view.AuditRow{ISO: r.OccurredAt.UTC().Format(time.RFC3339), When: moment(r.OccurredAt),
		Actor: "—", Action: actionWords(r.Action), Code: r.Action, Detail: detailWords(r.Detail), Entity: r.EntityType, Outcome: r.Outcome, RequestID: r.RequestID}
	if r.ActorName.Valid {
		out.Actor = r.ActorName.String
	}
	if r.EntityID != "" {
		out.Entity += " #" + r.EntityID
	}
	if r.ClientID.Valid {
		out.Entity += " (client #" + strconv.FormatInt(r.ClientID.Int64, 10) + ")"
	}
	if r.IP.Valid {
		out.IP = r.IP.String
	}
	return out
}

// parseDateParam reads a YYYY-MM-DD date as the start of that day in loc (the practice's
// zone), noting a message on the form when it is not one.
func parseDateParam(f *ui.Form, name, v string, loc *time.Location) time.Time {
	if v == "" {
		return time.Time{}
	}
	t, err := time.ParseInLocation("2006-01-02", v, loc)
	if err != nil || t.Year() < 2000 || t.Year() > 2200 {
		f.Fail(name, "Enter a date like 2026-03-15.")
		return time.Time{}
	}
	return t
}
