package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/securebase/securebase/internal/config"
)

// serveMetrics serves the Prometheus series on addr, a listener of its own: the application
// router never serves them. Config refuses a non-loopback addr unless METRICS_ALLOW_PUBLIC=true.
// It stops when ctx ends.
func serveMetrics(ctx context.Context, addr string, h http.Handler, log *slog.Logger) error {
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", h)
	hs := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second, WriteTimeout: 30 * time.Second}
	go func() {
		<-ctx.Done()
		_ = hs.Close()
	}()
	go func() {
		if err := hs.Serve(l); !errors.Is(err, http.ErrServerClosed) {
			log.Warn("metrics listener", "err", err)
		}
	}()
	log.Info("serving metrics", "addr", l.Addr().String())
	return nil
}

// healthcheckCmd asks the server on LISTEN_ADDR (or --url) for /healthz, or /readyz with
// --ready, and fails unless it answers 200: the container's HEALTHCHECK, since the
// distroless image has no curl.
func healthcheckCmd(ctx context.Context, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("healthcheck", flag.ContinueOnError)
	ready := fs.Bool("ready", false, "ask /readyz (the database answers) rather than /healthz (the process is up)")
	target := fs.String("url", "", "the URL to ask (default: http://127.0.0.1:PORT/healthz, PORT from LISTEN_ADDR)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *target == "" {
		cfg, err := config.FromEnv()
		if err != nil {
			return err
		}
		path := "/healthz"
		if *ready {
			path = "/readyz"
		}
		*target = "http://" + localAddr(cfg.ListenAddr) + path
	}
	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, *target, nil)
	if err != nil {
		return err
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("healthcheck: %w", err)
	}
	defer func() { _ = res.Body.Close() }()
	if res.StatusCode != http.StatusOK {
		return fmt.Errorf("healthcheck: %s answered %d", *target, res.StatusCode)
	}
	fmt.Fprintln(stdout, "healthy")
	return nil
}

// localAddr turns a listen address into one to dial on this machine: an empty or
// unspecified host becomes loopback.
func localAddr(listen string) string {
	host, port, err := net.SplitHostPort(listen)
	if err != nil {
		return listen
	}
	if ip := net.ParseIP(host); host == "" || ip != nil && ip.IsUnspecified() {
		host = "127.0.0.1"
		if ip != nil && ip.To4() == nil {
			host = "::1"
		}
	}
	return net.JoinHostPort(host, port)
}
