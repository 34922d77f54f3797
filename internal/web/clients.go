package web

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
)

const caseloadPerPage = 25

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
func (in clientForm) input(f *Form) store.ClientInput {
	dob := optionalDate(f, "date_of_birth", in.DateOfBirth)
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

// caseload lists the clients a user may see, searchable, filterable, sortable and paginated.
func (s *Server) caseload(c echo.Context) error {
	ctx := c.Request().Context()
	u := currentUser(c)
	q := c.QueryParams()
	f := store.ClientFilter{Scope: scopeOf(u), Query: q.Get("q"), Sort: q.Get("sort"), Desc: q.Get("dir") == "desc",
		Archived: q.Get("archived") == "1", Limit: caseloadPerPage}
	if casework.ClientStatuses().Has(q.Get("status")) {
		f.Status = q.Get("status")
	}
	if casework.Formats().Has(q.Get("format")) {
		f.Format = q.Get("format")
	}
	if id, err := strconv.ParseInt(q.Get("counsellor"), 10, 64); err == nil && u.Role == store.RoleAdmin {
		f.CounsellorID = id
	}
	if _, ok := store.ClientSorts()[f.Sort]; !ok {
		f.Sort = "name"
	}
	f.Query = strings.ToValidUTF8(f.Query, "")
	if r := []rune(f.Query); len(r) > 100 {
		f.Query = string(r[:100])
	}
	page, _ := strconv.Atoi(q.Get("page"))
	page = max(1, min(page, 100000))
	f.Offset = (page - 1) * caseloadPerPage
	rows, total, err := s.store.Caseload(ctx, u.PracticeID, f)
	if err != nil {
		return err
	}
	if err := s.audit(c, store.AuditEntry{Action: "caseload.view", Detail: fmt.Sprintf("rows=%d page=%d", len(rows), page)}); err != nil {
		return err
	}
	var counsellors []store.User
	if u.Role == store.RoleAdmin {
		if counsellors, err = s.store.Counsellors(ctx, u.PracticeID); err != nil {
			return err
		}
	}
	p := s.page(c, "Caseload")
	p.Form.Values = q
	p.Data = struct {
		Rows        []store.CaseloadRow
		Total       int
		Pager       Pager
		Sort        string
		Desc        bool
		Counsellors []store.User
		Heads       map[string]sortHead
	}{rows, total, newPager("/clients", q, page, caseloadPerPage, total), f.Sort, f.Desc, counsellors, map[string]sortHead{
		"name": sortHeadFor(q, "name", "Name", f), "code": sortHeadFor(q, "code", "Code", f),
		"status": sortHeadFor(q, "status", "Status", f), "next": sortHeadFor(q, "next", "Next appointment", f),
	}}
	return s.render(c, http.StatusOK, "clients/caseload", p)
}

// sortHead is a sortable column header.
type sortHead struct {
	Label, URL   string
	Active, Desc bool
}

// sortHeadFor links a column header to sorting by key, flipping the direction when the
// caseload is already sorted by it ascending.
func sortHeadFor(q url.Values, key, label string, f store.ClientFilter) sortHead {
	v := url.Values{}
	for k, vs := range q {
		v[k] = vs
	}
	v.Set("sort", key)
	v.Del("page")
	v.Del("dir")
	active := f.Sort == key
	if active && !f.Desc {
		v.Set("dir", "desc")
	}
	return sortHead{Label: label, URL: "/clients?" + v.Encode(), Active: active, Desc: active && f.Desc}
}

func (s *Server) newClientPage(c echo.Context) error {
	p := s.page(c, "Add a client")
	p.Form.Values = url.Values{"format": {"individual"}, "contact_method": {"neither"}, "neutral_messages": {"true"},
		"counsellor_id": {strconv.FormatInt(currentUser(c).ID, 10)}}
	return s.renderClientForm(c, http.StatusOK, p, nil)
}

func (s *Server) renderClientForm(c echo.Context, status int, p *Page, cl *store.Client) error {
	u := currentUser(c)
	var counsellors []store.User
	if cl == nil && u.Role == store.RoleAdmin {
		var err error
		if counsellors, err = s.store.Counsellors(c.Request().Context(), u.PracticeID); err != nil {
			return err
		}
	}
	p.Data = struct {
		Client      *store.Client
		Counsellors []store.User
	}{cl, counsellors}
	return s.render(c, status, "clients/form", p)
}

func (s *Server) createClient(c echo.Context) error {
	u := currentUser(c)
	var in clientForm
	form, err := s.bindForm(c, &in)
	if err != nil {
		return err
	}
	input := in.input(form)
	if u.Role == store.RoleCounsellor {
		input.CounsellorID = u.ID // counsellors add to their own caseload
	} else if ok, err := s.isCounsellor(c, input.CounsellorID); err != nil {
		return err
	} else if !ok {
		form.Fail("counsellor_id", "Choose an active counsellor of this practice.")
	}
	p := s.page(c, "Add a client")
	p.Form = form
	if form.HasErrors() {
		return s.renderClientForm(c, http.StatusUnprocessableEntity, p, nil)
	}
	cl, err := s.store.CreateClient(c.Request().Context(), u.PracticeID, input, auditEntry(c, store.AuditEntry{Action: "client.create", EntityType: "client"}))
	if err != nil {
		return err
	}
	return s.flash(c, clientPath(cl.ID), fmt.Sprintf("Client added as %s.", cl.Code))
}

// isCounsellor reports whether id is an active counsellor of the user's practice.
func (s *Server) isCounsellor(c echo.Context, id int64) (bool, error) {
	counsellors, err := s.store.Counsellors(c.Request().Context(), currentUser(c).PracticeID)
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

func clientPath(id int64) string { return "/clients/" + strconv.FormatInt(id, 10) }
