// Command benchrun is make bench-http: it seeds a large practice (bench/seed.sql) into a fresh
// database of the cluster pgrun started, serves it with the built securebase binary on a
// loopback port, signs in over HTTP, runs wrk against the pages that matter and times the
// exports, then writes bench/results.md. Run it under pgrun (it reads TEST_DATABASE_URL).
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"time"

	"github.com/securebase/securebase/internal/auth"
	"github.com/securebase/securebase/internal/homework"
	"github.com/securebase/securebase/internal/pg"
)

// benchDB is the database benchrun drops and recreates on every run.
const benchDB = "securebase_bench"

// benchPassword signs in every seeded account; the accounts exist only in the bench database.
const benchPassword = "bench-password-not-secret-42"

type options struct {
	bin, out, wrk string
	port          int
	runs          int
	duration      time.Duration
	links         int
	profiles      string // directory for a CPU profile of each page's first run; empty for none
	hold          bool   // seed and serve, print how to reach it, and wait for Ctrl-C
	only          string // a regular expression: only the rows it matches (and the ceilings) run
}

func main() {
	var o options
	flag.StringVar(&o.bin, "bin", "bin/securebase", "the securebase binary to serve")
	flag.StringVar(&o.out, "out", "bench/results.md", "where to write the results table")
	flag.StringVar(&o.wrk, "wrk", "wrk", "the wrk binary")
	flag.IntVar(&o.port, "port", 18080, "loopback port for the server")
	flag.IntVar(&o.runs, "runs", 3, "runs of each measurement; the table shows medians")
	flag.DurationVar(&o.duration, "duration", 10*time.Second, "wrk duration of each run")
	flag.IntVar(&o.links, "links", 500, "private links the POST benchmark rotates through (bench/seed.sql makes 500)")
	flag.StringVar(&o.profiles, "profiles", ".data/bench-profiles", "where a CPU profile (pprof) of each page's first run is written; empty for none")
	flag.BoolVar(&o.hold, "hold", false, "seed, serve and sign in, print the URLs and cookies, then wait for Ctrl-C (to explore or profile by hand)")
	flag.StringVar(&o.only, "only", "", "run only the rows whose name matches this regular expression (the ceilings always run); empty for all")
	flag.Parse()
	if err := run(context.Background(), o); err != nil {
		fmt.Fprintln(os.Stderr, "benchrun:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, o options) error {
	admin := os.Getenv("TEST_DATABASE_URL")
	if admin == "" {
		return errors.New("TEST_DATABASE_URL is not set: run me under cmd/pgrun (make bench-http)")
	}
	ownerURL, appURL, err := benchURLs(admin)
	if err != nil {
		return err
	}
	seedTime, err := prepare(ctx, admin, ownerURL)
	if err != nil {
		return err
	}
	fmt.Printf("seeded in %s\n", seedTime.Round(100*time.Millisecond))
	srv, err := startServer(ctx, o, appURL)
	if err != nil {
		return err
	}
	defer srv.stop()
	if o.hold {
		return hold(ctx, srv, ownerURL)
	}
	r := &report{Seed: seedTime, Runs: o.runs, Duration: o.duration, Machine: machine()}
	if err := measure(ctx, o, srv, ownerURL, r); err != nil {
		return err
	}
	if err := os.WriteFile(o.out, []byte(r.markdown()), 0o644); err != nil { //nolint:gosec // a results table, meant to be read
		return err
	}
	fmt.Printf("wrote %s\n", o.out)
	return nil
}

// benchURLs derives the schema owner's and the application's URLs of the bench database
// from pgrun's superuser URL.
func benchURLs(admin string) (owner, app string, err error) {
	u, err := url.Parse(admin)
	if err != nil {
		return "", "", fmt.Errorf("TEST_DATABASE_URL: %w", err)
	}
	u.Path = "/" + benchDB
	owner = u.String()
	u.User = url.User(pg.AppRole)
	return owner, u.String(), nil
}

// prepare recreates the bench database, migrates it and runs bench/seed.sql, returning how
// long the seeding took.
func prepare(ctx context.Context, admin, owner string) (time.Duration, error) {
	db, err := pg.Open(ctx, admin, 2)
	if err != nil {
		return 0, err
	}
	defer db.Close()
	if err := pg.EnsureAppRole(ctx, db); err != nil {
		return 0, err
	}
	for _, q := range []string{`DROP DATABASE IF EXISTS ` + benchDB + ` WITH (FORCE)`, `CREATE DATABASE ` + benchDB} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			return 0, fmt.Errorf("%s: %w", q, err)
		}
	}
	odb, err := pg.Open(ctx, owner, 2)
	if err != nil {
		return 0, err
	}
	defer odb.Close()
	if err := pg.MigrateUp(ctx, odb.DB, os.Stdout); err != nil {
		return 0, err
	}
	passwords, err := auth.NewPasswords(auth.DefaultParams)
	if err != nil {
		return 0, err
	}
	hash, err := passwords.Hash(benchPassword)
	if err != nil {
		return 0, err
	}
	tpl, ok := homework.BuiltInByKey("reassurance_tally")
	if !ok {
		return 0, errors.New("no built-in reassurance_tally")
	}
	def, err := json.Marshal(tpl)
	if err != nil {
		return 0, err
	}
	seed, err := os.ReadFile("bench/seed.sql")
	if err != nil {
		return 0, err
	}
	conn, err := odb.Conn(ctx)
	if err != nil {
		return 0, err
	}
	defer conn.Close()
	began := time.Now()
	if _, err := conn.ExecContext(ctx, `SELECT set_config('bench.password_hash', $1, false), set_config('bench.template', $2, false)`,
		hash, string(def)); err != nil {
		return 0, err
	}
	if _, err := conn.ExecContext(ctx, string(seed)); err != nil {
		return 0, fmt.Errorf("bench/seed.sql: %w", err)
	}
	// What autovacuum would have done by now on a real practice's database: statistics and the
	// visibility map (index-only scans). VACUUM cannot run inside the seed's one transaction.
	if _, err := conn.ExecContext(ctx, `VACUUM ANALYSE`); err != nil {
		return 0, fmt.Errorf("vacuum: %w", err)
	}
	return time.Since(began), nil
}

