package casework

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/casework"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web/kit"
	view "github.com/securebase/securebase/templates/casework"
	"github.com/securebase/securebase/templates/ui"
)

// NewClientPage shows the form adding a client.
func (h *Handlers) NewClientPage(c echo.Context) error {
	form := &ui.Form{Values: url.Values{"format": {"individual"}, "contact_method": {"neither"}, "neutral_messages": {"true"},
		"contact_from": {"9"}, "contact_until": {"18"},
		"counsellor_id": {strconv.FormatInt(kit.CurrentUser(c).ID, 10)}}}
	return h.renderClientForm(c, http.StatusOK, "Add a client", form, nil)
}

// renderClientForm shows the add form (cl nil) or the edit form of cl.
func (h *Handlers) renderClientForm(c echo.Context, status int, title string, form *ui.Form, cl *store.Client) error {
	v := view.ClientFormView{Page: h.Page(c, title), Form: form,
		Formats: kit.Options(casework.Formats()), ContactMethods: kit.Options(casework.ContactMethods()),
		FromHours: hourOptions(0, 23), UntilHours: hourOptions(1, 24)}
	if cl != nil {
		cv := clientView(*cl)
		v.Client = &cv
	} else if kit.CurrentUser(c).Role == store.RoleAdmin {
		var err error
		if v.Counsellors, err = h.counsellorOptions(c); err != nil {
			return err
		}
	}
	return h.Render(c, status, view.ClientForm(v))
}

// CreateClient adds a client to the caseload.
func (h *Handlers) CreateClient(c echo.Context) error {
	u := kit.CurrentUser(c)
	var in clientForm
	form, err := h.Bind(c, &in)
	if err != nil {
		return err
	}
	input := in.input(form)
	if u.Role == store.RoleCounsellor {
		input.CounsellorID = u.ID // counsellors add to their own caseload
	} else if ok, err := h.isCounsellor(c, input.CounsellorID); err != nil {
		return err
	} else if !ok {
		form.Fail("counsellor_id", "Choose an active counsellor of this practice.")
	}
	if form.HasErrors() {
		return h.renderClientForm(c, http.StatusUnprocessableEntity, "Add a client", form, nil)
	}
	if input.Today, _, err = h.PracticeToday(c); err != nil { // the practice's default plan starts today
		return err
	}
	cl, err := h.Store.CreateClient(c.Request().Context(), u.PracticeID, input, kit.AuditEntry(c, store.AuditEntry{Action: "client.create", EntityType: "client"}))
	if err != nil {
		return err
	}
	return h.Flash(c, kit.ClientPath(cl.ID), fmt.Sprintf("Client added as %s.", cl.Code))
}

// isCounsellor reports whether id is an active counsellor of the user's practice.
func (h *Handlers) isCounsellor(c echo.Context, id int64) (bool, error) {
	counsellors, err := h.Store.Counsellors(c.Request().Context(), kit.CurrentUser(c).PracticeID)
	if err != nil {
		return false, err
	}
	for _, u := range counsellors {
		if u.ID == id {
			return true, nil
		}
	}
	return false, nil
}
