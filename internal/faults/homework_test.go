//go:build faults

package faults

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/securebase/securebase/internal/auth"
	"github.com/securebase/securebase/internal/homework"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/testutil"
)

var (
	keyField      = regexp.MustCompile(`name="idempotency_key" value="([0-9a-f]{32})"`)
	linkIDField   = regexp.MustCompile(`name="link_id" value="(\d+)"`)
	entryDayField = regexp.MustCompile(`<option value="(\d{4}-\d{2}-\d{2})" selected>`)
)

// sender is one client with the homework form open, as a browser holds it.
type sender struct {
	assignmentID int64
	browser      *browser
	form         url.Values // the filled-in form, the same on every retry
	key          string
	day          string

	attempts int
	spans    []span
	statuses map[int]int
	errs     int
	ok       bool
	okAfter  time.Duration
}

// Forty clients each send the day's entry of their own homework while the database is
// stopped and started again; each retries the same form (same idempotency key) on a
// failure, as a browser's retry would. Every entry that got the success redirect is in
// the database exactly once, and no assignment has two entries for a day.
func TestHomeworkSentWhileTheDatabaseRestarts(t *testing.T) {
	const clients = 40
	app := testutil.NewApp(t)
	ctx, cancel := context.WithTimeout(context.Background(), 45*time.Second)
	defer cancel()
	practice := app.Practice("Harbour")
	counsellor, _ := app.User(practice.ID, store.RoleCounsellor)
	tpl, _ := homework.BuiltInByKey("reassurance_tally")
	def, err := json.Marshal(tpl)
	if err != nil {
		t.Fatal(err)
	}
	today := time.Now().UTC().Truncate(24 * time.Hour)
	tr := &http.Transport{MaxIdleConnsPerHost: clients}
	defer tr.CloseIdleConnections()

	senders := make([]*sender, clients)
	for i := range senders {
		cl, err := app.Store.CreateClient(ctx, practice.ID, store.ClientInput{CounsellorID: counsellor.ID,
			FirstName: "Client", LastName: strconv.Itoa(i), Format: "individual", ContactMethod: "neither", NeutralMessages: true}, store.AuditEntry{Action: "test.seed"})
		if err != nil {
			t.Fatal(err)
		}
		token, hash, err := auth.NewLinkToken()
		if err != nil {
			t.Fatal(err)
		}
		id, err := app.Store.CreateAssignment(ctx, practice.ID, cl.ID, counsellor.ID, store.AssignmentInput{
			TemplateRef: "builtin:reassurance_tally", Title: tpl.Title, Template: def, Instructions: "Count each day",
			StartDate: today.AddDate(0, 0, -2), DueDate: today.AddDate(0, 0, 4), Cadence: "daily",
			RequestKey: fmt.Sprintf("%032x", i+1),
		}, store.AuditEntry{Action: "test.seed"})
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := app.Store.IssueClientLink(ctx, practice.ID, cl.ID, counsellor.ID,
			store.LinkInput{TokenHash: hash, ExpiresAt: time.Now().AddDate(0, 0, 11)}, store.AuditEntry{Action: "test.seed"}, func(_, _ int64) string { return "" }); err != nil {
			t.Fatal(err)
		}
		senders[i] = openForm(ctx, t, app.HTTP.URL, tr, token, id, i)
	}

	// The first ten send one by one before the outage; the other thirty send all at once,
	// and the database is told to stop as soon as the first of them succeeds, so that the
	// rest are cut off mid-request or refused, and retry through the outage until it is back.
	const early = 10
	var wg sync.WaitGroup
	began := time.Now()
	deadline := began.Add(25 * time.Second)
	burst := make(chan struct{})
	var successes atomic.Int32
	for i, s := range senders {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var wait <-chan time.Time // the early ones wait their turn, the rest for the burst
			start := burst
			if i < early {
				wait, start = time.After(time.Duration(i)*40*time.Millisecond), nil
			}
			select {
			case <-wait:
			case <-start:
			case <-ctx.Done():
				return
			}
			if s.send(ctx, began, deadline) {
				successes.Add(1)
			}
		}()
	}
	for successes.Load() < early && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	close(burst)
	for successes.Load() == early && time.Now().Before(deadline) {
		time.Sleep(100 * time.Microsecond)
	}
	ot, oerr := outage(ctx, 1500*time.Millisecond)
	wg.Wait()
	if oerr != nil {
		t.Fatal(oerr)
	}

	statuses := map[int]int{}
	retried, failedAttempts, transportErrs, succeeded := 0, 0, 0, 0
	var slowest time.Duration
	inFlight, cut := 0, 0 // attempts under way when the stop began, and those of them that failed
	for i, s := range senders {
		for _, sp := range s.spans {
			if sp.began.Before(ot.stopBegan) && sp.ended.After(ot.stopBegan) {
				inFlight++
				if sp.status != http.StatusSeeOther {
					cut++
				}
			}
		}
		for code, n := range s.statuses {
			statuses[code] += n
			if code != http.StatusSeeOther && code != http.StatusServiceUnavailable {
				t.Errorf("client %d: %d responses with status %d, want only 303 or 503", i, n, code)
			}
		}
		transportErrs += s.errs
		failedAttempts += s.attempts - 1
		if s.attempts > 1 {
			retried++
		}
		if s.ok {
			succeeded++
			slowest = max(slowest, s.okAfter)
		} else {
			t.Errorf("client %d never got the success page in %d attempts (%v)", i, s.attempts, s.statuses)
		}
	}
	if transportErrs > 0 {
		t.Errorf("%d requests failed below HTTP", transportErrs)
	}
	if retried == 0 {
		t.Error("no sender met the outage: the test proves nothing")
	}

	// Every success is in the database once, with the answers sent; nothing is doubled.
	type row struct {
		AssignmentID int64  `db:"assignment_id"`
		Day          string `db:"day"`
		N            int    `db:"n"`
		Key          string `db:"key"`
		Status       string `db:"status"`
		Requests     string `db:"requests"`
	}
	var rows []row
	if err := app.DB.App.SelectContext(ctx, &rows, `SELECT assignment_id, to_char(entry_date, 'YYYY-MM-DD') AS day,
			count(*) AS n, min(idempotency_key) AS key, min(status) AS status, min(answers->>'reassurance_requests') AS requests
		FROM homework_entries WHERE practice_id = $1 GROUP BY assignment_id, entry_date`, practice.ID); err != nil {
		t.Fatal(err)
	}
	byAssignment := map[int64]row{}
	for _, r := range rows {
		if r.N != 1 {
			t.Errorf("assignment %d has %d entries for %s", r.AssignmentID, r.N, r.Day)
		}
		if _, dup := byAssignment[r.AssignmentID]; dup {
			t.Errorf("assignment %d has entries for more than one day", r.AssignmentID)
		}
		byAssignment[r.AssignmentID] = r
	}
	for i, s := range senders {
		if !s.ok {
			continue
		}
		r, found := byAssignment[s.assignmentID]
		switch {
		case !found:
			t.Errorf("client %d got the success page but its entry is not in the database", i)
		case r.Day != s.day || r.Key != s.key || r.Status != "submitted" || r.Requests != s.form.Get("q1"):
			t.Errorf("client %d: stored %+v, sent day %s key %s answer %s", i, r, s.day, s.key, s.form.Get("q1"))
		}
	}
	if len(rows) != succeeded {
		t.Errorf("%d entries stored for %d successes", len(rows), succeeded)
	}
	var audits []struct {
		EntityID string `db:"entity_id"`
		N        int    `db:"n"`
	}
	if err := app.DB.App.SelectContext(ctx, &audits, `SELECT entity_id, count(*) AS n FROM audit_log
		WHERE practice_id = $1 AND action = 'link.submit' GROUP BY entity_id`, practice.ID); err != nil {
		t.Fatal(err)
	}
	audited := 0
	for _, a := range audits {
		audited += a.N
		if a.N > 1 {
			t.Errorf("assignment %s: %d link.submit audit entries for one entry", a.EntityID, a.N)
		}
	}
	t.Logf("database stopped %s after the first sender began, down %s, accepting connections again at %s",
		ot.stopped.Sub(began).Round(time.Millisecond), ot.startBegan.Sub(ot.stopped).Round(time.Millisecond),
		ot.started.Sub(began).Round(time.Millisecond))
	t.Logf("%d/%d clients got the success page (the last %s after the first began); %d attempts were under way when the stop began (%d of them failed); %d clients retried, %d failed attempts in all; statuses %v",
		succeeded, clients, slowest.Round(time.Millisecond), inFlight, cut, retried, failedAttempts, statuses)
	// The audit entry is written in the entry's own transaction: both or neither.
	t.Logf("%d entries stored, none doubled; %d link.submit audit entries", len(rows), audited)
	if audited != len(rows) {
		t.Errorf("%d link.submit audit entries for %d stored entries", audited, len(rows))
	}
}

