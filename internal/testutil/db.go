// Package testutil gives tests real parts: a fresh PostgreSQL database per test (cloned
// from a migrated template), the real router and templates, and an HTTP client that
// signs in and carries CSRF tokens like a browser.
package testutil

import (
	"context"
	"database/sql"
	"io"
	"net/url"
	"os"
	"sync"
	"testing"

	"github.com/jmoiron/sqlx"
	"github.com/peterldowns/pgtestdb"

	"github.com/securebase/securebase/internal/pg"
)

// OwnerRole owns the test databases' tables, as the migrating role does in production;
// tests connect as pg.AppRole, which has only the granted privileges.
const OwnerRole = "securebase_owner"

var appRoleOnce sync.Once

// adminURL returns TEST_DATABASE_URL or fails the test with how to get one.
func adminURL(t testing.TB) *url.URL {
	t.Helper()
	raw := os.Getenv("TEST_DATABASE_URL")
	if raw == "" {
		t.Fatal("TEST_DATABASE_URL is not set: run the suite with `make test`, which starts a private PostgreSQL cluster")
	}
	u, err := url.Parse(raw)
	if err != nil || u.Scheme != "postgres" && u.Scheme != "postgresql" || u.Hostname() == "" {
		t.Fatalf("TEST_DATABASE_URL must be a postgres:// URL of a superuser over TCP, got %q", raw)
	}
	return u
}

// migrator applies the real embedded migrations with the same code the server uses.
type migrator struct{}

func (migrator) Hash() (string, error) { return pg.MigrationsHash() }

func (migrator) Migrate(ctx context.Context, db *sql.DB, _ pgtestdb.Config) error {
	return pg.MigrateUp(ctx, db, io.Discard)
}

// Database is a fresh, migrated database of one test.
type Database struct {
	App    *sqlx.DB // connected as securebase_app, like the server
	AppURL string   // the URL App was opened with
	Name   string
	admin  *url.URL
}

// NewDatabase returns a fresh database for this test, cloned from the migrated template.
// It is dropped when the test passes; it is kept for inspection when it fails.
func NewDatabase(t testing.TB) *Database {
	t.Helper()
	admin := adminURL(t)
	password, _ := admin.User.Password()
	conf := pgtestdb.Config{
		DriverName: "postgres",
		Host:       admin.Hostname(),
		Port:       admin.Port(),
		User:       admin.User.Username(),
		Password:   password,
		Database:   trimSlash(admin.Path),
		Options:    "sslmode=disable",
		TestRole:   &pgtestdb.Role{Username: OwnerRole, Password: OwnerRole, Capabilities: "NOSUPERUSER NOCREATEDB NOCREATEROLE"},
	}
	appRoleOnce.Do(func() { ensureAppRole(t, admin) })
	instance := pgtestdb.Custom(t, conf, migrator{})
	return OpenDatabase(t, instance.Database)
}

// OpenDatabase connects as pg.AppRole, like the server, to an existing database of the
// test server, such as one a test restored from a dump. It does not drop the database.
func OpenDatabase(t testing.TB, name string) *Database {
	t.Helper()
	admin := adminURL(t)
	d := &Database{Name: name, admin: admin}
	d.AppURL = d.URLAs(pg.AppRole)
	db, err := pg.Open(context.Background(), d.AppURL, 10)
	if err != nil {
		t.Fatalf("connect as %s: %v", pg.AppRole, err)
	}
	t.Cleanup(func() { _ = db.Close() })
	d.App = db
	return d
}

// URLAs returns a URL to this database as role. The test clusters trust local connections,
// so no password is needed; OwnerRole is the one that owns the tables.
func (d *Database) URLAs(role string) string {
	u := *d.admin
	u.User = url.UserPassword(role, "unused-with-trust-auth")
	u.Path = "/" + d.Name
	return u.String()
}

// OpenAsAdmin connects to this test's database as a superuser, for checks the app role may
// not make. Tests use it sparingly and never to change what they assert on.
func (d *Database) OpenAsAdmin(t testing.TB) *sqlx.DB {
	t.Helper()
	u := *d.admin
	u.Path = "/" + d.Name
	db, err := pg.Open(context.Background(), u.String(), 2)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	return db
}

func ensureAppRole(t testing.TB, admin *url.URL) {
	db, err := pg.Open(context.Background(), admin.String(), 1)
	if err != nil {
		t.Fatalf("connect to TEST_DATABASE_URL: %v", err)
	}
	defer db.Close()
	if err := pg.EnsureAppRole(context.Background(), db); err != nil {
		t.Fatal(err)
	}
}

func trimSlash(p string) string {
	if len(p) > 0 && p[0] == '/' {
		return p[1:]
	}
	return p
}
