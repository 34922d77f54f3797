package web_test

import (
	"context"
	"crypto/sha256"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/pquerna/otp/totp"

	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/testutil"
)

var (
	shownSecret   = regexp.MustCompile(`data-testid="totp-secret">([^<]+)<`)
	shownURI      = regexp.MustCompile(`data-testid="totp-uri">([^<]+)<`)
	shownRecovery = regexp.MustCompile(`data-testid="recovery-code">([^<]+)<`)
)

// secretOn returns the TOTP secret an enrolment page shows, without its spaces.
func secretOn(t *testing.T, page *testutil.Response) string {
	t.Helper()
	m := shownSecret.FindStringSubmatch(page.Body)
	if page.Status != 200 || m == nil {
		t.Fatalf("enrolment page: status %d, secret shown: %v", page.Status, m != nil)
	}
	return strings.ReplaceAll(m[1], " ", "")
}

// codeAt is what an authenticator app shows for secret at t.
func codeAt(t *testing.T, secret string, at time.Time) string {
	t.Helper()
	code, err := totp.GenerateCode(secret, at)
	if err != nil {
		t.Fatal(err)
	}
	return code
}

// wrongCode returns a six-digit code that is none of the codes accepted around at.
func wrongCode(t *testing.T, secret string, at time.Time) string {
	t.Helper()
	near := map[string]bool{}
	for _, d := range []time.Duration{-30 * time.Second, 0, 30 * time.Second} {
		near[codeAt(t, secret, at.Add(d))] = true
	}
	for _, c := range []string{"000000", "111111", "222222", "333333"} {
		if !near[c] {
			return c
		}
	}
	t.Fatal("no wrong code found")
	return ""
}

// alignToStep moves the app's clock to just after the start of a 30-second step, so that a
// code computed now is still the current one when the request reaches the server.
func alignToStep(app *testutil.App) {
	into := time.Duration(app.Clock.Now().UnixNano() % int64(30*time.Second))
	app.Clock.Advance(30*time.Second - into + 200*time.Millisecond)
}

// enrol turns two-factor on for the signed-in client through the account pages and returns
// the secret and the recovery codes shown.
func enrol(t *testing.T, app *testutil.App, c *testutil.Browser, password string) (string, []string) {
	t.Helper()
	secret := secretOn(t, c.Get("/account/two-factor"))
	alignToStep(app)
	res := c.Post("/account/two-factor", url.Values{"password": {password}, "code": {codeAt(t, secret, app.Clock.Now())}})
	if res.Status != 303 || res.Location != "/account/two-factor/recovery-codes" {
		t.Fatalf("confirm enrolment: status %d location %q", res.Status, res.Location)
	}
	return secret, recoveryCodesOn(t, c.Get(res.Location))
}

func recoveryCodesOn(t *testing.T, page *testutil.Response) []string {
	t.Helper()
	var codes []string
	for _, m := range shownRecovery.FindAllStringSubmatch(page.Body, -1) {
		codes = append(codes, m[1])
	}
	if page.Status != 200 || len(codes) != 10 {
		t.Fatalf("recovery codes page: status %d, %d codes shown, want 10", page.Status, len(codes))
	}
	return codes
}

// passwordStep signs in with the password only and checks it leads to the second step at to.
func passwordStep(t *testing.T, app *testutil.App, email, password, to string) *testutil.Browser {
	t.Helper()
	c := app.Browser()
	res := c.Login(email, password) // follows the redirect, picking up the fresh CSRF token
	if res.Status != 303 || res.Location != to {
		t.Fatalf("password step: status %d location %q, want 303 to %s", res.Status, res.Location, to)
	}
	return c
}

