package web_test

import (
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/testutil"
)

// opened is a client browser that pressed the link's button.
func opened(t *testing.T, f *caseFixture, token string) *testutil.Browser {
	t.Helper()
	c := f.app.Browser()
	if res := openLink(t, c, token); res.Status != 303 {
		t.Fatalf("open link: %d", res.Status)
	}
	c.Get("/h/earlier") // the page whose form carries this session's CSRF token
	return c
}

func linkRow(t *testing.T, f *caseFixture, token string) (failures int, hasPIN, locked bool) {
	t.Helper()
	var row struct {
		Failures int  `db:"pin_failures"`
		HasPIN   bool `db:"has_pin"`
		Locked   bool `db:"locked"`
	}
	if err := f.app.DB.App.Get(&row, `SELECT pin_failures, pin_hash IS NOT NULL AS has_pin, pin_locked_at IS NOT NULL AS locked
		FROM client_links WHERE token_hash = sha256(convert_to($1, 'UTF8'))`, token); err != nil {
		t.Fatal(err)
	}
	return row.Failures, row.HasPIN, row.Locked
}

func TestQuickExitEndsTheClientSessionOnTheServer(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	_, token := f.assign(t, f.client, "daily", nil)
	c := opened(t, f, token)
	form := c.Get("/h")
	if form.Status != 200 || !strings.Contains(form.Body, `data-testid="entry-form"`) {
		t.Fatalf("form before exit: %d", form.Status)
	}
	assertNeutral(t, "the form", form)
	cookie := c.CookieAt("/h", "sb_link")
	exit := c.Post("/h/exit", nil)
	if exit.Status != 303 || exit.Location != f.app.Config.QuickExitURL.String() {
		t.Fatalf("quick exit: %d to %q", exit.Status, exit.Location)
	}
	if exit.Header.Get("Cache-Control") != "no-store" || exit.Header.Get("Clear-Site-Data") == "" {
		t.Errorf("quick exit headers: %v", exit.Header)
	}
	for _, path := range []string{"/h", "/h/earlier"} {
		back := c.Get(path)
		if back.Status == 200 || strings.Contains(back.Body, "Jo") || strings.Contains(back.Body, `data-testid="entry-form"`) {
			t.Fatalf("GET %s after the quick exit: %d, shows the form or the name", path, back.Status)
		}
		assertNeutral(t, "the page after the quick exit", back)
	}
	// The session ended on the server: the old cookie, replayed, opens nothing.
	if cookie == "" || c.CookieAt("/h", "sb_link") != "" {
		t.Fatalf("client cookie before exit %q, after %q", cookie, c.CookieAt("/h", "sb_link"))
	}
	c.SetCookieAt("/h", "sb_link", cookie)
	if res := c.Get("/h"); res.Status == 200 || strings.Contains(res.Body, `data-testid="entry-form"`) {
		t.Fatalf("the old session cookie still opens the form: %d", res.Status)
	}
}

