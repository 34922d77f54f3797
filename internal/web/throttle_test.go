package web_test

import (
	"context"
	"crypto/sha256"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/testutil"
)

// TestStrangersAreSlowedWithGrowingDelaysNeverLockedOut: from a browser that never signed in
// to the account, three failures are free; then each failure adds a wait that doubles (15 s,
// 30 s, ...), and once it has passed, the right password still signs in.
func TestStrangersAreSlowedWithGrowingDelaysNeverLockedOut(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t)
	practice := app.Practice("Harbour")
	u, password := app.User(practice.ID, store.RoleCounsellor)
	for i := 0; i < 4; i++ {
		if res := app.Browser().Login(u.Email, "wrong password number"); res.Status != 401 {
			t.Fatalf("attempt %d: status %d, want 401", i+1, res.Status)
		}
	}
	res := app.Browser().Login(u.Email, password)
	if res.Status != 429 || !strings.Contains(res.Body, "please wait 15 seconds") || res.Header.Get("Retry-After") == "" {
		t.Fatalf("after 4 failures: status %d, want 429 asking to wait 15 seconds", res.Status)
	}
	// An unknown email is slowed the same way: nothing tells whether an account exists.
	for i := 0; i < 4; i++ {
		app.Browser().Login("nobody@test.example", "whatever password")
	}
	if res := app.Browser().Login("nobody@test.example", "whatever password"); res.Status != 429 {
		t.Fatalf("an unknown email: %d, want the same 429", res.Status)
	}
	app.Clock.Advance(16 * time.Second)
	if res := app.Browser().Login(u.Email, "wrong again"); res.Status != 401 {
		t.Fatalf("after the wait: %d, want the password checked (401)", res.Status)
	}
	res = app.Browser().Login(u.Email, password)
	if res.Status != 429 || !strings.Contains(res.Body, "please wait 30 seconds") {
		t.Fatalf("after the 5th failure: %d, want a 30 second wait", res.Status)
	}
	app.Clock.Advance(31 * time.Second)
	if res := app.Browser().Login(u.Email, password); res.Status != 303 {
		t.Fatalf("the right password once the wait passed: %d, want 303 (slowed, not locked out)", res.Status)
	}
	var denied int
	if err := app.DB.App.Get(&denied, `SELECT (SELECT count(*) FROM audit_log WHERE action = 'auth.login' AND outcome = 'denied')
		+ (SELECT count(*) FROM audit_log_unscoped WHERE action = 'auth.login' AND outcome = 'denied')`); err != nil {
		t.Fatal(err)
	}
	if denied != 3 {
		t.Fatalf("throttled attempts audited = %d, want 3", denied)
	}
}

// TestABurstFromStrangersDoesNotStopTheRealUsersKnownBrowser: while strangers guess an
// account's password (and are slowed, and its owner is emailed once), the browser the owner
// signed in from before signs in at once, even after a typo; a stranger with the right
// password is still slowed.
func TestABurstFromStrangersDoesNotStopTheRealUsersKnownBrowser(t *testing.T) {
	t.Parallel()
	smtpServer := testutil.NewSMTPServer(t)
	app := testutil.NewApp(t, smtpServer.Configure)
	practice := app.Practice("Harbour")
	u, password := app.User(practice.ID, store.RoleCounsellor)
	laptop := app.Browser()
	if res := laptop.Login(u.Email, password); res.Status != 303 {
		t.Fatalf("first sign-in: %d", res.Status)
	}
	if laptop.Cookie("sb_device") == "" {
		t.Fatal("no device cookie after signing in")
	}
	laptop.Post("/logout", nil)

	refused := 0
	for i := 0; i < 40; i++ {
		res := app.Browser().Login(u.Email, fmt.Sprintf("guess %d", i))
		if res.Status == 429 {
			refused++
		}
		if i%4 == 3 && i < 36 {
			app.Clock.Advance(5*time.Minute + time.Second) // the attacker waits out the longest delay now and then
		}
	}
	if refused == 0 {
		t.Fatal("forty guesses from strangers were never slowed")
	}
	if res := laptop.Login(u.Email, "a typo in it"); res.Status != 401 {
		t.Fatalf("the known browser's typo: %d, want 401 (checked, not throttled)", res.Status)
	}
	if res := laptop.Login(u.Email, password); res.Status != 303 || res.Location != "/" {
		t.Fatalf("the known browser during the burst: %d, want 303", res.Status)
	}
	if res := app.Browser().Login(u.Email, password); res.Status != 429 {
		t.Fatalf("a stranger with the right password during the burst: %d, want 429", res.Status)
	}
	// Another account's known browser is a stranger to this one.
	other, otherPassword := app.User(practice.ID, store.RoleCounsellor)
	otherLaptop := app.Browser()
	otherLaptop.Login(other.Email, otherPassword)
	otherLaptop.Post("/logout", nil)
	if res := otherLaptop.Login(u.Email, password); res.Status != 429 {
		t.Fatalf("another account's browser: %d, want 429", res.Status)
	}
	msgs := smtpServer.Messages()
	if len(msgs) != 1 || msgs[0].To[0] != "<"+u.Email+">" || !strings.Contains(msgs[0].Data, "Failed sign-in attempts") ||
		strings.Contains(msgs[0].Data, "guess") {
		t.Fatalf("want one notice to the owner, got %+v", msgs)
	}
}

