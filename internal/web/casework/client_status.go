package casework

import (
	"errors"
	"fmt"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/casework"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web/kit"
)

// SetClientStatus moves a client between intake, active, paused and discharged.
func (h *Handlers) SetClientStatus(c echo.Context) error {
	cl, err := h.ClientFor(c)
	if err != nil {
		return err
	}
	if err := kit.OnlyFields(c, "action"); err != nil {
		return err
	}
	move, ok := casework.ClientStatusMove(c.FormValue("action"))
	if !ok {
		return echo.ErrBadRequest
	}
	if cl.ArchivedAt != nil {
		return h.Flash(c, kit.ClientPath(cl.ID), "Restore the client from the archive first.")
	}
	today, _, err := h.PracticeToday(c)
	if err != nil {
		return err
	}
	err = h.Store.SetClientStatusOn(c.Request().Context(), cl.PracticeID, cl.ID, move.From, move.To, today,
		caseEntry(c, cl, "client.status", "client", cl.ID, cl.Status+"->"+move.To))
	if errors.Is(err, store.ErrNotFound) {
		return h.Flash(c, kit.ClientPath(cl.ID), fmt.Sprintf("A client who is %s cannot be %s.", cl.Status, move.To))
	}
	if err != nil {
		return err
	}
	return h.Flash(c, kit.ClientPath(cl.ID), move.Done)
}

// ArchiveClient moves a discharged client to the archive, or restores them from it.
func (h *Handlers) ArchiveClient(c echo.Context) error {
	cl, err := h.ClientFor(c)
	if err != nil {
		return err
	}
	if err := kit.OnlyFields(c, "action"); err != nil {
		return err
	}
	archive := c.FormValue("action") != "restore"
	action, msg := "client.archive", "Archived. The client no longer shows in the caseload; find them under Archived."
	if !archive {
		action, msg = "client.restore", "Restored from the archive."
	}
	err = h.Store.SetClientArchived(c.Request().Context(), cl.PracticeID, cl.ID, archive, caseEntry(c, cl, action, "client", cl.ID, ""))
	if errors.Is(err, store.ErrNotFound) {
		return h.Flash(c, kit.ClientPath(cl.ID), "Only a discharged client can be archived.")
	}
	if err != nil {
		return err
	}
	return h.Flash(c, kit.ClientPath(cl.ID), msg)
}
