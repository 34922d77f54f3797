package web_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/securebase/securebase/internal/keyring"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/testutil"
)

// TestAdminResetsASecondFactorAuditedAndTheUserIsTold: after a lost phone, an admin resets a
// counsellor's second factor; the counsellor's sessions end, they are emailed, the reset is
// audited, and they sign in with their password alone.
func TestAdminResetsASecondFactorAuditedAndTheUserIsTold(t *testing.T) {
	t.Parallel()
	smtpServer := testutil.NewSMTPServer(t)
	app := testutil.NewApp(t, smtpServer.Configure)
	practice := app.Practice("Harbour")
	admin, adminUser := app.SignedIn(practice.ID, store.RoleAdmin)
	u, password := app.User(practice.ID, store.RoleCounsellor)
	phone := app.Browser()
	phone.Login(u.Email, password)
	enrol(t, app, phone, password)
	passwordStep(t, app, u.Email, password, "/login/two-factor")

	if !strings.Contains(admin.Get("/admin/users").Body, `data-testid="reset-two-factor-`+itoa(u.ID)+`"`) {
		t.Fatal("no reset button for the counsellor")
	}
	res := admin.Post("/admin/users/"+itoa(u.ID)+"/reset-two-factor", nil)
	if res.Status != 303 || !strings.Contains(admin.Get(res.Location).Body, "They were told by email") {
		t.Fatalf("reset: status %d", res.Status)
	}
	var left int
	_ = app.DB.App.Get(&left, `SELECT (SELECT count(*) FROM two_factor WHERE user_id = $1) + (SELECT count(*) FROM recovery_codes WHERE user_id = $1)
		+ (SELECT count(*) FROM sessions WHERE user_id = $1)`, u.ID)
	if left != 0 {
		t.Fatalf("%d rows of the second factor, codes or sessions remain", left)
	}
	if res := phone.Get("/account"); res.Status != 303 {
		t.Fatalf("the counsellor's old session: %d, want signed out", res.Status)
	}
	if n := auditCount(t, app, adminUser.ID, "2fa.reset", "success"); n != 1 {
		t.Fatalf("2fa.reset audited %d times", n)
	}
	msgs := smtpServer.Messages()
	if len(msgs) != 1 || msgs[0].To[0] != "<"+u.Email+">" || !strings.Contains(msgs[0].Data, "reset the two-factor sign-in") {
		t.Fatalf("want one notice to the counsellor, got %+v", msgs)
	}
	if res := app.Browser().Login(u.Email, password); res.Status != 303 || res.Location != "/" {
		t.Fatalf("password alone after the reset: %d %q", res.Status, res.Location)
	}
	// Nothing to reset a second time; another practice's admin reaches nobody here.
	if res := admin.Post("/admin/users/"+itoa(u.ID)+"/reset-two-factor", nil); !strings.Contains(admin.Get(res.Location).Body, "nothing to reset") {
		t.Fatal("a second reset did not say there was nothing to reset")
	}
	foreign, _ := app.SignedIn(app.Practice("Elsewhere").ID, store.RoleAdmin)
	if res := foreign.Post("/admin/users/"+itoa(adminUser.ID)+"/reset-two-factor", nil); res.Status != 404 {
		t.Fatalf("another practice's admin: %d, want 404", res.Status)
	}
}

// TestNewRecoveryCodesEndTheOldOnes: with the password, a user makes a new set of recovery
// codes, shown once; the old codes no longer sign in, the new ones do.
func TestNewRecoveryCodesEndTheOldOnes(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t)
	practice := app.Practice("Harbour")
	u, password := app.User(practice.ID, store.RoleCounsellor)
	owner := app.Browser()
	owner.Login(u.Email, password)
	secret, old := enrol(t, app, owner, password)
	// The secret is stored sealed: a dump does not make codes.
	var stored string
	_ = app.DB.App.Get(&stored, `SELECT totp_secret FROM two_factor WHERE user_id = $1`, u.ID)
	if opened, err := app.Keys.Open(stored, keyring.TOTPContext(practice.ID, u.ID)); err != nil || opened != secret || strings.Contains(stored, secret) {
		t.Fatalf("stored secret %q: not the shown one sealed (%v)", stored, err)
	}

	if res := owner.Post("/account/two-factor/recovery-codes", url.Values{"codes_password": {"not my password"}}); res.Status != 422 {
		t.Fatalf("a wrong password: %d, want 422", res.Status)
	}
	res := owner.Post("/account/two-factor/recovery-codes", url.Values{"codes_password": {password}})
	if res.Status != 303 || res.Location != "/account/two-factor/recovery-codes" {
		t.Fatalf("new codes: %d %q", res.Status, res.Location)
	}
	fresh := recoveryCodesOn(t, owner.Get(res.Location))
	if owner.Get(res.Location).Status != 303 {
		t.Fatal("the new codes were shown twice")
	}
	for _, c := range fresh {
		for _, o := range old {
			if c == o {
				t.Fatal("a new code equals an old one")
			}
		}
	}
	if n := auditCount(t, app, u.ID, "2fa.recovery_codes", "success"); n != 1 {
		t.Fatalf("new codes audited %d times", n)
	}
	c := passwordStep(t, app, u.Email, password, "/login/two-factor")
	if res := c.Post("/login/two-factor", url.Values{"code": {old[0]}}); res.Status != 401 {
		t.Fatalf("an old code: %d, want 401", res.Status)
	}
	if res := c.Post("/login/two-factor", url.Values{"code": {fresh[0]}}); res.Status != 303 {
		t.Fatalf("a new code: %d, want 303", res.Status)
	}
}
