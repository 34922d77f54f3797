package admin

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web/kit"
	view "github.com/securebase/securebase/templates/admin"
)

// SupervisionPage lets an admin link each supervisor to the counsellors they supervise.
func (h *Handlers) SupervisionPage(c echo.Context) error {
	ctx := c.Request().Context()
	pid := kit.CurrentUser(c).PracticeID
	users, err := h.Store.Users(ctx, pid)
	if err != nil {
		return err
	}
	links, err := h.Store.Supervision(ctx, pid)
	if err != nil {
		return err
	}
	var supervisors, counsellors []store.User
	for _, u := range users {
		switch {
		case !u.Active:
		case u.Role == store.RoleSupervisor:
			supervisors = append(supervisors, u)
		case u.Role == store.RoleCounsellor:
			counsellors = append(counsellors, u)
		}
	}
	v := view.SupervisionView{Page: h.Page(c, "Supervision")}
	for _, sup := range supervisors {
		linked := map[int64]bool{}
		for _, cid := range links[sup.ID] {
			linked[cid] = true
		}
		row := view.Supervisor{ID: sup.ID, Name: sup.DisplayName}
		for _, co := range counsellors {
			row.Counsellors = append(row.Counsellors, view.Supervisee{ID: co.ID, Name: co.DisplayName, Linked: linked[co.ID]})
		}
		v.Supervisors = append(v.Supervisors, row)
	}
	return h.Render(c, http.StatusOK, view.Supervision(v))
}

// SaveSupervision sets the counsellors one supervisor supervises.
func (h *Handlers) SaveSupervision(c echo.Context) error {
	if err := kit.OnlyFields(c, "supervisor_id", "counsellor_id"); err != nil {
		return err
	}
	supervisorID, err := strconv.ParseInt(c.FormValue("supervisor_id"), 10, 64)
	if err != nil {
		return echo.ErrBadRequest
	}
	values, err := c.FormParams()
	if err != nil {
		return echo.ErrBadRequest
	}
	ids := []int64{}
	for _, v := range values["counsellor_id"] {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return echo.ErrBadRequest
		}
		ids = append(ids, id)
	}
	err = h.Store.SetSupervision(c.Request().Context(), kit.CurrentUser(c).PracticeID, supervisorID, ids)
	if errors.Is(err, store.ErrNotFound) {
		return echo.ErrNotFound
	}
	if err != nil {
		return err
	}
	if err := h.Audit(c, store.AuditEntry{Action: "supervision.set", EntityType: "user", EntityID: strconv.FormatInt(supervisorID, 10),
		Detail: fmt.Sprintf("counsellors=%v", ids)}); err != nil {
		return err
	}
	return h.Flash(c, "/admin/supervision", "Supervision saved.")
}