func auditCount(t *testing.T, app *testutil.App, userID int64, action, outcome string) int {
	t.Helper()
	var n int
	if err := app.DB.App.Get(&n, `SELECT count(*) FROM audit_log WHERE actor_user_id = $1 AND action = $2 AND outcome = $3`,
		userID, action, outcome); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestEnrolmentNeedsTheRightCodeAndPasswordAndShowsRecoveryCodesOnce(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t)
	practice := app.Practice("Harbour")
	u, password := app.User(practice.ID, store.RoleCounsellor)
	c := app.Browser()
	c.Login(u.Email, password)

	page := c.Get("/account/two-factor")
	secret := secretOn(t, page)
	uri := shownURI.FindStringSubmatch(page.Body)
	if uri == nil || !strings.HasPrefix(uri[1], "otpauth://totp/") || !strings.Contains(uri[1], "secret="+secret) {
		t.Fatalf("the otpauth URI is not shown with the secret: %v", uri)
	}
	if again := secretOn(t, c.Get("/account/two-factor")); again != secret {
		t.Fatal("reloading the enrolment page changed the secret")
	}
	qr := c.Get("/account/two-factor/qr.png")
	if qr.Status != 200 || qr.Header.Get("Content-Type") != "image/png" || !strings.HasPrefix(qr.Body, "\x89PNG") {
		t.Fatalf("QR code: status %d type %q", qr.Status, qr.Header.Get("Content-Type"))
	}
	if !strings.Contains(page.Body, `src="/account/two-factor/qr.png"`) || inlineScriptOrStyle(page.Body) {
		t.Fatal("the QR code should come from our own route, with no inline script or style")
	}

	alignToStep(app)
	now := app.Clock.Now()
	for _, tc := range []struct {
		name, field string
		form        url.Values
	}{
		{"wrong code", "code", url.Values{"password": {password}, "code": {wrongCode(t, secret, now)}}},
		{"wrong password", "password", url.Values{"password": {"not my password"}, "code": {codeAt(t, secret, now)}}},
		{"no code", "code", url.Values{"password": {password}}},
	} {
		res := c.Post("/account/two-factor", tc.form)
		if res.Status != 422 || !strings.Contains(res.Body, `data-testid="error-`+tc.field+`"`) {
			t.Fatalf("%s: status %d, want 422 with a message beside %s", tc.name, res.Status, tc.field)
		}
		if m := shownSecret.FindStringSubmatch(res.Body); strings.Contains(res.Body, tc.form.Get("password")) || m == nil || strings.ReplaceAll(m[1], " ", "") != secret {
			t.Fatalf("%s: the password is echoed back, or the secret changed", tc.name)
		}
	}
	if _, err := app.Store.TwoFactor(context.Background(), practice.ID, u.ID); err != store.ErrNotFound {
		t.Fatalf("two-factor after refused confirmations: %v, want none", err)
	}

	res := c.Post("/account/two-factor", url.Values{"password": {password}, "code": {codeAt(t, secret, now)}})
	if res.Status != 303 || res.Location != "/account/two-factor/recovery-codes" {
		t.Fatalf("right code: status %d location %q", res.Status, res.Location)
	}
	codesPage := c.Get(res.Location)
	codes := recoveryCodesOn(t, codesPage)
	if codesPage.Header.Get("Cache-Control") != "no-store" {
		t.Error("the recovery codes page may be cached")
	}
	if again := c.Get("/account/two-factor/recovery-codes"); again.Status != 303 || shownRecovery.MatchString(again.Body) {
		t.Fatal("the recovery codes were shown a second time")
	}
	status := c.Get("/account/two-factor")
	if !strings.Contains(status.Body, `data-testid="recovery-left">10<`) || shownSecret.MatchString(status.Body) {
		t.Fatal("the two-factor page should say it is on with 10 codes, and show no secret")
	}

	// Stored: the secret and one SHA-256 per code, never a code itself.
	var hashes [][]byte
	if err := app.DB.App.Select(&hashes, `SELECT code_hash FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL`, u.ID); err != nil {
		t.Fatal(err)
	}
	if len(hashes) != 10 {
		t.Fatalf("stored recovery codes = %d, want 10", len(hashes))
	}
	var dump string
	if err := app.DB.App.Get(&dump, `SELECT string_agg(encode(code_hash, 'escape'), '|') FROM recovery_codes WHERE user_id = $1`, u.ID); err != nil {
		t.Fatal(err)
	}
	for _, code := range codes {
		if strings.Contains(dump, code) || strings.Contains(dump, strings.ReplaceAll(code, "-", "")) {
			t.Fatalf("recovery code %s is stored as itself", code)
		}
	}
	sum := sha256.Sum256([]byte(strings.ReplaceAll(codes[0], "-", "")))
	var found int
	if err := app.DB.App.Get(&found, `SELECT count(*) FROM recovery_codes WHERE user_id = $1 AND code_hash = $2`, u.ID, sum[:]); err != nil || found != 1 {
		t.Fatalf("the first code's SHA-256 is stored %d times (%v), want once", found, err)
	}
	if n := auditCount(t, app, u.ID, "2fa.enable", "success"); n != 1 {
		t.Fatalf("2fa.enable audit rows = %d, want 1", n)
	}
}

