package web_test

import (
	"context"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/testutil"
)

var shownPassword = regexp.MustCompile(`data-testid="new-password">([^<]+)<`)

func TestAdminAddsAUserWithAGeneratedPasswordShownOnce(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t)
	practice := app.Practice("Harbour")
	admin, _ := app.SignedIn(practice.ID, store.RoleAdmin)

	if res := admin.Get("/admin/users/new"); res.Status != 200 || !strings.Contains(res.Body, `<label for="f-email">`) {
		t.Fatalf("new user form: status %d", res.Status)
	}
	res := admin.Post("/admin/users", url.Values{"display_name": {"Jo Rivers"}, "email": {"jo@harbour.example"}, "role": {"counsellor"}})
	if res.Status != 200 {
		t.Fatalf("create: status %d, want 200 showing the password", res.Status)
	}
	m := shownPassword.FindStringSubmatch(res.Body)
	if m == nil {
		t.Fatal("the generated password is not shown")
	}
	if res.Header.Get("Cache-Control") != "no-store" {
		t.Error("the page showing a password may be cached")
	}
	// The password works, and is never shown again.
	jo := app.Browser()
	if res := jo.Login("jo@harbour.example", m[1]); res.Status != 303 {
		t.Fatalf("sign in with the generated password: status %d", res.Status)
	}
	if list := admin.Get("/admin/users"); !strings.Contains(list.Body, "Jo Rivers") || strings.Contains(list.Body, m[1]) {
		t.Fatal("the user list should name Jo and never show the password")
	}
	var stored string
	if err := app.DB.App.Get(&stored, `SELECT password_hash FROM users WHERE email = 'jo@harbour.example'`); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(stored, "$argon2id$") || strings.Contains(stored, m[1]) {
		t.Fatalf("stored password is not an argon2id hash: %q", stored[:10])
	}
	var audited int
	if err := app.DB.App.Get(&audited, `SELECT count(*) FROM audit_log WHERE practice_id = $1 AND action = 'user.create' AND detail = 'role=counsellor'`, practice.ID); err != nil {
		t.Fatal(err)
	}
	if audited != 1 {
		t.Fatalf("user.create audit rows = %d, want 1", audited)
	}
}

func TestAddUserValidationKeepsInputWithMessagesBesideFields(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t)
	practice := app.Practice("Harbour")
	admin, adminUser := app.SignedIn(practice.ID, store.RoleAdmin)

	cases := []struct {
		name  string
		form  url.Values
		field string
		msg   string
	}{
		{"missing name", url.Values{"email": {"a@b.example"}, "role": {"counsellor"}}, "display_name", "This field is required."},
		{"bad email", url.Values{"display_name": {"Kit"}, "email": {"not-an-email"}, "role": {"counsellor"}}, "email", "Enter an email address"},
		{"unknown role", url.Values{"display_name": {"Kit"}, "email": {"kit@b.example"}, "role": {"owner"}}, "role", "Choose one of the options."},
		{"short password", url.Values{"display_name": {"Kit"}, "email": {"kit@b.example"}, "role": {"counsellor"}, "password": {"short"}}, "password", "at least 12 characters"},
		{"common password", url.Values{"display_name": {"Kit"}, "email": {"kit@b.example"}, "role": {"counsellor"}, "password": {"password1234"}}, "password", "too common"},
		{"email taken", url.Values{"display_name": {"Kit"}, "email": {strings.ToUpper(adminUser.Email)}, "role": {"counsellor"}}, "email", "already exists"},
	}
	for _, tc := range cases {
		res := admin.Post("/admin/users", tc.form)
		if res.Status != 422 {
			t.Errorf("%s: status %d, want 422", tc.name, res.Status)
			continue
		}
		errEl := regexp.MustCompile(`data-testid="error-` + tc.field + `">([^<]*)<`).FindStringSubmatch(res.Body)
		if errEl == nil || !strings.Contains(errEl[1], tc.msg) {
			t.Errorf("%s: message beside %s = %v, want %q", tc.name, tc.field, errEl, tc.msg)
		}
		if v := tc.form.Get("display_name"); v != "" && !strings.Contains(res.Body, `value="`+v+`"`) {
			t.Errorf("%s: the name typed was not kept", tc.name)
		}
		if p := tc.form.Get("password"); p != "" && strings.Contains(res.Body, p) {
			t.Errorf("%s: the password typed is echoed back", tc.name)
		}
	}
	users, _ := app.Store.Users(context.Background(), practice.ID)
	if len(users) != 1 {
		t.Fatalf("users after only invalid submissions = %d, want 1", len(users))
	}
}

