// Package casework renders the staff pages of a client's record: the caseload, the client's
// details and page, intake, goals, appointments, progress and risk flags.
package casework

import (
	"strconv"

	"github.com/securebase/securebase/internal/casework"
	"github.com/securebase/securebase/templates/layout"
	"github.com/securebase/securebase/templates/ui"
)

// Client is a client as the casework pages show them.
type Client struct {
	ID                                       int64
	Code, FirstName, LastName, PreferredName string
	Pronouns, DateOfBirth, Email, Phone      string // DateOfBirth as "2 Jan 2006", or ""
	Status, Format, ContactMethod            string
	CounsellorID                             int64
	CounsellorName, SafeContactNote          string
	NeutralMessages, Archived, RiskFlagOpen  bool
}

// CallName is how the client is addressed: the preferred name, else the first name.
func (c Client) CallName() string {
	if c.PreferredName != "" {
		return c.PreferredName
	}
	return c.FirstName
}

// Path is the client's page.
func (c Client) Path() string { return "/clients/" + strconv.FormatInt(c.ID, 10) }

// IsDischarged reports whether the client's care has ended.
func (c Client) IsDischarged() bool { return c.Status == "discharged" }

// IsActive reports whether the client is in active care.
func (c Client) IsActive() bool { return c.Status == "active" }

// IsArchived reports whether the client was moved to the archive.
func (c Client) IsArchived() bool { return c.Archived }

// CanBeActivated reports whether the client may be marked active (from intake or a pause).
func (c Client) CanBeActivated() bool { return c.Status == "intake" || c.Status == "paused" }

// IsOpen reports whether the client may still be given links and homework: neither
// discharged nor archived.
func (c Client) IsOpen() bool { return !c.IsDischarged() && !c.Archived }

// StatusLabel words the client's status.
func (c Client) StatusLabel() string { return casework.ClientStatuses().Label(c.Status) }

// FormatLabel words the client's format of work.
func (c Client) FormatLabel() string { return casework.Formats().Label(c.Format) }

// ContactLabel words how the client may be contacted.
func (c Client) ContactLabel() string { return casework.ContactMethods().Label(c.ContactMethod) }

// CaseloadView is the caseload: filters, one page of clients, sortable headers, pages.
type CaseloadView struct {
	layout.Page
	Form                     *ui.Form // the query
	Rows                     []CaseloadRow
	Total                    int
	Pager                    ui.Pager
	Sort                     string
	Desc                     bool
	Statuses, Formats        []ui.Option
	Counsellors              []ui.Option // admins only
	Name, Code, Status, Next SortHead
}

// CountText says how many clients match.
func (v CaseloadView) CountText() string {
	s := strconv.Itoa(v.Total) + " clients"
	if v.Total == 1 {
		s = "1 client"
	}
	if v.ShowsArchive() {
		s += " in the archive"
	}
	return s
}

// ShowsArchive reports whether the archived clients are listed instead.
func (v CaseloadView) ShowsArchive() bool { return v.Form.Value("archived") == "1" }

// CaseloadRow is one client of the caseload.
type CaseloadRow struct {
	Client
	NextAppointment string // "—" when none is booked
}

// SortHead is a sortable column header.
type SortHead struct {
	Label, URL   string
	Active, Desc bool
}

// AriaSort is the header's aria-sort value.
func (h SortHead) AriaSort() string {
	if h.Desc {
		return "descending"
	}
	return "ascending"
}

// Arrow marks the sorted column's direction.
func (h SortHead) Arrow() string {
	if h.Desc {
		return "↓"
	}
	return "↑"
}

// ClientFormView is the form adding a client (Client nil) or changing one's details.
type ClientFormView struct {
	layout.Page
	Form                    *ui.Form
	Client                  *Client
	Formats, ContactMethods []ui.Option
	FromHours, UntilHours   []ui.Option // the client's contact hours, practice time
	Counsellors             []ui.Option // adding, for admins: whose caseload
}

// IsEdit reports whether the form changes an existing client.
func (v ClientFormView) IsEdit() bool { return v.Client != nil }

// Action is where the form posts.
func (v ClientFormView) Action() string {
	if v.Client != nil {
		return v.Client.Path()
	}
	return "/clients"
}

// Field is one text input of the form.
func (v ClientFormView) Field(name, label, typ string, required bool, hint string) ui.Field {
	return ui.Field{Form: v.Form, Name: name, Label: label, Type: typ, Autocomplete: "off", Required: required, Hint: hint}
}

// Choice is one choice of the form, with what the form holds selected.
func (v ClientFormView) Choice(name, label string, options []ui.Option) ui.Choice {
	return ui.Choice{Form: v.Form, Name: name, Label: label, Options: options, Selected: []string{v.Form.Value(name)}}
}
