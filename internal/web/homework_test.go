package web_test

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/securebase/securebase/internal/config"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/testutil"
)

var linkPattern = regexp.MustCompile(`data-testid="link"[^>]*value="http://[^"]+/h/([A-Za-z0-9_-]{43})"|value="http://[^"]+/h/([A-Za-z0-9_-]{43})"[^>]*data-testid="link"`)

// assignByForm assigns homework through the staff form and returns the assignment page's
// path and the client's link token (issued through the staff pages if none is live).
func assignByForm(t *testing.T, f *caseFixture, form url.Values) (string, string) {
	t.Helper()
	res := f.counsellor.Post(f.path("/homework"), form)
	if res.Status != 303 || !strings.Contains(res.Location, "/homework/") {
		t.Fatalf("assign: status %d: %s", res.Status, fieldErrors(res.Body))
	}
	token, ok := f.tokens[f.client.ID]
	if !ok || !f.linkLive(t, token) {
		token = issueByForm(t, f)
	}
	return res.Location, token
}

// issueByForm issues the client's link through the staff pages (POST, 303, the page that
// shows it once), replacing any live one, and returns its token.
func issueByForm(t *testing.T, f *caseFixture) string {
	t.Helper()
	res := f.counsellor.Post(f.path("/link"), url.Values{"replace": {"yes"}})
	if res.Status != 303 || res.Location != f.path("/link") {
		t.Fatalf("issue link: status %d location %q", res.Status, res.Location)
	}
	page := f.counsellor.Get(res.Location)
	m := linkPattern.FindStringSubmatch(page.Body)
	if m == nil {
		t.Fatal("the new link is not shown")
	}
	token := m[1] + m[2]
	f.tokens[f.client.ID] = token
	return token
}

func fieldErrors(body string) []string {
	var out []string
	for _, m := range regexp.MustCompile(`data-testid="error-([^"]+)">([^<]*)<`).FindAllStringSubmatch(body, -1) {
		out = append(out, m[1]+": "+m[2])
	}
	return out
}

func dailyTally() url.Values {
	return url.Values{"template": {"builtin:reassurance_tally"}, "instructions": {"Tally each evening before bed."},
		"start_date": {daysFromNow(-2)}, "due_date": {daysFromNow(4)}, "cadence": {"daily"}, "request_key": {newKey()}}
}

// openLink does what a client's browser does: GET the link, press the button.
func openLink(t *testing.T, c *testutil.Browser, token string) *testutil.Response {
	t.Helper()
	page := c.Get("/h/" + token)
	if page.Status != 200 {
		return page
	}
	return c.Post("/h/open", url.Values{"token": {token}})
}

func TestHomeworkLinkOpensOneAssignmentAndOnlyItsHashIsStored(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	assignment, token := assignByForm(t, f, dailyTally())
	sum := sha256.Sum256([]byte(token))
	var hashed, raw int
	if err := f.app.DB.App.Get(&hashed, `SELECT count(*) FROM client_links WHERE token_hash = $1`, sum[:]); err != nil || hashed != 1 {
		t.Fatalf("links stored under the token's SHA-256: %d (%v)", hashed, err)
	}
	admin := f.app.DB.OpenAsAdmin(t)
	if err := admin.Get(&raw, `SELECT count(*) FROM (
			SELECT t::text AS row FROM client_links t UNION ALL SELECT t::text FROM audit_log t UNION ALL
			SELECT t::text FROM assignments t UNION ALL SELECT encode(data, 'escape') FROM sessions) x
		WHERE row LIKE '%' || $1 || '%'`, token); err != nil || raw != 0 {
		t.Fatalf("the raw token is stored somewhere (%d rows, %v)", raw, err)
	}
	if strings.Contains(f.counsellor.Get(assignment).Body, token) {
		t.Fatal("the link is shown again after the first time")
	}

	client := f.app.Browser()
	res := openLink(t, client, token)
	if res.Status != 303 || res.Location != "/h" {
		t.Fatalf("pressing the button: status %d location %q, want 303 to /h (no token)", res.Status, res.Location)
	}
	form := client.Get("/h")
	mustContain(t, "client form", form.Body, "Hello, Jo.", "Tally each evening before bed.", "<title>Your form</title>", `name="q1"`)
	for _, banned := range []string{"counsel", "therap", f.practice.Name, "Avery", f.client.Code} {
		if strings.Contains(strings.ToLower(form.Body), strings.ToLower(banned)) {
			t.Errorf("the client page mentions %q", banned)
		}
	}
	if strings.Contains(client.Get("/h").Body, "/clients/") {
		t.Fatal("the client page links into staff pages")
	}
	if strings.Contains(f.app.Logs.String(), token) {
		t.Fatal("the token reached the log")
	}
	var opened int
	if err := f.app.DB.App.Get(&opened, `SELECT count(*) FROM audit_log WHERE action = 'link.open' AND client_id = $1`, f.client.ID); err != nil || opened != 1 {
		t.Fatalf("link.open audit rows %d (%v)", opened, err)
	}
}

