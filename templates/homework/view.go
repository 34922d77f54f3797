// Package homework renders the homework pages of the staff side: assigning homework to a
// client, one assignment with its entries to review, and the practice's template library
// (list, preview, editor).
package homework

import (
	"strconv"
	"strings"

	hw "github.com/securebase/securebase/internal/homework"
	"github.com/securebase/securebase/templates/layout"
	"github.com/securebase/securebase/templates/ui"
)

// Client is the client an assignment belongs to, as these pages name them.
type Client struct {
	ID             int64
	CallName, Code string
}

// Path is the client's page.
func (c Client) Path() string { return "/clients/" + strconv.FormatInt(c.ID, 10) }

// AssignFormView is the form assigning homework to a client.
type AssignFormView struct {
	layout.Page
	Form      *ui.Form
	Client    Client
	Templates []TemplateOption
	Goals     []ui.Option // the client's open goals
	Cadences  []ui.Option
	Picks     []Pick // the templates, those matching the client's concerns and goals first, filtered
	Filters   Filters
	Matched   int // how many picks match the client
}

// TemplateOption is a template a counsellor may assign, with the numbers that can feed a goal.
type TemplateOption struct {
	Ref, Title string
	Practice   bool        // the practice's own template, not a built-in
	Numbers    []ui.Option // the template's numeric fields: key and label
}

// Label is the template's title in the list, marking the practice's own.
func (t TemplateOption) Label() string {
	if t.Practice {
		return t.Title + " (this practice)"
	}
	return t.Title
}

// AssignmentView is one assignment as staff see it, with the entries to review.
type AssignmentView struct {
	layout.Page
	Form    *ui.Form
	Client  Client
	A       Assignment
	Entries []Entry
}

// Assignment is the assignment's status, completion, window and link.
type Assignment struct {
	ID                  int64
	Title               string
	StatusLabel         string
	Submitted, Expected int
	Completion          string // "40%"
	Daily               bool
	StartDate, DueDate  string // "2 Jan 2006"
	Instructions        string
	GoalID              int64  // 0: feeds no goal
	GoalField           string // the label of the answer that feeds the goal
	GoalStatement       string // the goal it feeds, in its own words
	RevokedAt           string // "2 Jan 2006, 15:04" in the practice's zone; empty when not revoked
	LinkLiveUntil       string // when the client's link shows it until (practice's zone); empty with no live link
}

// Cadence words how often and when the client is asked.
func (a Assignment) Cadence() string {
	how := "Once"
	if a.Daily {
		how = "One entry a day"
	}
	return how + ", " + a.StartDate + " to " + a.DueDate
}

// Revoked reports whether the assignment was revoked.
func (a Assignment) Revoked() bool { return a.RevokedAt != "" }

// Path is the assignment's page under client c.
func (a Assignment) Path(c Client) string {
	return c.Path() + "/homework/" + strconv.FormatInt(a.ID, 10)
}

// GoalPath is the page of the goal the assignment feeds.
func (a Assignment) GoalPath(c Client) string {
	return c.Path() + "/goals/" + strconv.FormatInt(a.GoalID, 10)
}

// Entry is one entry of the assignment with its answers.
type Entry struct {
	ID        int64
	Date      string // "2 Jan 2006"
	Draft     bool   // not sent yet
	Submitted bool
	Reviewed  bool
	Reply     string
	Answers   []Answer
}

// Answer is one answer of an entry in words.
type Answer struct{ Label, Text string }

// IDString is the entry's id as the page's ids use it.
func (e Entry) IDString() string { return strconv.FormatInt(e.ID, 10) }

// State words where the entry stands.
func (e Entry) State() string {
	switch {
	case e.Draft:
		return "draft, not sent yet"
	case e.Reviewed:
		return "reviewed"
	}
	return "awaiting review"
}

// AwaitsReview reports whether the entry was sent and not reviewed yet.
func (e Entry) AwaitsReview() bool { return e.Submitted && !e.Reviewed }

// TemplatesView is the practice's template library.
type TemplatesView struct {
	layout.Page
	Templates []TemplateRow
	Filters   Filters
}

// TemplateRow is one template in the library.
type TemplateRow struct {
	Ref, Title, Purpose string
	Questions           int
	Practice            bool // the practice's own template
	Editable            bool // the viewer may edit it
	Tags                string
}

// EditPath is the template's editor.
func (t TemplateRow) EditPath() string {
	return "/homework/templates/" + strings.TrimPrefix(t.Ref, "practice:") + "/edit"
}

// PreviewView shows a template in the staff's wording and as the client's form.
type PreviewView struct {
	layout.Page
	Form   *ui.Form
	Ref    string
	Staff  hw.Template
	Client hw.Template // the client's wording, positional names
	// Rationale, Cadence and Version describe a built-in (empty and 0 for the practice's own).
	Rationale, Cadence string
	Version            int
}

// TagWords words the template's tags.
func (v PreviewView) TagWords() string { return TagWords(v.Staff.Tags) }

// TemplateFormView is the template editor.
type TemplateFormView struct {
	layout.Page
	Form  *ui.Form
	ID    int64 // 0 for a new template
	Rows  []Row
	Types []ui.Option
	Tags  []ui.Choice // the tag groups: approaches, signs, markers, goal measures
}

// Heading is the editor's heading.
func (v TemplateFormView) Heading() string {
	if v.ID != 0 {
		return "Edit template"
	}
	return "New homework template"
}

// Action is where the editor posts.
func (v TemplateFormView) Action() string {
	if v.ID != 0 {
		return "/homework/templates/" + strconv.FormatInt(v.ID, 10)
	}
	return "/homework/templates"
}

// Warned reports whether the box keeping a revealing client wording shows: a warning was
// given, or the box is ticked.
func (v TemplateFormView) Warned() bool {
	return v.Form.Error(ConfirmWording) != "" || v.Ticked(ConfirmWording)
}

// Ticked reports whether checkbox name is ticked.
func (v TemplateFormView) Ticked(name string) bool { return v.Form.Value(name) == "true" }

// ConfirmWording is the box a counsellor ticks to keep a client wording that holds a revealing word.
const ConfirmWording = "confirm_wording"

// Row is one question row of the editor; its fields are named field_<n>_<part>.
type Row int

// Name is the form field name of part of the row.
func (r Row) Name(part string) string { return "field_" + strconv.Itoa(int(r)) + "_" + part }

// Number is the row's question number, from 1.
func (r Row) Number() string { return strconv.Itoa(int(r) + 1) }

// Index is the row's index, from 0.
func (r Row) Index() string { return strconv.Itoa(int(r)) }

// TagsOpen reports whether the tags show open: any is ticked, or one has a message.
func (v TemplateFormView) TagsOpen() bool {
	for _, g := range v.Tags {
		if len(g.Selected) > 0 || g.Err() != "" {
			return true
		}
	}
	return false
}
