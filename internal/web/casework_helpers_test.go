package web_test

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/testutil"
)

// caseFixture is a practice with an admin, two counsellors and a supervisor, and one
// client of the first counsellor.
type caseFixture struct {
	app        *testutil.App
	practice   store.Practice
	admin      *testutil.Client
	counsellor *testutil.Client
	me         store.User
	other      *testutil.Client
	otherUser  store.User
	supervisor *testutil.Client
	client     store.Client
}

func newCaseFixture(t *testing.T) *caseFixture {
	t.Helper()
	app := testutil.NewApp(t)
	f := &caseFixture{app: app, practice: app.Practice("Harbour")}
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
	})
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

func daysFromNow(n int) string { return time.Now().AddDate(0, 0, n).Format("2006-01-02") }

func mustContain(t *testing.T, what, body string, subs ...string) {
	t.Helper()
	for _, s := range subs {
		if !strings.Contains(body, s) {
			t.Errorf("%s lacks %q", what, s)
		}
	}
}
