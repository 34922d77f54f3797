package pg_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/securebase/securebase/internal/pg"
)

func TestFindBinDirFindsTheServerBinaries(t *testing.T) {
	dir, err := pg.FindBinDir()
	if err != nil {
		t.Fatal(err)
	}
	for _, tool := range []string{"initdb", "pg_ctl"} {
		if _, err := os.Stat(filepath.Join(dir, tool)); err != nil {
			t.Errorf("%s not in %s", tool, dir)
		}
	}
}

func TestPrivateClusterStartsOnASocketOnlyAndStops(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(os.Getenv("TEST_PG_DATA"), "..", "cluster-test")
	if os.Getenv("TEST_PG_DATA") == "" {
		dir = filepath.Join(t.TempDir(), "pg")
	}
	_ = os.RemoveAll(dir)
	t.Cleanup(func() { _ = os.RemoveAll(dir) })
	c, err := pg.StartCluster(ctx, pg.ClusterOptions{Dir: dir, Ephemeral: true})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = c.Stop(ctx) }()
	if c.TCP || c.URL("postgres", "postgres") != "" {
		t.Fatal("a local cluster for make run must not listen on TCP")
	}
	if err := pg.Bootstrap(ctx, c.DSN("postgres", "postgres"), "securebase"); err != nil {
		t.Fatal(err)
	}
	db, err := pg.Open(ctx, c.DSN(pg.AppRole, "securebase"), 1)
	if err != nil {
		t.Fatalf("connect as the app role over the socket: %v", err)
	}
	var listen string
	if err := db.Get(&listen, `SHOW listen_addresses`); err != nil || listen != "" {
		t.Fatalf("listen_addresses = %q (%v), want empty", listen, err)
	}
	db.Close()

	// A second start finds the running server and leaves it to its owner.
	again, err := pg.StartCluster(ctx, pg.ClusterOptions{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if err := again.Stop(ctx); err != nil {
		t.Fatal(err)
	}
	if db, err := pg.Open(ctx, c.DSN("postgres", "postgres"), 1); err != nil {
		t.Fatalf("the reusing process stopped a server it did not start: %v", err)
	} else {
		db.Close()
	}
	if err := c.Stop(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "postmaster.pid")); !os.IsNotExist(err) {
		t.Fatal("the server still runs after Stop")
	}
}
