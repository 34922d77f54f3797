package admin

import (
	"github.com/securebase/securebase/templates/layout"
	"github.com/securebase/securebase/templates/ui"
)

// PlanSettingsView is the practice's default measurement plan and over-use threshold.
type PlanSettingsView struct {
	layout.Page
	Form  *ui.Form
	Parts []ui.Option // plan part key and name: the markers, then each questionnaire
}

// Every is the frequency select of one part of the default plan.
func (v PlanSettingsView) Every(part ui.Option) ui.Choice {
	name := "every_" + part.Value
	return ui.Choice{Form: v.Form, Name: name, Label: part.Label, Selected: []string{v.Form.Value(name)},
		Options: []ui.Option{{Value: "", Label: "Not in the plan"}, {Value: "weekly", Label: "Every week"},
			{Value: "fortnightly", Label: "Every two weeks"}, {Value: "appointment", Label: "Before each appointment"}}}
}