// TestAKnownBrowserThatKeepsFailingBecomesAStranger: a stolen device cookie is no free pass.
func TestAKnownBrowserThatKeepsFailingBecomesAStranger(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t)
	practice := app.Practice("Harbour")
	u, password := app.User(practice.ID, store.RoleCounsellor)
	laptop := app.Browser()
	laptop.Login(u.Email, password)
	laptop.Post("/logout", nil)
	statuses := map[int]int{}
	for i := 0; i < 16; i++ {
		statuses[laptop.Login(u.Email, "wrong password here").Status]++
	}
	// 10 as a known device, then 4 free as a stranger, then slowed.
	if statuses[401] != 14 || statuses[429] != 2 {
		t.Fatalf("16 failures from a known browser: %v, want 14 checked and 2 slowed", statuses)
	}
}

func TestParallelGuessesCannotSlipPastTheThrottle(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t)
	practice := app.Practice("Harbour")
	u, _ := app.User(practice.ID, store.RoleCounsellor)
	var wg sync.WaitGroup
	statuses := make(chan int, 20)
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			statuses <- app.Browser().Login(u.Email, "a wrong guess here").Status
		}()
	}
	wg.Wait()
	close(statuses)
	counts := map[int]int{}
	for s := range statuses {
		counts[s]++
	}
	if counts[401] != 4 || counts[429] != 16 {
		t.Fatalf("20 parallel wrong guesses: %v; want exactly 4 checked (401) and 16 slowed (429)", counts)
	}
}

func TestStrangersAreAlsoLimitedPerIPAcrossEmails(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t)
	ctx := context.Background()
	rule := store.ThrottleRule{Window: 15 * time.Minute, FreeFailures: 3, FirstDelay: 15 * time.Second, MaxDelay: 5 * time.Minute,
		NotifyAt: 10, DeviceFailures: 10, IPFailures: 5}
	now := time.Now()
	for i := 0; i < 5; i++ {
		if a, err := app.Store.StartSignIn(ctx, fmt.Sprintf("other%d@test.example", i), "198.51.100.8", nil, now, rule); err != nil || a.Wait > 0 {
			t.Fatalf("attempt %d: %+v, %v", i+1, a, err)
		}
	}
	if a, _ := app.Store.StartSignIn(ctx, "fresh@test.example", "198.51.100.8", nil, now, rule); a.Wait <= 0 {
		t.Fatal("a sixth failure from one IP across emails was not slowed")
	}
	if a, _ := app.Store.StartSignIn(ctx, "fresh@test.example", "198.51.100.9", nil, now, rule); a.Wait > 0 {
		t.Fatal("another IP was slowed")
	}
}

// TestASharedBrowserIsKnownToEachAccountSignedInFromIt, and to no other.
func TestASharedBrowserIsKnownToEachAccountSignedInFromIt(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t)
	practice := app.Practice("Harbour")
	a, aPassword := app.User(practice.ID, store.RoleCounsellor)
	b, bPassword := app.User(practice.ID, store.RoleCounsellor)
	c, _ := app.User(practice.ID, store.RoleCounsellor)
	shared := app.Browser()
	shared.Login(a.Email, aPassword)
	shared.Post("/logout", nil)
	shared.Login(b.Email, bPassword)
	sum := sha256.Sum256([]byte(shared.Cookie("sb_device")))
	for _, tc := range []struct {
		u    store.User
		want bool
	}{{a, true}, {b, true}, {c, false}} {
		if got, err := app.Store.IsKnownDevice(context.Background(), practice.ID, tc.u.ID, sum[:]); err != nil || got != tc.want {
			t.Errorf("known to %s: %v (%v), want %v", tc.u.Email, got, err, tc.want)
		}
	}
}