func TestSignInAsksForACodeAndRefusesWrongAndReplayedCodes(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t)
	practice := app.Practice("Harbour")
	u, password := app.User(practice.ID, store.RoleCounsellor)
	owner := app.Browser()
	owner.Login(u.Email, password)
	secret, _ := enrol(t, app, owner, password)

	c := passwordStep(t, app, u.Email, password, "/login/two-factor")
	// Between the password and the code, the session is not signed in.
	if res := c.Get("/"); res.Status != 303 || !strings.HasPrefix(res.Location, "/login") {
		t.Fatalf("home before the code: status %d location %q, want a redirect to sign in", res.Status, res.Location)
	}
	if res := c.Get("/clients"); res.Status != 303 || !strings.HasPrefix(res.Location, "/login") {
		t.Fatalf("clients before the code: status %d", res.Status)
	}
	var pendingRows int
	if err := app.DB.App.Get(&pendingRows, `SELECT count(*) FROM sessions WHERE user_id = $1`, u.ID); err != nil {
		t.Fatal(err)
	}
	if pendingRows != 1 { // only the owner's session: the half-signed-in one carries no user
		t.Fatalf("sessions naming the user = %d, want 1", pendingRows)
	}
	page := c.Get("/login/two-factor")
	if page.Status != 200 || !strings.Contains(page.Body, `<label for="f-code">`) {
		t.Fatalf("code page: status %d", page.Status)
	}
	if res := c.PostRaw("/login/two-factor", url.Values{"code": {"123456"}}); res.Status != 403 {
		t.Fatalf("code without a CSRF token: status %d, want 403", res.Status)
	}

	app.Clock.Advance(90 * time.Second) // past the step used to enrol
	alignToStep(app)
	now := app.Clock.Now()
	res := c.Post("/login/two-factor", url.Values{"code": {wrongCode(t, secret, now)}})
	if res.Status != 401 || !strings.Contains(res.Body, `data-testid="error-code"`) {
		t.Fatalf("wrong code: status %d, want 401 with a message beside the field", res.Status)
	}
	if res := c.Post("/login/two-factor", url.Values{"code": {codeAt(t, secret, now.Add(-60*time.Second))}}); res.Status != 401 {
		t.Fatalf("a code two steps old: status %d, want 401", res.Status)
	}
	// The previous step's code is accepted (clocks drift), and then it and older ones are used up.
	prev := codeAt(t, secret, now.Add(-30*time.Second))
	res = c.Post("/login/two-factor", url.Values{"code": {prev[:3] + " " + prev[3:]}})
	if res.Status != 303 || res.Location != "/" {
		t.Fatalf("right code: status %d location %q", res.Status, res.Location)
	}
	if home := c.Get("/"); home.Status != 200 || !strings.Contains(home.Body, u.DisplayName) {
		t.Fatalf("home after the code: status %d", home.Status)
	}
	if c.Cookie("sb_session") == "" {
		t.Fatal("no session cookie")
	}

	other := passwordStep(t, app, u.Email, password, "/login/two-factor")
	if res := other.Post("/login/two-factor", url.Values{"code": {prev}}); res.Status != 401 {
		t.Fatalf("the same code replayed from another browser: status %d, want 401", res.Status)
	}
	// The next step's code is accepted (a phone a little fast); the current step is then older, so refused.
	if res := other.Post("/login/two-factor", url.Values{"code": {codeAt(t, secret, now.Add(30*time.Second))}}); res.Status != 303 {
		t.Fatalf("next step's code: status %d, want 303", res.Status)
	}
	third := passwordStep(t, app, u.Email, password, "/login/two-factor")
	if res := third.Post("/login/two-factor", url.Values{"code": {codeAt(t, secret, now)}}); res.Status != 401 {
		t.Fatalf("a code of a step before the last accepted one: status %d, want 401", res.Status)
	}

	if n := auditCount(t, app, u.ID, "auth.2fa", "success"); n != 2 {
		t.Errorf("auth.2fa successes audited = %d, want 2", n)
	}
	if n := auditCount(t, app, u.ID, "auth.2fa", "failure"); n != 4 {
		t.Errorf("auth.2fa failures audited = %d, want 4", n)
	}
	var replays int
	if err := app.DB.App.Get(&replays, `SELECT count(*) FROM audit_log WHERE actor_user_id = $1 AND action = 'auth.2fa'
		AND detail = 'code already used'`, u.ID); err != nil || replays != 2 {
		t.Errorf("replays audited = %d (%v), want 2", replays, err)
	}
	if logs := app.Logs.String(); strings.Contains(logs, prev) || strings.Contains(logs, secret) {
		t.Fatal("a code or the secret reached the log")
	}
}