func TestOpeningALinkWithGETChangesNothing(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	_, token := assignByForm(t, f, dailyTally())
	before := f.app.PracticeFingerprint(f.practice.ID)
	var audits, sessions int
	_ = f.app.DB.App.Get(&audits, `SELECT count(*) FROM audit_log`)
	_ = f.app.DB.App.Get(&sessions, `SELECT count(*) FROM sessions`)
	landingWords := regexp.MustCompile(`[\w-]+`) // a random token is one word, not many
	scanner := f.app.Browser()
	for i := 0; i < 3; i++ { // a mail scanner, a preview, the person
		res := scanner.Get("/h/" + token)
		if res.Status != 200 || !strings.Contains(res.Body, "Open my form") {
			t.Fatalf("GET link: status %d", res.Status)
		}
		for header, want := range map[string]string{"X-Robots-Tag": "noindex, nofollow", "Cache-Control": "no-store", "Referrer-Policy": "no-referrer"} {
			if got := res.Header.Get(header); got != want {
				t.Errorf("%s = %q, want %q", header, got, want)
			}
		}
		// Tokens and nonces are random and may hold any two letters: look at the words only.
		if words := landingWords.FindAllString(res.Body, -1); slices.Contains(words, "Hello") || slices.Contains(words, "Jo") ||
			slices.Contains(words, "Jordan") || slices.Contains(words, "Avery") {
			t.Fatal("the landing page shows something of the client")
		}
	}
	after := f.app.PracticeFingerprint(f.practice.ID)
	for table, sum := range before {
		if after[table] != sum {
			t.Errorf("GET changed %s", table)
		}
	}
	var audits2, sessions2 int
	_ = f.app.DB.App.Get(&audits2, `SELECT count(*) FROM audit_log`)
	_ = f.app.DB.App.Get(&sessions2, `SELECT count(*) FROM sessions`)
	if audits2 != audits || sessions2 != sessions {
		t.Fatalf("GET wrote audit rows (%d→%d) or sessions (%d→%d)", audits, audits2, sessions, sessions2)
	}
}

func TestUnknownExpiredAndRevokedLinksGetTheSameNeutralPage(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	_, token := assignByForm(t, f, dailyTally())
	c := f.app.Browser()
	if res := c.Get("/h/" + strings.Repeat("A", 43)); res.Status != 404 || !strings.Contains(res.Body, "This link is not active") {
		t.Fatalf("unknown token: %d", res.Status)
	}
	if res := c.Get("/h/not-a-token"); res.Status != 404 || !strings.Contains(res.Body, "This link is not active") {
		t.Fatalf("malformed token: %d", res.Status)
	}
	// A client in the middle of filling the form when the counsellor re-issues the link.
	inside := f.app.Browser()
	openLink(t, inside, token)
	newToken := issueByForm(t, f)
	for name, res := range map[string]*testutil.Response{"old link": c.Get("/h/" + token), "old session": inside.Get("/h")} {
		if res.Status != 404 || !strings.Contains(res.Body, "This link is not active") {
			t.Errorf("%s after re-issue: status %d, want 404 with the neutral page", name, res.Status)
		}
	}
	if res := openLink(t, f.app.Browser(), newToken); res.Status != 303 {
		t.Fatalf("new link: %d", res.Status)
	}
	if res := f.counsellor.Post(f.path("/link/revoke"), nil); res.Status != 303 {
		t.Fatalf("revoke: %d", res.Status)
	}
	if res := c.Get("/h/" + newToken); res.Status != 404 {
		t.Fatalf("revoked link: %d, want 404", res.Status)
	}
	mustContain(t, "link page", f.counsellor.Get(f.path("/link")).Body, `data-testid="client-link-state">None live`)
	// Expiry.
	expiring := issueByForm(t, f)
	if _, err := f.app.DB.OpenAsAdmin(t).Exec(`UPDATE client_links SET expires_at = now() - interval '1 minute' WHERE revoked_at IS NULL`); err != nil {
		t.Fatal(err)
	}
	if res := c.Get("/h/" + expiring); res.Status != 404 {
		t.Fatalf("expired link: %d, want 404", res.Status)
	}
	for _, action := range []string{"link.issue", "link.revoke", "link.open"} {
		var n int
		_ = f.app.DB.App.Get(&n, `SELECT count(*) FROM audit_log WHERE action = $1 AND client_id = $2`, action, f.client.ID)
		if n == 0 {
			t.Errorf("no %s audit row", action)
		}
	}
}

