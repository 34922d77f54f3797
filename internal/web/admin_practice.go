package web

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/casework"
	"github.com/securebase/securebase/internal/store"
)

type practiceForm struct {
	TimeZone          string `form:"time_zone" validate:"required,max=64"`
	NameOnClientPages bool   `form:"name_on_client_pages"`
	RequireTwoFactor  bool   `form:"require_two_factor"`
	PINBeforeForms    bool   `form:"pin_before_forms"`
	RetentionYears    string `form:"retention_years"` // parsed by hand, for a message beside the field
}

func (s *Server) practicePage(c echo.Context) error {
	ps, err := s.store.Settings(c.Request().Context(), currentUser(c).PracticeID)
	if err != nil {
		return err
	}
	required, err := s.store.TwoFactorRequired(c.Request().Context(), currentUser(c).PracticeID)
	if err != nil {
		return err
	}
	p := s.page(c, "Practice settings")
	p.Form.Values = url.Values{"time_zone": {ps.TimeZone}, "retention_years": {strconv.Itoa(ps.RetentionYears)}}
	if ps.NameOnClientPages {
		p.Form.Values.Set("name_on_client_pages", "true")
	}
	if required {
		p.Form.Values.Set("require_two_factor", "true")
	}
	if ps.PINBeforeForms {
		p.Form.Values.Set("pin_before_forms", "true")
	}
	if p.Data, err = s.numberFormat(c); err != nil {
		return err
	}
	return s.render(c, http.StatusOK, "admin/practice", p)
}

func (s *Server) updatePractice(c echo.Context) error {
	ctx := c.Request().Context()
	admin := currentUser(c)
	var in practiceForm
	form, err := s.bindForm(c, &in)
	if err != nil {
		return err
	}
	if _, err := time.LoadLocation(in.TimeZone); err != nil && form.Error("time_zone") == "" {
		form.Fail("time_zone", "Use a time zone name such as Europe/London or America/Toronto.")
	}
	years, err := strconv.Atoi(in.RetentionYears)
	if err != nil || years < 0 || years > casework.MaxRetentionYears {
		form.Fail("retention_years", fmt.Sprintf("Enter a whole number of years from 0 to %d (0: no retention period).", casework.MaxRetentionYears))
	}
	old, err := s.store.Settings(ctx, admin.PracticeID)
	if err != nil {
		return err
	}
	wasRequired, err := s.store.TwoFactorRequired(ctx, admin.PracticeID)
	if err != nil {
		return err
	}
	if in.RequireTwoFactor && !wasRequired {
		// The admin enrols first, so that requiring it can never sign them out.
		if _, err := s.store.TwoFactor(ctx, admin.PracticeID, admin.ID); errors.Is(err, store.ErrNotFound) {
			form.Fail("require_two_factor", "Set up two-factor sign-in for your own account first (under Account).")
		} else if err != nil {
			return err
		}
	}
	if form.HasErrors() {
		p := s.page(c, "Practice settings")
		p.Form = form
		if p.Data, err = s.numberFormat(c); err != nil {
			return err
		}
		return s.render(c, http.StatusUnprocessableEntity, "admin/practice", p)
	}
	ended, err := s.store.SaveSettings(ctx, admin.PracticeID,
		store.PracticeSettings{TimeZone: in.TimeZone, NameOnClientPages: in.NameOnClientPages, RetentionYears: years,
			PINBeforeForms: in.PINBeforeForms}, in.RequireTwoFactor)
	if err != nil {
		return err
	}
	entry := store.AuditEntry{Action: "practice.update", EntityType: "practice"}
	var changes []string
	if in.RequireTwoFactor != wasRequired {
		changes = append(changes, fmt.Sprintf("require_two_factor=%t; %d sessions ended", in.RequireTwoFactor, ended))
	}
	if in.PINBeforeForms != old.PINBeforeForms {
		changes = append(changes, fmt.Sprintf("pin_before_forms=%t", in.PINBeforeForms))
	}
	if years != old.RetentionYears {
		changes = append(changes, fmt.Sprintf("retention_years %d->%d", old.RetentionYears, years))
	}
	entry.Detail = strings.Join(changes, "; ")
	if err := s.audit(c, entry); err != nil {
		return err
	}
	msg := "Settings saved."
	if ended > 0 {
		msg += fmt.Sprintf(" Staff without two-factor sign-in were signed out (%d sessions); they set it up when they next sign in.", ended)
	}
	return s.flash(c, "/admin/practice", msg)
}