func TestWrongCodesAreThrottledLikePasswords(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t)
	practice := app.Practice("Harbour")
	u, password := app.User(practice.ID, store.RoleCounsellor)
	owner := app.Browser()
	owner.Login(u.Email, password)
	secret, _ := enrol(t, app, owner, password)
	app.Clock.Advance(60 * time.Second)
	alignToStep(app)

	c := passwordStep(t, app, u.Email, password, "/login/two-factor")
	for i := 0; i < 5; i++ {
		if res := c.Post("/login/two-factor", url.Values{"code": {wrongCode(t, secret, app.Clock.Now())}}); res.Status != 401 {
			t.Fatalf("wrong code %d: status %d, want 401", i+1, res.Status)
		}
	}
	res := c.Post("/login/two-factor", url.Values{"code": {codeAt(t, secret, app.Clock.Now())}})
	if res.Status != 429 || !strings.Contains(res.Body, "Too many attempts") {
		t.Fatalf("right code after 5 wrong ones: status %d, want 429", res.Status)
	}
	if c.Get("/").Status != 303 {
		t.Fatal("a throttled attempt signed in")
	}
	if n := auditCount(t, app, u.ID, "auth.2fa", "denied"); n != 1 {
		t.Fatalf("throttled codes audited = %d, want 1", n)
	}
}

