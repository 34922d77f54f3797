package config_test

import (
	"strings"
	"testing"
	"time"

	"github.com/securebase/securebase/internal/config"
)

func lookup(env map[string]string) func(string) (string, bool) {
	return func(k string) (string, bool) { v, ok := env[k]; return v, ok }
}

func TestDefaults(t *testing.T) {
	c, err := config.FromLookup(lookup(nil))
	if err != nil {
		t.Fatal(err)
	}
	if c.ListenAddr != ":8080" || c.PublicURL.String() != "http://localhost:8080" || c.Secure() ||
		c.SessionIdleTimeout != 30*time.Minute || c.SessionLifetime != 12*time.Hour || len(c.TrustedProxies) != 0 ||
		c.BodyLimit != 1_000_000 || c.DBMaxConns != 20 {
		t.Fatalf("defaults: %+v", c)
	}
}

func TestValues(t *testing.T) {
	c, err := config.FromLookup(lookup(map[string]string{
		"DATABASE_URL":    "postgres://app@db/securebase",
		"PUBLIC_URL":      "https://care.example.org",
		"TRUSTED_PROXIES": "10.0.0.1, 192.168.0.0/16,::1",
		"RATE_LIMIT":      "0",
		"BODY_LIMIT":      "512K",
	}))
	if err != nil {
		t.Fatal(err)
	}
	if !c.Secure() || c.MigrationDatabaseURL != c.DatabaseURL || len(c.TrustedProxies) != 3 || c.RateLimit != 0 || c.BodyLimit != 512_000 {
		t.Fatalf("parsed: %+v", c)
	}
	if got := c.TrustedProxies[0].String(); got != "10.0.0.1/32" {
		t.Fatalf("a bare IP becomes %s, want 10.0.0.1/32", got)
	}
}

func TestBadValuesAreAllReported(t *testing.T) {
	_, err := config.FromLookup(lookup(map[string]string{
		"PUBLIC_URL":           "localhost:8080",
		"SESSION_IDLE_TIMEOUT": "soon",
		"TRUSTED_PROXIES":      "not-an-ip",
		"LOG_LEVEL":            "loud",
		"BODY_LIMIT":           "lots",
	}))
	if err == nil {
		t.Fatal("bad values accepted")
	}
	for _, want := range []string{"PUBLIC_URL", "SESSION_IDLE_TIMEOUT", "TRUSTED_PROXIES", "LOG_LEVEL", "BODY_LIMIT"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error does not name %s: %v", want, err)
		}
	}
}

func TestBenchCeilingOnlyWhenAsked(t *testing.T) {
	for v, want := range map[string]bool{"": false, "0": false, "true": false, "1": true} {
		c, err := config.FromLookup(lookup(map[string]string{"SECUREBASE_BENCH_CEILING": v}))
		if err != nil {
			t.Fatal(err)
		}
		if c.BenchCeiling != want {
			t.Errorf("SECUREBASE_BENCH_CEILING=%q: BenchCeiling %v, want %v", v, c.BenchCeiling, want)
		}
	}
}

func TestDebugAddrOnlyOnLoopback(t *testing.T) {
	for v, ok := range map[string]bool{"": true, "127.0.0.1:6060": true, "[::1]:6060": true, "localhost:6060": true,
		":6060": false, "0.0.0.0:6060": false, "192.168.1.4:6060": false, "127.0.0.1": false} {
		c, err := config.FromLookup(lookup(map[string]string{"DEBUG_ADDR": v}))
		if ok != (err == nil) {
			t.Errorf("DEBUG_ADDR=%q: err %v, want accepted %v", v, err, ok)
			continue
		}
		if ok && c.DebugAddr != v {
			t.Errorf("DEBUG_ADDR=%q: DebugAddr %q", v, c.DebugAddr)
		}
	}
}
