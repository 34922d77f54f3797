package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/securebase/securebase/internal/auth"
	"github.com/securebase/securebase/internal/config"
	"github.com/securebase/securebase/internal/pg"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web"
)

func migrateCmd(ctx context.Context, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("migrate", flag.ContinueOnError)
	localDir := fs.String("local-db", "", "without DATABASE_URL, use the private cluster in this directory")
	if len(args) == 0 || (args[0] != "up" && args[0] != "status") {
		return errors.New("usage: securebase migrate up|status [--local-db DIR]")
	}
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	cfg, err := config.FromEnv()
	if err != nil {
		return err
	}
	target, err := resolveDB(ctx, cfg, *localDir, io.Discard)
	if err != nil {
		return err
	}
	defer target.stop(slog.New(slog.DiscardHandler))
	if args[0] == "up" {
		return target.migrate(ctx, stdout)
	}
	db, err := pg.Open(ctx, target.migrateDSN, 2)
	if err != nil {
		return err
	}
	defer db.Close()
	return pg.MigrationStatus(ctx, db.DB, stdout)
}

func userCmd(ctx context.Context, args []string, stdin io.Reader, stdout io.Writer) error {
	if len(args) == 0 || args[0] != "add" {
		return errors.New("usage: securebase user add --practice NAME|ID --email EMAIL --role ROLE [--name NAME] [--create-practice]")
	}
	fs := flag.NewFlagSet("user add", flag.ContinueOnError)
	practiceArg := fs.String("practice", "", "practice name or id")
	email := fs.String("email", "", "the user's email, used to sign in")
	role := fs.String("role", "", "admin, counsellor or supervisor")
	name := fs.String("name", "", "display name (defaults to the part of the email before @)")
	create := fs.Bool("create-practice", false, "create the practice if no practice has that name")
	localDir := fs.String("local-db", "", "without DATABASE_URL, use the private cluster in this directory")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if *practiceArg == "" || !strings.Contains(*email, "@") || !store.Role(*role).Valid() {
		return errors.New("--practice, --email and --role (admin, counsellor or supervisor) are required")
	}
	if *name == "" {
		*name, _, _ = strings.Cut(*email, "@")
	}
	cfg, err := config.FromEnv()
	if err != nil {
		return err
	}
	passwords, err := auth.NewPasswords(auth.DefaultParams)
	if err != nil {
		return err
	}
	password, generated, err := readPassword(stdin, passwords)
	if err != nil {
		return err
	}
	target, err := resolveDB(ctx, cfg, *localDir, io.Discard)
	if err != nil {
		return err
	}
	defer target.stop(slog.New(slog.DiscardHandler))
	db, err := target.open(ctx, 2)
	if err != nil {
		return err
	}
	defer db.Close()
	st, err := store.New(db)
	if err != nil {
		return err
	}
	practice, err := findPractice(ctx, st, *practiceArg, *create)
	if err != nil {
		return err
	}
	hash, err := passwords.Hash(password)
	if err != nil {
		return err
	}
	u, err := st.CreateUser(ctx, practice.ID, store.NewUser{Email: *email, DisplayName: *name, Role: store.Role(*role), PasswordHash: hash})
	if errors.Is(err, store.ErrConflict) {
		return fmt.Errorf("an account with email %s already exists", *email)
	}
	if err != nil {
		return err
	}
	if err := st.RecordAudit(ctx, practice.ID, store.AuditEntry{Action: "user.create", EntityType: "user",
		EntityID: strconv.FormatInt(u.ID, 10), Outcome: store.OutcomeSuccess, Detail: "command line; role=" + *role}); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Added %s (%s) to %q as user %d.\n", u.Email, u.Role, practice.Name, u.ID)
	if generated {
		fmt.Fprintf(stdout, "Password (shown only now): %s\n", password)
	}
	return nil
}

// readPassword takes the first line of stdin when stdin is not a terminal; with none,
// it generates one.
func readPassword(stdin io.Reader, passwords *auth.Passwords) (string, bool, error) {
	if f, ok := stdin.(*os.File); ok {
		if st, err := f.Stat(); err != nil || st.Mode()&os.ModeCharDevice != 0 {
			stdin = nil
		}
	}
	if stdin != nil {
		line, err := bufio.NewReader(stdin).ReadString('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return "", false, err
		}
		if line = strings.TrimRight(line, "\r\n"); line != "" {
			if err := passwords.Check(line); err != nil {
				return "", false, fmt.Errorf("password: %w", err)
			}
			return line, false, nil
		}
	}
	p, err := auth.GeneratePassword()
	return p, true, err
}

func findPractice(ctx context.Context, st *store.Store, arg string, create bool) (store.Practice, error) {
	if id, err := strconv.ParseInt(arg, 10, 64); err == nil {
		return st.Practice(ctx, id)
	}
	p, err := st.PracticeByName(ctx, arg)
	if errors.Is(err, store.ErrNotFound) && create {
		return st.CreatePractice(ctx, arg)
	}
	if errors.Is(err, store.ErrNotFound) {
		return p, fmt.Errorf("no practice named %q (add --create-practice to create it)", arg)
	}
	return p, err
}

func routesCmd(stdout io.Writer) error {
	srv, err := newOfflineServer()
	if err != nil {
		return err
	}
	return printRoutes(stdout, srv.Routes())
}

// newOfflineServer builds the router without a database, to list its routes.
func newOfflineServer() (*web.Server, error) {
	cfg, err := config.FromLookup(func(string) (string, bool) { return "", false })
	if err != nil {
		return nil, err
	}
	passwords, err := auth.NewPasswords(auth.DefaultParams)
	if err != nil {
		return nil, err
	}
	return web.New(web.Options{Config: cfg, Passwords: passwords, Version: version})
}

func printRoutes(w io.Writer, routes []web.Route) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "METHOD\tPATH\tACCESS\tQUERY")
	for _, r := range routes {
		query := make([]string, len(r.Query))
		for i, q := range r.Query {
			query[i] = q.String()
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.Method, r.Path, r.Access, strings.Join(query, " "))
	}
	return tw.Flush()
}