func TestARecoveryCodeSignsInOnce(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t)
	practice := app.Practice("Harbour")
	u, password := app.User(practice.ID, store.RoleCounsellor)
	owner := app.Browser()
	owner.Login(u.Email, password)
	_, codes := enrol(t, app, owner, password)

	c := passwordStep(t, app, u.Email, password, "/login/two-factor")
	typed := strings.ToUpper(strings.ReplaceAll(codes[3], "-", " ")) // as someone might type it from paper
	res := c.Post("/login/two-factor", url.Values{"code": {typed}})
	if res.Status != 303 || res.Location != "/" {
		t.Fatalf("recovery code: status %d location %q", res.Status, res.Location)
	}
	if home := c.Get("/"); home.Status != 200 || !strings.Contains(home.Body, "9 left") {
		t.Fatalf("home after a recovery code: status %d, want a note that 9 codes are left", home.Status)
	}
	again := passwordStep(t, app, u.Email, password, "/login/two-factor")
	if res := again.Post("/login/two-factor", url.Values{"code": {codes[3]}}); res.Status != 401 {
		t.Fatalf("the same recovery code again: status %d, want 401", res.Status)
	}
	if res := again.Post("/login/two-factor", url.Values{"code": {"zzzz-zzzz-zzzz-zzzz"}}); res.Status != 401 {
		t.Fatalf("a made-up recovery code: status %d, want 401", res.Status)
	}
	if res := again.Post("/login/two-factor", url.Values{"code": {codes[4]}}); res.Status != 303 {
		t.Fatalf("another unused recovery code: status %d, want 303", res.Status)
	}
	var used int
	if err := app.DB.App.Get(&used, `SELECT count(*) FROM recovery_codes WHERE user_id = $1 AND used_at IS NOT NULL`, u.ID); err != nil || used != 2 {
		t.Fatalf("used recovery codes = %d (%v), want 2", used, err)
	}
	if n := auditCount(t, app, u.ID, "2fa.recovery_used", "success"); n != 2 {
		t.Fatalf("2fa.recovery_used audit rows = %d, want 2", n)
	}
}

func TestPracticeRequirementForcesEnrolmentBeforeAnythingElse(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t)
	practice := app.Practice("Harbour")
	adminUser, adminPassword := app.User(practice.ID, store.RoleAdmin)
	admin := app.Browser()
	admin.Login(adminUser.Email, adminPassword)
	u, password := app.User(practice.ID, store.RoleCounsellor)
	already := app.Browser()
	already.Login(u.Email, password)
	settings := url.Values{"time_zone": {"Europe/London"}, "require_two_factor": {"true"}, "retention_years": {"0"}}

	// An admin without two-factor cannot require it of others.
	res := admin.Post("/admin/practice", settings)
	if res.Status != 422 || !strings.Contains(res.Body, `data-testid="error-require_two_factor"`) {
		t.Fatalf("requiring two-factor without it: status %d, want 422 with a message beside the box", res.Status)
	}
	enrol(t, app, admin, adminPassword)
	if res := admin.Post("/admin/practice", settings); res.Status != 303 {
		t.Fatalf("requiring two-factor: status %d, want 303", res.Status)
	}
	if page := admin.Get("/admin/practice"); !strings.Contains(page.Body, `value="true" checked aria-describedby="f-require_two_factor-hint"`) {
		t.Fatal("the settings page does not show the requirement as on")
	}
	if admin.Get("/").Status != 200 {
		t.Fatal("the admin, who has two-factor, was signed out")
	}
	if res := already.Get("/"); res.Status != 303 {
		t.Fatalf("a session without two-factor survived the requirement: status %d", res.Status)
	}

	c := passwordStep(t, app, u.Email, password, "/login/two-factor/setup")
	for _, path := range []string{"/", "/clients", "/account", "/account/two-factor", "/exports"} {
		if res := c.Get(path); res.Status != 303 || !strings.HasPrefix(res.Location, "/login") {
			t.Errorf("GET %s before enrolling: status %d location %q, want a redirect to sign in", path, res.Status, res.Location)
		}
	}
	if res := c.Get("/login/two-factor"); res.Status != 303 || res.Location != "/login/two-factor/setup" {
		t.Fatalf("the code page before enrolling: status %d location %q", res.Status, res.Location)
	}
	secret := secretOn(t, c.Get("/login/two-factor/setup"))
	if qr := c.Get("/login/two-factor/qr.png"); qr.Status != 200 || !strings.HasPrefix(qr.Body, "\x89PNG") {
		t.Fatalf("QR code at sign-in: status %d", qr.Status)
	}
	alignToStep(app)
	now := app.Clock.Now()
	if res := c.Post("/login/two-factor/setup", url.Values{"code": {wrongCode(t, secret, now)}}); res.Status != 422 ||
		!strings.Contains(res.Body, `data-testid="error-code"`) {
		t.Fatalf("wrong code at enrolment: status %d, want 422", res.Status)
	}
	res = c.Post("/login/two-factor/setup", url.Values{"code": {codeAt(t, secret, now)}})
	if res.Status != 303 || res.Location != "/account/two-factor/recovery-codes" {
		t.Fatalf("enrolling at sign-in: status %d location %q", res.Status, res.Location)
	}
	recoveryCodesOn(t, c.Get(res.Location))
	if home := c.Get("/"); home.Status != 200 || !strings.Contains(home.Body, u.DisplayName) {
		t.Fatalf("home after enrolling: status %d", home.Status)
	}
	// It cannot be turned off while the practice requires it.
	if res := c.Post("/account/two-factor/disable", url.Values{"password": {password}}); res.Status != 422 {
		t.Fatalf("turning off a required second factor: status %d, want 422", res.Status)
	}
	if _, err := app.Store.TwoFactor(context.Background(), practice.ID, u.ID); err != nil {
		t.Fatalf("two-factor after a refused turn-off: %v", err)
	}
	// Next time, the code is asked for.
	passwordStep(t, app, u.Email, password, "/login/two-factor")
	if n := auditCount(t, app, u.ID, "2fa.enable", "success"); n != 1 {
		t.Fatalf("2fa.enable audit rows = %d, want 1", n)
	}
	var detail string
	if err := app.DB.App.Get(&detail, `SELECT detail FROM audit_log WHERE action = 'practice.update' AND practice_id = $1`, practice.ID); err != nil ||
		!strings.HasPrefix(detail, "require_two_factor=true") {
		t.Fatalf("practice.update audit detail %q (%v)", detail, err)
	}
}

