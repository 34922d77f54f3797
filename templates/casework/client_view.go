package casework

import (
	"fmt"
	"strconv"

	"github.com/securebase/securebase/templates/layout"
	"github.com/securebase/securebase/templates/ui"
)

// ClientPageView is the client's page: header, risk, details, intake, goals, link,
// homework and appointments.
type ClientPageView struct {
	layout.Page
	Form         *ui.Form // a refused risk-flag review
	Client       Client
	Flags        []RiskFlag
	Intake       *IntakeSummary // nil: no intake yet
	Goals        []GoalSummary
	Link         LinkSummary
	Homework     []HomeworkRow
	Completion   string // "40%"
	Appointments AppointmentsSummary
	Counsellors  []ui.Option // admins: to reassign the client
	Overview     Overview
	Overuse      []string // quiet notes: days the client sent more than the practice's threshold
}

// ClearsFlags reports whether the viewer reviews and clears risk flags (the counsellor).
func (v ClientPageView) ClearsFlags() bool { return v.Viewer != nil && v.Viewer.Role == "counsellor" }

// Header is the line under the client's name: status, format, counsellor, pronouns.
func (c Client) Header() string {
	s := " · " + c.StatusLabel()
	if c.Archived {
		s += " (archived)"
	}
	s += " · " + c.FormatLabel() + " · Counsellor: " + c.CounsellorName
	if c.Pronouns != "" {
		s += " · " + c.Pronouns
	}
	return s
}

// ContactLine says how the client may be contacted, and whether messages stay neutral.
func (c Client) ContactLine() string {
	if c.NeutralMessages {
		return c.ContactLabel() + "; messages kept neutral"
	}
	return c.ContactLabel()
}

// RiskFlag is one raised risk, open or cleared.
type RiskFlag struct {
	ID                               int64
	Open                             bool
	RaisedAt, RaisedBy, Source       string // RaisedAt "2 Jan 2006, 15:04" in the practice's zone; RaisedBy may be ""
	Summary                          string
	ClearedAt, ClearedBy, ReviewNote string
}

// NoteID is the element id of the flag's review note.
func (f RiskFlag) NoteID() string { return "review-note-" + strconv.FormatInt(f.ID, 10) }

// Raised says when, by whom and from where the flag was raised.
func (f RiskFlag) Raised() string {
	s := "Raised " + f.RaisedAt
	if f.RaisedBy != "" {
		s += " by " + f.RaisedBy
	}
	return s
}

// Cleared says when and by whom the flag was cleared, and the review.
func (f RiskFlag) Cleared() string {
	s := "Cleared " + f.ClearedAt
	if f.ClearedBy != "" {
		s += " by " + f.ClearedBy
	}
	return s + ": " + f.Summary + ". Review: " + f.ReviewNote
}

// IntakeSummary is the latest intake version.
type IntakeSummary struct {
	Version                       int
	SavedAt, SavedBy, OverallRisk string // OverallRisk worded, or ""
}

// Line says which version, when and by whom, and the overall risk.
func (i IntakeSummary) Line() string {
	s := fmt.Sprintf("Version %d, saved %s by %s.", i.Version, i.SavedAt, i.SavedBy)
	if i.OverallRisk != "" {
		s += " Overall risk: " + i.OverallRisk + "."
	}
	return s
}

// GoalSummary is one goal on the client's page.
type GoalSummary struct {
	ID                            int64
	Statement, Status, TargetDate string // Status worded; TargetDate "2 Jan 2006" or ""
	HasReadings, OnTrack, Active  bool
	Share                         float64
}

// Title is the goal's statement, or a placeholder for a draft without one.
func (g GoalSummary) Title() string {
	if g.Statement == "" {
		return "Untitled draft"
	}
	return g.Statement
}

// StatusLine is the goal's status and target date after its title.
func (g GoalSummary) StatusLine() string {
	s := " · " + g.Status
	if g.TargetDate != "" {
		s += " · target " + g.TargetDate
	}
	return s
}

// ShareValue is the progress element's value.
func (g GoalSummary) ShareValue() string { return strconv.FormatFloat(g.Share, 'g', -1, 64) }

// ShareText says how far the goal has come.
func (g GoalSummary) ShareText() string {
	return fmt.Sprintf(" %.0f%% of the way from baseline to target ·", g.Share*100)
}

// LinkSummary is the state of the client's private links.
type LinkSummary struct {
	HasCurrent   bool
	CurrentUntil string // "2 Jan 2006, 15:04" in the practice's zone
	Locked       bool   // five wrong PINs
	Older        int    // older links (one per homework or check-in) still live
	OlderUntil   string
}

// Any reports whether the client holds any live link.
func (l LinkSummary) Any() bool { return l.HasCurrent || l.Older > 0 }

// OlderNote counts the older links and says until when they work.
func (l LinkSummary) OlderNote() string {
	if l.Older == 1 {
		return "1 older link (one per homework or check-in) still works until " + l.OlderUntil + " at the latest; issuing the client link ends them."
	}
	return strconv.Itoa(l.Older) + " older links (one per homework or check-in) still work until " + l.OlderUntil + " at the latest; issuing the client link ends them."
}

// HomeworkRow is one assignment of the client.
type HomeworkRow struct {
	ID                  int64
	Title               string
	Daily               bool
	Due, Status         string // Status worded
	Submitted, Expected int
	Completion          string
}

// Entries says how many entries were made of how many expected.
func (h HomeworkRow) Entries() string {
	return fmt.Sprintf("%d of %d (%s)", h.Submitted, h.Expected, h.Completion)
}

// AppointmentsSummary is the count, last and next appointments and the latest ten.
type AppointmentsSummary struct {
	Attended   int
	Last, Next string // "2 Jan 2006 15:04" in the practice's zone, or ""
	Recent     []AppointmentRow
}

// Line summarises the appointments.
func (a AppointmentsSummary) Line() string {
	last, next := a.Last, a.Next
	if last == "" {
		last = "none yet"
	}
	if next == "" {
		next = "not booked"
	}
	return fmt.Sprintf("%d attended · last %s · next %s", a.Attended, last, next)
}

// AppointmentRow is one appointment of the list.
type AppointmentRow struct {
	ID                   int64
	When                 string
	Minutes              int
	Status, Format, Note string // worded
}
