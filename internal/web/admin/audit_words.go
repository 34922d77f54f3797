package admin

import (
	"strings"

	"github.com/securebase/securebase/internal/casework"
	"github.com/securebase/securebase/templates/layout"
)

// auditActions words the audit log's actions; the stored code stays beside it for the filter.
var actionLabels = map[string]string{
	"access.denied": "Was refused a page", "auth.login": "Signed in", "auth.logout": "Signed out",
	"auth.burst_notice": "Many failed sign-ins noticed", "sessions.end_others": "Ended their other sessions",
	"2fa.enable": "Turned on two-factor sign-in", "2fa.disable": "Turned off two-factor sign-in",
	"2fa.recovery_codes": "Made new recovery codes", "2fa.recovery_used": "Signed in with a recovery code",
	"dashboard.view": "Opened the dashboard", "caseload.view": "Opened the caseload",
	"client.view": "Opened a client's record", "client.create": "Added a client", "client.update": "Changed a client's details",
	"client.status": "Changed a client's status", "client.reassign": "Gave a client to another counsellor",
	"client.archive": "Archived a client", "client.restore": "Restored a client", "client.delete": "Deleted a client's record",
	"intake.view": "Opened the intake", "intake.save": "Saved a section of the intake",
	"intake.history.view": "Opened the intake's versions", "intake.version.view": "Opened an earlier intake version",
	"risk.raise": "Raised a risk flag", "risk.clear": "Reviewed and cleared a risk flag", "risk.notify": "Sent a risk notice",
	"appointment.create": "Booked an appointment", "appointment.update": "Changed an appointment", "appointment.view": "Opened an appointment",
	"goal.create": "Added a goal", "goal.update": "Changed a goal", "goal.status": "Changed a goal's status",
	"goal.view": "Opened a goal", "goal.reading.create": "Recorded a goal reading",
	"assignment.create": "Set homework", "assignment.revoke": "Withdrew homework", "assignment.view": "Opened homework",
	"entry.review": "Reviewed a homework entry", "checkin.create": "Made a check-in", "checkin.revoke": "Withdrew a check-in",
	"checkin.submit": "A client sent a check-in", "progress.view": "Opened progress", "progress.record": "Recorded scores",
	"event.create": "Added an event note",
	"link.issue":   "Issued a client's private link", "link.revoke": "Ended a client's private links", "link.email": "Emailed a client's link",
	"link.view": "Opened a client's link page", "link.open": "A client opened their link", "link.draft": "A client saved a draft",
	"link.submit": "A client sent a form", "link.pin_set": "A client chose a PIN", "link.pin_wrong": "A wrong PIN was entered",
	"link.pin_lock":   "A link was locked after wrong PINs",
	"template.create": "Made a homework template", "template.edit": "Opened a homework template to edit",
	"template.update": "Changed a homework template", "wording.save": "Changed the wording of a built-in template",
	"wording.reset": "Restored a built-in template's wording",
	"builtin.hide":  "Hid a built-in template from the library", "builtin.show": "Showed a built-in template in the library again",
	"export.preview": "Previewed an export", "export.start": "Started an export", "export.done": "Downloaded an export",
	"user.create": "Added a user", "user.deactivate": "Deactivated a user", "user.reset_password": "Reset a user's password",
	"user.change_email": "Changed their email", "user.change_password": "Changed their password",
	"practice.update": "Changed the practice's settings", "practice.conventions": "Changed the questionnaire conventions",
	"practice.export_first_year": "Changed what de-identified exports hold", "practice.pseudonym_key_rotated": "Changed the export pseudonyms",
	"marker.save": "Changed the progress markers", "supervision.set": "Changed who supervises whom",
}

// actionWords words an action, or makes words of an unknown code ("client.view" -> "Client view").
func actionWords(code string) string {
	if w, ok := actionLabels[code]; ok {
		return w
	}
	w := strings.NewReplacer(".", " ", "_", " ").Replace(code)
	if w == "" {
		return ""
	}
	return strings.ToUpper(w[:1]) + w[1:]
}

// detailWords words an entry's detail: key=value pairs become "key: value", with the codes
// of risk sources, intake sections and roles in words; anything else is kept as written.
func detailWords(detail string) string {
	fields := strings.Fields(detail)
	for i, f := range fields {
		k, v, ok := strings.Cut(f, "=")
		if !ok || k == "" {
			continue
		}
		switch k {
		case "source":
			v = casework.RiskFlagSources().Label(v)
		case "section":
			v = sectionTitle(v)
		case "role":
			v = layout.RoleName(v)
		}
		fields[i] = strings.ReplaceAll(k, "_", " ") + ": " + v
	}
	return strings.Join(fields, " ")
}

// sectionTitle is the intake section's title, or the key when it is unknown.
func sectionTitle(key string) string {
	for _, s := range casework.IntakeSections() {
		if s.Key == key {
			return s.Title
		}
	}
	return key
}
