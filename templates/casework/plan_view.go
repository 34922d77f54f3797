package casework

import (
	"github.com/securebase/securebase/templates/layout"
	"github.com/securebase/securebase/templates/ui"
)

// PlanView is a client's measurement plan: the form that sets it, what it asks for now, and
// its recent check-ins with the gaps (those that lapsed unanswered).
type PlanView struct {
	layout.Page
	Form      *ui.Form
	Client    ClientRef
	Parts     []ui.Option // plan part key and name: the markers, then each questionnaire
	Current   string      // the plan in words; "" when the client has none
	Paused    bool        // the client is paused, so the plan is too
	Grace     int         // days a check-in stays open after it falls due
	Checkins  []PlanCheckin
	GapsCount int
}

// PlanCheckin is one check-in the plan made.
type PlanCheckin struct {
	Due, Asks string
	State     string // "answered", "waiting", "missed" or "withdrawn"
}

// IsGap reports whether the check-in lapsed unanswered.
func (c PlanCheckin) IsGap() bool { return c.State == "missed" }

// HasPlan reports whether the client has a plan.
func (v PlanView) HasPlan() bool { return v.Current != "" }

// FrequencyOptions are the choices for one part of a plan, "" first: not in the plan.
func FrequencyOptions() []ui.Option {
	return []ui.Option{{Value: "", Label: "Not in the plan"}, {Value: "weekly", Label: "Every week"},
		{Value: "fortnightly", Label: "Every two weeks"}, {Value: "appointment", Label: "Before each appointment"}}
}

// EveryChoice is the frequency select of one part of a plan form.
func EveryChoice(f *ui.Form, part ui.Option) ui.Choice {
	name := "every_" + part.Value
	return ui.Choice{Form: f, Name: name, Label: part.Label, Options: FrequencyOptions(), Selected: []string{f.Value(name)}}
}

// StartField is the plan's start date.
func (v PlanView) StartField() ui.Field {
	return goalField(v.Form, "plan_start", "First check-in on", "date", true, "")
}
