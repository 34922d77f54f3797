// Command securebase is the Secure Base server and its administration commands.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

const usage = `securebase: casework records for counsellors

Usage:
  securebase serve [--migrate] [--demo] [--local-db DIR]
  securebase migrate up|status [--local-db DIR]
  securebase user add --practice NAME|ID --email EMAIL --role admin|counsellor|supervisor [--name NAME] [--create-practice] [--local-db DIR]
  securebase keys generate | securebase keys rotate [--local-db DIR]
  securebase demo reset --local-db DIR
  securebase healthcheck [--ready] [--url URL]
  securebase routes
  securebase version

Configuration comes from environment variables (see README.md). Without DATABASE_URL,
--local-db DIR starts (or reuses) a private PostgreSQL cluster in DIR.
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run dispatches a subcommand and returns the process exit code.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	var err error
	switch args[0] {
	case "serve":
		err = serveCmd(ctx, args[1:], stdout, stderr)
	case "migrate":
		err = migrateCmd(ctx, args[1:], stdout)
	case "user":
		err = userCmd(ctx, args[1:], stdin, stdout)
	case "keys":
		err = keysCmd(ctx, args[1:], stdout)
	case "demo":
		err = demoCmd(ctx, args[1:], stdout)
	case "healthcheck":
		err = healthcheckCmd(ctx, args[1:], stdout)
	case "routes":
		err = routesCmd(stdout)
	case "version":
		fmt.Fprintln(stdout, "securebase", version)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
	default:
		fmt.Fprintf(stderr, "securebase: unknown command %q\n\n%s", args[0], usage)
		return 2
	}
	if err != nil {
		fmt.Fprintln(stderr, "securebase:", err)
		return 1
	}
	return 0
}