func TestTurningTwoFactorOffOrReplacingItNeedsThePassword(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t)
	practice := app.Practice("Harbour")
	u, password := app.User(practice.ID, store.RoleCounsellor)
	c := app.Browser()
	c.Login(u.Email, password)
	oldSecret, oldCodes := enrol(t, app, c, password)

	// Replacing: a new secret, confirmed with the password and a code; the old codes die.
	newSecret := secretOn(t, c.Get("/account/two-factor/new"))
	if newSecret == oldSecret {
		t.Fatal("replacing offered the same secret")
	}
	app.Clock.Advance(60 * time.Second)
	alignToStep(app)
	if res := c.Post("/account/two-factor", url.Values{"password": {"wrong password!"}, "code": {codeAt(t, newSecret, app.Clock.Now())}}); res.Status != 422 {
		t.Fatalf("replacing with a wrong password: status %d, want 422", res.Status)
	}
	res := c.Post("/account/two-factor", url.Values{"password": {password}, "code": {codeAt(t, newSecret, app.Clock.Now())}})
	if res.Status != 303 {
		t.Fatalf("replacing: status %d", res.Status)
	}
	recoveryCodesOn(t, c.Get(res.Location))
	other := passwordStep(t, app, u.Email, password, "/login/two-factor")
	if res := other.Post("/login/two-factor", url.Values{"code": {oldCodes[0]}}); res.Status != 401 {
		t.Fatalf("an old recovery code after replacing: status %d, want 401", res.Status)
	}

	// Turning off.
	bad := c.Post("/account/two-factor/disable", url.Values{"password": {"not my password"}})
	if bad.Status != 422 || !strings.Contains(bad.Body, `data-testid="error-password"`) || strings.Contains(bad.Body, "not my password") {
		t.Fatalf("turning off with a wrong password: status %d, want 422 with a message beside the password", bad.Status)
	}
	if res := c.Post("/account/two-factor/disable", nil); res.Status != 422 {
		t.Fatalf("turning off with no password: status %d, want 422", res.Status)
	}
	if _, err := app.Store.TwoFactor(context.Background(), practice.ID, u.ID); err != nil {
		t.Fatalf("two-factor after refused turn-offs: %v", err)
	}
	if res := c.Post("/account/two-factor/disable", url.Values{"password": {password}}); res.Status != 303 || res.Location != "/account/two-factor" {
		t.Fatalf("turning off: status %d location %q", res.Status, res.Location)
	}
	if _, err := app.Store.TwoFactor(context.Background(), practice.ID, u.ID); err != store.ErrNotFound {
		t.Fatalf("two-factor after turning off: %v, want none", err)
	}
	if res := app.Browser().Login(u.Email, password); res.Status != 303 || res.Location != "/" {
		t.Fatalf("sign-in after turning off: status %d location %q, want straight in", res.Status, res.Location)
	}
	if n := auditCount(t, app, u.ID, "2fa.disable", "success"); n != 1 {
		t.Fatalf("2fa.disable audit rows = %d, want 1", n)
	}
	if n := auditCount(t, app, u.ID, "2fa.enable", "success"); n != 2 {
		t.Fatalf("2fa.enable audit rows = %d, want 2 (enrol and replace)", n)
	}
}

