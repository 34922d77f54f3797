package casework

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/store"
	view "github.com/securebase/securebase/templates/casework"
	"github.com/securebase/securebase/templates/ui"
)

// IntakeHistory lists the intake's versions.
func (h *Handlers) IntakeHistory(c echo.Context) error {
	cl, err := h.ClientFor(c)
	if err != nil {
		return err
	}
	versions, err := h.Store.IntakeHistory(c.Request().Context(), cl.PracticeID, cl.ID)
	if err != nil {
		return err
	}
	if err := h.AuditClient(c, cl, "intake.history.view", "intake", 0, ""); err != nil {
		return err
	}
	v := view.IntakeHistoryView{Page: h.Page(c, "Intake versions "+cl.Code), Client: clientView(cl)}
	moment := h.Moments(c)
	for _, r := range versions {
		v.Versions = append(v.Versions, intakeVersionView(r, moment))
	}
	return h.Render(c, http.StatusOK, view.IntakeHistory(v))
}

// IntakeVersion shows an earlier version of the intake, read-only.
func (h *Handlers) IntakeVersion(c echo.Context) error {
	cl, err := h.ClientFor(c)
	if err != nil {
		return err
	}
	n, err := strconv.Atoi(c.Param("version"))
	if err != nil {
		return echo.ErrNotFound
	}
	v, err := h.Store.IntakeVersionAt(c.Request().Context(), cl.PracticeID, cl.ID, n)
	if errors.Is(err, store.ErrNotFound) {
		return echo.ErrNotFound
	}
	if err != nil {
		return err
	}
	in, err := decodeIntake(v)
	if err != nil {
		return err
	}
	if err := h.AuditClient(c, cl, "intake.version.view", "intake", int64(n), ""); err != nil {
		return err
	}
	page := h.intakeView(c, fmt.Sprintf("Intake version %d %s", n, cl.Code), cl, in, &v, &ui.Form{})
	page.ReadOnly = true
	return h.Render(c, http.StatusOK, view.Intake(page))
}
