// Package dashboard serves the signed-in start page: the attention queue of the user's scope
// (own caseload, the practice, or the supervised counsellors' caseloads), one row per client,
// worst first, with its counts by kind and the week's appointments.
package dashboard

import (
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/casework"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web/kit"
	view "github.com/securebase/securebase/templates/dashboard"
	"github.com/securebase/securebase/templates/ui"
)

// Handlers serve the dashboard.
type Handlers struct{ *kit.Kit }

// New returns the dashboard's handlers.
func New(k *kit.Kit) *Handlers { return &Handlers{k} }

// Home shows the dashboard.
func (h *Handlers) Home(c echo.Context) error {
	return h.render(c, http.StatusOK, nil, "")
}

// render shows the dashboard, with a refused snooze form beside the part named key.
func (h *Handlers) render(c echo.Context, status int, snooze *ui.Form, key string) error {
	ctx := c.Request().Context()
	u := kit.CurrentUser(c)
	practice, err := h.PracticeOf(c)
	if err != nil {
		return err
	}
	scope, filter, err := h.scopeOf(c, u)
	if err != nil {
		return err
	}
	today, loc, err := h.PracticeToday(c)
	if err != nil {
		return err
	}
	dayStart := time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, loc)
	d, err := h.Store.LoadDashboard(ctx, u.PracticeID, scope, dayStart, dayStart.AddDate(0, 0, 7), u.Role != store.RoleCounsellor)
	if err != nil {
		return err
	}
	identified := u.Role != store.RoleSupervisor
	if err := h.Audit(c, store.AuditEntry{Action: "dashboard.view"}); err != nil {
		return err
	}
	names := map[int64]string{}
	var options []ui.Option
	for _, cu := range d.Counsellors {
		names[cu.ID] = cu.DisplayName
		options = append(options, ui.Option{Value: strconv.FormatInt(cu.ID, 10), Label: cu.DisplayName})
	}
	if u.Role != store.RoleAdmin || filter != 0 {
		names = nil // the counsellor is named on the admin's practice-wide rows only
	}
	v := view.View{Page: h.Page(c, "Home"), PracticeName: practice.Name, Identified: identified,
		StatusCounts: statusCounts(d.StatusCounts), KindCounts: kindCounts(d.KindCounts),
		Snooze: snooze, SnoozeKey: key, SnoozeMin: today.AddDate(0, 0, 1).Format(time.DateOnly), SnoozeMax: today.AddDate(0, 0, MaxSnoozeDays).Format(time.DateOnly)}
	if u.Role == store.RoleAdmin {
		v.Counsellors = options
		if filter != 0 {
			v.Filter = strconv.FormatInt(filter, 10)
		}
	}
	v.Today, v.Week = appointments(d.Appointments, identified, loc, dayStart.AddDate(0, 0, 1))
	if len(d.Queue) > 0 {
		v.More = d.Queue[0].Clients - d.Queue[len(d.Queue)-1].Place
	}
	if identified {
		v.Rows = rows(d.Queue, true, names)
	} else {
		all := map[int64]string{}
		for _, cu := range d.Counsellors {
			all[cu.ID] = cu.DisplayName
		}
		v.Groups = groups(rows(d.Queue, false, nil), d.Queue, all)
	}
	return h.Render(c, status, view.Home(v))
}

// scopeOf is the part of the practice the dashboard covers for u, and the admin's choice of
// counsellor (0 for all). A counsellor the practice does not have is a 404.
func (h *Handlers) scopeOf(c echo.Context, u *store.User) (store.DashScope, int64, error) {
	ctx := c.Request().Context()
	switch u.Role {
	case store.RoleCounsellor:
		return store.DashScope{Counsellors: []int64{u.ID}}, 0, nil
	case store.RoleSupervisor:
		ids, err := h.Store.Supervisees(ctx, u.PracticeID, u.ID)
		return store.DashScope{Counsellors: ids}, 0, err
	}
	raw := c.QueryParam("counsellor")
	if raw == "" {
		return store.DashScope{All: true}, 0, nil
	}
	id, err := strconv.ParseInt(raw, 10, 64)
	if err != nil || id <= 0 {
		return store.DashScope{}, 0, echo.ErrNotFound
	}
	all, err := h.Store.Counsellors(ctx, u.PracticeID)
	if err != nil {
		return store.DashScope{}, 0, err
	}
	for _, cu := range all {
		if cu.ID == id {
			return store.DashScope{Counsellors: []int64{id}}, id, nil
		}
	}
	return store.DashScope{}, 0, echo.ErrNotFound
}

// appointments splits the week's appointments into today's and the rest.
func appointments(items []store.DashItem, identified bool, loc *time.Location, tomorrow time.Time) (today, week []view.Appointment) {
	for _, it := range items {
		a := view.Appointment{Code: it.Code, What: it.What}
		if identified {
			a.Name, a.Target = clientName(it.DashClient), it.Target
		}
		if it.When == nil {
			continue
		}
		at := it.When.In(loc)
		a.ISO = it.When.UTC().Format(time.RFC3339)
		if at.Before(tomorrow) {
			a.When = at.Format("15:04")
			today = append(today, a)
		} else {
			a.When = at.Format(kit.MomentLayout)
			week = append(week, a)
		}
	}
	return today, week
}

func statusCounts(counts map[string]int) []view.StatusCount {
	var out []view.StatusCount
	for _, s := range casework.ClientStatuses() {
		out = append(out, view.StatusCount{Status: s.Value, Label: s.Label, Count: counts[s.Value]})
	}
	return out
}
