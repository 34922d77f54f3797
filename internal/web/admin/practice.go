package admin

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
	"github.com/securebase/securebase/internal/web/kit"
	view "github.com/securebase/securebase/templates/admin"
	"github.com/securebase/securebase/templates/ui"
)

type practiceForm struct {
	TimeZone          string `form:"time_zone" validate:"required,max=64"`
	NameOnClientPages bool   `form:"name_on_client_pages"`
	RequireTwoFactor  bool   `form:"require_two_factor"`
	PINBeforeForms    bool   `form:"pin_before_forms"`
	LinksInReminders  bool   `form:"links_in_reminders"`
	RetentionYears    string `form:"retention_years"` // parsed by hand, for a message beside the field
}

// PracticePage shows the practice's settings.
func (h *Handlers) PracticePage(c echo.Context) error {
	ctx := c.Request().Context()
	pid := kit.CurrentUser(c).PracticeID
	ps, err := h.Store.Settings(ctx, pid)
	if err != nil {
		return err
	}
	required, err := h.Store.TwoFactorRequired(ctx, pid)
	if err != nil {
		return err
	}
	form := &ui.Form{Values: url.Values{"time_zone": {ps.TimeZone}, "retention_years": {strconv.Itoa(ps.RetentionYears)}}}
	for name, on := range map[string]bool{"name_on_client_pages": ps.NameOnClientPages, "require_two_factor": required, "pin_before_forms": ps.PINBeforeForms,
		"links_in_reminders": ps.LinksInReminders} {
		if on {
			form.Values.Set(name, "true")
		}
	}
	return h.renderPractice(c, http.StatusOK, form)
}

func (h *Handlers) renderPractice(c echo.Context, status int, form *ui.Form) error {
	comma, err := h.Store.DecimalComma(c.Request().Context(), kit.CurrentUser(c).PracticeID)
	if err != nil {
		return err
	}
	return h.Render(c, status, view.Practice(view.PracticeView{Page: h.Page(c, "Practice settings"), Form: form, DecimalComma: comma}))
}

// UpdatePractice saves the practice's settings; requiring two-factor sign-in ends the
// sessions of staff without it.
func (h *Handlers) UpdatePractice(c echo.Context) error {
	ctx := c.Request().Context()
	admin := kit.CurrentUser(c)
	var in practiceForm
	form, err := h.Bind(c, &in)
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
	old, err := h.Store.Settings(ctx, admin.PracticeID)
	if err != nil {
		return err
	}
	wasRequired, err := h.Store.TwoFactorRequired(ctx, admin.PracticeID)
	if err != nil {
		return err
	}
	if in.RequireTwoFactor && !wasRequired {
		// The admin enrols first, so that requiring it can never sign them out.
		if _, err := h.Store.TwoFactor(ctx, admin.PracticeID, admin.ID); errors.Is(err, store.ErrNotFound) {
			form.Fail("require_two_factor", "Set up two-factor sign-in for your own account first (under Account).")
		} else if err != nil {
			return err
		}
	}
	if form.HasErrors() {
		return h.renderPractice(c, http.StatusUnprocessableEntity, form)
	}
	ended, err := h.Store.SaveSettings(ctx, admin.PracticeID,
		store.PracticeSettings{TimeZone: in.TimeZone, NameOnClientPages: in.NameOnClientPages, RetentionYears: years,
			PINBeforeForms: in.PINBeforeForms, LinksInReminders: in.LinksInReminders}, in.RequireTwoFactor)
	if err != nil {
		return err
	}
	var changes []string
	if in.RequireTwoFactor != wasRequired {
		changes = append(changes, fmt.Sprintf("require_two_factor=%t; %d sessions ended", in.RequireTwoFactor, ended))
	}
	if in.PINBeforeForms != old.PINBeforeForms {
		changes = append(changes, fmt.Sprintf("pin_before_forms=%t", in.PINBeforeForms))
	}
	if in.LinksInReminders != old.LinksInReminders {
		changes = append(changes, fmt.Sprintf("links_in_reminders=%t", in.LinksInReminders))
	}
	if years != old.RetentionYears {
		changes = append(changes, fmt.Sprintf("retention_years %d->%d", old.RetentionYears, years))
	}
	entry := store.AuditEntry{Action: "practice.update", EntityType: "practice", Detail: strings.Join(changes, "; ")}
	if err := h.Audit(c, entry); err != nil {
		return err
	}
	msg := "Settings saved."
	if ended > 0 {
		msg += fmt.Sprintf(" Staff without two-factor sign-in were signed out (%d sessions); they set it up when they next sign in.", ended)
	}
	return h.Flash(c, "/admin/practice", msg)
}
