package casework

import (
	"strconv"

	"github.com/securebase/securebase/templates/layout"
	"github.com/securebase/securebase/templates/ui"
)

// AppointmentFormView is the form recording or editing an appointment.
type AppointmentFormView struct {
	layout.Page
	Form          *ui.Form
	Client        ClientRef
	AppointmentID int64 // 0 for a new appointment
	Statuses      []ui.Option
	Formats       []ui.Option
}

// IsEdit reports whether the form edits a recorded appointment.
func (v AppointmentFormView) IsEdit() bool { return v.AppointmentID != 0 }

// Action is where the form posts.
func (v AppointmentFormView) Action() string {
	if v.IsEdit() {
		return v.Client.Path() + "/appointments/" + strconv.FormatInt(v.AppointmentID, 10)
	}
	return v.Client.Path() + "/appointments"
}
