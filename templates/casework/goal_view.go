package casework

import (
	"strconv"

	"github.com/securebase/securebase/templates/layout"
	"github.com/securebase/securebase/templates/ui"
)

// ClientRef is the client a goal, appointment or progress page belongs to, as its headings show them.
type ClientRef struct {
	ID             int64
	CallName, Code string
}

// Path is the client's page.
func (c ClientRef) Path() string { return "/clients/" + strconv.FormatInt(c.ID, 10) }

// GoalFormView is the form creating or editing a SMART goal.
type GoalFormView struct {
	layout.Page
	Form      *ui.Form
	Client    ClientRef
	GoalID    int64 // 0 for a new goal
	Metrics   []ui.Option
	Units     []ui.Option
	Direction []ui.Option
	Concerns  []ui.Option
}

// IsEdit reports whether the form edits an existing goal.
func (v GoalFormView) IsEdit() bool { return v.GoalID != 0 }

// Action is where the form posts.
func (v GoalFormView) Action() string {
	if v.IsEdit() {
		return v.Client.Path() + "/goals/" + strconv.FormatInt(v.GoalID, 10)
	}
	return v.Client.Path() + "/goals"
}

// Cancel is where the cancel link goes: the goal, or the client for a new goal.
func (v GoalFormView) Cancel() string {
	if v.IsEdit() {
		return v.Action()
	}
	return v.Client.Path()
}

// GoalPageView is one goal with its progress, chart, readings, history and next moves.
type GoalPageView struct {
	layout.Page
	Form         *ui.Form
	Client       ClientRef
	Goal         GoalShown
	ChartSVG     string        // built and escaped by internal/chart: trusted markup
	Legend       []ChartLegend // the chart's target line, named beside it
	Table        []GoalTableRow
	Next         []ui.Option // the statuses the goal may move to
	MissingParts int         // SMART parts still needed before activation
	History      []GoalChange
}

// Path is the goal's page.
func (v GoalPageView) Path() string {
	return v.Client.Path() + "/goals/" + strconv.FormatInt(v.Goal.ID, 10)
}

// AsksPastTarget reports whether the page asks to confirm activating a goal whose target date passed.
func (v GoalPageView) AsksPastTarget() bool { return v.Form.Value("confirm_past_target") == "ask" }

// GoalShown is a goal's parts in words.
type GoalShown struct {
	ID                             int64
	Statement, Status, StatusLabel string
	ReplacedBy                     int64 // 0 when not replaced
	What, Where, WithWhom          string
	Metric, Unit, Direction        string
	Baseline, BaselineDate, Target string
	MeasureHow, MeasureOften       string
	Steps, Supports                string
	Concerns                       []string // labels
	TargetDate                     string   // "2 Jan 2006" or ""
	Progress                       GoalProgress
}

// IsDraft reports whether the goal is still a draft.
func (g GoalShown) IsDraft() bool { return g.Status == "draft" }

// IsOpen reports whether the goal is a draft or active: it can be edited and take readings.
func (g GoalShown) IsOpen() bool { return g.Status == "draft" || g.Status == "active" }

// ReplacementPath is the page of the goal that replaced this one.
func (g GoalShown) ReplacementPath(clientPath string) string {
	return clientPath + "/goals/" + strconv.FormatInt(g.ReplacedBy, 10)
}

// GoalProgress is how far the latest reading is from baseline to target, in words.
type GoalProgress struct {
	HasReadings       bool
	Share             string // the progress element's value
	Latest, LatestOn  string
	Percent, Expected string // "40%"
	Reached, OnTrack  bool
}

// GoalTableRow is one point of a chart as its table alternative shows it.
type GoalTableRow struct {
	Date, Value, Label string
}

// GoalChange is one status change in a goal's history.
type GoalChange struct {
	At, From, To, By, Reason string
}

// goalField is one labelled input of the goal pages, never autocompleted.
func goalField(f *ui.Form, name, label, typ string, required bool, hint string) ui.Field {
	return ui.Field{Form: f, Name: name, Label: label, Type: typ, Autocomplete: "off", Required: required, Hint: hint}
}

// goalChoice is a select or radio group of the goal pages with the posted value chosen.
func goalChoice(f *ui.Form, name, label string, options []ui.Option) ui.Choice {
	return ui.Choice{Form: f, Name: name, Label: label, Options: options, Selected: []string{f.Value(name)}}
}

// Specific is what will change, where and with whom.
func (g GoalShown) Specific() string {
	return g.What + prefixed("; where: ", g.Where) + prefixed("; with: ", g.WithWhom)
}

// Measurable is what is counted, from baseline to target, and how.
func (g GoalShown) Measurable() string {
	s := g.Metric
	if g.Unit != "" {
		s += " (" + g.Unit + ")"
	}
	s += prefixed(", to ", g.Direction) + ": from " + g.Baseline + prefixed(" on ", g.BaselineDate)
	return s + " to " + g.Target + "; " + g.MeasureHow + prefixed(", ", g.MeasureOften)
}

// Achievable is the steps and supports.
func (g GoalShown) Achievable() string { return g.Steps + prefixed("; supports: ", g.Supports) }

// TimeBound is the target date in words, or "".
func (g GoalShown) TimeBound() string { return prefixed("by ", g.TargetDate) }

// Text is the change as the history lists it.
func (h GoalChange) Text() string {
	return h.At + ": " + h.From + " → " + h.To + " by " + h.By + prefixed(": ", h.Reason)
}

// prefixed is p followed by s, or "" when s is empty.
func prefixed(p, s string) string {
	if s == "" {
		return ""
	}
	return p + s
}
