package admin

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web/kit"
	"github.com/securebase/securebase/internal/wording"
	view "github.com/securebase/securebase/templates/admin"
	"github.com/securebase/securebase/templates/ui"
)

// MarkersPage lets an admin rename markers, take them out of use and add the practice's own.
func (h *Handlers) MarkersPage(c echo.Context) error {
	return h.showMarkers(c, http.StatusOK, &ui.Form{})
}

// showMarkers shows every marker in its form; a refused save shows back what was typed in
// the form of the marker it was for.
func (h *Handlers) showMarkers(c echo.Context, status int, form *ui.Form) error {
	markers, err := h.Store.Markers(c.Request().Context(), kit.CurrentUser(c).PracticeID, true)
	if err != nil {
		return err
	}
	labelErr := func(id int64) string { return form.Error(fmt.Sprintf("label_%d", id)) }
	clientErr := func(id int64) string { return form.Error(fmt.Sprintf("client_label_%d", id)) }
	v := view.MarkersView{Page: h.Page(c, "Progress markers"), Form: form,
		NewLabel: form.Value("label"), NewClientLabel: form.Value("client_label"),
		NewLabelError: labelErr(0), NewClientLabelError: clientErr(0)}
	v.NewRefused = v.NewLabelError != "" || v.NewClientLabelError != ""
	for _, m := range markers {
		row := view.Marker{ID: m.ID, Label: m.Label, Active: m.Active, LabelValue: m.Label, ClientValue: m.ClientLabel,
			LabelError: labelErr(m.ID), ClientError: clientErr(m.ID)}
		if row.LabelError != "" || row.ClientError != "" {
			row.LabelValue, row.ClientValue = form.Value("label"), form.Value("client_label")
		}
		v.Markers = append(v.Markers, row)
	}
	return h.Render(c, status, view.Markers(v))
}

// SaveMarker saves both wordings of a marker, or adds one (id 0).
func (h *Handlers) SaveMarker(c echo.Context) error {
	if err := kit.OnlyFields(c, "id", "label", "client_label", "active"); err != nil {
		return err
	}
	id, _ := strconv.ParseInt(c.FormValue("id"), 10, 64)
	label := strings.TrimSpace(c.FormValue("label"))
	clientLabel := strings.TrimSpace(c.FormValue("client_label"))
	form := &ui.Form{Values: map[string][]string{"label": {label}, "client_label": {clientLabel}}}
	if label == "" || utf8.RuneCountInString(label) > 120 {
		form.Fail(fmt.Sprintf("label_%d", id), "Write the marker in up to 120 characters.")
	}
	if clientLabel == "" || utf8.RuneCountInString(clientLabel) > 120 {
		form.Fail(fmt.Sprintf("client_label_%d", id), "Write what the client reads in up to 120 characters.")
	} else if words := wording.Revealing(clientLabel); len(words) > 0 {
		form.Fail(fmt.Sprintf("client_label_%d", id), fmt.Sprintf("Someone reading over the client's shoulder would learn from %q: choose plainer words.", words[0]))
	}
	if form.HasErrors() {
		return h.showMarkers(c, http.StatusUnprocessableEntity, form)
	}
	err := h.Store.SaveMarker(c.Request().Context(), kit.CurrentUser(c).PracticeID, id, label, clientLabel, c.FormValue("active") == "true" || id == 0)
	if errors.Is(err, store.ErrNotFound) {
		return echo.ErrNotFound
	}
	if err != nil {
		return err
	}
	if err := h.Audit(c, store.AuditEntry{Action: "marker.save", EntityType: "marker", EntityID: strconv.FormatInt(id, 10)}); err != nil {
		return err
	}
	return h.Flash(c, "/admin/markers", "Marker saved.")
}
