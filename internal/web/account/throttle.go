package account

import (
	"context"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web/kit"
)

// Second-factor codes: this many wrong codes for one account (or from one IP) within the
// window refuse further codes until the oldest leaves it. Only someone who knew the password
// can get this far.
const (
	maxLoginFailures = 5
	loginWindow      = 15 * time.Minute
)

// signInThrottle slows password guessing without letting anyone lock a staff member out:
// a browser that has signed in to the account keeps trying normally (up to 10 failures in
// the window); strangers get 3 free failures per email, then waits of 15 s doubling to at most
// 5 minutes; the 10th failure in a row from strangers emails the account's owner.
var signInThrottle = store.ThrottleRule{Window: loginWindow, FreeFailures: 3, FirstDelay: 15 * time.Second,
	MaxDelay: 5 * time.Minute, NotifyAt: 10, DeviceFailures: 10, IPFailures: 30}

// twoFactorThrottleKey is what wrong codes are counted under: one key per account, apart
// from its email's, so a correct password (which resets the email's count) never resets it.
func twoFactorThrottleKey(userID int64) string { return "2fa:user:" + strconv.FormatInt(userID, 10) }

// tellOfFailedSignIns emails u, when email is set up, that their account saw a burst of
// failed sign-ins. It is best effort: a mail failure is logged, and sign-in goes on.
func (h *Handlers) tellOfFailedSignIns(c echo.Context, u store.User) {
	if h.Mailer == nil {
		return
	}
	body := "Hello " + u.DisplayName + ",\n\nSeveral attempts to sign in to your Secure Base account with a wrong password " +
		"were made just now, not from a browser you have signed in from before. Sign-in from elsewhere is being slowed down; " +
		"your own browser is not affected.\n\nIf this was not you, no action is needed, but consider a longer password and " +
		"two-factor sign-in (under Account). If it keeps happening, tell your practice administrator.\n"
	ctx, cancel := context.WithTimeout(context.WithoutCancel(c.Request().Context()), 10*time.Second)
	defer cancel()
	if err := h.Mailer.Send(ctx, u.Email, "Failed sign-in attempts to your account", body); err != nil {
		h.Log.Warn("failed sign-in notice not sent", "request_id", kit.RequestID(c), "user_id", u.ID, "err", err)
		return
	}
	_ = h.AuditFor(c, u.PracticeID, store.AuditEntry{Action: "auth.burst_notice", EntityType: "user", EntityID: strconv.FormatInt(u.ID, 10)})
}

// waitWords says a wait in words: "15 seconds", "2 minutes".
func waitWords(d time.Duration) string {
	if secs := int(d.Seconds() + 0.999); secs < 90 {
		return strconv.Itoa(secs) + " seconds"
	}
	return strconv.Itoa(int(d.Minutes()+0.999)) + " minutes"
}
