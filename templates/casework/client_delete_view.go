package casework

import (
	"strconv"

	"github.com/securebase/securebase/templates/layout"
	"github.com/securebase/securebase/templates/ui"
)

// DeleteView explains what deleting a client's record removes and, when the retention rule
// allows it, asks for the client's code and a reason.
type DeleteView struct {
	layout.Page
	Form    *ui.Form
	Client  Client
	Counts  RecordCounts
	Years   int    // the practice's retention period; 0: none set
	Refusal string // why the record may not be deleted now; "" when it may
	Reasons []ui.Option
}

// RecordCounts counts the rows of the client's record.
type RecordCounts struct {
	Intakes, RiskFlags, Appointments, Goals, Readings, Assignments int
	Entries, Checkins, Ratings, Results, EventNotes                int
}

// RetentionText is the retention period as the page words it.
func (v DeleteView) RetentionText() string {
	if v.Years == 0 {
		return "none set"
	}
	return strconv.Itoa(v.Years) + " year(s)"
}

// Reason is the radio group of reasons.
func (v DeleteView) Reason() ui.Choice {
	return ui.Choice{Form: v.Form, Name: "reason", Label: "Why is the record being deleted?", Options: v.Reasons,
		Selected: []string{v.Form.Value("reason")}}
}

// Code is the field confirming the client's code.
func (v DeleteView) Code() ui.Field {
	return ui.Field{Form: v.Form, Name: "code", Label: "Type the client's code, " + v.Client.Code + ", to confirm", Type: "text",
		Autocomplete: "off", Required: true, Hint: "This makes sure it is the right client."}
}