func TestAdminResetsAPasswordWhichEndsTheUsersSessions(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t)
	practice := app.Practice("Harbour")
	admin, _ := app.SignedIn(practice.ID, store.RoleAdmin)
	u, oldPassword := app.User(practice.ID, store.RoleCounsellor)
	session := app.Browser()
	session.Login(u.Email, oldPassword)

	res := admin.Post("/admin/users/"+itoa(u.ID)+"/reset-password", nil)
	m := shownPassword.FindStringSubmatch(res.Body)
	if res.Status != 200 || m == nil {
		t.Fatalf("reset: status %d, password shown: %v", res.Status, m != nil)
	}
	if res := session.Get("/"); res.Status != 303 {
		t.Fatal("the user's existing session survived a password reset")
	}
	if res := app.Browser().Login(u.Email, oldPassword); res.Status != 401 {
		t.Fatalf("old password after reset: status %d, want 401", res.Status)
	}
	if res := app.Browser().Login(u.Email, m[1]); res.Status != 303 {
		t.Fatalf("new password: status %d, want 303", res.Status)
	}
}

func TestAdminCannotDeactivateThemself(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t)
	practice := app.Practice("Harbour")
	admin, me := app.SignedIn(practice.ID, store.RoleAdmin)
	admin.Post("/admin/users/"+itoa(me.ID)+"/deactivate", nil)
	if res := admin.Get("/admin/users"); res.Status != 200 || !strings.Contains(res.Body, "cannot deactivate your own account") {
		t.Fatalf("self-deactivation: status %d", res.Status)
	}
}

func TestOnlyAdminsReachAdminPages(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t)
	practice := app.Practice("Harbour")
	target, _ := app.User(practice.ID, store.RoleCounsellor)
	for _, role := range []store.Role{store.RoleCounsellor, store.RoleSupervisor} {
		c, u := app.SignedIn(practice.ID, role)
		for _, path := range []string{"/admin/users", "/admin/users/new", "/admin/audit"} {
			if res := c.Get(path); res.Status != 403 {
				t.Errorf("%s GET %s: status %d, want 403", role, path, res.Status)
			}
		}
		if res := c.Post("/admin/users/"+itoa(target.ID)+"/deactivate", nil); res.Status != 403 {
			t.Errorf("%s deactivating: status %d, want 403", role, res.Status)
		}
		var denied int
		if err := app.DB.App.Get(&denied, `SELECT count(*) FROM audit_log WHERE actor_user_id = $1 AND action = 'access.denied' AND outcome = 'denied'`, u.ID); err != nil {
			t.Fatal(err)
		}
		if denied != 4 {
			t.Errorf("%s: access.denied audit rows = %d, want 4", role, denied)
		}
	}
	if got, _ := app.Store.User(context.Background(), practice.ID, target.ID); !got.Active {
		t.Fatal("a non-admin deactivated a user")
	}
}

func TestChangeOwnPasswordSignsOutOtherSessions(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t)
	practice := app.Practice("Harbour")
	u, password := app.User(practice.ID, store.RoleCounsellor)
	here, elsewhere := app.Browser(), app.Browser()
	here.Login(u.Email, password)
	elsewhere.Login(u.Email, password)

	bad := here.Post("/account/password", url.Values{"current": {"wrong"}, "new": {"a fresh long passphrase"}, "confirm": {"a fresh long passphrase"}})
	if bad.Status != 422 || !strings.Contains(bad.Body, "not your current password") {
		t.Fatalf("wrong current password: status %d", bad.Status)
	}
	res := here.Post("/account/password", url.Values{"current": {password}, "new": {"a fresh long passphrase"}, "confirm": {"a fresh long passphrase"}})
	if res.Status != 303 {
		t.Fatalf("change password: status %d", res.Status)
	}
	if here.Get("/").Status != 200 {
		t.Error("the session that changed the password was signed out")
	}
	if elsewhere.Get("/").Status != 303 {
		t.Error("another session survived the password change")
	}
	if app.Browser().Login(u.Email, "a fresh long passphrase").Status != 303 {
		t.Error("the new password does not work")
	}
}
