package casework

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web/kit"
)

// ReassignClient gives a client to another counsellor (admins only).
func (h *Handlers) ReassignClient(c echo.Context) error {
	cl, err := h.ClientFor(c)
	if err != nil {
		return err
	}
	if err := kit.OnlyFields(c, "counsellor_id"); err != nil {
		return err
	}
	to, err := strconv.ParseInt(c.FormValue("counsellor_id"), 10, 64)
	if err != nil {
		return h.Flash(c, kit.ClientPath(cl.ID), "Choose a counsellor.")
	}
	detail := fmt.Sprintf("counsellor %d->%d", cl.CounsellorID, to)
	err = h.Store.ReassignClient(c.Request().Context(), cl.PracticeID, cl.ID, to, caseEntry(c, cl, "client.reassign", "client", cl.ID, detail))
	if errors.Is(err, store.ErrNotFound) {
		return h.Flash(c, kit.ClientPath(cl.ID), "Choose an active counsellor of this practice.")
	}
	if err != nil {
		return err
	}
	return h.Flash(c, kit.ClientPath(cl.ID), "Reassigned.")
}
