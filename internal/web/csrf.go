package web

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"net/http"
	"net/url"

	"github.com/alexedwards/scs/v2"
	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/web/kit"
)

// keyCSRF holds a session's synchronizer token. Clearing the session (sign-in, the second
// step, sign-out) drops it, so the next page issues a new one.
const keyCSRF = "csrf"

// ctxCSRF holds the csrfSource of a route, for csrfToken.
const ctxCSRF = "csrf_source"

// csrfSource is where a route's pages keep their token.
type csrfSource struct {
	sm         *scs.SessionManager
	client     bool   // a client's link session: never started just to hold a token
	preSession bool   // a link's landing page and button: the token may be the cookie's
	cookie     string // the pre-session cookie
	secure     bool
}

// errCSRF marks a refused state-changing request; the error page explains it kindly.
var errCSRF = kit.ErrCSRF

// csrfMode says what a route's unsafe requests must show.
type csrfMode int

const (
	csrfSession csrfMode = iota // the session's token, from a page of this site
	// csrfPreSession is for a link's landing page and its button, before any session: its
	// GET must start none (it changes nothing), so the token is held in a short-lived,
	// SameSite=Strict cookie instead, beside the Origin check.
	csrfPreSession
)

// preSessionCookie holds the token of a link's landing page ("__Host-" is added under https).
const preSessionCookie = "sb_open"

// csrf checks every unsafe request. A browser says where a request comes from in
// Sec-Fetch-Site and Origin (or Referer): anything from another site is refused, whatever it
// carries. Then the hidden _csrf field (or X-CSRF-Token header) must equal, compared in
// constant time, the token kept in the server-side session of sm: a cookie an attacker plants
// cannot supply it, and a token from another session does not match.
func (s *Server) csrf(sm *scs.SessionManager, mode csrfMode) echo.MiddlewareFunc {
	src := csrfSource{sm: sm, client: sm == s.clientSessions, preSession: mode == csrfPreSession, secure: s.cfg.Secure(),
		cookie: preSessionCookie}
	if src.secure {
		src.cookie = "__Host-" + preSessionCookie
	}
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			c.Set(ctxCSRF, src)
			r := c.Request()
			if r.Method == http.MethodGet || r.Method == http.MethodHead {
				return next(c)
			}
			if site := r.Header.Get("Sec-Fetch-Site"); site == "cross-site" || site == "same-site" {
				return errCSRF
			}
			if !s.sameOrigin(r) {
				return errCSRF
			}
			want := []string{sm.GetString(r.Context(), keyCSRF)}
			// A link's button, or a client page posted with no link session at all (which
			// clientside.RequireLink then answers with the closed-session page, changing nothing):
			// the landing page's cookie token also counts.
			if src.preSession || src.client && sm.Token(r.Context()) == "" {
				if ck, err := c.Cookie(src.cookie); err == nil {
					want = append(want, ck.Value)
				}
			}
			got := c.FormValue("_csrf")
			if got == "" {
				got = r.Header.Get("X-CSRF-Token")
			}
			for _, w := range want {
				if w != "" && subtle.ConstantTimeCompare([]byte(got), []byte(w)) == 1 {
					return next(c)
				}
			}
			return errCSRF
		}
	}
}

// sameOrigin reports whether an unsafe request comes from this site, by its Origin header
// or, without one, its Referer. This site is PUBLIC_URL's origin, or the host the request
// was sent to with PUBLIC_URL's scheme (the tests' servers have ports of their own). Our pages
// send Referrer-Policy: no-referrer, under which browsers post "Origin: null": that counts
// only when the browser vouches with Sec-Fetch-Site: same-origin. A request with neither
// header is not from a page of a current browser, and still needs its token.
func (s *Server) sameOrigin(r *http.Request) bool {
	from := r.Header.Get("Origin")
	if from == "null" {
		return r.Header.Get("Sec-Fetch-Site") == "same-origin"
	}
	if from == "" {
		from = r.Header.Get("Referer")
		if from == "" {
			return true
		}
	}
	u, err := url.Parse(from)
	if err != nil || u.Host == "" {
		return false
	}
	scheme := "http"
	if s.cfg.PublicURL != nil {
		scheme = s.cfg.PublicURL.Scheme
		if u.Scheme == scheme && u.Host == s.cfg.PublicURL.Host {
			return true
		}
	}
	return u.Scheme == scheme && u.Host == r.Host
}

// csrfToken returns the session's synchronizer token for the page's forms, making one when
// the session has none. A client's link session gets one only once it exists: the landing
// page of a link (whose button needs no token) must not start a session.
func csrfToken(c echo.Context) string {
	src, ok := c.Get(ctxCSRF).(csrfSource)
	if !ok {
		return ""
	}
	sm, ctx := src.sm, c.Request().Context()
	if t := sm.GetString(ctx, keyCSRF); t != "" {
		return t
	}
	if src.preSession {
		return preSessionToken(c, src)
	}
	if (src.client || c.Get(ctxNoNewSession) != nil) && sm.Token(ctx) == "" {
		return ""
	}
	t := newCSRFToken()
	sm.Put(ctx, keyCSRF, t)
	return t
}

// preSessionToken returns the token of the pre-session cookie, setting a new one when the
// browser holds none.
func preSessionToken(c echo.Context, src csrfSource) string {
	if ck, err := c.Cookie(src.cookie); err == nil && len(ck.Value) == 43 {
		return ck.Value
	}
	t := newCSRFToken()
	c.SetCookie(&http.Cookie{Name: src.cookie, Value: t, Path: "/", MaxAge: 3600, HttpOnly: true,
		Secure: src.secure, SameSite: http.SameSiteStrictMode})
	return t
}

func newCSRFToken() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// ctxNoNewSession marks a request whose page must not start a session (an error page for
// a visitor who is not signed in).
const ctxNoNewSession = "no_new_session"
