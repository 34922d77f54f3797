// Package reminders sends clients one neutral email reminder a day while a form waits for
// them, through a job queue in PostgreSQL (River): a periodic scan queues one send job per
// client, and the send job checks the client's safe-contact preferences again, records the
// day's reminder and its audit row, and sends. Every rule takes the time as a value, so the
// tests run on a fixed clock.
package reminders

import "time"

// Reason says whether a reminder is sent now, and if not, why.
type Reason string

// The reasons Decide gives.
const (
	Send         Reason = "send"
	NoConsent    Reason = "no email consent"
	NoMessages   Reason = "no messages"
	Closed       Reason = "client not open"
	OutsideHours Reason = "outside contact hours"
	NothingDue   Reason = "nothing due"
)

// Prefs are a client's safe-contact preferences as a reminder reads them.
type Prefs struct {
	ContactMethod string // "email" is the client's agreement to be emailed
	HasAddress    bool
	NoMessages    bool
	From, Until   int  // contact hours: from From:00 until Until:00, practice time
	Open          bool // intake or active, not archived
}

// InHours reports whether local (a time in the practice's zone) is within from:00..until:00.
func InHours(from, until int, local time.Time) bool {
	h := local.Hour()
	return h >= from && h < until
}

// Decide says whether a client with preferences p and due forms waiting gets a reminder
// at local, the practice's time now. Once a day is kept by the store, not here.
func Decide(p Prefs, local time.Time, due int) Reason {
	switch {
	case p.NoMessages:
		return NoMessages
	case p.ContactMethod != "email" || !p.HasAddress:
		return NoConsent
	case !p.Open:
		return Closed
	case !InHours(p.From, p.Until, local):
		return OutsideHours
	case due < 1:
		return NothingDue
	}
	return Send
}

// Day is the date of local, at midnight UTC, as the store keys days.
func Day(local time.Time) time.Time {
	return time.Date(local.Year(), local.Month(), local.Day(), 0, 0, 0, 0, time.UTC)
}
