package web

import (
	"errors"
	"net/http"
	"net/url"
	"slices"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/auth"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web/kit"
)

const ctxUser = kit.CtxUser

// seenWriteInterval bounds how often the last-seen time is written back to the session row.
const seenWriteInterval = auth.SeenWriteInterval

// currentUser returns the signed-in staff member, or nil.
func currentUser(c echo.Context) *store.User { return kit.CurrentUser(c) }

// requireStaff lets a request through only for a signed-in, active staff member with
// one of roles (any role when none is given). It enforces the idle timeout and the
// absolute lifetime, and refreshes the last-seen time at most once a minute.
func (s *Server) requireStaff(roles ...store.Role) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			ctx := c.Request().Context()
			userID := s.sessions.GetInt64(ctx, auth.KeyUserID)
			if userID == 0 {
				return s.toLogin(c, "")
			}
			now := s.now()
			seen := time.Unix(s.sessions.GetInt64(ctx, auth.KeySeenAt), 0)
			signedIn := time.Unix(s.sessions.GetInt64(ctx, auth.KeySignedInAt), 0)
			if now.Sub(seen) > s.cfg.SessionIdleTimeout || now.Sub(signedIn) > s.cfg.SessionLifetime {
				if err := s.sessions.Destroy(ctx); err != nil {
					return err
				}
				return s.toLogin(c, "You were signed out after a period of inactivity. Please sign in again.")
			}
			u, err := s.store.User(ctx, s.sessions.GetInt64(ctx, auth.KeyPracticeID), userID)
			if errors.Is(err, store.ErrNotFound) || err == nil && !u.Active {
				if err := s.sessions.Destroy(ctx); err != nil {
					return err
				}
				return s.toLogin(c, "")
			}
			if err != nil {
				return err
			}
			if now.Sub(seen) > seenWriteInterval {
				s.sessions.Put(ctx, auth.KeySeenAt, now.Unix())
			}
			c.Set(ctxUser, &u)
			if len(roles) > 0 && !slices.Contains(roles, u.Role) {
				if err := s.kit.Audit(c, store.AuditEntry{Action: "access.denied", EntityType: "route", EntityID: c.Path(), Outcome: store.OutcomeDenied}); err != nil {
					return err
				}
				return echo.ErrForbidden
			}
			return next(c)
		}
	}
}

// toLogin sends a signed-out visitor to the sign-in page, remembering where they were
// going when it was a page (GET) of this site.
func (s *Server) toLogin(c echo.Context, flash string) error {
	if flash != "" {
		s.sessions.Put(c.Request().Context(), auth.KeyFlash, flash)
	}
	target := "/login"
	if r := c.Request(); r.Method == http.MethodGet && r.URL.Path != "/" {
		target += "?next=" + url.QueryEscape(r.URL.RequestURI())
	}
	return c.Redirect(http.StatusSeeOther, target)
}
