// Package clientside renders the pages a client opens through a private link: the landing
// page, the client's forms, the check-in, the PIN and earlier entries, and the error page.
// Every page is neutral: no product, practice or counselling words unless allowed.
package clientside

import (
	"fmt"
	"strconv"
	"time"

	"github.com/securebase/securebase/internal/homework"
	"github.com/securebase/securebase/internal/measures"
	"github.com/securebase/securebase/templates/layout"
	"github.com/securebase/securebase/templates/questions"
	"github.com/securebase/securebase/templates/ui"
)

// Due is everything the client's link opens now: the neutral count and the others to pick.
type Due struct {
	Items   []DueItem
	Current string // the key of the form the page shows
}

// DueItem is one form due: "a:12" homework or "c:5" a check-in, with its neutral label.
type DueItem struct {
	Key, Label string
}

// Count is the neutral count the page shows: "2 forms to fill in".
func (d Due) Count() string {
	if len(d.Items) == 1 {
		return "1 form to fill in"
	}
	return fmt.Sprintf("%d forms to fill in", len(d.Items))
}

// Many reports whether there are others to pick from.
func (d Due) Many() bool { return len(d.Items) > 1 }

// IsCurrent reports whether it is the form the page shows.
func (d Due) IsCurrent(it DueItem) bool { return it.Key == d.Current }

// HomeView is the client's page when nothing is due.
type HomeView struct {
	layout.ClientPage
	CallName string
	Upcoming []time.Time // homework that has not started yet
}

// FormView is one homework form of the client: nothing about the case but this assignment.
type FormView struct {
	layout.ClientPage
	Form         *ui.Form
	Due          Due
	Heading      string // "Your form" unless the template may be named
	CallName     string
	PracticeName string
	NamePractice bool // the practice is named on the client's pages and the client allows it
	Instructions string
	Purpose      string
	Cadence      string
	StartDate    time.Time
	DueDate      time.Time
	Done         bool       // nothing left to send
	OpensOn      *time.Time // set when the first day is still to come
	Days         []time.Time
	LinkID       int64
	Item         string // "a:<id>"
	Fields       []homework.Field
}

// Greeting greets the client, naming the practice when that is allowed.
func (v FormView) Greeting() string {
	if v.NamePractice {
		return "Hello, " + v.CallName + ". From " + v.PracticeName + "."
	}
	return "Hello, " + v.CallName + "."
}

// Daily reports whether the form takes one entry a day.
func (v FormView) Daily() bool { return v.Cadence == string(homework.Daily) }

// Named reports whether the heading names the template (then its purpose shows too).
func (v FormView) Named() bool { return v.Heading != "Your form" }

// Question is one field of the form with what was typed into it.
func (v FormView) Question(f homework.Field) questions.Question {
	return questions.Question{Form: v.Form, Field: f}
}

// DayChosen reports whether d is the day the form is for.
func (v FormView) DayChosen(d time.Time) bool { return DayValue(d) == v.Form.Value("entry_date") }

// CheckinView is a client's check-in: their markers and questionnaires, nothing else.
type CheckinView struct {
	layout.ClientPage
	Form     *ui.Form
	Due      Due
	CallName string
	Done     bool // already sent
	LinkID   int64
	Item     string // "c:<id>"
	Markers  []Marker
	Measures []measures.Measure
}

// Marker is one statement the client rates from 0 to 10.
type Marker struct {
	Key   string // "m_<id>"
	Label string
}

// Scale is the values of a 0 to 10 rating.
func (v CheckinView) Scale() []int {
	out := make([]int, 11)
	for i := range out {
		out[i] = i
	}
	return out
}

// Chosen reports whether n was chosen for the question key.
func (v CheckinView) Chosen(key string, n int) bool { return v.Form.Value(key) == strconv.Itoa(n) }

// Difficulty is the optional difficulty question of m with what was chosen.
func (v CheckinView) Difficulty(m measures.Measure) questions.Difficulty {
	return questions.Difficulty{Form: v.Form, D: *m.Difficulty}
}

// EarlierView is what the PIN guards: the PIN form, or the entries sent since it was chosen.
type EarlierView struct {
	layout.ClientPage
	Form    *ui.Form
	Open    bool // the PIN was entered in this session
	Locked  bool
	Gate    bool // the PIN form leads to the forms
	Entries []Entry
}

// Entry is an earlier entry with its answers in field order, and any reply.
type Entry struct {
	Date    string
	Answers []Answer
	Reply   string
}

// Answer is one answer of an entry: the question's label and the answer in words.
type Answer struct {
	Label, Text string
}

// OpenView is the landing page of a link: one button, nothing changed on GET.
type OpenView struct {
	layout.ClientPage
	Token string
}

// ErrorView is the neutral error page, with what the client typed shown back.
type ErrorView struct {
	layout.ClientPage
	Heading, Message string
	Typed            []string
}

// Date is how the client's pages show a day.
func Date(t time.Time) string { return t.UTC().Format("2 Jan 2006") }

// DayValue is a day as a form posts it.
func DayValue(t time.Time) string { return t.Format("2006-01-02") }