func TestChangingEmailNeedsThePassword(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t)
	practice := app.Practice("Harbour")
	u, password := app.User(practice.ID, store.RoleCounsellor)
	taken, _ := app.User(practice.ID, store.RoleCounsellor)
	c := app.Browser()
	c.Login(u.Email, password)

	if page := c.Get("/account/email"); page.Status != 200 || !strings.Contains(page.Body, `<label for="f-email">`) || !strings.Contains(page.Body, `<label for="f-password">`) {
		t.Fatalf("email form: status %d", page.Status)
	}
	for _, tc := range []struct {
		name, field string
		form        url.Values
	}{
		{"wrong password", "password", url.Values{"email": {"new@test.example"}, "password": {"not my password"}}},
		{"no password", "password", url.Values{"email": {"new@test.example"}}},
		{"not an email", "email", url.Values{"email": {"new-at-test"}, "password": {password}}},
		{"taken", "email", url.Values{"email": {strings.ToUpper(taken.Email)}, "password": {password}}},
	} {
		res := c.Post("/account/email", tc.form)
		if res.Status != 422 || !strings.Contains(res.Body, `data-testid="error-`+tc.field+`"`) {
			t.Errorf("%s: status %d, want 422 with a message beside %s", tc.name, res.Status, tc.field)
		}
		if p := tc.form.Get("password"); p != "" && strings.Contains(res.Body, p) {
			t.Errorf("%s: the password is echoed back", tc.name)
		}
	}
	if got, _ := app.Store.User(context.Background(), practice.ID, u.ID); got.Email != u.Email {
		t.Fatalf("email changed by a refused form: %q", got.Email)
	}
	res := c.Post("/account/email", url.Values{"email": {"renamed@test.example"}, "password": {password}})
	if res.Status != 303 || res.Location != "/account" {
		t.Fatalf("change email: status %d location %q", res.Status, res.Location)
	}
	if page := c.Get("/account"); !strings.Contains(page.Body, "renamed@test.example") {
		t.Fatal("the account page does not show the new email")
	}
	if res := app.Browser().Login("renamed@test.example", password); res.Status != 303 {
		t.Fatalf("sign in with the new email: status %d", res.Status)
	}
	if res := app.Browser().Login(u.Email, password); res.Status != 401 {
		t.Fatalf("sign in with the old email: status %d, want 401", res.Status)
	}
	if n := auditCount(t, app, u.ID, "user.change_email", "success"); n != 1 {
		t.Fatalf("user.change_email audit rows = %d, want 1", n)
	}
	var leaked int
	if err := app.DB.App.Get(&leaked, `SELECT count(*) FROM audit_log WHERE detail LIKE '%renamed%'`); err != nil || leaked != 0 {
		t.Fatal("the audit log carries the email")
	}
}

