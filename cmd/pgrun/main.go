// Command pgrun runs a command beside a private PostgreSQL cluster: it starts (or reuses)
// the cluster in --dir listening on 127.0.0.1, exports TEST_DATABASE_URL (a superuser
// URL) for the command, and stops the cluster afterwards if it started it. `make test`
// and `make bench` use it.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"syscall"

	"github.com/securebase/securebase/internal/pg"
)

func main() {
	dir := flag.String("dir", ".data/test-postgres", "cluster data directory")
	flag.Usage = func() { fmt.Fprintln(os.Stderr, "usage: pgrun [--dir DIR] -- command [args...]") }
	flag.Parse()
	if flag.NArg() == 0 {
		flag.Usage()
		os.Exit(2)
	}
	os.Exit(run(*dir, flag.Args()))
}

func run(dir string, args []string) int {
	ctx := context.Background()
	cluster, err := pg.StartCluster(ctx, pg.ClusterOptions{Dir: dir, TCP: true, Ephemeral: true})
	if err != nil {
		fmt.Fprintln(os.Stderr, "pgrun:", err)
		return 1
	}
	defer func() {
		if err := cluster.Stop(ctx); err != nil {
			fmt.Fprintln(os.Stderr, "pgrun: stop:", err)
		}
	}()
	if err := pg.Bootstrap(ctx, cluster.DSN("postgres", "postgres"), "securebase"); err != nil {
		fmt.Fprintln(os.Stderr, "pgrun:", err)
		return 1
	}
	cmd := exec.Command(args[0], args[1:]...) //nolint:gosec // running the given command is this tool's purpose
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	cmd.Env = append(os.Environ(),
		"TEST_DATABASE_URL="+cluster.URL("postgres", "postgres"),
		"TEST_PG_DATA="+cluster.Dir,
	)
	// Ctrl-C reaches the child through the terminal; pgrun waits for it, then stops the cluster.
	signal.Ignore(os.Interrupt, syscall.SIGTERM)
	if err := cmd.Run(); err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			return exit.ExitCode()
		}
		fmt.Fprintln(os.Stderr, "pgrun:", err)
		return 1
	}
	return 0
}
