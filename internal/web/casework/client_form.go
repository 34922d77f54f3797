package casework

import (
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
	view "github.com/securebase/securebase/templates/casework"
	"github.com/securebase/securebase/templates/ui"
)

// Dates before this or more than a century ahead are typing mistakes, not dates.
const firstBirthYear = 1900

// clientForm is the add/edit client form; never the database model.
type clientForm struct {
	FirstName       string `form:"first_name" validate:"required,max=100"`
	LastName        string `form:"last_name" validate:"required,max=100"`
	PreferredName   string `form:"preferred_name" validate:"max=100"`
	Pronouns        string `form:"pronouns" validate:"max=40"`
	DateOfBirth     string `form:"date_of_birth"`
	Email           string `form:"email" validate:"omitempty,email,max=254"`
	Phone           string `form:"phone" validate:"max=40"`
	Format          string `form:"format" validate:"required"`
	CounsellorID    int64  `form:"counsellor_id"`
	ContactMethod   string `form:"contact_method" validate:"required"`
	NeutralMessages bool   `form:"neutral_messages"`
	SafeContactNote string `form:"safe_contact_note" validate:"max=1000"`
	Version         int    `form:"version"`
}

// input checks the domain rules and returns what the store saves.
func (in clientForm) input(f *ui.Form) store.ClientInput {
	dob := readBirthDate(f, "date_of_birth", in.DateOfBirth)
	contact := casework.Contact{Format: in.Format, Method: in.ContactMethod, Email: in.Email, Phone: in.Phone, DateOfBirth: dob}
	for field, msg := range contact.Problems(time.Now()) {
		f.Fail(field, msg)
	}
	return store.ClientInput{
		CounsellorID: in.CounsellorID, FirstName: in.FirstName, LastName: in.LastName, PreferredName: in.PreferredName,
		Pronouns: in.Pronouns, DateOfBirth: dob, Email: in.Email, Phone: in.Phone, Format: in.Format,
		ContactMethod: in.ContactMethod, NeutralMessages: in.NeutralMessages, SafeContactNote: in.SafeContactNote,
	}
}

// readBirthDate reads a YYYY-MM-DD date field; empty is nil. A bad value notes a message on f.
func readBirthDate(f *ui.Form, field, v string) *time.Time {
	v = strings.TrimSpace(v)
	if v == "" {
		return nil
	}
	t, err := time.Parse("2006-01-02", v)
	if err != nil || t.Year() < firstBirthYear || t.Year() > time.Now().Year()+100 {
		f.Fail(field, "Enter a real date, like 2026-03-15.")
		return nil
	}
	return &t
}

// NewClientPage shows the form adding a client.
func (h *Handlers) NewClientPage(c echo.Context) error {
	form := &ui.Form{Values: url.Values{"format": {"individual"}, "contact_method": {"neither"}, "neutral_messages": {"true"},
		"counsellor_id": {strconv.FormatInt(kit.CurrentUser(c).ID, 10)}}}
	return h.renderClientForm(c, http.StatusOK, "Add a client", form, nil)
}

// renderClientForm shows the add form (cl nil) or the edit form of cl.
func (h *Handlers) renderClientForm(c echo.Context, status int, title string, form *ui.Form, cl *store.Client) error {
	v := view.ClientFormView{Page: h.Page(c, title), Form: form,
		Formats: kit.Options(casework.Formats()), ContactMethods: kit.Options(casework.ContactMethods())}
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
