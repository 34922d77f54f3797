package store_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/testutil"
)

// assertQueue fails unless the kept open queue equals the recount, naming the step.
func assertQueue(t *testing.T, db *sqlx.DB, practiceID int64, step string) []string {
	t.Helper()
	return testutil.AssertAttentionQueue(t, db, practiceID, step)
}

// countKind counts the open items of one kind among rows.
func countKind(rows []string, kind string) int { return testutil.CountKind(rows, kind) }

// queueFixture is a practice with two counsellors and a store on a fresh database.
type queueFixture struct {
	db     *testutil.Database
	s      *store.Store
	ctx    context.Context
	p      store.Practice
	u, u2  store.User
	audit  store.AuditEntry
	client func(t *testing.T) store.Client
}

func newQueueFixture(t *testing.T) *queueFixture {
	t.Helper()
	f := &queueFixture{db: testutil.NewDatabase(t), ctx: context.Background()}
	var err error
	if f.s, err = store.New(f.db.App); err != nil {
		t.Fatal(err)
	}
	if f.p, err = f.s.CreatePractice(f.ctx, "Queue Practice"); err != nil {
		t.Fatal(err)
	}
	for i, u := range []*store.User{&f.u, &f.u2} {
		*u, err = f.s.CreateUser(f.ctx, f.p.ID, store.NewUser{Email: fmt.Sprintf("c%d@queue.example", i), DisplayName: "Counsellor",
			Role: store.RoleCounsellor, PasswordHash: "x"})
		if err != nil {
			t.Fatal(err)
		}
	}
	f.audit = store.AuditEntry{ActorUserID: f.u.ID, Action: "test.change"}
	f.client = func(t *testing.T) store.Client {
		t.Helper()
		cl, err := f.s.CreateClient(f.ctx, f.p.ID, store.ClientInput{CounsellorID: f.u.ID, FirstName: "Jo", LastName: "Avery",
			Format: "individual", ContactMethod: "neither"}, f.audit)
		if err != nil {
			t.Fatal(err)
		}
		return cl
	}
	return f
}

// key returns a fresh request or idempotency key.
func key(t *testing.T) string {
	t.Helper()
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(b)
}

// link returns a new link input expiring in d.
func link(t *testing.T, d time.Duration) store.LinkInput {
	t.Helper()
	h := make([]byte, 32)
	if _, err := rand.Read(h); err != nil {
		t.Fatal(err)
	}
	return store.LinkInput{TokenHash: h, ExpiresAt: time.Now().Add(d).Truncate(time.Microsecond)}
}
