package web

import (
	"context"
	"database/sql/driver"
	"errors"
	"io"
	"net"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/lib/pq"
)

// healthz answers while the process is up.
func (s *Server) healthz(c echo.Context) error {
	return c.String(http.StatusOK, "ok\n")
}

// readyz answers 200 when the database answers within two seconds, else 503.
func (s *Server) readyz(c echo.Context) error {
	ctx, cancel := context.WithTimeout(c.Request().Context(), 2*time.Second)
	defer cancel()
	if err := s.store.Ping(ctx); err != nil {
		s.log.Warn("not ready", "request_id", requestIDOf(c), "err", err)
		return c.String(http.StatusServiceUnavailable, "database unavailable\n")
	}
	return c.String(http.StatusOK, "ready\n")
}

// isDBUnavailable reports errors that mean the database cannot be reached right now.
func isDBUnavailable(err error) bool {
	var netErr net.Error
	var pqErr *pq.Error
	switch {
	case errors.Is(err, driver.ErrBadConn), errors.As(err, &netErr),
		// A connection the server closed under a query (a restart) reads as EOF.
		errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return true
	case errors.As(err, &pqErr):
		// Class 08: connection exception; 57P01-57P03: admin shutdown, crash shutdown, cannot connect now.
		return pqErr.Code.Class() == "08" || pqErr.Code == "57P01" || pqErr.Code == "57P02" || pqErr.Code == "57P03"
	}
	return false
}

// benchCeiling answers a signed-in request with one SELECT 1 through the pool and nothing
// else: the ceiling of make bench-http (registered only with SECUREBASE_BENCH_CEILING=1).
func (s *Server) benchCeiling(c echo.Context) error {
	if err := s.store.SelectOne(c.Request().Context()); err != nil {
		return err
	}
	return c.String(http.StatusOK, "1\n")
}
