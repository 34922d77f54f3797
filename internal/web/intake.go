package web

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/casework"
	"github.com/securebase/securebase/internal/store"
)

// intakePage is what the intake templates show.
type intakePage struct {
	Client   store.Client
	Intake   casework.Intake
	Version  *store.IntakeVersion // the version shown; nil before the first save
	Base     int                  // the version the forms were filled from
	Section  string               // the section a failed save came from
	ReadOnly bool
}

func decodeIntake(v store.IntakeVersion) (casework.Intake, error) {
	var in casework.Intake
	if err := json.Unmarshal(v.Data, &in); err != nil {
		return in, fmt.Errorf("intake version %d: %w", v.Version, err)
	}
	return in, nil
}

// latestIntake returns the newest intake and its version (nil and an empty intake before the first save).
func (s *Server) latestIntake(c echo.Context, cl store.Client) (casework.Intake, *store.IntakeVersion, error) {
	v, err := s.store.LatestIntake(c.Request().Context(), cl.PracticeID, cl.ID)
	if errors.Is(err, store.ErrNotFound) {
		return casework.Intake{Format: cl.Format}, nil, nil
	}
	if err != nil {
		return casework.Intake{}, nil, err
	}
	in, err := decodeIntake(v)
	return in, &v, err
}

func (s *Server) intakeForm(c echo.Context) error {
	cl, err := s.clientFor(c)
	if err != nil {
		return err
	}
	in, v, err := s.latestIntake(c, cl)
	if err != nil {
		return err
	}
	if err := s.auditClient(c, cl, "intake.view", "intake", 0, ""); err != nil {
		return err
	}
	p := s.page(c, "Intake "+cl.Code)
	p.Data = intakePage{Client: cl, Intake: in, Version: v, Base: versionOf(v)}
	return s.render(c, http.StatusOK, "clients/intake", p)
}

func versionOf(v *store.IntakeVersion) int {
	if v == nil {
		return 0
	}
	return v.Version
}

// saveIntakeSection saves one section as a new version. Another person's save of a
// different section in the meantime is merged; of the same section, it is a conflict
// shown with the typed text kept.
func (s *Server) saveIntakeSection(c echo.Context) error {
	ctx := c.Request().Context()
	cl, err := s.clientFor(c)
	if err != nil {
		return err
	}
	section := c.Param("section")
	if len(casework.SectionFields(section)) == 0 {
		return echo.ErrNotFound
	}
	form, posted, err := s.bindIntakeSection(c, section)
	if err != nil {
		return err
	}
	base, _ := strconv.Atoi(c.FormValue("base_version"))
	current, v, err := s.latestIntake(c, cl)
	if err != nil {
		return err
	}
	retry := func(status int) error {
		p := s.page(c, "Intake "+cl.Code)
		p.Form = form
		p.Data = intakePage{Client: cl, Intake: current.WithSection(section, posted), Version: v, Base: versionOf(v), Section: section}
		return s.render(c, status, "clients/intake", p)
	}
	if form.HasErrors() {
		return retry(http.StatusUnprocessableEntity)
	}
	if versionOf(v) != base {
		same, err := s.sectionUnchangedSince(c, cl, section, base, current)
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
		flag = &store.RiskFlagInput{Source: "intake", Summary: next.RiskSummary(), Audit: clientEntry(c, cl, "risk.raise", "client", cl.ID, "source=intake")}
	}
	saved, _, err := s.store.SaveIntake(ctx, cl.PracticeID, cl.ID, versionOf(v), section, data, currentUser(c).ID, flag,
		clientEntry(c, cl, "intake.save", "intake", 0, "section="+section))
	if errors.Is(err, store.ErrConflict) {
		if current, v, err = s.latestIntake(c, cl); err != nil {
			return err
		}
		form.Fail("_form", conflictMessage(v))
		return retry(http.StatusConflict)
	}
	if err != nil {
		return err
	}
	return s.flash(c, fmt.Sprintf("%s/intake#%s", clientPath(cl.ID), section), fmt.Sprintf("Saved as version %d.", saved))
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
func (s *Server) bindIntakeSection(c echo.Context, section string) (*Form, casework.Intake, error) {
	var dst intakeForm
	form, err := s.bindFormPartial(c, &dst, intakeFormFields(section), "base_version")
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
func (s *Server) sectionUnchangedSince(c echo.Context, cl store.Client, section string, base int, current casework.Intake) (bool, error) {
	if base == 0 {
		return casework.SectionEqual(section, casework.Intake{Format: cl.Format}, current), nil
	}
	old, err := s.store.IntakeVersionAt(c.Request().Context(), cl.PracticeID, cl.ID, base)
	if errors.Is(err, store.ErrNotFound) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	then, err := decodeIntake(old)
	return err == nil && casework.SectionEqual(section, then, current), err
}

func (s *Server) intakeHistory(c echo.Context) error {
	cl, err := s.clientFor(c)
	if err != nil {
		return err
	}
	versions, err := s.store.IntakeHistory(c.Request().Context(), cl.PracticeID, cl.ID)
	if err != nil {
		return err
	}
	if err := s.auditClient(c, cl, "intake.history.view", "intake", 0, ""); err != nil {
		return err
	}
	p := s.page(c, "Intake versions "+cl.Code)
	p.Data = struct {
		Client   store.Client
		Versions []store.IntakeVersion
	}{cl, versions}
	return s.render(c, http.StatusOK, "clients/intake_history", p)
}

func (s *Server) intakeVersion(c echo.Context) error {
	cl, err := s.clientFor(c)
	if err != nil {
		return err
	}
	n, err := strconv.Atoi(c.Param("version"))
	if err != nil {
		return echo.ErrNotFound
	}
	v, err := s.store.IntakeVersionAt(c.Request().Context(), cl.PracticeID, cl.ID, n)
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
	if err := s.auditClient(c, cl, "intake.version.view", "intake", int64(n), ""); err != nil {
		return err
	}
	p := s.page(c, fmt.Sprintf("Intake version %d %s", n, cl.Code))
	p.Data = intakePage{Client: cl, Intake: in, Version: &v, Base: v.Version, ReadOnly: true}
	return s.render(c, http.StatusOK, "clients/intake", p)
}