func TestSessionsAreListedAndOthersCanBeEnded(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t)
	practice := app.Practice("Harbour")
	u, password := app.User(practice.ID, store.RoleCounsellor)
	phone, laptop := app.Browser(), app.Browser()
	phone.Login(u.Email, password)
	app.Clock.Advance(5 * time.Minute)
	laptop.Login(u.Email, password)
	colleague, _ := app.SignedIn(practice.ID, store.RoleCounsellor)

	page := laptop.Get("/account/sessions")
	if page.Status != 200 || strings.Count(page.Body, `data-testid="session-row"`) != 2 || strings.Count(page.Body, `data-testid="this-session"`) != 1 {
		t.Fatalf("sessions page: status %d, want 2 sessions, one marked as this one", page.Status)
	}
	res := laptop.Post("/account/sessions/end-others", nil)
	if res.Status != 303 || res.Location != "/account/sessions" {
		t.Fatalf("end others: status %d location %q", res.Status, res.Location)
	}
	page = laptop.Get("/account/sessions")
	if strings.Count(page.Body, `data-testid="session-row"`) != 1 || !strings.Contains(page.Body, "signed out everywhere else") {
		t.Fatal("the sessions page should list this session only, with a confirmation")
	}
	if res := phone.Get("/"); res.Status != 303 || !strings.HasPrefix(res.Location, "/login") {
		t.Fatalf("the other session after end-others: status %d, want signed out", res.Status)
	}
	if laptop.Get("/").Status != 200 {
		t.Fatal("the session that ended the others was signed out")
	}
	if colleague.Get("/").Status != 200 {
		t.Fatal("another user's session was ended")
	}
	var detail string
	if err := app.DB.App.Get(&detail, `SELECT detail FROM audit_log WHERE actor_user_id = $1 AND action = 'sessions.end_others'`, u.ID); err != nil || detail != "1 ended" {
		t.Fatalf("sessions.end_others audit detail %q (%v), want \"1 ended\"", detail, err)
	}
}

func TestASecondStepLeftTooLongOrOvertakenByAPasswordChangeStartsAgain(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t)
	practice := app.Practice("Harbour")
	u, password := app.User(practice.ID, store.RoleCounsellor)
	owner := app.Browser()
	owner.Login(u.Email, password)
	secret, _ := enrol(t, app, owner, password)

	slow := passwordStep(t, app, u.Email, password, "/login/two-factor")
	app.Clock.Advance(11 * time.Minute)
	res := slow.Post("/login/two-factor", url.Values{"code": {codeAt(t, secret, app.Clock.Now())}})
	if res.Status != 303 || res.Location != "/login" {
		t.Fatalf("a code 11 minutes after the password: status %d location %q, want back to sign in", res.Status, res.Location)
	}
	if page := slow.Get("/login"); !strings.Contains(page.Body, "took too long") {
		t.Error("the sign-in page does not say why")
	}
	if slow.Get("/").Status != 303 {
		t.Fatal("a late code signed in")
	}

	// A password changed after the password step (say, by an admin's reset) voids that step.
	racing := passwordStep(t, app, u.Email, password, "/login/two-factor")
	hash, err := app.Passwords.Hash("a brand new passphrase")
	if err != nil {
		t.Fatal(err)
	}
	if err := app.Store.SetPassword(context.Background(), practice.ID, u.ID, hash, nil); err != nil {
		t.Fatal(err)
	}
	app.Clock.Advance(30 * time.Second)
	if res := racing.Post("/login/two-factor", url.Values{"code": {codeAt(t, secret, app.Clock.Now())}}); res.Status != 303 || res.Location != "/login" {
		t.Fatalf("a code after the password changed: status %d location %q, want back to sign in", res.Status, res.Location)
	}
	if racing.Get("/").Status != 303 {
		t.Fatal("a second step begun with the old password signed in")
	}
}
