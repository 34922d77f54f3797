package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/testutil"
	"github.com/securebase/securebase/internal/web"
)

// routeWalk is a practice with one of everything, the staff of each role and a client
// holding a link, so that every route of the table can be called with real ids.
type routeWalk struct {
	f        *caseFixture
	ids      *strings.Replacer
	personas map[string]*testutil.Browser
}

func newRouteWalk(t *testing.T) *routeWalk {
	t.Helper()
	f := newCaseFixture(t)
	ctx := context.Background()
	pid, cid := f.practice.ID, f.client.ID
	goalID, err := f.app.Store.CreateGoal(ctx, pid, cid, f.me.ID, store.GoalInput{Statement: "Sleep before midnight"}, store.AuditEntry{Action: "test.seed"})
	if err != nil {
		t.Fatal(err)
	}
	appt, err := f.app.Store.CreateAppointment(ctx, pid, cid, f.me.ID, store.AppointmentInput{
		StartsAt: time.Now().Add(-time.Hour), DurationMinutes: 50, Status: "attended", Format: "individual"}, store.AuditEntry{Action: "test.seed"})
	if err != nil {
		t.Fatal(err)
	}
	assignmentID, token := f.assign(t, f.client, "daily", nil)
	templateID, err := f.app.Store.CreateHomeworkTemplate(ctx, pid, f.me.ID, "Evening notes",
		[]byte(`{"title":"Evening notes","fields":[{"key":"a","label":"A","type":"short_text"}]}`), "")
	if err != nil {
		t.Fatal(err)
	}
	link := f.app.Browser()
	if res := openLink(t, link, token); res.Status != 303 {
		t.Fatalf("open link: %d", res.Status)
	}
	ids := strings.NewReplacer(":id", itoa(cid), ":goal", itoa(goalID), ":appointment", itoa(appt.ID), ":version", "1", ":section", "concerns",
		":assignment", itoa(assignmentID), ":template", itoa(templateID), ":kind", "caseload", ":key", "thought_record", ":token", token, "*", "css/app.css")
	return &routeWalk{f: f, ids: ids, personas: map[string]*testutil.Browser{
		"anonymous": f.app.Browser(), "admin": f.admin, "counsellor": f.counsellor, "supervisor": f.supervisor, "client": link,
	}}
}

// getRoutes returns every GET route with its path filled in.
func (w *routeWalk) getRoutes(t *testing.T) map[string]web.Route {
	t.Helper()
	out := map[string]web.Route{}
	for _, r := range w.f.app.Server.Routes() {
		if r.Method != http.MethodGet {
			continue
		}
		path := w.ids.Replace(r.Path)
		if strings.Contains(path, ":") {
			t.Fatalf("route %s has a parameter the walk cannot fill", r.Path)
		}
		out[path] = r
	}
	if len(out) < 40 {
		t.Fatalf("only %d GET routes", len(out))
	}
	return out
}

// TestQueryStringBarrageNeverAnswers5xx sends NUL, invalid UTF-8, 100,000 characters, a
// lone %, a quote, a right-to-left override and an emoji to every query parameter of every
// GET route (and to one no route reads), as every role and a client. Nothing answers 5xx;
// the bytes no value may hold are refused with 400 and over-long values with 422, before
// any handler (so even for callers who are not signed in).
func TestQueryStringBarrageNeverAnswers5xx(t *testing.T) {
	t.Parallel()
	w := newRouteWalk(t)
	barrage := []struct {
		name, value string
		want        int // 0: any status below 500
	}{
		{"NUL", "a\x00b", 400},
		{"invalid UTF-8", "\xff\xfe", 400},
		{"100,000 characters", strings.Repeat("x", 100000), 422},
		{"percent", "%", 0},
		{"quote", "O'Brien'--", 0},
		{"RTL override", "abc\u202edef", 0},
		{"emoji", "😀🫶", 0},
	}
	sent := 0
	for path, r := range w.getRoutes(t) {
		params := []string{"unread"}
		for _, q := range r.Query {
			params = append(params, q.Name)
		}
		for who, c := range w.personas {
			for _, param := range params {
				for _, b := range barrage {
					res := c.Get(path + "?" + url.Values{param: {b.value}}.Encode())
					sent++
					if res.Status >= 500 {
						t.Errorf("%s GET %s?%s=<%s>: %d", who, r.Path, param, b.name, res.Status)
					}
					if b.want != 0 && res.Status != b.want {
						t.Errorf("%s GET %s?%s=<%s>: %d, want %d", who, r.Path, param, b.name, res.Status, b.want)
					}
				}
			}
		}
	}
	// The audit report's two examples, by name.
	for _, p := range []string{"/clients?q=%00", "/admin/audit?action=%ff"} {
		if res := w.f.admin.Get(p); res.Status != 400 || !strings.Contains(res.Body, "We could not use that address") {
			t.Errorf("GET %s: %d, want the 400 page", p, res.Status)
		}
	}
	if res := w.f.counsellor.Get("/clients?status=bogus"); res.Status != 422 {
		t.Errorf("an unknown status: %d, want 422", res.Status)
	}
	if res := w.f.counsellor.Get("/clients?status=active&sort=code&dir=desc&q=" + url.QueryEscape("Jo'rdan 😀")); res.Status != 200 {
		t.Errorf("known values: %d", res.Status)
	}
	t.Logf("%d requests", sent)
}

// TestHeadAnswersEveryGetRouteAsGetWithoutABodyAndChangesNothing sends HEAD to every GET
// route as every role and a client: each answers with the status and content type GET
// gives, no body, and no row of the practice changes.
func TestHeadAnswersEveryGetRouteAsGetWithoutABodyAndChangesNothing(t *testing.T) {
	t.Parallel()
	w := newRouteWalk(t)
	routes := w.getRoutes(t)
	before := w.f.app.PracticeFingerprint(w.f.practice.ID)
	delete(before, "sessions") // a session's last-seen time moves on any request
	type answer struct {
		status int
		ctype  string
	}
	heads := map[string]answer{}
	for path := range routes {
		for who, c := range w.personas {
			res := c.Do(http.MethodHead, path, nil, nil)
			if res.Body != "" {
				t.Errorf("%s HEAD %s: a body of %d bytes", who, path, len(res.Body))
			}
			heads[who+" "+path] = answer{res.Status, res.Header.Get("Content-Type")}
		}
	}
	after := w.f.app.PracticeFingerprint(w.f.practice.ID)
	for table, sum := range before {
		if after[table] != sum {
			t.Errorf("HEAD requests changed %s", table)
		}
	}
	// Then HEAD and GET side by side (a GET may start what a later HEAD sees, such as an
	// enrolment offer in the session).
	for path := range routes {
		for who, c := range w.personas {
			head := c.Do(http.MethodHead, path, nil, nil)
			got := answer{head.Status, head.Header.Get("Content-Type")}
			res := c.Get(path)
			if got.status != res.Status || got.ctype != res.Header.Get("Content-Type") {
				t.Errorf("%s %s: HEAD %d %q, GET %d %q", who, path, got.status, got.ctype, res.Status, res.Header.Get("Content-Type"))
			}
		}
	}
	for _, p := range []string{"/healthz", "/login"} {
		if got := heads["anonymous "+p]; got.status != 200 {
			t.Errorf("HEAD %s: %d, want 200", p, got.status)
		}
	}
}
