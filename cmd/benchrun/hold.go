package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

// hold keeps the seeded server running for exploring by hand: it signs in as the admin and
// as counsellor 1 and as the supervisor, prints the URLs and cookies (and psql's), and waits for Ctrl-C.
func hold(ctx context.Context, srv *server, ownerURL string) error {
	admin, err := signIn(srv.base, "bench-admin@example.org")
	if err != nil {
		return err
	}
	counsellor, err := signIn(srv.base, "bench-c01@example.org")
	if err != nil {
		return err
	}
	supervisor, err := signIn(srv.base, "bench-sup@example.org")
	if err != nil {
		return err
	}
	fmt.Printf("server:   %s\nprofiles: %s/debug/pprof/\npsql:     psql '%s'\nadmin:      -H 'Cookie: %s'\ncounsellor: -H 'Cookie: %s'\nsupervisor: -H 'Cookie: %s'\nPress Ctrl-C to stop.\n",
		srv.base, srv.debug, ownerURL, admin, counsellor, supervisor)
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	<-ctx.Done()
	return nil
}
