//go:build faults

package faults

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/securebase/securebase/internal/auth"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/testutil"
)

// The real binary, sent SIGTERM while a sign-in is half uploaded: it stops accepting
// connections at once (a new one is refused), lets the sign-in finish (303, session
// stored), and exits 0.
func TestSIGTERMLetsInFlightRequestsFinishAndRefusesNewOnes(t *testing.T) {
	// Building the binary with -race can take minutes on a loaded machine: it has its own guard.
	buildCtx, cancelBuild := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancelBuild()
	bin := buildBinary(buildCtx, t)
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Second)
	defer cancel()

	db := testutil.NewDatabase(t)
	st, err := store.New(db.App)
	if err != nil {
		t.Fatal(err)
	}
	practice, err := st.CreatePractice(ctx, "Harbour SIGTERM")
	if err != nil {
		t.Fatal(err)
	}
	pw, err := auth.NewPasswords(testutil.FastPasswordParams)
	if err != nil {
		t.Fatal(err)
	}
	const email, password = "sigterm@test.example", "correct horse battery staple"
	hash, err := pw.Hash(password)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.CreateUser(ctx, practice.ID, store.NewUser{Email: email, DisplayName: "Sam", Role: store.RoleCounsellor, PasswordHash: hash}); err != nil {
		t.Fatal(err)
	}

	addr := testutil.FreeLoopbackAddr(t)
	var stdout, stderr testutil.LogBuffer
	cmd := exec.CommandContext(ctx, bin, "serve") //nolint:gosec // the binary this test just built
	cmd.Env = []string{
		"PATH=" + os.Getenv("PATH"),
		"HOME=" + os.Getenv("HOME"),
		"DATABASE_URL=" + db.AppURL,
		"LISTEN_ADDR=" + addr,
		"PUBLIC_URL=http://" + addr,
		"SHUTDOWN_TIMEOUT=10s",
	}
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	reaped := false // set once the exit was received from exited
	defer func() {
		if !reaped {
			_ = cmd.Process.Kill()
			<-exited
		}
		if t.Failed() {
			t.Logf("server stdout:\n%s\nserver stderr:\n%s", stdout.String(), stderr.String())
		}
	}()
	tr := &http.Transport{}
	defer tr.CloseIdleConnections()
	b := newBrowser("http://"+addr, tr)
	waitReady(ctx, t, b, exited)

	// A browser loads the sign-in page (CSRF cookie and token), then posts the form over a
	// slow connection: the headers and half the body now, the rest after SIGTERM.
	if res, err := b.get(ctx, "/login"); err != nil || res.status != http.StatusOK {
		t.Fatalf("sign-in page: %d %v", res.status, err)
	}
	body := url.Values{"email": {email}, "password": {password}, "_csrf": {b.token()}}.Encode()
	conn, err := net.DialTimeout("tcp", addr, 2*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(20 * time.Second))
	half := len(body) / 2
	if _, err := fmt.Fprintf(conn, "POST /login HTTP/1.1\r\nHost: %s\r\nContent-Type: application/x-www-form-urlencoded\r\n"+
		"Content-Length: %d\r\nCookie: %s\r\nConnection: close\r\n\r\n%s", addr, len(body), b.cookieHeader(), body[:half]); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond) // the server has read the headers and waits for the rest of the body

	sent := time.Now()
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	// New connections are refused while the sign-in is still in flight.
	refusedAfter, dials := waitRefused(t, addr, 5*time.Second)
	if _, err := newBrowser("http://"+addr, tr).get(ctx, "/healthz"); !errors.Is(err, syscall.ECONNREFUSED) {
		t.Errorf("a new request after SIGTERM: %v, want connection refused", err)
	}
	select {
	case err := <-exited:
		reaped = true
		t.Fatalf("the server exited (%v) before the in-flight request finished", err)
	default:
	}

	time.Sleep(200 * time.Millisecond)
	if _, err := conn.Write([]byte(body[half:])); err != nil {
		t.Fatalf("the rest of the in-flight body: %v", err)
	}
	res, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("the in-flight sign-in got no response: %v", err)
	}
	res.Body.Close()
	inFlight := time.Since(sent)
	signedIn := false
	for _, c := range res.Cookies() {
		signedIn = signedIn || c.Name == auth.SessionCookieName && c.Value != ""
	}
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/" || !signedIn {
		t.Errorf("in-flight sign-in: status %d, location %q, session cookie %v; want 303 to / with a session", res.StatusCode, res.Header.Get("Location"), signedIn)
	}

	var exitErr error
	select {
	case exitErr = <-exited:
		reaped = true
	case <-time.After(15 * time.Second):
		t.Fatal("the server did not exit within 15 s of SIGTERM")
	}
	exitedAfter := time.Since(sent)
	if exitErr != nil {
		t.Errorf("server exit: %v, want status 0", exitErr)
	}
	if !strings.Contains(stdout.String(), "Stopped.") {
		t.Errorf("the server did not report a clean stop; stdout:\n%s", stdout.String())
	}
	var sessions int
	if err := db.App.GetContext(ctx, &sessions, `SELECT count(*) FROM sessions`); err != nil || sessions == 0 {
		t.Errorf("the in-flight sign-in's session is not stored (%d, %v)", sessions, err)
	}
	t.Logf("new connections refused %s after SIGTERM (%d dials accepted before); the in-flight sign-in answered %d after %s; the process exited 0 after %s",
		refusedAfter.Round(time.Millisecond), dials, res.StatusCode, inFlight.Round(time.Millisecond), exitedAfter.Round(time.Millisecond))
}

// buildBinary builds cmd/securebase into a temporary directory.
func buildBinary(ctx context.Context, t *testing.T) string {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go tool is needed to build the server: %v", err)
	}
	bin := filepath.Join(t.TempDir(), "securebase")
	began := time.Now()
	out, err := exec.CommandContext(ctx, goTool, "build", "-o", bin, "github.com/securebase/securebase/cmd/securebase").CombinedOutput() //nolint:gosec // builds this module's own command
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	t.Logf("built the server in %s", time.Since(began).Round(time.Millisecond))
	return bin
}

// waitReady waits (at most 15 s) for /readyz to answer 200, failing if the server exits.
func waitReady(ctx context.Context, t *testing.T, b *browser, exited chan error) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case err := <-exited:
			exited <- err // for the caller's clean-up, which waits for the exit
			t.Fatalf("the server exited while starting: %v", err)
		default:
		}
		if res, err := b.get(ctx, "/readyz"); err == nil && res.status == http.StatusOK {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatal("the server was not ready within 15 s")
}

// waitRefused dials addr until a connection is refused, closing any that are accepted
// meanwhile, and returns how long that took and how many dials were accepted.
func waitRefused(t *testing.T, addr string, limit time.Duration) (time.Duration, int) {
	t.Helper()
	began := time.Now()
	accepted := 0
	for time.Since(began) < limit {
		c, err := net.DialTimeout("tcp", addr, 500*time.Millisecond)
		if err == nil {
			accepted++
			_ = c.Close()
			time.Sleep(5 * time.Millisecond)
			continue
		}
		if errors.Is(err, syscall.ECONNRESET) {
			// Caught in the listener's closing: reset before anything was served. Not yet
			// the closed port this waits for, but not a connection the server took either.
			time.Sleep(5 * time.Millisecond)
			continue
		}
		if !errors.Is(err, syscall.ECONNREFUSED) {
			t.Fatalf("a new connection after SIGTERM: %v, want connection refused", err)
		}
		return time.Since(began), accepted
	}
	t.Fatalf("new connections were still accepted %s after SIGTERM", limit)
	return 0, accepted
}
