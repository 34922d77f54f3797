// Package dashboard serves the signed-in start page: everything needing attention in the
// user's scope (own caseload, the practice, or the supervised counsellors' caseloads).
package dashboard

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/casework"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web/kit"
	view "github.com/securebase/securebase/templates/dashboard"
)

// Handlers serve the dashboard.
type Handlers struct{ *kit.Kit }

// New returns the dashboard's handlers.
func New(k *kit.Kit) *Handlers { return &Handlers{k} }

// Home shows the dashboard.
func (h *Handlers) Home(c echo.Context) error {
	ctx := c.Request().Context()
	u := kit.CurrentUser(c)
	practice, err := h.PracticeOf(c)
	if err != nil {
		return err
	}
	scope, err := h.scopeOf(c, u)
	if err != nil {
		return err
	}
	today, loc, err := h.PracticeToday(c)
	if err != nil {
		return err
	}
	weekStart := time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, loc)
	d, err := h.Store.LoadDashboard(ctx, u.PracticeID, scope, today, weekStart, weekStart.AddDate(0, 0, 7))
	if err != nil {
		return err
	}
	lists, err := h.judge(c, d, today)
	if err != nil {
		return err
	}
	identified := u.Role != store.RoleSupervisor
	if !identified {
		lists.withoutNarrative()
	}
	if err := h.Audit(c, store.AuditEntry{Action: "dashboard.view"}); err != nil {
		return err
	}
	v := view.View{Page: h.Page(c, "Home"), PracticeName: practice.Name, Identified: identified,
		StatusCounts: statusCounts(d.StatusCounts), Lists: lists.cards(identified, loc)}
	return h.Render(c, http.StatusOK, view.Home(v))
}

// scopeOf is the part of the practice the dashboard covers for u.
func (h *Handlers) scopeOf(c echo.Context, u *store.User) (store.DashScope, error) {
	scope := store.DashScope{All: u.Role == store.RoleAdmin}
	var err error
	switch u.Role {
	case store.RoleCounsellor:
		scope.Counsellors = []int64{u.ID}
	case store.RoleSupervisor:
		scope.Counsellors, err = h.Store.Supervisees(c.Request().Context(), u.PracticeID, u.ID)
	}
	return scope, err
}

func statusCounts(counts map[string]int) []view.StatusCount {
	var out []view.StatusCount
	for _, s := range casework.ClientStatuses() {
		out = append(out, view.StatusCount{Status: s.Value, Label: s.Label, Count: counts[s.Value]})
	}
	return out
}