// deadLinkVariable is what differs between any two pages by design: the CSRF token, the
// request id and the date. Everything else must be the same.
var deadLinkVariable = regexp.MustCompile(`value="[A-Za-z0-9_+/=-]{20,}"|[0-9a-f]{8}-[0-9a-f-]{27}|[A-Za-z0-9_-]{22,}`)

func TestEveryDeadLinkAnswersTheSame(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	revoked := f.clientLink(t, f.client)
	live := issueByForm(t, f) // ends the first
	other := f.addClient(t, f.me.ID, "Sam", "Rowe", "")
	expired := f.clientLink(t, other)
	if _, err := f.app.DB.OpenAsAdmin(t).Exec(`UPDATE client_links SET expires_at = now() - interval '1 minute' WHERE client_id = $1`, other.ID); err != nil {
		t.Fatal(err)
	}
	third := f.addClient(t, f.me.ID, "Kit", "Lane", "")
	discharged := f.clientLink(t, third)
	if res := f.counsellor.Post("/clients/"+itoa(third.ID)+"/status", url.Values{"action": {"discharge"}}); res.Status != 303 {
		t.Fatalf("discharge: %d", res.Status)
	}
	if res := f.app.Browser().Get("/h/" + live); res.Status != 200 {
		t.Fatalf("the live link: %d", res.Status)
	}
	cases := map[string]string{"unknown": strings.Repeat("A", 43), "revoked": revoked, "expired": expired, "discharged": discharged}
	var firstName string
	var first *testutil.Response
	for name, tok := range cases {
		for _, method := range []string{"GET", "POST"} {
			c := f.app.Browser()
			var res *testutil.Response
			if method == "GET" {
				res = c.Get("/h/" + tok)
			} else {
				c.Get("/h/" + strings.Repeat("B", 43)) // for the CSRF token
				res = c.Post("/h/open", url.Values{"token": {tok}})
			}
			if res.Status != 404 || !strings.Contains(res.Body, "This link is not active") {
				t.Fatalf("%s link, %s: status %d, want 404 and the neutral page", name, method, res.Status)
			}
			if method != "GET" {
				continue
			}
			if first == nil {
				firstName, first = name, res
				continue
			}
			if a, b := deadLinkVariable.ReplaceAllString(first.Body, "*"), deadLinkVariable.ReplaceAllString(res.Body, "*"); a != b {
				t.Errorf("the %s and %s links get different pages:\n%s\n---\n%s", firstName, name, a, b)
			}
			for h := range first.Header {
				if h == "Date" || h == "Set-Cookie" || h == "X-Request-Id" || h == "Content-Length" {
					continue
				}
				if first.Header.Get(h) != res.Header.Get(h) {
					t.Errorf("header %s: %s link %q, %s link %q", h, firstName, first.Header.Get(h), name, res.Header.Get(h))
				}
			}
			if len(first.Header) != len(res.Header) {
				t.Errorf("the %s and %s links get different headers: %v / %v", firstName, name, first.Header, res.Header)
			}
		}
	}
}

