package store_test

import (
	"context"
	"crypto/sha256"
	"testing"
	"time"

	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/testutil"
)

// What the Citus-ready schema moved into the store (docs/scale-out.md): a new practice gets its
// counter and default markers from CreatePractice, client numbers come from the counter and
// never repeat one the previous release gave, an audit entry of no practice goes to the local
// table, and a link is found through its route, or without one for a link issued before.
func TestCitusReadyStoreBehaviour(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := testutil.NewDatabase(t)
	s, err := store.New(db.App)
	if err != nil {
		t.Fatal(err)
	}
	admin := db.OpenAsAdmin(t)
	p, err := s.CreatePractice(ctx, "Counted Practice")
	if err != nil {
		t.Fatal(err)
	}
	markers, err := s.Markers(ctx, p.ID, true)
	if err != nil || len(markers) != 7 {
		t.Fatalf("a new practice's markers = %d, %v; want the 7 defaults", len(markers), err)
	}
	for _, m := range markers {
		if m.ClientLabel == "" || m.ClientLabel == m.Label {
			t.Fatalf("default marker %q has client wording %q; want its own neutral wording", m.Label, m.ClientLabel)
		}
	}
	u, err := s.CreateUser(ctx, p.ID, store.NewUser{Email: "c@counted.example", DisplayName: "Counsellor", Role: store.RoleCounsellor, PasswordHash: "x"})
	if err != nil {
		t.Fatal(err)
	}
	in := store.ClientInput{CounsellorID: u.ID, FirstName: "Ada", LastName: "Ledger", Format: "individual", ContactMethod: "neither"}
	newClient := func() store.Client {
		t.Helper()
		c, err := s.CreateClient(ctx, p.ID, in, store.AuditEntry{ActorUserID: u.ID, Action: "client.create"})
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	if c := newClient(); c.Code != "SB-0001" {
		t.Fatalf("first client code %s, want SB-0001", c.Code)
	}
	// The previous release, during a rolling deploy, numbers from practices.client_seq.
	if _, err := admin.ExecContext(ctx, `UPDATE practices SET client_seq = 41 WHERE id = $1`, p.ID); err != nil {
		t.Fatal(err)
	}
	if c := newClient(); c.Code != "SB-0042" {
		t.Fatalf("client code after the previous release gave SB-0041: %s, want SB-0042", c.Code)
	}
	if c := newClient(); c.Code != "SB-0043" {
		t.Fatalf("next client code %s, want SB-0043", c.Code)
	}

	if err := s.RecordAudit(ctx, 0, store.AuditEntry{Action: "auth.login", IP: "192.0.2.9", Outcome: store.OutcomeFailure}); err != nil {
		t.Fatal(err)
	}
	var unscoped, nullRows int
	if err := db.App.GetContext(ctx, &unscoped, `SELECT count(*) FROM audit_log_unscoped WHERE host(ip) = '192.0.2.9'`); err != nil || unscoped != 1 {
		t.Fatalf("audit_log_unscoped rows = %d, %v; want 1", unscoped, err)
	}
	if err := admin.GetContext(ctx, &nullRows, `SELECT count(*) FROM audit_log WHERE practice_id IS NULL`); err != nil || nullRows != 0 {
		t.Fatalf("audit_log rows of no practice = %d, %v; want 0", nullRows, err)
	}

	cl := newClient()
	routed := sha256.Sum256([]byte("routed-token"))
	id, _, err := s.IssueClientLink(ctx, p.ID, cl.ID, u.ID, store.LinkInput{TokenHash: routed[:], ExpiresAt: time.Now().Add(time.Hour)},
		store.AuditEntry{ActorUserID: u.ID, Action: "client_link.issue"}, func(_, _ int64) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	var route int64
	if err := db.App.GetContext(ctx, &route, `SELECT practice_id FROM client_link_routes WHERE token_hash = $1`, routed[:]); err != nil || route != p.ID {
		t.Fatalf("route of the new link = %d, %v; want practice %d", route, err, p.ID)
	}
	if l, err := s.LinkByTokenHash(ctx, routed[:]); err != nil || l.ID != id || l.PracticeID != p.ID {
		t.Fatalf("routed link = %+v, %v; want link %d", l, err, id)
	}
	// A link the previous release issued has no route, and still opens.
	old := sha256.Sum256([]byte("unrouted-token"))
	var oldID int64
	if err := admin.GetContext(ctx, &oldID, `INSERT INTO client_links (practice_id, client_id, token_hash, expires_at, created_by)
		VALUES ($1, $2, $3, now() + interval '1 hour', $4) RETURNING id`, p.ID, newClient().ID, old[:], u.ID); err != nil {
		t.Fatal(err)
	}
	if l, err := s.LinkByTokenHash(ctx, old[:]); err != nil || l.ID != oldID {
		t.Fatalf("unrouted link = %+v, %v; want link %d", l, err, oldID)
	}
	if _, err := s.LinkByTokenHash(ctx, make([]byte, 32)); err == nil {
		t.Fatal("an unknown token's hash found a link")
	}
}
