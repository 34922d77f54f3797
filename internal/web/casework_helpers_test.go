package web_test

import (
	"context"
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/securebase/securebase/internal/auth"
	"github.com/securebase/securebase/internal/homework"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/testutil"
)

// caseFixture is a practice with an admin, two counsellors and a supervisor, and one
// client of the first counsellor.
type caseFixture struct {
	app        *testutil.App
	practice   store.Practice
	admin      *testutil.Browser
	counsellor *testutil.Browser
	me         store.User
	other      *testutil.Browser
	otherUser  store.User
	supervisor *testutil.Browser
	client     store.Client
	tokens     map[int64]string // each client's private link, once issued
}

func newCaseFixture(t *testing.T) *caseFixture {
	t.Helper()
	app := testutil.NewApp(t)
	f := &caseFixture{app: app, practice: app.Practice("Harbour"), tokens: map[int64]string{}}
	f.admin, _ = app.SignedIn(f.practice.ID, store.RoleAdmin)
	f.counsellor, f.me = app.SignedIn(f.practice.ID, store.RoleCounsellor)
	f.other, f.otherUser = app.SignedIn(f.practice.ID, store.RoleCounsellor)
	f.supervisor, _ = app.SignedIn(f.practice.ID, store.RoleSupervisor)
	f.client = f.addClient(t, f.me.ID, "Jordan", "Avery", "Jo")
	return f
}

func (f *caseFixture) addClient(t *testing.T, counsellorID int64, first, last, preferred string) store.Client {
	t.Helper()
	cl, err := f.app.Store.CreateClient(context.Background(), f.practice.ID, store.ClientInput{
		CounsellorID: counsellorID, FirstName: first, LastName: last, PreferredName: preferred,
		Format: "individual", ContactMethod: "neither", NeutralMessages: true,
	}, store.AuditEntry{Action: "test.seed"})
	if err != nil {
		t.Fatal(err)
	}
	return cl
}

func (f *caseFixture) path(suffix string) string { return "/clients/" + itoa(f.client.ID) + suffix }

// auditCount counts audit rows of an action about the fixture's client.
func (f *caseFixture) auditCount(t *testing.T, action string) int {
	t.Helper()
	var n int
	if err := f.app.DB.App.Get(&n, `SELECT count(*) FROM audit_log WHERE practice_id = $1 AND client_id = $2 AND action = $3`,
		f.practice.ID, f.client.ID, action); err != nil {
		t.Fatal(err)
	}
	return n
}

// fieldError returns the message beside a field, or "".
func fieldError(body, field string) string {
	m := regexp.MustCompile(`data-testid="error-` + regexp.QuoteMeta(field) + `">([^<]*)<`).FindStringSubmatch(body)
	if m == nil {
		return ""
	}
	return m[1]
}

// daysFromNow is a date n days from today in the practice's time zone (Europe/London), as
// the server sees "today".
func daysFromNow(n int) string {
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		london = time.UTC
	}
	return time.Now().In(london).AddDate(0, 0, n).Format("2006-01-02")
}

func mustContain(t *testing.T, what, body string, subs ...string) {
	t.Helper()
	for _, s := range subs {
		if !strings.Contains(body, s) {
			t.Errorf("%s lacks %q", what, s)
		}
	}
}

// assign gives the client the built-in daily tally through the store and returns the
// assignment id and the client's link token (issued if the client has no live one).
func (f *caseFixture) assign(t *testing.T, cl store.Client, cadence string, goalID *int64) (int64, string) {
	t.Helper()
	tpl, _ := homework.BuiltInByKey("reassurance_tally")
	def, _ := json.Marshal(tpl)
	today := time.Now().UTC().Truncate(24 * time.Hour)
	field := ""
	if goalID != nil {
		field = "reassurance_requests"
	}
	id, err := f.app.Store.CreateAssignment(context.Background(), f.practice.ID, cl.ID, cl.CounsellorID, store.AssignmentInput{
		TemplateRef: "builtin:reassurance_tally", Title: tpl.Title, Template: def, Instructions: "Count each day",
		StartDate: today.AddDate(0, 0, -2), DueDate: today.AddDate(0, 0, 4), Cadence: cadence, GoalID: goalID, GoalField: field,
		RequestKey: newKey(),
	}, store.AuditEntry{Action: "test.seed"})
	if err != nil {
		t.Fatal(err)
	}
	return id, f.clientLink(t, cl)
}

// clientLink returns the client's live private link token, issuing one through the store
// when the client has none that this fixture knows of.
func (f *caseFixture) clientLink(t *testing.T, cl store.Client) string {
	t.Helper()
	if tok, ok := f.tokens[cl.ID]; ok && f.linkLive(t, tok) {
		return tok
	}
	token, hash, err := auth.NewLinkToken()
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := f.app.Store.IssueClientLink(context.Background(), f.practice.ID, cl.ID, cl.CounsellorID,
		store.LinkInput{TokenHash: hash, ExpiresAt: time.Now().AddDate(0, 0, 11)}, store.AuditEntry{Action: "test.seed"}, func(_, _ int64) string { return "" }); err != nil {
		t.Fatal(err)
	}
	f.tokens[cl.ID] = token
	return token
}

// linkLive reports whether a token's link is stored and live.
func (f *caseFixture) linkLive(t *testing.T, token string) bool {
	t.Helper()
	var live bool
	if err := f.app.DB.App.Get(&live, `SELECT count(*) = 1 FROM client_links WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > now()`,
		auth.HashLinkToken(token)); err != nil {
		t.Fatal(err)
	}
	return live
}

// submitEntry stores a submitted entry for today through the store and returns its id.
func (f *caseFixture) submitEntry(t *testing.T, cl store.Client, assignmentID int64, answers string) int64 {
	t.Helper()
	a, err := f.app.Store.Assignment(context.Background(), f.practice.ID, cl.ID, assignmentID)
	if err != nil {
		t.Fatal(err)
	}
	linkID, err := f.app.Store.LiveClientLinkID(context.Background(), f.practice.ID, cl.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.app.Store.SaveEntry(context.Background(), f.practice.ID, linkID, a, store.EntryInput{Date: a.StartDate,
		Answers: []byte(answers), Submit: true, IdempotencyKey: "0123456789abcdef0123456789abcdef", Audit: store.AuditEntry{Action: "test.seed"}}); err != nil {
		t.Fatal(err)
	}
	var id int64
	if err := f.app.DB.App.Get(&id, `SELECT id FROM homework_entries WHERE assignment_id = $1`, assignmentID); err != nil {
		t.Fatal(err)
	}
	return id
}