func TestDischargeRevokesEveryLink(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	_, a := assignByForm(t, f, dailyTally())
	once := dailyTally()
	once.Set("cadence", "once")
	_, b := assignByForm(t, f, once)
	inside := f.app.Browser()
	openLink(t, inside, a)
	f.counsellor.Post(f.path("/status"), url.Values{"action": {"discharge"}})
	for _, tok := range []string{a, b} {
		if res := f.app.Browser().Get("/h/" + tok); res.Status != 404 {
			t.Errorf("link after discharge: %d, want 404", res.Status)
		}
	}
	if res := inside.Get("/h"); res.Status != 404 {
		t.Fatalf("open session after discharge: %d, want 404", res.Status)
	}
}

func TestDraftThenSubmitFeedsTheGoalAndIsIdempotent(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	goalURL := f.counsellor.Post(f.path("/goals"), completeGoalForm()).Location
	f.counsellor.Post(goalURL+"/status", url.Values{"to": {"active"}})
	goalID := goalURL[strings.LastIndex(goalURL, "/")+1:]
	form := dailyTally()
	form.Set("goal_id", goalID)
	form.Set("goal_field", "reassurance_requests")
	assignment, token := assignByForm(t, f, form)
	feeds := regexp.MustCompile(`data-testid="feeds-goal">(.*?)</dd>`).FindStringSubmatch(f.counsellor.Get(assignment).Body)
	if feeds == nil || strings.Contains(feeds[1], "reassurance_requests") || !strings.Contains(feeds[1], completeGoalForm().Get("statement")) {
		t.Fatalf("the assignment names the goal it feeds by its key, not its words: %v", feeds)
	}
	c := f.app.Browser()
	openLink(t, c, token)

	page := c.Get("/h")
	key := regexp.MustCompile(`name="idempotency_key" value="([0-9a-f]{32})"`).FindStringSubmatch(page.Body)[1]
	linkID := regexp.MustCompile(`name="link_id" value="(\d+)"`).FindStringSubmatch(page.Body)[1]
	today := daysFromNow(0)
	draft := url.Values{"link_id": {linkID}, "idempotency_key": {key}, "entry_date": {today}, "action": {"draft"}, "q1": {"5"}}
	if res := c.Post("/h/entry", draft); res.Status != 303 {
		t.Fatalf("draft: status %d %v", res.Status, fieldErrors(res.Body))
	}
	if res := c.Get("/h"); !strings.Contains(res.Body, `name="q1" type="number"`) || !strings.Contains(res.Body, `value="5"`) {
		t.Fatal("the draft is not put back into the form")
	}
	bad := url.Values{"link_id": {linkID}, "idempotency_key": {key}, "entry_date": {today}, "action": {"submit"}, "q1": {"lots"}, "q3": {"3"}}
	res := c.Post("/h/entry", bad)
	if res.Status != 422 || fieldError(res.Body, "q1") == "" || fieldError(res.Body, "q2") == "" ||
		!strings.Contains(res.Body, `value="lots"`) || !strings.Contains(res.Body, `value="3"`) {
		t.Fatalf("invalid submit: status %d %v", res.Status, fieldErrors(res.Body))
	}
	submit := url.Values{"link_id": {linkID}, "idempotency_key": {key}, "entry_date": {today}, "action": {"submit"}, "q1": {"4"}, "q2": {"2"}}
	// A double click: the same form twice, at the same moment.
	var wg sync.WaitGroup
	statuses := make([]int, 2)
	for i := range statuses {
		wg.Add(1)
		go func(i int) { defer wg.Done(); statuses[i] = c.Post("/h/entry", submit).Status }(i)
	}
	wg.Wait()
	if statuses[0] != 303 || statuses[1] != 303 {
		t.Fatalf("double submit statuses %v, want both 303", statuses)
	}
	if res := c.Post("/h/entry", submit); res.Status != 303 { // the back button and a retry
		t.Fatalf("retried submit: %d", res.Status)
	}
	var entries, readings int
	_ = f.app.DB.App.Get(&entries, `SELECT count(*) FROM homework_entries WHERE client_id = $1 AND status = 'submitted'`, f.client.ID)
	_ = f.app.DB.App.Get(&readings, `SELECT count(*) FROM goal_readings WHERE goal_id = $1 AND source = 'homework' AND value = 4`, goalID)
	if entries != 1 || readings != 1 {
		t.Fatalf("after a double submit and a retry: %d entries, %d readings; want 1 and 1", entries, readings)
	}
	again := url.Values{"link_id": {linkID}, "idempotency_key": {newKey()}, "entry_date": {today}, "action": {"submit"}, "q1": {"9"}, "q2": {"9"}}
	if res := c.Post("/h/entry", again); res.Status != 409 && res.Status != 422 {
		t.Fatalf("a second, different entry for the same day: %d, want a refusal", res.Status)
	}
	mustContain(t, "goal page", f.counsellor.Get(goalURL).Body, "Latest 4 per day")
	mustContain(t, "assignment page", f.counsellor.Get(assignment).Body, "1 of 7 entries", "awaiting review")

	// The counsellor reviews with a reply; the form does not show it (what was written is behind the PIN).
	var entryID string
	_ = f.app.DB.App.Get(&entryID, `SELECT id::text FROM homework_entries WHERE client_id = $1`, f.client.ID)
	if res := f.counsellor.Post(assignment+"/entries/"+entryID+"/review", url.Values{"reply": {"Well noticed. Try the ten-minute wait."}}); res.Status != 303 {
		t.Fatalf("review: %d", res.Status)
	}
	if strings.Contains(c.Get("/h").Body, "Well noticed") {
		t.Fatal("the client form shows the counsellor's reply without the PIN")
	}
	mustContain(t, "client page", f.counsellor.Get(f.path("")).Body, "1 of 7 (14%)", "Completion across all homework: 14%")
	var submitted int
	_ = f.app.DB.App.Get(&submitted, `SELECT count(*) FROM audit_log WHERE action = 'link.submit' AND client_id = $1`, f.client.ID)
	if submitted != 1 {
		t.Fatalf("link.submit audit rows %d, want 1 (retries are not new submissions)", submitted)
	}
}

