// Package supervision renders the export pages: the files for clinical supervisors and
// audit, and the admin's settings of de-identified files.
package supervision

import (
	"strconv"

	"github.com/securebase/securebase/templates/layout"
	"github.com/securebase/securebase/templates/ui"
)

// ExportsView explains each file, offers the filters and previews the first rows.
type ExportsView struct {
	layout.Page
	Form        *ui.Form
	Files       []File
	Kind        string      // always one of Files' keys: the identified form posts it
	Counsellors []ui.Option // whom the viewer may filter by; none for a counsellor
	Statuses    []ui.Option // "Any" and the client statuses
	Carried     []Hidden    // the filters the identified form carries over
	Columns     []Column    // the chosen file's columns; none when there is no preview
	Matched     int         // how many rows the preview read (at most ten)
	CanIdentify bool        // supervisors never get identified files
}

// File is one kind of export.
type File struct{ Key, Title, About string }

// Hidden is a hidden form field.
type Hidden struct{ Name, Value string }

// Checked reports whether the checkbox name is ticked in the form.
func (v ExportsView) Checked(name string) bool { return v.Form.Value(name) == "1" }

// KindTitle is the title of the chosen file.
func (v ExportsView) KindTitle() string {
	for _, f := range v.Files {
		if f.Key == v.Kind {
			return f.Title
		}
	}
	return ""
}

// AllCounsellors words the counsellor filter's empty choice.
func (v ExportsView) AllCounsellors() string {
	if v.Viewer.IsSupervisor() {
		return "All you supervise"
	}
	return "All "
}

// Whose words what an identified export covers: an admin's practice or a counsellor's caseload.
func (v ExportsView) Whose() string {
	if v.Viewer.IsAdmin() {
		return "practice"
	}
	return "caseload"
}

// Column is one column of the chosen file: its name, a sentence on what it holds, and its
// values in the first rows.
type Column struct{ Name, About, Examples string }

// MatchedText says how many rows the preview read.
func (v ExportsView) MatchedText() string {
	switch v.Matched {
	case 0:
		return "No rows match these filters."
	case 1:
		return "One row matches."
	}
	return "The first " + strconv.Itoa(v.Matched) + " rows give the examples below; the download holds every row."
}

// SettingsView is the admin's settings of de-identified files: the first-year column and the
// pseudonym key's rotation.
type SettingsView struct {
	layout.Page
	Form       *ui.Form
	FirstYear  bool // the caseload file may carry the year of the first appointment
	MinClients int  // the fewest clients a file must cover to carry that year
}
