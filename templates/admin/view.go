// Package admin renders the practice administration pages: staff accounts, settings,
// progress markers, questionnaire conventions, supervision, wording and the audit log.
package admin

import (
	"strconv"

	"github.com/securebase/securebase/templates/layout"
	"github.com/securebase/securebase/templates/ui"
)

// UsersView is the list of the practice's staff accounts.
type UsersView struct {
	layout.Page
	Users []User
}

// User is one staff account as the list shows it.
type User struct {
	ID                 int64
	DisplayName, Email string
	Role               string
	Active             bool
	DeactivatedOn      string // "2 Jan 2006", empty when unknown or active
	Self               bool   // the viewer's own account
}

// RoleName words the account's role.
func (u User) RoleName() string { return layout.RoleName(u.Role) }

// CanBeChanged reports whether the viewer may reset or deactivate the account: an active
// account other than their own.
func (u User) CanBeChanged() bool { return u.Active && !u.Self }

// NewUserView is the form adding a staff account.
type NewUserView struct {
	layout.Page
	Form  *ui.Form
	Roles []ui.Option
}

// PasswordShownView shows a new password once.
type PasswordShownView struct {
	layout.Page
	Heading, Name, Email, Password string
}

// PracticeView is the practice settings form and the number format form.
type PracticeView struct {
	layout.Page
	Form         *ui.Form
	DecimalComma bool
}

// Checked reports whether the checkbox name is ticked in the form.
func (v PracticeView) Checked(name string) bool { return v.Form.Value(name) == "true" }

// MarkersView lists the progress markers, each in its own form, and the form adding one.
type MarkersView struct {
	layout.Page
	Form    *ui.Form
	Markers []Marker
	// The add form's values and messages, shown back after a refused attempt.
	NewLabel, NewClientLabel           string
	NewLabelError, NewClientLabelError string
	NewRefused                         bool // either of the add form's fields was refused
}

// Marker is one progress marker in its form.
type Marker struct {
	ID                      int64
	Label                   string // as stored, for the button's accessible name
	Active                  bool
	LabelValue, ClientValue string // what the inputs show: stored, or typed when refused
	LabelError, ClientError string
}

// ConventionsView is the form of the reliable-change convention of every questionnaire.
type ConventionsView struct {
	layout.Page
	Form     *ui.Form
	Measures []Measure
}

// Measure is one questionnaire whose convention is set.
type Measure struct {
	Key, Name string
	Max       int
}

// SupervisionView has one form per supervisor with the counsellors they may supervise.
type SupervisionView struct {
	layout.Page
	Supervisors []Supervisor
}

// Supervisor is one supervisor and every active counsellor, ticked when supervised.
type Supervisor struct {
	ID          int64
	Name        string
	Counsellors []Supervisee
}

// Supervisee is one counsellor in a supervisor's form.
type Supervisee struct {
	ID     int64
	Name   string
	Linked bool
}

// WordingsView lists the built-in templates whose wording an admin edits.
type WordingsView struct {
	layout.Page
	BuiltIns []BuiltIn
}

// BuiltIn is one built-in template in the list.
type BuiltIn struct {
	Key, Title, ClientTitle string
	Version                 int
	Hidden                  bool // hidden from the practice's library and picker
}

// WordingView is the form of both wordings of every text of one built-in.
type WordingView struct {
	layout.Page
	Form  *ui.Form
	Key   string
	Title string
	Texts []Text
}

// Text is one text of a built-in: its fields are s_N (staff) and c_N (client).
type Text struct {
	Path, Part    string
	Staff, Client string // the field names
}

// AuditView is the filtered, paged audit log.
type AuditView struct {
	layout.Page
	Form     *ui.Form
	Total    int
	Filtered bool
	Actions  []string
	Actors   []ui.Option
	Outcomes []string
	Rows     []AuditRow
	Pager    ui.Pager
}

// AuditRow is one entry of the log, worded for the table.
type AuditRow struct {
	ISO, When string // the time: in UTC for machines, in the practice's zone for people
	Actor     string // "—" when no one signed in
	Action    string // in words
	Code      string // the stored action, which the filter matches
	Detail    string
	Entity    string
	Outcome   string
	IP        string
	RequestID string
}

// userPath is the address of an action on one account.
func userPath(u User, action string) string {
	return "/admin/users/" + strconv.FormatInt(u.ID, 10) + "/" + action
}

// InputID is the id of the marker's staff label input.
func (m Marker) InputID() string { return "marker-" + strconv.FormatInt(m.ID, 10) }

// Count says how many entries there are, or match the filters.
func (v AuditView) Count() string {
	if v.Filtered {
		return strconv.Itoa(v.Total) + " entries match"
	}
	return strconv.Itoa(v.Total) + " entries"
}

// Chosen reports whether the filter name is set to value.
func (v AuditView) Chosen(name, value string) bool { return v.Form.Value(name) == value }
