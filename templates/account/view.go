// Package account renders sign-in and the signed-in user's account pages.
package account

import (
	"github.com/securebase/securebase/templates/layout"
	"github.com/securebase/securebase/templates/ui"
)

// SignIn is the sign-in form.
type SignIn struct {
	layout.Page
	Form *ui.Form
	Next string // where sign-in goes afterwards
}

// Code is the second step of sign-in: a code from the app, or a recovery code.
type Code struct {
	layout.Page
	Form *ui.Form
}

// Overview is the account page: email, second factor and sessions.
type Overview struct {
	layout.Page
	Name, Email  string
	TwoFactorOn  bool
	RecoveryLeft int
	Sessions     int
}

// Password is the change of the user's own password.
type Password struct {
	layout.Page
	Form *ui.Form
}

// Email is the change of the email the user signs in with.
type Email struct {
	layout.Page
	Form *ui.Form
}

// Sessions lists the user's live sessions.
type Sessions struct {
	layout.Page
	Sessions []Session
}

// Session is one live session.
type Session struct {
	SignedIn, LastSeen string // in the practice's zone
	Current            bool   // the session of this request
}

// HasOthers reports whether the user is signed in anywhere else too.
func (v Sessions) HasOthers() bool { return len(v.Sessions) > 1 }

// Setup is enrolment of an authenticator app, at sign-in or under Account.
type Setup struct {
	layout.Page
	Form        *ui.Form
	Secret      string // grouped in fours for reading
	URI         string // the otpauth:// URI, also a link that opens an authenticator on this device
	QR          string // path of the QR code image
	Action      string // where the confirmation posts
	AskPassword bool
	Replace     bool // replacing an authenticator already in use
	AtSignIn    bool
}

// CodeError is the message beside the code field, or "".
func (v Setup) CodeError() string { return v.Form.Error("code") }

// CodeFailed reports whether the code field has a message.
func (v Setup) CodeFailed() bool { return v.CodeError() != "" }

// TwoFactor is the state of the user's second factor, when it is on.
type TwoFactor struct {
	layout.Page
	Form         *ui.Form
	EnabledAt    string
	RecoveryLeft int
	Required     bool // the practice requires two-factor: it cannot be turned off
}

// RecoveryCodes shows a new set of recovery codes, once.
type RecoveryCodes struct {
	layout.Page
	Codes []string
}
