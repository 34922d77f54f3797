package casework

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/casework"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web/kit"
	view "github.com/securebase/securebase/templates/casework"
	"github.com/securebase/securebase/templates/ui"
)

// SaveIntakeSection saves one section as a new version. Another person's save of a
// different section in the meantime is merged; of the same section, it is a conflict
// shown with the typed text kept.
func (h *Handlers) SaveIntakeSection(c echo.Context) error {
	ctx := c.Request().Context()
	cl, err := h.ClientFor(c)
	if err != nil {
		return err
	}
	section := c.Param("section")
	if len(casework.SectionFields(section)) == 0 {
		return echo.ErrNotFound
	}
	form, posted, err := h.bindIntakeSection(c, section)
	if err != nil {
		return err
	}
	base, _ := strconv.Atoi(c.FormValue("base_version"))
	current, v, err := h.latestIntake(c, cl)
	if err != nil {
		return err
	}
	retry := func(status int) error {
		page := h.intakeView(c, "Intake "+cl.Code, cl, current.WithSection(section, posted), v, form)
		page.FailedSection, page.Edit = section, section
		return h.Render(c, status, view.Intake(page))
	}
	if form.HasErrors() {
		return retry(http.StatusUnprocessableEntity)
	}
	if versionOf(v) != base {
		same, err := h.sectionUnchangedSince(c, cl, section, base, current)
		if err != nil {
			return err
		}
		if !same {
			form.Fail("_form", conflictMessage(v))
			return retry(http.StatusConflict)
		}
	}

	next := current.WithSection(section, posted)
	if section == "risk" {
		next.RiskScreenComplete = true
	}
	data, err := json.Marshal(next)
	if err != nil {
		return err
	}
	var flag *store.RiskFlagInput
	if section == "risk" && next.RiskRaised() && !casework.SectionEqual("risk", current, next) {
		flag = &store.RiskFlagInput{Source: "intake", Summary: next.RiskSummary(), Audit: caseEntry(c, cl, "risk.raise", "client", cl.ID, "source=intake")}
	}
	saved, _, err := h.Store.SaveIntake(ctx, cl.PracticeID, cl.ID, versionOf(v), section, data, kit.CurrentUser(c).ID, flag,
		caseEntry(c, cl, "intake.save", "intake", 0, "section="+section))
	if errors.Is(err, store.ErrConflict) {
		if current, v, err = h.latestIntake(c, cl); err != nil {
			return err
		}
		form.Fail("_form", conflictMessage(v))
		return retry(http.StatusConflict)
	}
	if err != nil {
		return err
	}
	return h.Flash(c, fmt.Sprintf("%s/intake#%s", kit.ClientPath(cl.ID), section), fmt.Sprintf("Saved as version %d.", saved))
}

// conflictMessage explains that someone else saved the intake since the form was opened.
func conflictMessage(v *store.IntakeVersion) string {
	if v == nil {
		return "The intake changed since you opened the form. Your text is kept below; please save again."
	}
	return fmt.Sprintf("%s saved this section (version %d) since you opened the form. Your text is kept below; check it against theirs in the version history, then save again.",
		v.SavedByName, v.Version)
}

// bindIntakeSection reads one section's fields into the form struct, checks them, and
// returns them as the model.
func (h *Handlers) bindIntakeSection(c echo.Context, section string) (*ui.Form, casework.Intake, error) {
	var dst intakeForm
	form, err := h.BindPartial(c, &dst, intakeFormFields(section), "base_version")
	if err != nil {
		return nil, casework.Intake{}, err
	}
	posted := dst.intake()
	for field, msg := range posted.SectionProblems(section) {
		form.Fail(field, msg)
	}
	return form, posted, nil
}

// sectionUnchangedSince reports whether a section reads the same in version base as now.
func (h *Handlers) sectionUnchangedSince(c echo.Context, cl store.Client, section string, base int, current casework.Intake) (bool, error) {
	if base == 0 {
		return casework.SectionEqual(section, casework.Intake{Format: cl.Format}, current), nil
	}
	old, err := h.Store.IntakeVersionAt(c.Request().Context(), cl.PracticeID, cl.ID, base)
	if errors.Is(err, store.ErrNotFound) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	then, err := decodeIntake(old)
	return err == nil && casework.SectionEqual(section, then, current), err
}
