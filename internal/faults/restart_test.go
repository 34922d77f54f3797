//go:build faults

package faults

import (
	"context"
	"net/http"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/testutil"
)

// sample is one request made while the database went away and came back.
type sample struct {
	kind         string // "readyz" or "staff"
	path         string
	began, ended time.Time
	status       int
	friendly     bool // the page is the friendly "temporarily unavailable" one
	err          error
}

// samples collects what the pollers saw.
type samples struct {
	mu   sync.Mutex
	list []sample
}

func (s *samples) add(x sample) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.list = append(s.list, x)
}

func (s *samples) all() []sample {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := append([]sample(nil), s.list...)
	sort.Slice(out, func(i, j int) bool { return out[i].began.Before(out[j].began) })
	return out
}

// firstOK returns the end of the first request of kind begun after t that answered 200.
func (s *samples) firstOK(kind string, t time.Time) (time.Time, bool) {
	for _, x := range s.all() {
		if x.kind == kind && !x.began.Before(t) && x.err == nil && x.status == http.StatusOK {
			return x.ended, true
		}
	}
	return time.Time{}, false
}

const friendly503 = "Temporarily unavailable"

// poll calls fetch every few milliseconds until stop closes or max calls were made.
func poll(stop <-chan struct{}, rec *samples, kind, path string, max int, fetch func(string) (reply, error)) {
	for i := 0; i < max; i++ {
		select {
		case <-stop:
			return
		default:
		}
		began := time.Now()
		r, err := fetch(path)
		rec.add(sample{kind: kind, path: path, began: began, ended: time.Now(), status: r.status,
			friendly: strings.Contains(r.body, friendly503), err: err})
		select {
		case <-stop:
			return
		case <-time.After(10 * time.Millisecond):
		}
	}
}

// While the database is down for two seconds, /readyz answers 503 and staff pages a
// friendly 503 page (never a 500); when it is back, the same running app (same pool,
// no restart) answers 200 again by itself.
func TestDatabaseRestartWhileRequestsFlow(t *testing.T) {
	app := testutil.NewApp(t)
	practice := app.Practice("Harbour")
	u, password := app.User(practice.ID, store.RoleCounsellor)
	ctx, cancel := context.WithTimeout(context.Background(), 40*time.Second)
	defer cancel()
	tr := &http.Transport{MaxIdleConnsPerHost: 16}
	defer tr.CloseIdleConnections()
	staff := newBrowser(app.HTTP.URL, tr)
	if err := staff.signIn(ctx, u.Email, password); err != nil {
		t.Fatal(err)
	}
	probe := newBrowser(app.HTTP.URL, tr) // a load balancer: no cookies

	rec := &samples{}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	const maxPolls = 2000 // about 20 s at one request per 10 ms: a bound, never reached
	start := func(kind, path string, b *browser) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			poll(stop, rec, kind, path, maxPolls, func(p string) (reply, error) { return b.get(ctx, p) })
		}()
	}
	start("readyz", "/readyz", probe)
	start("staff", "/", staff)
	start("staff", "/clients", staff)
	start("staff", "/account/password", staff)
	stopped := false
	stopPollers := func() {
		if !stopped {
			stopped = true
			close(stop)
			wg.Wait()
		}
	}
	defer stopPollers()

	time.Sleep(500 * time.Millisecond) // a baseline with the database up
	ot, err := outage(ctx, 2*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	// Wait (bounded) for both kinds to answer 200 again, then keep the load on for a second.
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		_, ready := rec.firstOK("readyz", ot.started)
		_, page := rec.firstOK("staff", ot.started)
		if ready && page {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	time.Sleep(time.Second)
	stopPollers()

	all := rec.all()
	var before, during, after, transient int
	count := map[string]map[int]int{"readyz": {}, "staff": {}}
	duringCount := map[string]map[int]int{"readyz": {}, "staff": {}}
	for _, x := range all {
		if x.err != nil {
			t.Errorf("%s %s at %s: %v", x.kind, x.path, x.began.Sub(ot.stopBegan), x.err)
			continue
		}
		count[x.kind][x.status]++
		if x.status != http.StatusOK && x.status != http.StatusServiceUnavailable {
			t.Errorf("%s %s at %s after the stop began: status %d, want 200 or 503", x.kind, x.path, x.began.Sub(ot.stopBegan), x.status)
		}
		if x.status == http.StatusServiceUnavailable && x.kind == "staff" && !x.friendly {
			t.Errorf("staff %s: a 503 without the friendly page", x.path)
		}
		switch {
		case x.ended.Before(ot.stopBegan):
			before++
			if x.status != http.StatusOK {
				t.Errorf("%s %s before the outage: status %d", x.kind, x.path, x.status)
			}
		case x.began.After(ot.stopped) && x.ended.Before(ot.startBegan):
			during++
			duringCount[x.kind][x.status]++
			if x.status != http.StatusServiceUnavailable {
				t.Errorf("%s %s while the database was down: status %d, want 503", x.kind, x.path, x.status)
			}
		case x.began.After(ot.started):
			after++
			if x.status != http.StatusOK {
				transient++
			}
		}
	}
	if duringCount["readyz"][http.StatusServiceUnavailable] == 0 || duringCount["staff"][http.StatusServiceUnavailable] == 0 {
		t.Errorf("no 503 seen while the database was down: %v", duringCount)
	}
	readyAt, ok1 := rec.firstOK("readyz", ot.started)
	pageAt, ok2 := rec.firstOK("staff", ot.started)
	if !ok1 || !ok2 {
		t.Fatalf("not recovered within 10 s of the database starting: readyz %v, staff pages %v", ok1, ok2)
	}
	// Once recovered, it stays recovered: nothing after the first success fails.
	recovered := readyAt
	if pageAt.After(recovered) {
		recovered = pageAt
	}
	for _, x := range all {
		if x.began.After(recovered) && (x.err != nil || x.status != http.StatusOK) {
			t.Errorf("%s %s after recovery: status %d (%v)", x.kind, x.path, x.status, x.err)
		}
	}
	t.Logf("database stop took %s, down for %s, start took %s",
		ot.stopped.Sub(ot.stopBegan).Round(time.Millisecond), ot.startBegan.Sub(ot.stopped).Round(time.Millisecond),
		ot.started.Sub(ot.startBegan).Round(time.Millisecond))
	t.Logf("%d requests: %d before, %d while down, %d after the start; statuses %v; while down %v; non-200 after the start %d",
		len(all), before, during, after, count, duringCount, transient)
	t.Logf("recovered by itself: /readyz 200 %s and a staff page 200 %s after the database accepted connections",
		readyAt.Sub(ot.started).Round(time.Millisecond), pageAt.Sub(ot.started).Round(time.Millisecond))

	// Afterwards everything works, including a new sign-in (which writes a session and the audit log).
	fresh := newBrowser(app.HTTP.URL, tr)
	if err := fresh.signIn(ctx, u.Email, password); err != nil {
		t.Fatalf("a new sign-in after the restart: %v", err)
	}
	if res, err := fresh.get(ctx, "/clients"); err != nil || res.status != http.StatusOK {
		t.Fatalf("caseload after the restart: %d %v", res.status, err)
	}
}
