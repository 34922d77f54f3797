package testutil

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/lib/pq"
)

// Request is one call an isolation check makes.
type Request struct {
	Method string
	Path   string
	Form   url.Values // for POST; the CSRF token is added
}

// AssertIsolated proves that the client (signed in to another practice, or not at all)
// can neither read nor change anything of the victim practice: every request must be
// refused (303 to /login, 403 or 404), no response may contain any of the victim's
// secrets (names, emails, notes), and every row carrying the victim's practice_id must be
// byte-for-byte unchanged afterwards. The audit log, being append-only, may only have
// gained refusals ("denied" entries). Every feature's tests call it for their routes.
func AssertIsolated(t *testing.T, app *App, attacker *Browser, victimPracticeID int64, secrets []string, reqs []Request) {
	t.Helper()
	assertIsolated(t, app, attacker, victimPracticeID, secrets, reqs, true)
}

// AssertNoLeak is AssertIsolated for routes an outsider may call on their own scope (their
// caseload, dashboard, exports, a client's own form): any status, but nothing of the victim
// in the response and no victim row changed.
func AssertNoLeak(t *testing.T, app *App, attacker *Browser, victimPracticeID int64, secrets []string, reqs []Request) {
	t.Helper()
	assertIsolated(t, app, attacker, victimPracticeID, secrets, reqs, false)
}

func assertIsolated(t *testing.T, app *App, attacker *Browser, victimPracticeID int64, secrets []string, reqs []Request, refuse bool) {
	t.Helper()
	before := app.PracticeFingerprint(victimPracticeID)
	var lastAudit int64
	if err := app.DB.App.Get(&lastAudit, `SELECT coalesce(max(id), 0) FROM audit_log`); err != nil {
		t.Fatal(err)
	}
	for _, r := range reqs {
		var res *Response
		if r.Method == "GET" {
			res = attacker.Get(r.Path)
		} else {
			res = attacker.Post(r.Path, r.Form)
		}
		refused := res.Status == 403 || res.Status == 404 || res.Status == 410 ||
			res.Status == 303 && strings.HasPrefix(res.Location, "/login")
		if refuse && !refused {
			t.Errorf("%s %s: status %d (location %q), want refusal (403, 404 or redirect to sign-in)", r.Method, r.Path, res.Status, res.Location)
		}
		for _, s := range secrets {
			if s != "" && strings.Contains(res.Body, s) {
				t.Errorf("%s %s: response contains the victim's %q", r.Method, r.Path, s)
			}
		}
	}
	after := app.PracticeFingerprint(victimPracticeID)
	for table, sum := range before {
		if after[table] != sum {
			t.Errorf("rows of table %s for the victim practice changed", table)
		}
	}
	var actions []string
	if err := app.DB.App.Select(&actions, `SELECT action || ' (' || outcome || ')' FROM audit_log
		WHERE id > $1 AND practice_id = $2 AND outcome <> 'denied'`, lastAudit, victimPracticeID); err != nil {
		t.Fatal(err)
	}
	if refuse && len(actions) > 0 {
		t.Errorf("the refused requests wrote audit entries of something done in the victim practice: %v", actions)
	}
}

// PracticeFingerprint returns, for every table with a practice_id column, a hash of all of
// the practice's rows.
func (a *App) PracticeFingerprint(practiceID int64) map[string]string {
	a.T.Helper()
	ctx := context.Background()
	var tables []string
	err := a.DB.App.SelectContext(ctx, &tables, `SELECT table_name FROM information_schema.columns
		WHERE table_schema = 'public' AND column_name = 'practice_id' ORDER BY table_name`)
	if err != nil {
		a.T.Fatal(err)
	}
	out := map[string]string{}
	for _, table := range tables {
		if table == "audit_log" {
			continue // append-only; AssertIsolated checks what was appended
		}
		var sum string
		q := fmt.Sprintf(`SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM %s t WHERE practice_id = $1`,
			pq.QuoteIdentifier(table))
		if err := a.DB.App.GetContext(ctx, &sum, q, practiceID); err != nil {
			a.T.Fatalf("fingerprint %s: %v", table, err)
		}
		out[table] = sum
	}
	return out
}
