package casework

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/casework"
	"github.com/securebase/securebase/internal/store"
	view "github.com/securebase/securebase/templates/casework"
	"github.com/securebase/securebase/templates/ui"
)

func decodeIntake(v store.IntakeVersion) (casework.Intake, error) {
	var in casework.Intake
	if err := json.Unmarshal(v.Data, &in); err != nil {
		return in, fmt.Errorf("intake version %d: %w", v.Version, err)
	}
	return in, nil
}

// latestIntake returns the newest intake and its version (nil and an empty intake before the first save).
func (h *Handlers) latestIntake(c echo.Context, cl store.Client) (casework.Intake, *store.IntakeVersion, error) {
	v, err := h.Store.LatestIntake(c.Request().Context(), cl.PracticeID, cl.ID)
	if errors.Is(err, store.ErrNotFound) {
		return casework.Intake{Format: cl.Format}, nil, nil
	}
	if err != nil {
		return casework.Intake{}, nil, err
	}
	in, err := decodeIntake(v)
	return in, &v, err
}

// intakeView is the intake page of in, as of version v (nil before the first save).
func (h *Handlers) intakeView(c echo.Context, title string, cl store.Client, in casework.Intake, v *store.IntakeVersion, form *ui.Form) view.IntakeView {
	out := view.IntakeView{Page: h.Page(c, title), Form: form, Client: clientView(cl), Intake: in, Base: versionOf(v)}
	if v != nil {
		iv := intakeVersionView(*v, h.Moments(c))
		out.Version = &iv
	}
	return out
}

func intakeVersionView(v store.IntakeVersion, moment func(time.Time) string) view.IntakeVersion {
	return view.IntakeVersion{Version: v.Version, Section: v.Section, SavedBy: v.SavedByName, SavedAt: moment(v.SavedAt)}
}

// IntakeSectionForm shows one section of the current intake as a form of its own, so
// nothing typed is ever lost to the save of another section.
func (h *Handlers) IntakeSectionForm(c echo.Context) error {
	cl, err := h.ClientFor(c)
	if err != nil {
		return err
	}
	section := c.Param("section")
	if len(casework.SectionFields(section)) == 0 {
		return echo.ErrNotFound
	}
	in, v, err := h.latestIntake(c, cl)
	if err != nil {
		return err
	}
	if err := h.AuditClient(c, cl, "intake.view", "intake", 0, "section="+section); err != nil {
		return err
	}
	page := h.intakeView(c, "Intake "+cl.Code, cl, in, v, &ui.Form{})
	page.Edit = section
	return h.Render(c, http.StatusOK, view.Intake(page))
}

// IntakeForm shows the current intake read-only, each section with a link to its own form.
func (h *Handlers) IntakeForm(c echo.Context) error {
	cl, err := h.ClientFor(c)
	if err != nil {
		return err
	}
	in, v, err := h.latestIntake(c, cl)
	if err != nil {
		return err
	}
	if err := h.AuditClient(c, cl, "intake.view", "intake", 0, ""); err != nil {
		return err
	}
	return h.Render(c, http.StatusOK, view.Intake(h.intakeView(c, "Intake "+cl.Code, cl, in, v, &ui.Form{})))
}

func versionOf(v *store.IntakeVersion) int {
	if v == nil {
		return 0
	}
	return v.Version
}
