// Package dashboard renders the signed-in start page: what needs attention in the
// viewer's scope, one row per client, worst first.
package dashboard

import (
	"hash/fnv"
	"strconv"

	"github.com/securebase/securebase/templates/layout"
	"github.com/securebase/securebase/templates/ui"
)

// View is the whole start page.
type View struct {
	layout.Page
	PracticeName string
	Identified   bool // supervisors see client codes only, and no links into records
	StatusCounts []StatusCount
	KindCounts   []KindCount
	Today        []Appointment
	Week         []Appointment // after today, within the week
	Rows         []Row         // counsellors and admins
	Groups       []Group       // supervisors: the rows by counsellor
	More         int           // clients in the queue beyond the rows shown
	// Filter is the admin's choice of counsellor ("" for all) among Counsellors.
	Filter      string
	Counsellors []ui.Option
	// Snooze is a refused snooze form, shown beside the part whose key is SnoozeKey.
	Snooze    *ui.Form
	SnoozeKey string
	// SnoozeMin and SnoozeMax bound the snooze date (YYYY-MM-DD).
	SnoozeMin, SnoozeMax string
}

// StatusCount is how many clients of the scope have one status.
type StatusCount struct {
	Status, Label string
	Count         int
}

// KindCount is how many open items of one kind the scope holds.
type KindCount struct {
	Kind, Label string
	Count       int
}

// Appointment is one booked session.
type Appointment struct {
	Name, Code, When, What, Target string
	ISO                            string // When, machine-readable
}

// Row is one client in the queue and everything that needs doing for them.
type Row struct {
	ClientID   int64
	Name, Code string
	Target     string // the client's page (or, for a supervisor, what they may open)
	Counsellor string // the client's counsellor, on the admin's practice-wide queue
	Parts      []Part
}

// Part is one thing to do for a client: "4 Daily tally entries to review".
type Part struct {
	Kind, Label, Text string
	N                 int    // how many items
	Target            string // where it is handled; empty for a supervisor
	Snoozable         bool
	Key               string // names the part's snooze form
}

// FieldID is the id of the part's snooze field: its key hashed, since a key holds a label
// with spaces and an id may not.
func (p Part) FieldID() string {
	h := fnv.New64a()
	_, _ = h.Write([]byte(p.Key))
	return "snooze-" + strconv.FormatUint(h.Sum64(), 36)
}

// Group is one supervised counsellor's clients.
type Group struct {
	Counsellor, Target string
	Rows               []Row
}

// CaseloadURL is the caseload filtered to one status.
func (s StatusCount) CaseloadURL() string { return "/clients?status=" + s.Status }

// SnoozeURL is where a part's snooze form posts.
func (r Row) SnoozeURL() string {
	return "/clients/" + strconv.FormatInt(r.ClientID, 10) + "/attention/snooze"
}