// openForm does what a client's browser does: open the link, press the button, load the
// form, and fill it in.
func openForm(ctx context.Context, t *testing.T, base string, tr http.RoundTripper, token string, assignmentID int64, i int) *sender {
	t.Helper()
	b := newBrowser(base, tr)
	if res, err := b.get(ctx, "/h/"+token); err != nil || res.status != http.StatusOK {
		t.Fatalf("client %d: open link: %d %v", i, res.status, err)
	}
	if res, err := b.post(ctx, "/h/open", url.Values{"token": {token}}); err != nil || res.status != http.StatusSeeOther {
		t.Fatalf("client %d: press the button: %d %v", i, res.status, err)
	}
	page, err := b.get(ctx, "/h")
	if err != nil || page.status != http.StatusOK {
		t.Fatalf("client %d: form: %d %v", i, page.status, err)
	}
	key, link, day := keyField.FindStringSubmatch(page.body), linkIDField.FindStringSubmatch(page.body), entryDayField.FindStringSubmatch(page.body)
	if key == nil || link == nil || day == nil {
		t.Fatalf("client %d: the form lacks its key, link id or day", i)
	}
	form := url.Values{"link_id": {link[1]}, "idempotency_key": {key[1]}, "entry_date": {day[1]}, "action": {"submit"},
		"q1": {strconv.Itoa(i)}, "q2": {"1"}}
	return &sender{assignmentID: assignmentID, browser: b, form: form, key: key[1], day: day[1], statuses: map[int]int{}}
}

// span is one attempt: when it began and ended, and its status (0: no response).
type span struct {
	began, ended time.Time
	status       int
}

// send posts the form until it gets the success redirect or the deadline passes, waiting
// a little between attempts. It reports whether it succeeded.
func (s *sender) send(ctx context.Context, began, deadline time.Time) bool {
	for time.Now().Before(deadline) {
		s.attempts++
		at := time.Now()
		res, err := s.browser.post(ctx, "/h/entry", s.form)
		s.spans = append(s.spans, span{began: at, ended: time.Now(), status: res.status})
		if err != nil {
			s.errs++
		} else {
			s.statuses[res.status]++
			if res.status == http.StatusSeeOther && res.location == "/h" {
				s.ok, s.okAfter = true, time.Since(began)
				return true
			}
		}
		select {
		case <-ctx.Done():
			return false
		case <-time.After(150 * time.Millisecond):
		}
	}
	return false
}