// server is the securebase process under test.
type server struct {
	cmd   *exec.Cmd
	base  string
	debug string // the server's pprof listener
}

func startServer(ctx context.Context, o options, appURL string) (*server, error) {
	base := fmt.Sprintf("http://127.0.0.1:%d", o.port)
	cmd := exec.CommandContext(ctx, o.bin, "serve") //nolint:gosec // the binary to benchmark is this tool's input
	debug := fmt.Sprintf("127.0.0.1:%d", o.port+1)
	cmd.Env = append(os.Environ(), "DATABASE_URL="+appURL, "LISTEN_ADDR="+strings.TrimPrefix(base, "http://"), "PUBLIC_URL="+base,
		"RATE_LIMIT=0", "LOG_LEVEL=error", "SECUREBASE_BENCH_CEILING=1", "DEBUG_ADDR="+debug)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	s := &server{cmd: cmd, base: base, debug: "http://" + debug}
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if status, _, err := get(s.base+"/readyz", ""); err == nil && status == 200 {
			return s, nil
		}
	}
	s.stop()
	return nil, errors.New("the server did not become ready within 30s")
}

func (s *server) stop() {
	_ = s.cmd.Process.Signal(os.Interrupt)
	done := make(chan struct{})
	go func() { _ = s.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(25 * time.Second):
		_ = s.cmd.Process.Kill()
	}
}

// machine describes where the figures come from.
func machine() string {
	model := "unknown CPU"
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(line, "model name") {
				_, model, _ = strings.Cut(line, ": ")
				break
			}
		}
	}
	load := ""
	if b, err := os.ReadFile("/proc/loadavg"); err == nil {
		load = strings.Join(strings.Fields(string(b))[:3], " ")
	}
	return fmt.Sprintf("%d CPUs (%s), %s/%s, %s; load average before the run: %s", runtime.NumCPU(), strings.TrimSpace(model),
		runtime.GOOS, runtime.GOARCH, runtime.Version(), load)
}
