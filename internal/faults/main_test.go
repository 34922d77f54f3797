//go:build faults

package faults

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/securebase/securebase/internal/pg"
)

// cluster is this suite's own PostgreSQL server: the tests stop and start it, so it is
// never the one `make test` or `make run` uses.
var cluster *pg.Cluster

func TestMain(m *testing.M) {
	os.Exit(runSuite(m))
}

func runSuite(m *testing.M) int {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "securebase-faults-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "faults:", err)
		return 1
	}
	defer os.RemoveAll(dir)
	// As root the server runs as the postgres user, which must be able to reach its directory.
	if err := os.Chmod(dir, 0o755); err != nil { //nolint:gosec // traversable by the postgres user; holds only a throwaway test cluster
		fmt.Fprintln(os.Stderr, "faults:", err)
		return 1
	}
	c, err := pg.StartCluster(ctx, pg.ClusterOptions{Dir: filepath.Join(dir, "data"), TCP: true, Ephemeral: true})
	if err != nil {
		fmt.Fprintln(os.Stderr, "faults:", err)
		return 1
	}
	defer func() {
		if err := c.Stop(context.Background()); err != nil {
			fmt.Fprintln(os.Stderr, "faults: stop cluster:", err)
		}
	}()
	if err := pg.Bootstrap(ctx, c.DSN("postgres", "postgres"), "securebase"); err != nil {
		fmt.Fprintln(os.Stderr, "faults:", err)
		return 1
	}
	if err := os.Setenv("TEST_DATABASE_URL", c.URL("postgres", "postgres")); err != nil {
		fmt.Fprintln(os.Stderr, "faults:", err)
		return 1
	}
	cluster = c
	return m.Run()
}

// outageTimes are the moments an outage's steps began and ended.
type outageTimes struct {
	stopBegan, stopped, startBegan, started time.Time
}

// outage stops the database (fast shutdown: sessions are ended, committed work is kept),
// keeps it down for pause, and starts it again on the same port. It returns once the
// server accepts connections again.
func outage(ctx context.Context, pause time.Duration) (outageTimes, error) {
	var ot outageTimes
	ot.stopBegan = time.Now()
	if err := cluster.Stop(ctx); err != nil {
		return ot, fmt.Errorf("stop the database: %w", err)
	}
	ot.stopped = time.Now()
	select {
	case <-time.After(pause):
	case <-ctx.Done():
	}
	ot.startBegan = time.Now()
	if err := cluster.Start(context.WithoutCancel(ctx)); err != nil {
		return ot, fmt.Errorf("start the database: %w", err)
	}
	ot.started = time.Now()
	return ot, nil
}
