package store_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/testutil"
)

// A change whose audit entry cannot be written does not happen: each change of a client's
// record below is given an entry the audit log refuses (no action), and leaves nothing
// behind; given a good entry, the same change is stored with exactly its audit row.
func TestAChangeWhoseAuditRowFailsRollsBack(t *testing.T) {
	t.Parallel()
	db := testutil.NewDatabase(t)
	s, err := store.New(db.App)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	p, err := s.CreatePractice(ctx, "Audited Practice")
	if err != nil {
		t.Fatal(err)
	}
	u, err := s.CreateUser(ctx, p.ID, store.NewUser{Email: "c@audited.example", DisplayName: "Counsellor", Role: store.RoleCounsellor, PasswordHash: "x"})
	if err != nil {
		t.Fatal(err)
	}
	bad := store.AuditEntry{EntityType: "client"} // audit_log requires an action
	good := func(action string) store.AuditEntry { return store.AuditEntry{ActorUserID: u.ID, Action: action} }
	in := store.ClientInput{CounsellorID: u.ID, FirstName: "Ada", LastName: "Ledger", Format: "individual", ContactMethod: "neither"}
	count := func(query string, args ...any) int {
		t.Helper()
		var n int
		if err := db.App.GetContext(ctx, &n, query, args...); err != nil {
			t.Fatal(err)
		}
		return n
	}
	audits := func(action string) int {
		return count(`SELECT count(*) FROM audit_log WHERE practice_id = $1 AND action = $2`, p.ID, action)
	}

	if _, err := s.CreateClient(ctx, p.ID, in, bad); err == nil {
		t.Fatal("a client created with a refused audit entry: no error")
	}
	if n := count(`SELECT count(*) FROM clients WHERE practice_id = $1`, p.ID); n != 0 {
		t.Fatalf("%d clients after a refused audit entry, want 0", n)
	}
	cl, err := s.CreateClient(ctx, p.ID, in, good("client.create"))
	if err != nil {
		t.Fatal(err)
	}
	var row struct {
		EntityID string `db:"entity_id"`
		ClientID int64  `db:"client_id"`
		Outcome  string `db:"outcome"`
	}
	if err := db.App.GetContext(ctx, &row, `SELECT entity_id, client_id, outcome FROM audit_log WHERE practice_id = $1 AND action = 'client.create'`, p.ID); err != nil {
		t.Fatal(err)
	}
	if row.EntityID != fmt.Sprint(cl.ID) || row.ClientID != cl.ID || row.Outcome != store.OutcomeSuccess {
		t.Fatalf("client.create audit row %+v, want the new client %d named, outcome success", row, cl.ID)
	}

	changed := in
	changed.FirstName = "Changed"
	if err := s.UpdateClient(ctx, p.ID, cl.ID, cl.Version, changed, bad); err == nil {
		t.Fatal("a client updated with a refused audit entry: no error")
	}
	if n := count(`SELECT count(*) FROM clients WHERE id = $1 AND first_name = 'Ada' AND version = $2`, cl.ID, cl.Version); n != 1 {
		t.Fatal("the client changed although its audit entry was refused")
	}
	if err := s.SetClientStatus(ctx, p.ID, cl.ID, []string{"intake"}, "active", bad); err == nil {
		t.Fatal("a status change with a refused audit entry: no error")
	}
	if n := count(`SELECT count(*) FROM clients WHERE id = $1 AND status = 'intake'`, cl.ID); n != 1 {
		t.Fatal("the client's status changed although its audit entry was refused")
	}
	if _, err := s.CreateGoal(ctx, p.ID, cl.ID, u.ID, store.GoalInput{Statement: "Sleep"}, bad); err == nil {
		t.Fatal("a goal created with a refused audit entry: no error")
	}
	if _, _, err := s.IssueClientLink(ctx, p.ID, cl.ID, u.ID, store.LinkInput{TokenHash: []byte("0123456789abcdef0123456789abcdef"),
		ExpiresAt: time.Now().Add(time.Hour)}, bad, func(_, _ int64) string { return "" }); err == nil {
		t.Fatal("a link issued with a refused audit entry: no error")
	}
	if _, _, err := s.SaveIntake(ctx, p.ID, cl.ID, 0, "risk", []byte(`{}`), u.ID, &store.RiskFlagInput{Source: "intake", Summary: "s", Audit: good("risk.raise")}, bad); err == nil {
		t.Fatal("an intake saved with a refused audit entry: no error")
	}
	// The save's own entry is good, the flag's is refused: the flag and the save go together.
	if _, _, err := s.SaveIntake(ctx, p.ID, cl.ID, 0, "risk", []byte(`{}`), u.ID, &store.RiskFlagInput{Source: "intake", Summary: "s", Audit: bad}, good("intake.save")); err == nil {
		t.Fatal("an intake raising a flag whose audit entry is refused: no error")
	}
	if err := s.AddEventNote(ctx, p.ID, cl.ID, u.ID, time.Now(), "note", bad); err == nil {
		t.Fatal("an event note with a refused audit entry: no error")
	}
	for what, n := range map[string]int{
		"goals":           count(`SELECT count(*) FROM goals WHERE client_id = $1`, cl.ID),
		"links":           count(`SELECT count(*) FROM client_links WHERE client_id = $1`, cl.ID),
		"intake versions": count(`SELECT count(*) FROM intake_versions WHERE client_id = $1`, cl.ID),
		"risk flags":      count(`SELECT count(*) FROM risk_flags WHERE client_id = $1`, cl.ID),
		"event notes":     count(`SELECT count(*) FROM event_notes WHERE client_id = $1`, cl.ID),
		"audit rows":      count(`SELECT count(*) FROM audit_log WHERE practice_id = $1`, p.ID),
	} {
		if want := map[bool]int{true: 1, false: 0}[what == "audit rows"]; n != want {
			t.Errorf("%d %s after changes whose audit entries were refused, want %d", n, what, want)
		}
	}

	if _, raised, err := s.SaveIntake(ctx, p.ID, cl.ID, 0, "risk", []byte(`{}`), u.ID, &store.RiskFlagInput{Source: "intake", Summary: "s", Audit: good("risk.raise")}, good("intake.save")); err != nil || !raised {
		t.Fatalf("an intake with good entries: raised %v, %v", raised, err)
	}
	if audits("intake.save") != 1 || audits("risk.raise") != 1 {
		t.Fatalf("intake.save %d and risk.raise %d audit rows, want one each", audits("intake.save"), audits("risk.raise"))
	}
}
