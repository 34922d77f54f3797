// Package dashboard renders the signed-in start page: what needs attention in the
// viewer's scope.
package dashboard

import "github.com/securebase/securebase/templates/layout"

// View is the whole start page.
type View struct {
	layout.Page
	PracticeName string
	Identified   bool // supervisors see client codes only, and no links into records
	StatusCounts []StatusCount
	Lists        []List
}

// StatusCount is how many clients of the scope have one status.
type StatusCount struct {
	Status, Label string
	Count         int
}

// List is one card of the dashboard.
type List struct {
	Key, Title, Empty string
	Items             []Item
	Total             int
	Counted           bool // the heading shows Total; not for the latest-only lists
}

// Item is one line of a list: a client and what needs doing.
type Item struct {
	Name   string // the client's name as staff use it; empty for supervisors
	Code   string
	What   string
	When   string // formatted in the practice's zone; empty when the line has no time
	Target string // where it is handled
}

// CaseloadURL is the caseload filtered to one status.
func (s StatusCount) CaseloadURL() string { return "/clients?status=" + s.Status }
