package store_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"github.com/securebase/securebase/internal/measures"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/testutil"
)

// queueRow is one open attention item as compared: who, what and when.
type queueRow struct {
	ClientID     int64     `db:"client_id"`
	CounsellorID int64     `db:"counsellor_id"`
	Kind         string    `db:"kind"`
	RefID        int64     `db:"ref_id"`
	DueAt        time.Time `db:"due_at"`
}

func (r queueRow) String() string {
	return fmt.Sprintf("client %d counsellor %d %s %d due %s", r.ClientID, r.CounsellorID, r.Kind, r.RefID, r.DueAt.UTC().Format(time.RFC3339Nano))
}

// queueRows runs query and returns its rows as sorted strings.
func queueRows(t *testing.T, db *sqlx.DB, query string, args ...any) []string {
	t.Helper()
	var rows []queueRow
	if err := db.SelectContext(context.Background(), &rows, query, args...); err != nil {
		t.Fatal(err)
	}
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = r.String()
	}
	slices.Sort(out)
	return out
}

// recount is the practice's open queue worked out from scratch (testdata/attention_recount.sql).
func recount(t *testing.T, db *sqlx.DB, practiceID int64) []string {
	t.Helper()
	q, err := os.ReadFile("testdata/attention_recount.sql")
	if err != nil {
		t.Fatal(err)
	}
	var keys pq.StringArray
	var rcis pq.Float64Array
	for _, m := range measures.Measures() {
		keys = append(keys, m.Key)
		rcis = append(rcis, m.Thresholds.RCI)
	}
	return queueRows(t, db, string(q), practiceID, keys, rcis)
}

// openQueue is the practice's open attention items as the store keeps them.
func openQueue(t *testing.T, db *sqlx.DB, practiceID int64) []string {
	t.Helper()
	return queueRows(t, db, `SELECT client_id, counsellor_id, kind, ref_id, due_at FROM attention_items
		WHERE practice_id = $1 AND resolved_at IS NULL`, practiceID)
}

// assertQueue fails unless the kept open queue equals the recount, naming the step, and
// returns the open queue's rows.
func assertQueue(t *testing.T, db *sqlx.DB, practiceID int64, step string) []string {
	t.Helper()
	got, want := openQueue(t, db, practiceID), recount(t, db, practiceID)
	if !slices.Equal(got, want) {
		t.Fatalf("after %s the queue differs from the recount:\nkept:\n  %s\nrecount:\n  %s", step,
			strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
	return got
}

// countKind counts the rows of want kind among rows.
func countKind(rows []string, kind string) int {
	n := 0
	for _, r := range rows {
		if strings.Contains(r, " "+kind+" ") {
			n++
		}
	}
	return n
}

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
