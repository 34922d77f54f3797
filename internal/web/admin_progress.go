package web

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/measures"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/wording"
)

// markersPage lets an admin rename markers, take them out of use and add the practice's own.
func (s *Server) markersPage(c echo.Context) error {
	return s.showMarkers(c, http.StatusOK, &Form{})
}

func (s *Server) showMarkers(c echo.Context, status int, form *Form) error {
	markers, err := s.store.Markers(c.Request().Context(), currentUser(c).PracticeID, true)
	if err != nil {
		return err
	}
	p := s.page(c, "Progress markers")
	p.Form = form
	p.Data = struct{ Markers []store.Marker }{markers}
	return s.render(c, status, "admin/markers", p)
}

func (s *Server) saveMarker(c echo.Context) error {
	if err := onlyFields(c, "id", "label", "client_label", "active"); err != nil {
		return err
	}
	id, _ := strconv.ParseInt(c.FormValue("id"), 10, 64)
	label := strings.TrimSpace(c.FormValue("label"))
	clientLabel := strings.TrimSpace(c.FormValue("client_label"))
	form := &Form{Values: map[string][]string{"label": {label}, "client_label": {clientLabel}}}
	if label == "" || utf8.RuneCountInString(label) > 120 {
		form.Fail(fmt.Sprintf("label_%d", id), "Write the marker in up to 120 characters.")
	}
	if clientLabel == "" || utf8.RuneCountInString(clientLabel) > 120 {
		form.Fail(fmt.Sprintf("client_label_%d", id), "Write what the client reads in up to 120 characters.")
	} else if words := wording.Revealing(clientLabel); len(words) > 0 {
		form.Fail(fmt.Sprintf("client_label_%d", id), fmt.Sprintf("Someone reading over the client's shoulder would learn from %q: choose plainer words.", words[0]))
	}
	if form.HasErrors() {
		return s.showMarkers(c, http.StatusUnprocessableEntity, form)
	}
	err := s.store.SaveMarker(c.Request().Context(), currentUser(c).PracticeID, id, label, clientLabel, c.FormValue("active") == "true" || id == 0)
	if errors.Is(err, store.ErrNotFound) {
		return echo.ErrNotFound
	}
	if err != nil {
		return err
	}
	if err := s.audit(c, store.AuditEntry{Action: "marker.save", EntityType: "marker", EntityID: strconv.FormatInt(id, 10)}); err != nil {
		return err
	}
	return s.flash(c, "/admin/markers", "Marker saved.")
}

// conventionsPage lets an admin choose the reliable-change convention for each questionnaire.
func (s *Server) conventionsPage(c echo.Context) error {
	conv, err := s.conventionsOf(c)
	if err != nil {
		return err
	}
	form := &Form{Values: map[string][]string{}}
	for _, m := range measures.Measures() {
		th := m.ThresholdsFor(conv)
		form.Values.Set("rci_"+m.Key, strconv.FormatFloat(th.RCI, 'f', -1, 64))
		form.Values.Set("cutoff_"+m.Key, strconv.FormatFloat(th.CutOff, 'f', -1, 64))
	}
	return s.showConventions(c, http.StatusOK, form)
}

func (s *Server) showConventions(c echo.Context, status int, form *Form) error {
	p := s.page(c, "Questionnaire conventions")
	p.Form = form
	p.Data = struct{ Measures []measures.Measure }{measures.Measures()}
	return s.render(c, status, "admin/conventions", p)
}

func (s *Server) saveConventions(c echo.Context) error {
	if err := onlyFields(c, "rci_*", "cutoff_*"); err != nil {
		return err
	}
	values, err := c.FormParams()
	if err != nil {
		return echo.ErrBadRequest
	}
	form := &Form{Values: values}
	conv := measures.Conventions{}
	for _, m := range measures.Measures() {
		rci := optionalNumber(form, "rci_"+m.Key, values.Get("rci_"+m.Key))
		cut := optionalNumber(form, "cutoff_"+m.Key, values.Get("cutoff_"+m.Key))
		if rci == nil || *rci <= 0 || *rci > float64(m.Max) {
			form.Fail("rci_"+m.Key, fmt.Sprintf("Enter a change of more than 0 and at most %d points.", m.Max))
		}
		if cut == nil || *cut <= 0 || *cut > float64(m.Max) {
			form.Fail("cutoff_"+m.Key, fmt.Sprintf("Enter a cut-off from 1 to %d.", m.Max))
		}
		if rci != nil && cut != nil {
			conv[m.Key] = measures.Thresholds{RCI: *rci, CutOff: *cut, Source: "Practice convention"}
		}
	}
	if form.HasErrors() {
		return s.showConventions(c, http.StatusUnprocessableEntity, form)
	}
	raw, err := json.Marshal(conv)
	if err != nil {
		return err
	}
	if err := s.store.SetConventions(c.Request().Context(), currentUser(c).PracticeID, raw); err != nil {
		return err
	}
	if err := s.audit(c, store.AuditEntry{Action: "practice.conventions", EntityType: "practice"}); err != nil {
		return err
	}
	return s.flash(c, "/admin/conventions", "Conventions saved.")
}

// supervisionPage lets an admin link each supervisor to the counsellors they supervise.
func (s *Server) supervisionPage(c echo.Context) error {
	ctx := c.Request().Context()
	pid := currentUser(c).PracticeID
	users, err := s.store.Users(ctx, pid)
	if err != nil {
		return err
	}
	links, err := s.store.Supervision(ctx, pid)
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
	linked := map[string]bool{}
	for sup, cs := range links {
		for _, cid := range cs {
			linked[fmt.Sprintf("%d-%d", sup, cid)] = true
		}
	}
	p := s.page(c, "Supervision")
	p.Data = struct {
		Supervisors, Counsellors []store.User
		Linked                   map[string]bool
	}{supervisors, counsellors, linked}
	return s.render(c, http.StatusOK, "admin/supervision", p)
}

func (s *Server) saveSupervision(c echo.Context) error {
	if err := onlyFields(c, "supervisor_id", "counsellor_id"); err != nil {
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
	err = s.store.SetSupervision(c.Request().Context(), currentUser(c).PracticeID, supervisorID, ids)
	if errors.Is(err, store.ErrNotFound) {
		return echo.ErrNotFound
	}
	if err != nil {
		return err
	}
	if err := s.audit(c, store.AuditEntry{Action: "supervision.set", EntityType: "user", EntityID: strconv.FormatInt(supervisorID, 10),
		Detail: fmt.Sprintf("counsellors=%v", ids)}); err != nil {
		return err
	}
	return s.flash(c, "/admin/supervision", "Supervision saved.")
}
