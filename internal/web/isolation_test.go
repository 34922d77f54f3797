package web_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/testutil"
)

func TestAnotherPracticeCannotReadOrChangeUsersOrAudit(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t)
	victim := app.Practice("Victim")
	attacker := app.Practice("Attacker")
	victimUser, _ := app.User(victim.ID, store.RoleCounsellor)
	_, _ = app.SignedIn(victim.ID, store.RoleAdmin) // leaves audit rows and a session to protect
	intruder, _ := app.SignedIn(attacker.ID, store.RoleAdmin)
	id := itoa(victimUser.ID)
	reqs := []testutil.Request{
		{Method: "POST", Path: "/admin/users/" + id + "/deactivate"},
		{Method: "POST", Path: "/admin/users/" + id + "/reset-password"},
	}
	secrets := []string{victimUser.Email, victimUser.DisplayName, victim.Name}
	testutil.AssertIsolated(t, app, intruder, victim.ID, secrets, reqs)

	// The lists an admin can open show only their own practice.
	for _, path := range []string{"/admin/users", "/admin/audit", "/admin/audit?actor=" + id} {
		res := intruder.Get(path)
		if res.Status != 200 {
			t.Fatalf("GET %s: status %d", path, res.Status)
		}
		for _, s := range secrets {
			if strings.Contains(res.Body, s) {
				t.Errorf("GET %s shows the other practice's %q", path, s)
			}
		}
	}
	// Anonymous visitors are sent to sign in.
	testutil.AssertIsolated(t, app, app.Browser(), victim.ID, secrets, append(reqs,
		testutil.Request{Method: "GET", Path: "/admin/users"},
		testutil.Request{Method: "GET", Path: "/admin/audit"},
		testutil.Request{Method: "POST", Path: "/admin/users", Form: url.Values{"display_name": {"X"}, "email": {"x@x.example"}, "role": {"admin"}}},
	))
}
