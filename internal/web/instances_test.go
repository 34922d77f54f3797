package web_test

import (
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/securebase/securebase/internal/config"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/testutil"
)

// Two instances of the real app, each with its own connection pool, on one database, as behind
// a load balancer (docs/operations.md#several-instances). A browser's requests go to either.

// A staff session started on one instance is used on the other, and signing out on the
// other ends it on both.
func TestTwoInstancesShareStaffSessions(t *testing.T) {
	t.Parallel()
	first := testutil.NewApp(t)
	second := first.Instance()
	practice := first.Practice("Harbour")
	onFirst, u := first.SignedIn(practice.ID, store.RoleCounsellor)
	onSecond := onFirst.Against(second)
	res := onSecond.Get("/")
	if res.Status != 200 || !strings.Contains(res.Body, u.DisplayName) {
		t.Fatalf("the first instance's session on the second: status %d, location %q", res.Status, res.Location)
	}
	if res := onSecond.Post("/logout", nil); res.Status != 303 {
		t.Fatalf("sign out on the second instance: %d", res.Status)
	}
	if res := onFirst.Get("/"); res.Status != 303 || !strings.HasPrefix(res.Location, "/login") {
		t.Fatalf("the first instance after signing out on the second: %d %q, want the sign-in page", res.Status, res.Location)
	}
}

// Failed sign-ins sent to both instances count together: the throttle lives in PostgreSQL.
func TestSignInThrottlingCountsAcrossInstances(t *testing.T) {
	t.Parallel()
	first := testutil.NewApp(t)
	second := first.Instance()
	practice := first.Practice("Harbour")
	u, password := first.User(practice.ID, store.RoleCounsellor)
	for i := 0; i < 4; i++ {
		app := first
		if i%2 == 1 {
			app = second
		}
		if res := app.Browser().Login(u.Email, "wrong password number"); res.Status != 401 {
			t.Fatalf("attempt %d: status %d, want 401", i+1, res.Status)
		}
	}
	// Two failures on each: either instance alone would still let the third through.
	for _, app := range []*testutil.App{first, second} {
		res := app.Browser().Login(u.Email, password)
		if res.Status != 429 || !strings.Contains(res.Body, "please wait 15 seconds") {
			t.Fatalf("after 4 failures split over two instances: status %d, want 429", res.Status)
		}
	}
}

// The same entry sent to both instances at the same moment (a double tap that a balancer
// spreads) is stored once.
func TestAClientEntrySentToBothInstancesAtOnceIsStoredOnce(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	second := f.app.Instance()
	_, token := f.assign(t, f.client, "daily", nil)
	c := opened(t, f, token)
	page := c.Get("/h")
	key := regexp.MustCompile(`name="idempotency_key" value="([0-9a-f]{32})"`).FindStringSubmatch(page.Body)
	linkID := regexp.MustCompile(`name="link_id" value="(\d+)"`).FindStringSubmatch(page.Body)
	if key == nil || linkID == nil {
		t.Fatalf("the entry form has no key or link id: %d", page.Status)
	}
	submit := url.Values{"link_id": {linkID[1]}, "idempotency_key": {key[1]}, "entry_date": {daysFromNow(0)}, "action": {"submit"}, "q1": {"4"}, "q2": {"2"}}
	browsers := []*testutil.Browser{c, c.Against(second), c, c.Against(second)}
	statuses := make([]int, len(browsers))
	var wg sync.WaitGroup
	for i, b := range browsers {
		wg.Add(1)
		go func() { defer wg.Done(); statuses[i] = b.Post("/h/entry", submit).Status }()
	}
	wg.Wait()
	for i, s := range statuses {
		if s != 303 {
			t.Errorf("submit %d: status %d, want 303 (stored, or recognised as already stored)", i, s)
		}
	}
	var entries int
	if err := f.app.DB.App.Get(&entries, `SELECT count(*) FROM homework_entries WHERE practice_id = $1 AND client_id = $2 AND status = 'submitted'`,
		f.practice.ID, f.client.ID); err != nil {
		t.Fatal(err)
	}
	if entries != 1 {
		t.Fatalf("one entry sent four times to two instances: %d stored, want 1", entries)
	}
}

// The per-IP rate limit is per instance, a safety net: behind a balancer with N instances
// at most N times the burst gets through, and the balancer enforces the real limit across
// instances (deploy/proxy/nginx.conf; the decision is in docs/operations.md). This pins that
// bound: exactly one burst per instance, then both refuse.
func TestRateLimitAcrossInstancesIsOneBurstPerInstance(t *testing.T) {
	t.Parallel()
	// One token a thousand seconds: nothing refills while the test runs.
	first := testutil.NewApp(t, func(c *config.Config) { c.RateLimit, c.RateBurst = 0.001, 5 })
	second := first.Instance()
	b := first.Browser()
	browsers := []*testutil.Browser{b, b.Against(second)}
	ok := map[int]int{}
	for round := range 10 {
		for j, br := range browsers {
			if res := br.Get("/login"); res.Status == 200 {
				ok[j]++
			} else if res.Status != 429 {
				t.Fatalf("round %d, instance %d: status %d", round, j+1, res.Status)
			}
		}
	}
	if ok[0] != 5 || ok[1] != 5 {
		t.Fatalf("accepted per instance %v, want 5 and 5 (one burst each, 2 x burst in all)", ok)
	}
}
