package account

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
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

func (h *Handlers) deviceCookieName() string {
	if h.Config.Secure() {
		return "__Host-" + deviceCookie
	}
	return deviceCookie
}

// deviceHash returns the SHA-256 of the browser's device cookie, or nil without one.
func (h *Handlers) deviceHash(c echo.Context) []byte {
	ck, err := c.Cookie(h.deviceCookieName())
	if err != nil || len(ck.Value) != 43 {
		return nil
	}
	sum := sha256.Sum256([]byte(ck.Value))
	return sum[:]
}

// rememberDevice makes the browser known for u: its device cookie, set now if it has none,
// is recorded against u's account.
func (h *Handlers) rememberDevice(c echo.Context, u store.User) error {
	hash := h.deviceHash(c)
	if hash == nil {
		token := newDeviceToken()
		c.SetCookie(&http.Cookie{Name: h.deviceCookieName(), Value: token, Path: "/", MaxAge: int(DeviceCookieAge.Seconds()),
			HttpOnly: true, Secure: h.Config.Secure(), SameSite: http.SameSiteLaxMode})
		sum := sha256.Sum256([]byte(token))
		hash = sum[:]
	}
	return h.Store.RememberDevice(c.Request().Context(), u.PracticeID, u.ID, hash, h.Now())
}

// newDeviceToken returns 256 random bits, URL-safe (43 characters).
func newDeviceToken() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}