func TestEarlierEntriesAreBehindAPINCountedInTheDatabase(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	assignment, token := assignByForm(t, f, dailyTally())
	c := opened(t, f, token)
	page := c.Get("/h/earlier")
	if page.Status != 200 || !strings.Contains(page.Body, `data-testid="pin-form"`) {
		t.Fatalf("earlier before a PIN: %d", page.Status)
	}
	assertNeutral(t, "the PIN page", page)
	for _, bad := range []string{"12", "123456789", "abcd", "12a4", " 1234", strings.Repeat("7", 10000)} {
		res := c.Post("/h/earlier", url.Values{"pin": {bad}})
		if res.Status != 422 || fieldError(res.Body, "pin") == "" {
			t.Fatalf("PIN %.12q: status %d, want 422 with a message", bad, res.Status)
		}
	}
	if n, has, _ := linkRow(t, f, token); n != 0 || has {
		t.Fatalf("malformed PINs counted %d tries or set a PIN (%v)", n, has)
	}
	if res := c.Post("/h/earlier", url.Values{"pin": {"4826"}}); res.Status != 303 {
		t.Fatalf("choose a PIN: %d", res.Status)
	}
	var stored string
	_ = f.app.DB.App.Get(&stored, `SELECT pin_hash FROM client_links WHERE token_hash = sha256(convert_to($1, 'UTF8'))`, token)
	if !strings.HasPrefix(stored, "$argon2id$") || strings.Contains(stored, "4826") {
		t.Fatalf("the PIN is not stored as an argon2id hash: %q", stored)
	}
	mustContain(t, "earlier with the PIN", c.Get("/h/earlier").Body, `data-testid="earlier-none"`)

	key, linkID := formKeys(t, c.Get("/h").Body)
	if res := c.Post("/h/entry", url.Values{"link_id": {linkID}, "idempotency_key": {key}, "entry_date": {daysFromNow(0)},
		"action": {"submit"}, "q1": {"3"}, "q2": {"1"}, "q3": {"2"}}); res.Status != 303 {
		t.Fatalf("send: %d %v", res.Status, fieldErrors(res.Body))
	}
	var entryID string
	_ = f.app.DB.App.Get(&entryID, `SELECT id::text FROM homework_entries WHERE client_id = $1`, f.client.ID)
	if res := f.counsellor.Post(assignment+"/entries/"+entryID+"/review", url.Values{"reply": {"Well noticed, keep going."}}); res.Status != 303 {
		t.Fatalf("review: %d", res.Status)
	}
	mustContain(t, "earlier with the PIN", c.Get("/h/earlier").Body, `data-testid="earlier-entry"`, "Well noticed, keep going.")

	// A fresh browser holding only the link sees nothing written until the PIN is entered.
	stranger := opened(t, f, token)
	for _, path := range []string{"/h", "/h/earlier"} {
		if body := stranger.Get(path).Body; strings.Contains(body, "Well noticed") || strings.Contains(body, `data-testid="earlier-entry"`) {
			t.Fatalf("a fresh browser sees earlier entries on %s", path)
		}
	}
	for i := 1; i < store.MaxPINTries; i++ {
		if res := stranger.Post("/h/earlier", url.Values{"pin": {"0000"}}); res.Status != 422 {
			t.Fatalf("wrong PIN %d: %d", i, res.Status)
		}
	}
	if res := stranger.Post("/h/earlier", url.Values{"pin": {"0000"}}); res.Status != 403 || !strings.Contains(res.Body, `data-testid="pin-locked"`) {
		t.Fatalf("fifth wrong PIN: %d, want locked", res.Status)
	}
	if res := stranger.Post("/h/earlier", url.Values{"pin": {"4826"}}); res.Status != 403 || strings.Contains(res.Body, "Well noticed") {
		t.Fatalf("the right PIN after the lock: %d", res.Status)
	}
	if body := c.Get("/h/earlier").Body; strings.Contains(body, "Well noticed") {
		t.Fatal("the lock left earlier entries open in the client's own browser")
	}
	var locks int
	_ = f.app.DB.App.Get(&locks, `SELECT count(*) FROM audit_log WHERE action = 'link.pin_lock'`)
	if locks != 1 {
		t.Fatalf("link.pin_lock audited %d times, want 1", locks)
	}
	// Filling in today's forms needs only the link, locked PIN or not.
	if res := stranger.Get("/h"); res.Status != 200 {
		t.Fatalf("the form after the PIN lock: %d", res.Status)
	}

	// The counsellor re-issues the link: the new one has no PIN and no count.
	fresh := opened(t, f, issueByForm(t, f))
	if res := fresh.Post("/h/earlier", url.Values{"pin": {"5931"}}); res.Status != 303 {
		t.Fatalf("a PIN on the re-issued link: %d", res.Status)
	}
	if body := fresh.Get("/h/earlier").Body; !strings.Contains(body, `data-testid="earlier-none"`) || strings.Contains(body, "Well noticed") {
		t.Fatal("the re-issued link shows entries written before its PIN was chosen")
	}
}

func TestPINGuessesAcrossTwoInstancesAndAtOnceGetFiveTriesInAll(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	second := f.app.Instance()
	_, token := f.assign(t, f.client, "daily", nil)
	owner := opened(t, f, token)
	if res := owner.Post("/h/earlier", url.Values{"pin": {"2580"}}); res.Status != 303 {
		t.Fatalf("choose a PIN: %d", res.Status)
	}
	const guessers = 12
	browsers := make([]*testutil.Browser, guessers)
	for i := range browsers {
		browsers[i] = opened(t, f, token)
		browsers[i].Get("/h/earlier") // a page, for its CSRF token
		if i%2 == 1 {
			browsers[i] = browsers[i].Against(second)
		}
	}
	statuses := make([]int, guessers)
	var wg sync.WaitGroup
	for i, b := range browsers {
		wg.Add(1)
		go func(i int, b *testutil.Browser) {
			defer wg.Done()
			statuses[i] = b.Post("/h/earlier", url.Values{"pin": {"1111"}}).Status
		}(i, b)
	}
	wg.Wait()
	wrong, locked := 0, 0
	for _, s := range statuses {
		switch s {
		case 422:
			wrong++
		case 403:
			locked++
		default:
			t.Errorf("a guess answered %d", s)
		}
	}
	failures, _, isLocked := linkRow(t, f, token)
	if failures != store.MaxPINTries || !isLocked || wrong+locked != guessers || wrong > store.MaxPINTries-1 {
		t.Fatalf("%d guesses: %d tries counted, locked %v, %d wrong and %d locked answers", guessers, failures, isLocked, wrong, locked)
	}
	var checked int
	_ = f.app.DB.App.Get(&checked, `SELECT count(*) FROM audit_log WHERE action = 'link.pin_wrong'`)
	if checked != store.MaxPINTries {
		t.Fatalf("PINs checked: %d, want %d in all", checked, store.MaxPINTries)
	}
}

