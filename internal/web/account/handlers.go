// Package account serves sign-in (password, then the second factor where there is one),
// sign-out, and the signed-in user's own account: password, email, two-factor sign-in and
// sessions.
package account

import (
	"net/url"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/web/kit"
)

// Handlers serve sign-in and the account pages.
type Handlers struct{ *kit.Kit }

// New returns the account's handlers.
func New(k *kit.Kit) *Handlers { return &Handlers{k} }

// onlyFields refuses a post carrying any field that dst's form tags do not name.
func onlyFields(c echo.Context, dst any) error {
	values, err := c.FormParams()
	if err != nil {
		return err
	}
	return kit.KnownFields(values, dst, nil)
}

// safeNext returns next when it is a path on this site, else "/". Browsers drop tabs and
// newlines and read a backslash as a slash, so any of those (or any control character)
// refuses the value outright: "/\t/evil.example" must never become "//evil.example".
func safeNext(next string) string {
	for _, r := range next {
		if r < 0x20 || r == 0x7f || r == '\\' {
			return "/"
		}
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || !strings.HasPrefix(u.Path, "/") || strings.HasPrefix(u.Path, "//") {
		return "/"
	}
	return u.RequestURI()
}

// localTime formats t in the practice's time zone, as every staff page does.
func localTime(t time.Time, loc *time.Location) string {
	return t.In(loc).Format(kit.MomentLayout)
}