func TestOnceOnlyHomeworkIsDoneAfterOneEntry(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	form := dailyTally()
	form.Set("cadence", "once")
	_, token := assignByForm(t, f, form)
	c := f.app.Browser()
	openLink(t, c, token)
	page := c.Get("/h")
	key := regexp.MustCompile(`name="idempotency_key" value="([0-9a-f]{32})"`).FindStringSubmatch(page.Body)[1]
	linkID := regexp.MustCompile(`name="link_id" value="(\d+)"`).FindStringSubmatch(page.Body)[1]
	if res := c.Post("/h/entry", url.Values{"link_id": {linkID}, "idempotency_key": {key}, "action": {"submit"}, "q1": {"3"}, "q2": {"1"}}); res.Status != 303 {
		t.Fatalf("submit: %d %v", res.Status, fieldErrors(res.Body))
	}
	after := c.Get("/h")
	mustContain(t, "after sending", after.Body, `data-testid="all-done"`, "Sent. Thank you.")
	if strings.Contains(after.Body, `data-testid="entry-form"`) {
		t.Fatal("a once-only form still offers another entry")
	}
}

func TestAssignmentValidation(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	cases := []struct {
		name, field, value, msg string
	}{
		{"no template", "template", "", "required"},
		{"unknown template", "template", "builtin:horoscope", "Choose a template"},
		{"due before start", "due_date", daysFromNow(-3), "on or after the start"},
		{"too long daily", "due_date", daysFromNow(200), "three months"},
		{"goal field without goal", "goal_field", "checks", "Choose the goal"},
	}
	for _, tc := range cases {
		form := dailyTally()
		form.Set(tc.field, tc.value)
		if tc.field == "goal_field" {
			form.Set("goal_id", "")
		}
		res := f.counsellor.Post(f.path("/homework"), form)
		field := tc.field
		if tc.field == "goal_field" {
			field = "goal_id"
		}
		if res.Status != 422 || !strings.Contains(fieldError(res.Body, field), tc.msg) {
			t.Errorf("%s: status %d, errors %v", tc.name, res.Status, fieldErrors(res.Body))
		}
		if !strings.Contains(res.Body, "Tally each evening before bed.") {
			t.Errorf("%s: instructions lost", tc.name)
		}
	}
}

