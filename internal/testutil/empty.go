package testutil

import (
	"context"
	"strings"
	"testing"

	"github.com/lib/pq"

	"github.com/securebase/securebase/internal/pg"
)

// NewEmptyDatabase creates a database with no schema at all and returns a superuser URL
// to it; it is dropped when the test ends. Migration tests start from it.
func NewEmptyDatabase(t testing.TB) string {
	t.Helper()
	u := *adminURL(t)
	u.Path = "/" + createEmpty(t, "empty_", "")
	return u.String()
}

// NewOwnedEmptyDatabase creates an empty database owned by OwnerRole, as an operator
// creates the target of a restore, and connects to it as pg.AppRole; it is dropped when
// the test ends.
func NewOwnedEmptyDatabase(t testing.TB) *Database {
	t.Helper()
	return OpenDatabase(t, createEmpty(t, "restored_", OwnerRole))
}

func createEmpty(t testing.TB, prefix, owner string) string {
	t.Helper()
	admin := adminURL(t)
	ctx := context.Background()
	db, err := pg.Open(ctx, admin.String(), 1)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	name := prefix + strings.ToLower(strings.NewReplacer("/", "_", " ", "_", "-", "_").Replace(t.Name()))
	_, _ = db.Exec("DROP DATABASE IF EXISTS " + pq.QuoteIdentifier(name) + " WITH (FORCE)")
	create := "CREATE DATABASE " + pq.QuoteIdentifier(name) + " TEMPLATE template0"
	if owner != "" {
		create += " OWNER " + pq.QuoteIdentifier(owner)
	}
	if _, err := db.Exec(create); err != nil {
		t.Fatal(err)
	}
	if err := pg.EnsureAppRole(ctx, db); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if db, err := pg.Open(context.Background(), admin.String(), 1); err == nil {
			_, _ = db.Exec("DROP DATABASE IF EXISTS " + pq.QuoteIdentifier(name) + " WITH (FORCE)")
			_ = db.Close()
		}
	})
	return name
}
