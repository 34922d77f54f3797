package config_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/securebase/securebase/internal/config"
)

// Every secret can come from a file named by its _FILE variable (Docker secrets), and the
// file's content never appears in an error.
func TestSecretsFromFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name, v string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(v+"\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	c, err := config.FromLookup(lookup(map[string]string{
		"DATABASE_URL_FILE":           write("app", "postgres://app:s3cret@db/securebase"),
		"MIGRATION_DATABASE_URL_FILE": write("owner", "postgres://owner:0wner@db/securebase"),
		"SMTP_PASSWORD_FILE":          write("smtp", "mail-pass"),
	}))
	if err != nil {
		t.Fatal(err)
	}
	//nolint:gosec // made-up values the test reads back
	if c.DatabaseURL != "postgres://app:s3cret@db/securebase" || c.MigrationDatabaseURL != "postgres://owner:0wner@db/securebase" || c.SMTPPassword != "mail-pass" {
		t.Fatalf("secrets from files: %+v", c)
	}

	_, err = config.FromLookup(lookup(map[string]string{
		"DATABASE_URL":      "postgres://app:other@db/securebase",
		"DATABASE_URL_FILE": write("both", "postgres://app:s3cret@db/securebase"),
	}))
	if err == nil || !strings.Contains(err.Error(), "not both") || strings.Contains(err.Error(), "s3cret") {
		t.Fatalf("both set: %v", err)
	}
	_, err = config.FromLookup(lookup(map[string]string{"SMTP_PASSWORD_FILE": filepath.Join(dir, "missing")}))
	if err == nil || !strings.Contains(err.Error(), "SMTP_PASSWORD_FILE") {
		t.Fatalf("missing file: %v", err)
	}
}

// The metrics listener is off by default and refused on a public address unless allowed.
func TestMetricsAddr(t *testing.T) {
	c, err := config.FromLookup(lookup(nil))
	if err != nil || c.MetricsAddr != "" {
		t.Fatalf("default METRICS_ADDR %q, %v: want empty (off)", c.MetricsAddr, err)
	}
	if _, err := config.FromLookup(lookup(map[string]string{"METRICS_ADDR": "127.0.0.1:9090"})); err != nil {
		t.Fatalf("loopback refused: %v", err)
	}
	for _, addr := range []string{":9090", "0.0.0.0:9090", "192.0.2.7:9090"} {
		_, err := config.FromLookup(lookup(map[string]string{"METRICS_ADDR": addr}))
		if err == nil || !strings.Contains(err.Error(), "METRICS_ALLOW_PUBLIC") {
			t.Errorf("METRICS_ADDR=%s accepted without METRICS_ALLOW_PUBLIC: %v", addr, err)
		}
	}
	c, err = config.FromLookup(lookup(map[string]string{"METRICS_ADDR": ":9090", "METRICS_ALLOW_PUBLIC": "true"}))
	if err != nil || c.MetricsAddr != ":9090" {
		t.Fatalf("allowed public: %q, %v", c.MetricsAddr, err)
	}
}