func TestClientPagesAreRateLimited(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t, func(c *config.Config) { c.RateLimit, c.RateBurst = 1, 5 })
	c := app.Browser()
	limited := false
	for i := 0; i < 15 && !limited; i++ {
		limited = c.Get("/h/"+strings.Repeat("B", 43)).Status == 429
	}
	if !limited {
		t.Fatal("15 quick guesses at links were never rate limited")
	}
}

// newKey returns a fresh form key, as a new page load would carry.
func newKey() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

func TestLinkEmailCarriesOnlyANeutralLineAndTheLink(t *testing.T) {
	t.Parallel()
	smtpServer := testutil.NewSMTPServer(t)
	app := testutil.NewApp(t, smtpServer.Configure)
	f := &caseFixture{app: app, practice: app.Practice("Harbour"), tokens: map[int64]string{}}
	f.counsellor, f.me = app.SignedIn(f.practice.ID, store.RoleCounsellor)
	cl, err := app.Store.CreateClient(context.Background(), f.practice.ID, store.ClientInput{CounsellorID: f.me.ID,
		FirstName: "Sky", LastName: "Reyes", Format: "individual", ContactMethod: "email", Email: "sky@example.org", NeutralMessages: true,
		SafeContactNote: "Partner reads my email"}, store.AuditEntry{Action: "test.seed"})
	if err != nil {
		t.Fatal(err)
	}
	f.client = cl
	assignByForm(t, f, dailyTally()) // issues the link, not emailed
	if res := f.counsellor.Post(f.path("/link"), url.Values{"replace": {"yes"}, "email_link": {"true"}}); res.Status != 303 {
		t.Fatalf("issue and email: %d", res.Status)
	}
	m := linkPattern.FindStringSubmatch(f.counsellor.Get(f.path("/link")).Body)
	if m == nil {
		t.Fatal("the emailed link is not shown")
	}
	token := m[1] + m[2]
	msgs := smtpServer.Messages()
	if len(msgs) != 1 || msgs[0].To[0] != "<sky@example.org>" {
		t.Fatalf("messages sent: %+v", msgs)
	}
	body := msgs[0].Data
	mustContain(t, "email", body, "Subject: Your form", "/h/"+token)
	for _, banned := range []string{"counsel", "therap", "Harbour", "Reyes", "reassurance", "Tally each evening", "homework"} {
		if strings.Contains(strings.ToLower(body), strings.ToLower(banned)) {
			t.Errorf("the email mentions %q", banned)
		}
	}
	var sent int
	_ = app.DB.App.Get(&sent, `SELECT count(*) FROM audit_log WHERE action = 'link.email' AND outcome = 'success' AND client_id = $1`, cl.ID)
	if sent != 1 || strings.Contains(app.Logs.String(), token) {
		t.Fatalf("link.email audited %d times; token in log: %v", sent, strings.Contains(app.Logs.String(), token))
	}
}

func TestPracticeNameShowsOnClientPagesOnlyWhenOptedInAndNotNeutral(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	_, token := assignByForm(t, f, dailyTally())
	c := f.app.Browser()
	openLink(t, c, token)
	if strings.Contains(c.Get("/h").Body, f.practice.Name) {
		t.Fatal("practice named without opting in")
	}
	if res := f.admin.Post("/admin/practice", url.Values{"time_zone": {"Mars/Olympus"}}); res.Status != 422 || fieldError(res.Body, "time_zone") == "" {
		t.Fatalf("bad time zone: %d", res.Status)
	}
	if res := f.admin.Post("/admin/practice", url.Values{"time_zone": {"Europe/London"}, "name_on_client_pages": {"true"}, "retention_years": {"0"}}); res.Status != 303 {
		t.Fatalf("settings: %d", res.Status)
	}
	if strings.Contains(c.Get("/h").Body, f.practice.Name) {
		t.Fatal("practice named to a client who asked for neutral messages")
	}
	if _, err := f.app.DB.App.Exec(`UPDATE clients SET neutral_messages = false WHERE id = $1`, f.client.ID); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(c.Get("/h").Body, "From "+f.practice.Name) {
		t.Fatal("practice not named after opting in, for a client who did not ask for neutral messages")
	}
	if f.counsellor.Post("/admin/practice", url.Values{"time_zone": {"UTC"}}).Status != 403 {
		t.Fatal("a counsellor changed practice settings")
	}
}
