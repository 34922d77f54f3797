package web

import (
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"syscall"
	"testing"

	"github.com/labstack/echo/v4"
	"github.com/lib/pq"
	"github.com/lib/pq/pqerror"

	"github.com/securebase/securebase/internal/config"
	"github.com/securebase/securebase/internal/store"
)

// refusedDial returns the error a dial to a closed loopback port gives: what lib/pq
// returns while the database server is down.
func refusedDial(t *testing.T) error {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	_ = l.Close()
	c, err := net.Dial("tcp", addr)
	if err == nil {
		_ = c.Close()
		t.Skip("the closed port accepted a connection")
	}
	return err
}

// The errors below are the ones the fault tests (internal/faults) saw from lib/pq while
// the database was stopped, crashed and started again, wrapped as the store wraps them.
func TestIsDBUnavailable(t *testing.T) {
	pqErr := func(code pqerror.Code, msg string) error {
		return &pq.Error{Severity: "FATAL", Code: code, Message: msg}
	}
	cases := []struct {
		name string
		err  error
		want bool
	}{
		{"connection refused (server down)", fmt.Errorf("load session: find session: %w", refusedDial(t)), true},
		{"connection reset (server stopping)", fmt.Errorf("user: %w", &net.OpError{Op: "read", Net: "tcp",
			Err: &os.SyscallError{Syscall: "read", Err: syscall.ECONNRESET}}), true},
		{"bad connection (session ended by the shutdown)", fmt.Errorf("commit: %w", driver.ErrBadConn), true},
		{"shutting down", fmt.Errorf("dashboard list: %w", pqErr("57P03", "the database system is shutting down")), true},
		{"starting up", pqErr("57P03", "the database system is starting up"), true},
		{"recovering after a crash", pqErr("57P03", "the database system is not yet accepting connections"), true},
		{"terminated by the administrator", pqErr("57P01", "terminating connection due to administrator command"), true},
		{"connection failure", pqErr("08006", "connection failure"), true},
		{"unique violation", fmt.Errorf("create user: %w", &pq.Error{Severity: "ERROR", Code: "23505"}), false},
		{"permission denied", &pq.Error{Severity: "ERROR", Code: "42501"}, false},
		{"no rows", sql.ErrNoRows, false},
		{"not found", store.ErrNotFound, false},
		{"an HTTP error", echo.ErrNotFound, false},
		{"anything else", errors.New("template: boom"), false},
	}
	for _, tc := range cases {
		if got := isDBUnavailable(tc.err); got != tc.want {
			t.Errorf("%s (%v): isDBUnavailable = %v, want %v", tc.name, tc.err, got, tc.want)
		}
	}
}

// A page whose database call fails because the server is down answers the friendly 503
// page, never a 500, and never shows the error text.
func TestDatabaseDownGivesTheFriendly503Page(t *testing.T) {
	cfg, err := config.FromLookup(func(string) (string, bool) { return "", false })
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(Options{Config: cfg})
	if err != nil {
		t.Fatal(err)
	}
	down := fmt.Errorf("load session: find session: %w", refusedDial(t))
	s.echo.GET("/test/db-down", func(echo.Context) error { return down })
	rec := httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/test/db-down", nil))
	body := rec.Body.String()
	if rec.Code != http.StatusServiceUnavailable || !strings.Contains(body, "Temporarily unavailable") {
		t.Fatalf("status %d, friendly page %v; want 503 with the friendly page", rec.Code, strings.Contains(body, "Temporarily unavailable"))
	}
	if strings.Contains(body, "connection refused") || strings.Contains(body, "127.0.0.1") {
		t.Fatal("the page shows the error text")
	}
}