func TestTwoBrowsersOpeningOneLinkAtOnceBothGetTheFormAndOnePIN(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	_, token := f.assign(t, f.client, "daily", nil)
	a, b := f.app.Browser(), f.app.Browser()
	a.Get("/h/" + token)
	b.Get("/h/" + token)
	var wg sync.WaitGroup
	res := make([]*testutil.Response, 2)
	for i, c := range []*testutil.Browser{a, b} {
		wg.Add(1)
		go func(i int, c *testutil.Browser) {
			defer wg.Done()
			res[i] = c.Post("/h/open", url.Values{"token": {token}})
		}(i, c)
	}
	wg.Wait()
	for i, c := range []*testutil.Browser{a, b} {
		if res[i].Status != 303 || c.Get("/h").Status != 200 {
			t.Fatalf("browser %d: open %d", i, res[i].Status)
		}
	}
	pins := []string{"1357", "8642"}
	for i, c := range []*testutil.Browser{a, b} {
		wg.Add(1)
		go func(i int, c *testutil.Browser) {
			defer wg.Done()
			res[i] = c.Post("/h/earlier", url.Values{"pin": {pins[i]}})
		}(i, c)
	}
	wg.Wait()
	first, second := res[0].Status, res[1].Status
	if first+second != 303+422 || first != 303 && second != 303 {
		t.Fatalf("two browsers choosing different PINs at once: %d and %d, want one chosen and one wrong", first, second)
	}
	if n, has, _ := linkRow(t, f, token); !has || n != 1 { // the other browser's PIN was checked, and was wrong
		t.Fatalf("after the race: PIN set %v, %d failures", has, n)
	}
}

func TestItemNineAnswerOpensHelpAndTellsTheCounsellorAtOnce(t *testing.T) {
	t.Parallel()
	smtpServer := testutil.NewSMTPServer(t)
	app := testutil.NewApp(t, smtpServer.Configure)
	f := &caseFixture{app: app, practice: app.Practice("Harbour"), tokens: map[int64]string{}}
	f.counsellor, f.me = app.SignedIn(f.practice.ID, store.RoleCounsellor)
	f.client = f.addClient(t, f.me.ID, "Jordan", "Avery", "Jo")
	page := f.counsellor.Get(f.path("/progress"))
	key := regexp.MustCompile(`name="request_key" value="([0-9a-f]{32})"`).FindStringSubmatch(page.Body)[1]
	if res := f.counsellor.Post(f.path("/checkins"), url.Values{"ck_measures": {"phq9"}, "ck_due": {daysFromNow(3)}, "request_key": {key}}); res.Status != 303 {
		t.Fatalf("create check-in: %d", res.Status)
	}
	c := opened(t, f, issueByForm(t, f))
	form := c.Get("/h")
	if strings.Contains(form.Body, `data-testid="help-now" open`) || !strings.Contains(form.Body, `data-testid="help-now"`) {
		t.Fatal("the check-in should offer help behind a closed control")
	}
	linkID := regexp.MustCompile(`name="link_id" value="(\d+)"`).FindStringSubmatch(form.Body)[1]
	if res := c.Post("/h/checkin", phq9(url.Values{"link_id": {linkID}}, "1", "1")); res.Status != 303 {
		t.Fatalf("send: %d %v", res.Status, fieldErrors(res.Body))
	}
	thanks := c.Get("/h")
	mustContain(t, "thanks after item 9", thanks.Body, `data-testid="help-now" open`, "help is below", "Samaritans")
	assertNeutral(t, "the thanks page after item 9", thanks)
	if again := c.Get("/h"); strings.Contains(again.Body, `data-testid="help-now" open`) {
		t.Error("help stays open on every later page")
	}
	msgs := smtpServer.Messages()
	if len(msgs) != 1 || !strings.Contains(msgs[0].To[0], f.me.Email) {
		t.Fatalf("counsellor emails: %+v", msgs)
	}
	for _, banned := range []string{"Jordan", "Avery", "Jo ", "PHQ", "item", "risk", "suicid", "harm"} {
		if strings.Contains(msgs[0].Data, banned) {
			t.Errorf("the alert email mentions %q", banned)
		}
	}
	if f.auditCount(t, "risk.notify") != 1 || f.auditCount(t, "risk.raise") == 0 {
		t.Fatalf("risk.notify audited %d times", f.auditCount(t, "risk.notify"))
	}
	var flags int
	_ = app.DB.App.Get(&flags, `SELECT count(*) FROM risk_flags WHERE client_id = $1 AND cleared_at IS NULL`, f.client.ID)
	if flags != 1 {
		t.Fatalf("open risk flags: %d", flags)
	}
}
