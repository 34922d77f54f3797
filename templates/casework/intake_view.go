package casework

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/securebase/securebase/internal/casework"
	"github.com/securebase/securebase/templates/layout"
	"github.com/securebase/securebase/templates/ui"
)

// IntakeView is the intake: one form per section, or an earlier version read-only.
type IntakeView struct {
	layout.Page
	Form          *ui.Form
	Client        Client
	Intake        casework.Intake
	Version       *IntakeVersion // the version shown; nil before the first save
	Base          int            // the version the forms were filled from
	FailedSection string         // the section a refused save came from
	Edit          string         // the one section open for editing; "" for the whole intake read-only
	ReadOnly      bool           // an earlier version: nothing can be edited from it
}

// IntakeVersion is one saved version of the intake.
type IntakeVersion struct {
	Version                   int
	Section, SavedBy, SavedAt string // SavedAt "2 Jan 2006, 15:04" in the practice's zone
}

// Heading is the page's heading before the client's name.
func (v IntakeView) Heading() string {
	if v.ReadOnly && v.Version != nil {
		return "Intake version " + strconv.Itoa(v.Version.Version) + ": " + v.Client.CallName()
	}
	if v.Edit != "" {
		return "Intake, " + strings.ToLower(v.Section(v.Edit).Title) + ": " + v.Client.CallName()
	}
	return "Intake: " + v.Client.CallName()
}

// IntakePath is the address of the whole intake.
func (v IntakeView) IntakePath() string { return v.Client.Path() + "/intake" }

// SectionHref is where the section navigation leads: the section's own page while one is
// edited, else its place on the read-only intake.
func (v IntakeView) SectionHref(key string) string {
	if v.Edit != "" {
		return v.IntakePath() + "/" + key
	}
	return "#" + key
}

// Saved says which version is shown, or that nothing was saved yet.
func (v IntakeView) Saved() string {
	if v.Version == nil {
		return "Nothing saved yet. Each section saves on its own, so you can fill the intake over several meetings."
	}
	return fmt.Sprintf("Version %d, saved %s by %s (section: %s).", v.Version.Version, v.Version.SavedAt, v.Version.SavedBy, v.Version.Section)
}

// Sections lists the intake's sections in order.
func (v IntakeView) Sections() []casework.Section { return casework.IntakeSections() }

// Section is one section of the intake by key.
func (v IntakeView) Section(key string) IntakeSection {
	s := IntakeSection{Key: key, ClientID: v.Client.ID, Base: v.Base, ReadOnly: v.ReadOnly || v.Edit != key,
		Editable: !v.ReadOnly && v.Edit == "", Failed: v.FailedSection == key}
	for _, sec := range casework.IntakeSections() {
		if sec.Key == key {
			s.Title = sec.Title
		}
	}
	return s
}

// Text is a text area showing value.
func (v IntakeView) Text(name, label, value, hint string) ui.Choice {
	return ui.Choice{Form: v.Form, Name: name, Label: label, Value: value, Hint: hint}
}

// Pick is a choice of options with selected chosen.
func (v IntakeView) Pick(name, label string, options casework.Options, selected ...string) ui.Choice {
	out := make([]ui.Option, len(options))
	for i, o := range options {
		out[i] = ui.Option(o)
	}
	return ui.Choice{Form: v.Form, Name: name, Label: label, Options: out, Selected: selected}
}

// SessionsDescribedBy is the element that describes the anticipated sessions field.
func (v IntakeView) SessionsDescribedBy() string {
	if v.Form.Error("anticipated_sessions") != "" {
		return "f-anticipated_sessions-error"
	}
	return "f-anticipated_sessions-hint"
}

// IntakeSection opens and closes one section's form.
type IntakeSection struct {
	Key, Title string
	ClientID   int64
	Base       int
	ReadOnly   bool
	Editable   bool // shown read-only on the current intake, with a link to its own page
	Failed     bool // a refused save of this section: its errors show above it
}

// Action is where the section's form posts.
func (s IntakeSection) Action() string {
	return "/clients/" + strconv.FormatInt(s.ClientID, 10) + "/intake/" + s.Key
}

// EditLabel is the link to the section's own page.
func (s IntakeSection) EditLabel() string { return "Edit " + strings.ToLower(s.Title) }

// SaveLabel is the section's save button.
func (s IntakeSection) SaveLabel() string { return "Save " + strings.ToLower(s.Title) }

// IntakeHistoryView lists the intake's versions, newest first.
type IntakeHistoryView struct {
	layout.Page
	Client   Client
	Versions []IntakeVersion
}
