package casework

import (
	"strconv"

	"github.com/securebase/securebase/templates/layout"
	"github.com/securebase/securebase/templates/ui"
)

// LinkView is the client's private link as the counsellor manages it.
type LinkView struct {
	layout.Page
	Form         *ui.Form
	Client       Client
	State        LinkSummary
	NewLink      string // the link just issued, shown this once
	AlreadyShown bool   // the link issued in this session was shown before and is still live
	Confirm      bool   // a live link exists: ask before replacing it
	EmailLink    bool   // the replace step carries the choice to email the link
	CanEmail     bool
}

// ConfirmText says what the client holds now and what replacing it ends.
func (v LinkView) ConfirmText() string {
	s := ""
	if v.State.HasCurrent {
		s += "The link issued for " + v.Client.CallName() + " works until " + v.State.CurrentUntil + ". "
	}
	if v.State.Older == 1 {
		s += "1 older link (one per homework or check-in) still works. "
	} else if v.State.Older > 1 {
		s += strconv.Itoa(v.State.Older) + " older links (one per homework or check-in) still work. "
	}
	return s + "A new link ends every link the client holds now, at once: the client needs the new one to keep going."
}

// OlderState counts the older links and says until when they work (in the practice's zone).
func (l LinkSummary) OlderState() string {
	if l.Older == 1 {
		return "1 link issued for one homework or check-in still works, until " + l.OlderUntil
	}
	return strconv.Itoa(l.Older) + " links issued for one homework or check-in still work, until " + l.OlderUntil
}

// NeutralNote says the client asked for neutral messages, with their safe-contact note.
func (c Client) NeutralNote() string {
	s := c.CallName() + " asked for neutral messages"
	if c.SafeContactNote != "" {
		s += " (" + c.SafeContactNote + ")"
	}
	return s
}
