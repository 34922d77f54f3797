package main

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/securebase/securebase/internal/testutil"
)

func TestServeRefusesASchemaThatIsBehind(t *testing.T) {
	t.Setenv("DATABASE_URL", testutil.NewEmptyDatabase(t))
	_, errOut, code := runCLI(t, "", "serve")
	if code != 1 || !strings.Contains(errOut, "schema is behind") {
		t.Fatalf("serve on an unmigrated database: exit %d, %q", code, errOut)
	}
}

func status(u string) int {
	res, err := http.Get(u) //nolint:gosec // the loopback address of the server under test
	if err != nil {
		return 0
	}
	res.Body.Close()
	return res.StatusCode
}

func TestServeMigratesSeedsServesAndShutsDownGracefully(t *testing.T) {
	addr, debugAddr, metricsAddr := testutil.FreeLoopbackAddr(t), testutil.FreeLoopbackAddr(t), testutil.FreeLoopbackAddr(t)
	t.Setenv("DATABASE_URL", testutil.NewEmptyDatabase(t))
	t.Setenv("METRICS_ADDR", metricsAddr)
	t.Setenv("LISTEN_ADDR", addr)
	t.Setenv("DEBUG_ADDR", debugAddr)
	t.Setenv("LOG_LEVEL", "warn")

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var out, errOut testutil.LogBuffer
	done := make(chan int)
	go func() {
		done <- run(ctx, []string{"serve", "--migrate", "--demo"}, strings.NewReader(""), &out, &errOut)
	}()

	url := fmt.Sprintf("http://%s", addr)
	var up bool
	for i := 0; i < 600 && !up; i++ { // up to 30 s: migrating all of the schema is slow on a busy machine
		if res, err := http.Get(url + "/readyz"); err == nil {
			res.Body.Close()
			up = res.StatusCode == 200
		}
		if !up {
			time.Sleep(50 * time.Millisecond)
		}
	}
	if !up {
		cancel()
		t.Fatalf("server never became ready; stderr: %s", errOut.String())
	}
	for _, want := range []string{"applied 0001_foundation.sql", "admin@harbour.example", "Harbour Street Counselling (demo)"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("stdout lacks %q", want)
		}
	}
	// Profiles are served on the debug listener only, never by the application's router.
	if got := status("http://" + debugAddr + "/debug/pprof/"); got != http.StatusOK {
		t.Errorf("pprof index on DEBUG_ADDR: status %d, want 200", got)
	}
	if got := status(url + "/debug/pprof/"); got != http.StatusNotFound {
		t.Errorf("pprof index on the application's address: status %d, want 404", got)
	}
	// Metrics likewise: on METRICS_ADDR only.
	if got := status("http://" + metricsAddr + "/metrics"); got != http.StatusOK {
		t.Errorf("/metrics on METRICS_ADDR: status %d, want 200", got)
	}
	if got := status(url + "/metrics"); got != http.StatusNotFound {
		t.Errorf("/metrics on the application's address: status %d, want 404", got)
	}
	// The container's health check: exit 0 while the server answers.
	if hout, herr, code := runCLI(t, "", "healthcheck"); code != 0 || !strings.Contains(hout, "healthy") {
		t.Errorf("healthcheck while serving: exit %d, %q %q", code, hout, herr)
	}
	if _, herr, code := runCLI(t, "", "healthcheck", "--ready"); code != 0 {
		t.Errorf("healthcheck --ready while serving: exit %d, %q", code, herr)
	}
	cancel() // as SIGTERM does
	select {
	case code := <-done:
		if code != 0 {
			t.Fatalf("serve exited %d after shutdown: %s", code, errOut.String())
		}
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not stop")
	}
	if res, err := http.Get(url + "/healthz"); err == nil {
		res.Body.Close()
		t.Fatal("still accepting connections after shutdown")
	}
	if got := status("http://" + debugAddr + "/debug/pprof/"); got != 0 {
		t.Errorf("debug listener still answering after shutdown: %d", got)
	}
	if _, _, code := runCLI(t, "", "healthcheck"); code != 1 {
		t.Errorf("healthcheck with the server stopped: exit %d, want 1", code)
	}
}

// The health check dials loopback for a wildcard LISTEN_ADDR, and fails when nothing answers.
func TestHealthcheckAddressAndFailure(t *testing.T) {
	if got := localAddr(":8080"); got != "127.0.0.1:8080" {
		t.Errorf("localAddr(:8080) = %s", got)
	}
	if got := localAddr("[::]:8080"); got != "[::1]:8080" {
		t.Errorf("localAddr([::]:8080) = %s", got)
	}
	_, errOut, code := runCLI(t, "", "healthcheck", "--url", "http://127.0.0.1:1/healthz")
	if code != 1 || !strings.Contains(errOut, "healthcheck") {
		t.Errorf("healthcheck of nothing: exit %d, %q", code, errOut)
	}
}
