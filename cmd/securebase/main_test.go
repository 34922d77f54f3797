package main

import (
	"bufio"
	"context"
	"fmt"
	"net/http"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/securebase/securebase/internal/auth"
	"github.com/securebase/securebase/internal/config"
	"github.com/securebase/securebase/internal/testutil"
	"github.com/securebase/securebase/internal/web"
)

func runCLI(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	var out, errOut strings.Builder
	code := run(context.Background(), args, strings.NewReader(stdin), &out, &errOut)
	return out.String(), errOut.String(), code
}

func TestRoutesOutputMatchesTheRouter(t *testing.T) {
	out, _, code := runCLI(t, "", "routes")
	if code != 0 {
		t.Fatalf("routes exited %d", code)
	}
	srv, err := newOfflineServer()
	if err != nil {
		t.Fatal(err)
	}
	var printed, registered []string
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Scan() // header
	if !strings.HasPrefix(sc.Text(), "METHOD") {
		t.Fatalf("first line %q, want a header", sc.Text())
	}
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 3 {
			t.Fatalf("line %q lacks method, path and access", sc.Text())
		}
		printed = append(printed, f[0]+" "+f[1])
	}
	for _, r := range srv.Echo().Routes() {
		if r.Method != "echo_route_not_found" {
			registered = append(registered, r.Method+" "+r.Path)
		}
	}
	sort.Strings(printed)
	sort.Strings(registered)
	if fmt.Sprint(printed) != fmt.Sprint(registered) {
		t.Fatalf("routes output and router differ:\nprinted:    %v\nregistered: %v", printed, registered)
	}
	for _, want := range []string{"GET     /admin/users", "signed-in: admin", "public", "signed-in: any role"} {
		if !strings.Contains(out, want) {
			t.Errorf("routes output lacks %q", want)
		}
	}
}

func TestUserAddWithPasswordFromStdinOrGenerated(t *testing.T) {
	db := testutil.NewDatabase(t)
	t.Setenv("DATABASE_URL", db.AppURL)

	out, errOut, code := runCLI(t, "a long enough passphrase\n", "user", "add", "--practice", "Riverside", "--create-practice",
		"--email", "lee@riverside.example", "--role", "admin", "--name", "Lee Park")
	if code != 0 {
		t.Fatalf("user add exited %d: %s", code, errOut)
	}
	if !strings.Contains(out, `Added lee@riverside.example (admin) to "Riverside"`) || strings.Contains(out, "Password") {
		t.Fatalf("output %q", out)
	}
	out, errOut, code = runCLI(t, "", "user", "add", "--practice", "riverside", "--email", "kai@riverside.example", "--role", "counsellor")
	if code != 0 {
		t.Fatalf("second user add exited %d: %s", code, errOut)
	}
	if !regexp.MustCompile(`Password \(shown only now\): \S{23}\n`).MatchString(out) {
		t.Fatalf("generated password not printed once: %q", out)
	}
	var users, audits int
	if err := db.App.Get(&users, `SELECT count(*) FROM users u JOIN practices p ON p.id = u.practice_id WHERE p.name = 'Riverside'`); err != nil {
		t.Fatal(err)
	}
	if err := db.App.Get(&audits, `SELECT count(*) FROM audit_log WHERE action = 'user.create'`); err != nil {
		t.Fatal(err)
	}
	if users != 2 || audits != 2 {
		t.Fatalf("users %d, audit rows %d; want 2 and 2", users, audits)
	}

	for name, args := range map[string][]string{
		"duplicate email":  {"user", "add", "--practice", "Riverside", "--email", "LEE@riverside.example", "--role", "admin"},
		"unknown practice": {"user", "add", "--practice", "Nowhere", "--email", "x@y.example", "--role", "admin"},
		"bad role":         {"user", "add", "--practice", "Riverside", "--email", "x@y.example", "--role", "owner"},
	} {
		if _, errOut, code := runCLI(t, "", args...); code == 0 || errOut == "" {
			t.Errorf("%s: exit %d, want a failure with a message", name, code)
		}
	}
	if _, errOut, code := runCLI(t, "short\n", "user", "add", "--practice", "Riverside", "--email", "z@y.example", "--role", "admin"); code == 0 || !strings.Contains(errOut, "12 characters") {
		t.Errorf("short password from stdin: exit %d, %q", code, errOut)
	}
}

func TestVersionAndUsage(t *testing.T) {
	if out, _, code := runCLI(t, "", "version"); code != 0 || !strings.HasPrefix(out, "securebase ") {
		t.Fatalf("version: %d %q", code, out)
	}
	if _, errOut, code := runCLI(t, "", "frobnicate"); code != 2 || !strings.Contains(errOut, "Usage:") {
		t.Fatalf("unknown command: %d %q", code, errOut)
	}
}

// The benchmark's SELECT 1 page exists only when the bench asks for it, behind a sign-in.
func TestBenchCeilingRouteOnlyWithTheFlag(t *testing.T) {
	for _, on := range []bool{false, true} {
		cfg, err := config.FromLookup(func(string) (string, bool) { return "", false })
		if err != nil {
			t.Fatal(err)
		}
		cfg.BenchCeiling = on
		passwords, err := auth.NewPasswords(auth.DefaultParams)
		if err != nil {
			t.Fatal(err)
		}
		srv, err := web.New(web.Options{Config: cfg, Passwords: passwords})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, r := range srv.Routes() {
			if r.Path == "/bench/ceiling" {
				found = true
				if r.Method != http.MethodGet || r.Access.String() != "signed-in: any role" {
					t.Errorf("ceiling route registered as %s %s", r.Method, r.Access)
				}
			}
		}
		if found != on {
			t.Errorf("BenchCeiling=%v: route registered %v", on, found)
		}
	}
}
