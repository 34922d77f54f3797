package web

import (
	"context"
	"crypto/sha256"
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/store"
)

// deviceCookie marks a browser that has signed in before (OWASP's device cookie): its value is
// 256 random bits, of which the database keeps only the SHA-256, tied to the accounts signed
// in from it. "__Host-" is added under https.
const deviceCookie = "sb_device"

// DeviceCookieAge is how long a browser stays known without signing in again.
const DeviceCookieAge = 180 * 24 * time.Hour

func (s *Server) deviceCookieName() string {
	if s.cfg.Secure() {
		return "__Host-" + deviceCookie
	}
	return deviceCookie
}

// deviceHash returns the SHA-256 of the browser's device cookie, or nil without one.
func (s *Server) deviceHash(c echo.Context) []byte {
	ck, err := c.Cookie(s.deviceCookieName())
	if err != nil || len(ck.Value) != 43 {
		return nil
	}
	sum := sha256.Sum256([]byte(ck.Value))
	return sum[:]
}

// rememberDevice makes the browser known for u: its device cookie, set now if it has none,
// is recorded against u's account.
func (s *Server) rememberDevice(c echo.Context, u store.User) error {
	hash := s.deviceHash(c)
	if hash == nil {
		token := newCSRFToken() // 256 random bits, URL-safe
		c.SetCookie(&http.Cookie{Name: s.deviceCookieName(), Value: token, Path: "/", MaxAge: int(DeviceCookieAge.Seconds()),
			HttpOnly: true, Secure: s.cfg.Secure(), SameSite: http.SameSiteLaxMode})
		sum := sha256.Sum256([]byte(token))
		hash = sum[:]
	}
	return s.store.RememberDevice(c.Request().Context(), u.PracticeID, u.ID, hash, s.now())
}

// tellOfFailedSignIns emails u, when email is set up, that their account saw a burst of
// failed sign-ins. It is best effort: a mail failure is logged, and sign-in goes on.
func (s *Server) tellOfFailedSignIns(c echo.Context, u store.User) {
	if s.mailer == nil {
		return
	}
	body := "Hello " + u.DisplayName + ",\n\nSeveral attempts to sign in to your Secure Base account with a wrong password " +
		"were made just now, not from a browser you have signed in from before. Sign-in from elsewhere is being slowed down; " +
		"your own browser is not affected.\n\nIf this was not you, no action is needed, but consider a longer password and " +
		"two-factor sign-in (under Account). If it keeps happening, tell your practice administrator.\n"
	ctx, cancel := context.WithTimeout(context.WithoutCancel(c.Request().Context()), 10*time.Second)
	defer cancel()
	if err := s.mailer.Send(ctx, u.Email, "Failed sign-in attempts to your account", body); err != nil {
		s.log.Warn("failed sign-in notice not sent", "request_id", requestIDOf(c), "user_id", u.ID, "err", err)
		return
	}
	_ = s.auditFor(c, u.PracticeID, store.AuditEntry{Action: "auth.burst_notice", EntityType: "user", EntityID: strconv.FormatInt(u.ID, 10)})
}

// waitWords says a wait in words: "15 seconds", "2 minutes".
func waitWords(d time.Duration) string {
	if secs := int(d.Seconds() + 0.999); secs < 90 {
		return strconv.Itoa(secs) + " seconds"
	}
	return strconv.Itoa(int(d.Minutes()+0.999)) + " minutes"
}
