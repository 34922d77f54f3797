package casework

import (
	"regexp"
	"time"
)

// ClientDischarged is the status of a client whose care has ended.
const ClientDischarged = "discharged"

// InCare reports whether a client may still be given work (homework, check-ins): not
// discharged and not archived.
func InCare(status string, archived bool) bool { return status != ClientDischarged && !archived }

// StatusMove is one action on a client's status: the statuses it may start from, where it
// leads, and the words that confirm it.
type StatusMove struct {
	From []string
	To   string
	Done string
}

// ClientStatusMove returns the move a status action (activate, pause, discharge, reopen) makes.
func ClientStatusMove(action string) (StatusMove, bool) {
	m, ok := map[string]StatusMove{
		"activate":  {[]string{"intake", "paused"}, "active", "Marked active."},
		"pause":     {[]string{"active"}, "paused", "Paused. The case stays open; resume it whenever work restarts."},
		"discharge": {[]string{"intake", "active", "paused"}, ClientDischarged, "Discharged."},
		"reopen":    {[]string{ClientDischarged}, "active", "Reopened as active."},
	}[action]
	return m, ok
}

// phonePattern is what a phone number may hold: digits, spaces and + ( ) - .
var phonePattern = regexp.MustCompile(`^[0-9 +()\-.]*$`)

// Contact is how a client may be reached, as the rules judge it.
type Contact struct {
	Format, Method, Email, Phone string
	DateOfBirth                  *time.Time
}

// Problems judges a client's details against now: a known format and contact method, a
// phone number of phone characters, the address or number the chosen method needs, and a
// date of birth not in the future. It returns a message per form field.
func (c Contact) Problems(now time.Time) map[string]string {
	p := map[string]string{}
	fail := func(field, msg string) {
		if _, ok := p[field]; !ok {
			p[field] = msg
		}
	}
	if !Formats().Has(c.Format) {
		fail("format", "Choose individual, couples or group.")
	}
	if !ContactMethods().Has(c.Method) {
		fail("contact_method", "Choose how the client may be contacted.")
	}
	if !phonePattern.MatchString(c.Phone) {
		fail("phone", "Use digits, spaces and + ( ) - only.")
	}
	if c.Method == "email" && c.Email == "" {
		fail("email", "Add an email address, or choose another way to contact the client.")
	}
	if c.Method == "phone" && c.Phone == "" {
		fail("phone", "Add a phone number, or choose another way to contact the client.")
	}
	if c.DateOfBirth != nil && c.DateOfBirth.After(now) {
		fail("date_of_birth", "The date of birth cannot be in the future.")
	}
	return p
}
