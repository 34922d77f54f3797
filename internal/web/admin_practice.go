package web

import (
	"net/http"
	"net/url"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/store"
)

type practiceForm struct {
	TimeZone          string `form:"time_zone" validate:"required,max=64"`
	NameOnClientPages bool   `form:"name_on_client_pages"`
}

func (s *Server) practicePage(c echo.Context) error {
	ps, err := s.store.Settings(c.Request().Context(), currentUser(c).PracticeID)
	if err != nil {
		return err
	}
	p := s.page(c, "Practice settings")
	p.Form.Values = url.Values{"time_zone": {ps.TimeZone}}
	if ps.NameOnClientPages {
		p.Form.Values.Set("name_on_client_pages", "true")
	}
	return s.render(c, http.StatusOK, "admin/practice", p)
}

func (s *Server) updatePractice(c echo.Context) error {
	var in practiceForm
	form, err := s.bindForm(c, &in)
	if err != nil {
		return err
	}
	if _, err := time.LoadLocation(in.TimeZone); err != nil && form.Error("time_zone") == "" {
		form.Fail("time_zone", "Use a time zone name such as Europe/London or America/Toronto.")
	}
	if form.HasErrors() {
		p := s.page(c, "Practice settings")
		p.Form = form
		return s.render(c, http.StatusUnprocessableEntity, "admin/practice", p)
	}
	if err := s.store.UpdateSettings(c.Request().Context(), currentUser(c).PracticeID,
		store.PracticeSettings{TimeZone: in.TimeZone, NameOnClientPages: in.NameOnClientPages}); err != nil {
		return err
	}
	if err := s.audit(c, store.AuditEntry{Action: "practice.update", EntityType: "practice"}); err != nil {
		return err
	}
	return s.flash(c, "/admin/practice", "Settings saved.")
}
