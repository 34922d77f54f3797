package supervision

import (
	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/store"
	rules "github.com/securebase/securebase/internal/supervision"
	"github.com/securebase/securebase/internal/web/kit"
)

// exportScope returns whose clients the user may export: a counsellor their own, an admin
// the practice, a supervisor the caseloads of the counsellors they supervise.
func (h *Handlers) exportScope(c echo.Context) (store.DashScope, string, error) {
	u := kit.CurrentUser(c)
	switch u.Role {
	case store.RoleAdmin:
		return store.DashScope{All: true}, "practice", nil
	case store.RoleCounsellor:
		return store.DashScope{Counsellors: []int64{u.ID}}, rules.CounsellorCode(u.ID), nil
	case store.RoleSupervisor:
		ids, err := h.Store.Supervisees(c.Request().Context(), u.PracticeID, u.ID)
		return store.DashScope{Counsellors: ids}, "supervision-" + rules.CounsellorCode(u.ID), err
	}
	return store.DashScope{}, "", echo.ErrForbidden
}

// exportCounsellors lists the counsellors the user may filter by.
func (h *Handlers) exportCounsellors(c echo.Context) ([]store.User, error) {
	u := kit.CurrentUser(c)
	if u.Role == store.RoleCounsellor {
		return nil, nil
	}
	all, err := h.Store.Counsellors(c.Request().Context(), u.PracticeID)
	if err != nil || u.Role == store.RoleAdmin {
		return all, err
	}
	ids, err := h.Store.Supervisees(c.Request().Context(), u.PracticeID, u.ID)
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
