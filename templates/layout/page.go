// Package layout holds the two page frames, the staff pages' and the client pages', and
// the view data every page passes to its frame.
package layout

// Assets are the hashed URLs of the files every page links to, resolved once at boot.
type Assets struct {
	Pico, App, Favicon, ClientJS string
	CopyJS                       string // the copy button of a link shown once
	UnsavedJS                    string // the staff pages' warning before leaving unsaved typing
}

// Viewer is the signed-in staff member as the navigation needs them.
type Viewer struct {
	Name string
	Role string // "admin", "counsellor" or "supervisor"
}

// IsAdmin reports whether the viewer administers the practice.
func (v *Viewer) IsAdmin() bool { return v != nil && v.Role == "admin" }

// IsSupervisor reports whether the viewer supervises other counsellors' caseloads.
func (v *Viewer) IsSupervisor() bool { return v != nil && v.Role == "supervisor" }

// ReadsOutcomes reports whether the viewer opens the outcomes page (admins and supervisors).
func (v *Viewer) ReadsOutcomes() bool { return v.IsAdmin() || v.IsSupervisor() }

// KeepsCaseload reports whether the viewer opens client records (admins and counsellors).
func (v *Viewer) KeepsCaseload() bool {
	return v != nil && (v.Role == "admin" || v.Role == "counsellor")
}

// RoleName is the viewer's role as the pages word it.
func (v *Viewer) RoleName() string { return RoleName(v.Role) }

// RoleName words a staff role for people.
func RoleName(role string) string {
	switch role {
	case "admin":
		return "Practice admin"
	case "counsellor":
		return "Counsellor"
	case "supervisor":
		return "Supervisor"
	}
	return role
}

// Page is what the staff frame needs from every page.
type Page struct {
	Title     string
	Viewer    *Viewer // nil when nobody is signed in
	CSRF      string
	Flash     string
	RequestID string
	Assets    *Assets
}

// ClientPage is what the client frame needs: neutral, no navigation, a quick exit.
type ClientPage struct {
	Title         string
	CSRF          string
	Flash         string
	HelpOpen      bool // "Need help now?" shows open
	QuickExitURL  string
	EmergencyLine string
	Assets        *Assets
}
