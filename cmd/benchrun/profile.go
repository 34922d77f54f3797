package main

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"
)

var nonSlug = regexp.MustCompile(`[^a-z0-9]+`)

// profileDuring starts a CPU profile of the server for the length of a wrk run and returns a
// function that waits for it and writes it to dir/<name>.pprof. With no dir it does nothing.
func profileDuring(o options, srv *server, name string) func() error {
	if o.profiles == "" {
		return func() error { return nil }
	}
	seconds := max(1, int(o.duration/time.Second)-1)
	done := make(chan error, 1)
	go func() {
		done <- fetchProfile(fmt.Sprintf("%s/debug/pprof/profile?seconds=%d", srv.debug, seconds), o.profiles, name)
	}()
	return func() error { return <-done }
}

func fetchProfile(u, dir, name string) error {
	res, err := http.Get(u) //nolint:gosec // the server's own loopback debug listener
	if err != nil {
		return fmt.Errorf("profile %s: %w", name, err)
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return fmt.Errorf("profile %s: status %d", name, res.StatusCode)
	}
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return err
	}
	slug := strings.Trim(nonSlug.ReplaceAllString(strings.ToLower(name), "-"), "-")
	f, err := os.Create(filepath.Join(dir, slug+".pprof")) //nolint:gosec // the -profiles directory this tool was given
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, res.Body); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
