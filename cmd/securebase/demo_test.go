package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/securebase/securebase/internal/pg"
)

// demoClusterDir is a private cluster's directory for the demo reset test.
func demoClusterDir(t *testing.T) string {
	dir := filepath.Join(os.Getenv("TEST_PG_DATA"), "..", "demo-reset-test")
	if os.Getenv("TEST_PG_DATA") == "" {
		dir = filepath.Join(t.TempDir(), "pg")
	}
	_ = os.RemoveAll(dir)
	t.Cleanup(func() { _ = os.RemoveAll(dir) })
	return dir
}

func TestDemoResetPutsTheDemoBackAndPrintsItsSignInsAndClientLinkAgain(t *testing.T) {
	t.Setenv("DATABASE_URL", "")
	dir := demoClusterDir(t)
	first, errOut, code := runCLI(t, "", "demo", "reset", "--local-db", dir)
	if code != 0 {
		t.Fatalf("demo reset on a new cluster: exit %d: %s", code, errOut)
	}
	second, errOut, code := runCLI(t, "", "demo", "reset", "--local-db", dir)
	if code != 0 {
		t.Fatalf("demo reset again: exit %d: %s", code, errOut)
	}
	for _, out := range []string{first, second} {
		for _, want := range []string{"The demo is back as new.", "admin@harbour.example", "supervisor", "/h/", "make demo-reset"} {
			if !strings.Contains(out, want) {
				t.Errorf("demo reset output lacks %q:\n%s", want, out)
			}
		}
	}
	if linkOf(first) == "" || linkOf(first) == linkOf(second) {
		t.Errorf("each reset prints a new client link: %q then %q", linkOf(first), linkOf(second))
	}

	// The reset left one demo practice; one more practice makes the next reset refuse.
	ctx := context.Background()
	c, err := pg.StartCluster(ctx, pg.ClusterOptions{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = c.Stop(ctx) }()
	db, err := pg.Open(ctx, c.DSN("postgres", databaseName), 1)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var practices int
	if err := db.Get(&practices, `SELECT count(*) FROM practices`); err != nil || practices != 1 {
		t.Fatalf("practices after two resets = %d, %v; want the demo's alone", practices, err)
	}
	if _, err := db.Exec(`INSERT INTO practices (name) VALUES ('A real practice')`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	_, errOut, code = runCLI(t, "", "demo", "reset", "--local-db", dir)
	if code == 0 || !strings.Contains(errOut, "besides the demo") {
		t.Fatalf("demo reset with a real practice: exit %d, %q; want a refusal", code, errOut)
	}
	if _, errOut, code = runCLI(t, "", "demo", "reset"); code == 0 || !strings.Contains(errOut, "--local-db") {
		t.Fatalf("demo reset without --local-db: exit %d, %q; want the usage", code, errOut)
	}
}

// linkOf returns the client link printed in a demo's details.
func linkOf(out string) string {
	for _, line := range strings.Split(out, "\n") {
		if i := strings.Index(line, "/h/"); i >= 0 {
			return strings.TrimSpace(line[i:])
		}
	}
	return ""
}
