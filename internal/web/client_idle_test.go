package web_test

import (
	"strings"
	"testing"
	"time"
)

// clientSessionRow is the stored row of a client browser's link session.
func clientSessionRow(t *testing.T, f *caseFixture, cookie string) (expiry time.Time, data []byte, found bool) {
	t.Helper()
	var row struct {
		Expiry time.Time `db:"expiry"`
		Data   []byte    `db:"data"`
	}
	err := f.app.DB.App.Get(&row, `SELECT expiry, data FROM sessions WHERE token_hash = sha256(convert_to($1, 'UTF8'))`, cookie)
	return row.Expiry, row.Data, err == nil
}

func TestAClientPageThatChangesNothingSavesNoSessionRow(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	_, token := f.assign(t, f.client, "daily", nil)
	c := opened(t, f, token)
	if res := c.Get("/h"); res.Status != 200 || !strings.Contains(res.Body, `data-testid="entry-form"`) {
		t.Fatalf("form: %d", res.Status)
	}
	cookie := c.CookieAt("/h", "sb_link")
	expiry, data, found := clientSessionRow(t, f, cookie)
	if !found {
		t.Fatal("no session row for the client's cookie")
	}
	if left := time.Until(expiry); left > f.app.Config.ClientIdleTimeout+time.Minute || left < f.app.Config.ClientIdleTimeout-time.Minute {
		t.Fatalf("the session row expires in %v, want about the idle timeout %v", left, f.app.Config.ClientIdleTimeout)
	}
	for i := 0; i < 3; i++ {
		if res := c.Get("/h"); res.Status != 200 || !strings.Contains(res.Body, `data-testid="entry-form"`) {
			t.Fatalf("form again: %d", res.Status)
		}
	}
	again, dataAgain, _ := clientSessionRow(t, f, cookie)
	if !again.Equal(expiry) || string(dataAgain) != string(data) {
		t.Fatalf("reloading the form saved the session row (expiry %v, then %v)", expiry, again)
	}
}

func TestAClientSessionEndsAfterTheIdleTimeoutAndActivityKeepsItOpen(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	_, token := f.assign(t, f.client, "daily", nil)
	c := opened(t, f, token)
	idle := f.app.Config.ClientIdleTimeout
	cookie := c.CookieAt("/h", "sb_link")
	_, before, _ := clientSessionRow(t, f, cookie)
	// Active every idle-1 minutes: never idle for the timeout, so the form stays open.
	for i := 0; i < 3; i++ {
		f.app.Clock.Advance(idle - time.Minute)
		if res := c.Get("/h"); res.Status != 200 || !strings.Contains(res.Body, `data-testid="entry-form"`) {
			t.Fatalf("after %v idle, request %d: status %d, want the form (the idle timeout is %v)", idle-time.Minute, i+1, res.Status, idle)
		}
	}
	if _, after, _ := clientSessionRow(t, f, cookie); string(after) == string(before) {
		t.Fatal("activity after more than a minute did not write the last-seen time back")
	}
	f.app.Clock.Advance(idle + time.Minute)
	res := c.Get("/h")
	if res.Status == 200 || strings.Contains(res.Body, `data-testid="entry-form"`) || strings.Contains(res.Body, "Jo") {
		t.Fatalf("after %v idle: status %d, the form or the name still shown", idle+time.Minute, res.Status)
	}
	assertNeutral(t, "the page after the idle timeout", res)
	if _, _, found := clientSessionRow(t, f, cookie); found {
		t.Fatal("the idle session's row is still stored")
	}
	c.SetCookieAt("/h", "sb_link", cookie)
	if res := c.Get("/h"); res.Status == 200 || strings.Contains(res.Body, `data-testid="entry-form"`) {
		t.Fatalf("the idle session's cookie, replayed, still opens the form: %d", res.Status)
	}
}
