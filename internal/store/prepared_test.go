package store_test

import (
	"context"
	"errors"
	"testing"

	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/testutil"
)

// A query is prepared once and reused; its answers are the same as unprepared.
func TestQueriesArePreparedOnceAndReused(t *testing.T) {
	t.Parallel()
	db := testutil.NewDatabase(t)
	s := store.New(db.App)
	ctx := context.Background()
	for i := 0; i < 3; i++ {
		if err := s.SelectOne(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if n := store.PreparedCount(s); n != 1 {
		t.Fatalf("after one query run three times: %d prepared, want 1", n)
	}
	if _, err := s.Practice(ctx, 999999); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("missing practice through a prepared statement: %v, want ErrNotFound", err)
	}
	if n := store.PreparedCount(s); n != 2 {
		t.Fatalf("after two distinct queries: %d prepared, want 2", n)
	}
}

// Past the bound, queries run unprepared and answer the same.
func TestQueriesPastTheBoundRunUnprepared(t *testing.T) {
	t.Parallel()
	db := testutil.NewDatabase(t)
	s := store.New(db.App)
	store.SetPreparedLimit(s, 1)
	ctx := context.Background()
	if err := s.SelectOne(ctx); err != nil {
		t.Fatal(err)
	}
	created, err := s.CreatePractice(ctx, "Prepared Bound Practice")
	if err != nil {
		t.Fatal(err)
	}
	p, err := s.Practice(ctx, created.ID)
	if err != nil || p.Name != "Prepared Bound Practice" {
		t.Fatalf("practice past the bound: %+v, %v", p, err)
	}
	if _, err := s.Practice(ctx, created.ID+1000); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("missing practice past the bound: %v, want ErrNotFound", err)
	}
	if n := store.PreparedCount(s); n != 1 {
		t.Fatalf("%d prepared with a bound of 1", n)
	}
}
