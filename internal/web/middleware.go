package web

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net"
	"net/http"
	"runtime/debug"
	"time"

	"github.com/alexedwards/scs/v2"
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
	"golang.org/x/time/rate"
)

const ctxRequestID = "request_id"

// requestID gives every request a fresh id; one sent by the client is never trusted.
func (s *Server) requestID(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		b := make([]byte, 8)
		_, _ = rand.Read(b)
		id := hex.EncodeToString(b)
		c.Set(ctxRequestID, id)
		c.Response().Header().Set(echo.HeaderXRequestID, id)
		return next(c)
	}
}

func requestIDOf(c echo.Context) string {
	id, _ := c.Get(ctxRequestID).(string)
	return id
}

// recoverPanic turns a panic into a 500 page and logs the stack, never the request.
func (s *Server) recoverPanic(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) (err error) {
		defer func() {
			if r := recover(); r != nil {
				if r == http.ErrAbortHandler {
					panic(r)
				}
				s.log.Error("panic", "request_id", requestIDOf(c), "route", c.Path(), "panic", fmt.Sprint(r), "stack", string(debug.Stack()))
				err = echo.NewHTTPError(http.StatusInternalServerError).SetInternal(fmt.Errorf("panic: %v", r))
			}
		}()
		return next(c)
	}
}

// logRequests writes one structured line per request. It logs the route pattern, never
// the raw URI: private links carry tokens in their path.
func (s *Server) logRequests(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		start := time.Now()
		err := next(c)
		if err != nil {
			c.Error(err)
		}
		attrs := []any{
			"request_id", requestIDOf(c),
			"method", requestMethod(c),
			"route", c.Path(),
			"status", c.Response().Status,
			"bytes", c.Response().Size,
			"duration_ms", float64(time.Since(start).Microseconds()) / 1000,
		}
		if u := currentUser(c); u != nil {
			attrs = append(attrs, "user_id", u.ID, "practice_id", u.PracticeID)
		}
		s.log.Info("request", attrs...)
		return nil
	}
}

// securityHeaders sets the headers every response carries. Pages are never cached;
// the asset handler overrides Cache-Control for content-hashed files.
func (s *Server) securityHeaders(next echo.HandlerFunc) echo.HandlerFunc {
	const csp = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
		"connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
	secure := s.cfg.Secure()
	return func(c echo.Context) error {
		h := c.Response().Header()
		h.Set("Content-Security-Policy", csp)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Cross-Origin-Resource-Policy", "same-origin")
		h.Set(echo.HeaderCacheControl, "no-store")
		if secure {
			h.Set("Strict-Transport-Security", "max-age=63072000; includeSubDomains")
		}
		return next(c)
	}
}

// ipExtractor believes X-Forwarded-For only from the configured proxies.
func ipExtractor(trusted []*net.IPNet) echo.IPExtractor {
	if len(trusted) == 0 {
		return echo.ExtractIPDirect()
	}
	opts := []echo.TrustOption{echo.TrustLoopback(false), echo.TrustLinkLocal(false), echo.TrustPrivateNet(false)}
	for _, n := range trusted {
		opts = append(opts, echo.TrustIPRange(n))
	}
	return echo.ExtractIPFromXFFHeader(opts...)
}

// bodyLimit caps every request body at limit bytes. It wraps the body in the standard
// library's MaxBytesReader rather than Echo's pooled reader: a pooled reader goes back to
// its pool when the chain returns, while an error page drawn after that may still read
// the body, and would then read another request's.
func bodyLimit(limit int64) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			req := c.Request()
			if req.ContentLength > limit {
				return echo.ErrStatusRequestEntityTooLarge
			}
			req.Body = http.MaxBytesReader(c.Response(), req.Body, limit)
			return next(c)
		}
	}
}

// rateLimiter limits requests per client IP (as the IP extractor sees it).
func rateLimiter(perSecond float64, burst int) echo.MiddlewareFunc {
	return middleware.RateLimiterWithConfig(middleware.RateLimiterConfig{
		Skipper: func(c echo.Context) bool { return c.Path() == "/healthz" || c.Path() == "/readyz" },
		Store: middleware.NewRateLimiterMemoryStoreWithConfig(middleware.RateLimiterMemoryStoreConfig{
			Rate: rate.Limit(perSecond), Burst: burst, ExpiresIn: 3 * time.Minute,
		}),
		IdentifierExtractor: func(c echo.Context) (string, error) { return c.RealIP(), nil },
		ErrorHandler:        func(echo.Context, error) error { return echo.NewHTTPError(http.StatusForbidden) },
		DenyHandler:         func(echo.Context, string, error) error { return echo.NewHTTPError(http.StatusTooManyRequests) },
	})
}

// loadSession loads the staff sign-in session.
func (s *Server) loadSession(next echo.HandlerFunc) echo.HandlerFunc {
	return sessionMiddleware(s, s.sessions)(next)
}

// loadClientSession loads the short-lived session a client link opens.
func (s *Server) loadClientSession(next echo.HandlerFunc) echo.HandlerFunc {
	return sessionMiddleware(s, s.clientSessions)(next)
}

// sessionMiddleware loads a session of sm and saves it (with its cookie) just before the
// response is written.
func sessionMiddleware(s *Server, sm *scs.SessionManager) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			var token string
			if ck, err := c.Cookie(sm.Cookie.Name); err == nil {
				token = ck.Value
			}
			ctx, err := sm.Load(c.Request().Context(), token)
			if err != nil {
				return fmt.Errorf("load session: %w", err)
			}
			c.SetRequest(c.Request().WithContext(ctx))
			if c.Response().Header().Get("Vary") == "" {
				c.Response().Header().Set("Vary", "Cookie")
			}
			c.Response().Before(func() { s.saveSession(c, sm) })
			return next(c)
		}
	}
}

func (s *Server) saveSession(c echo.Context, sm *scs.SessionManager) {
	ctx := c.Request().Context()
	w := c.Response().Writer
	switch sm.Status(ctx) {
	case scs.Modified:
		token, expiry, err := sm.Commit(ctx)
		if err != nil {
			s.log.Error("session commit", "request_id", requestIDOf(c), "err", err)
			return
		}
		sm.WriteSessionCookie(ctx, w, token, expiry)
	case scs.Destroyed:
		sm.WriteSessionCookie(ctx, w, "", time.Time{})
	}
}
