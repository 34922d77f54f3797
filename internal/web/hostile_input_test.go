package web_test

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/securebase/securebase/internal/store"
)

// TestHostileInputToEveryFormIsRefusedWithoutA500 sends, to every POST route of the
// router, as a user allowed to use it: invalid UTF-8, a NUL and other control characters,
// an unknown extra field, an oversized body, and absurd dates and numbers. Each answer is a
// 4xx with a page saying what was wrong (or, for absurd values, the form's own message):
// never a 500, and nothing is written.
func TestHostileInputToEveryFormIsRefusedWithoutA500(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	ctx := context.Background()
	goalID, _ := f.app.Store.CreateGoal(ctx, f.practice.ID, f.client.ID, f.me.ID, store.GoalInput{Statement: "A goal"}, store.AuditEntry{Action: "test.seed"})
	appt, _ := f.app.Store.CreateAppointment(ctx, f.practice.ID, f.client.ID, f.me.ID, store.AppointmentInput{
		StartsAt: time.Now().Add(-time.Hour), DurationMinutes: 50, Status: "attended", Format: "individual"}, store.AuditEntry{Action: "test.seed"})
	assignmentID, token := f.assign(t, f.client, "daily", nil)
	ids := strings.NewReplacer(":id", itoa(f.client.ID), ":goal", itoa(goalID), ":appointment", itoa(appt.ID), ":flag", "1",
		":section", "concerns", ":assignment", itoa(assignmentID), ":entry", "1", ":checkin", "1", ":template", "1",
		":kind", "caseload", ":key", "thought_record", ":token", token)
	client := f.app.Browser()
	openLink(t, client, token)
	base := url.Values{"first_name": {"Ok"}, "last_name": {"Ok"}, "statement": {"Ok"}, "label": {"Ok"}, "title": {"Ok"}}
	cases := []struct {
		name   string
		mutate func(url.Values) url.Values
	}{
		{"invalid UTF-8", func(v url.Values) url.Values { v.Set("first_name", "bad \xff\xfe byte"); return v }},
		{"a NUL", func(v url.Values) url.Values { v.Set("statement", "before\x00after"); return v }},
		{"an escape character", func(v url.Values) url.Values { v.Set("label", "\x1b[31mred"); return v }},
		{"an unknown field", func(v url.Values) url.Values { v.Set("is_admin", "true"); return v }},
		{"an oversized body", func(v url.Values) url.Values { v.Set("title", strings.Repeat("x", 2<<20)); return v }},
		{"a huge value", func(v url.Values) url.Values { v.Set("title", strings.Repeat("y", 30000)); return v }},
	}
	before := f.app.PracticeFingerprint(f.practice.ID)
	for _, r := range f.app.Server.Routes() {
		if r.Method != "POST" || r.Path == "/login" || r.Path == "/logout" {
			continue // sign-in has its own tests; signing out would end the caller's session
		}
		caller := f.counsellor
		switch {
		case strings.HasPrefix(r.Path, "/admin"):
			caller = f.admin
		case r.Path == "/h" || strings.HasPrefix(r.Path, "/h/"):
			caller = client
		}
		path := ids.Replace(r.Path)
		for _, tc := range cases {
			form := tc.mutate(cloneValues(base))
			res := caller.Post(path, form)
			if res.Status < 400 || res.Status >= 500 {
				t.Errorf("POST %s with %s: status %d (%s), want a 4xx", r.Path, tc.name, res.Status, res.Location)
			}
			if res.Status >= 400 && res.Status < 500 && !strings.Contains(res.Body, "<h1>") {
				t.Errorf("POST %s with %s: status %d without a page that says why", r.Path, tc.name, res.Status)
			}
		}
	}
	after := f.app.PracticeFingerprint(f.practice.ID)
	for table, sum := range before {
		if after[table] != sum && table != "sessions" {
			t.Errorf("hostile input changed %s", table)
		}
	}
	// Absurd dates and numbers get the form's own message.
	for path, form := range map[string]url.Values{
		f.path("/appointments"): {"date": {"0001-01-01"}, "time": {"99:99"}, "duration": {"1e400"}, "status": {"attended"}, "format": {"individual"}},
		f.path("/goals"):        {"statement": {"x"}, "baseline_value": {"1e400"}, "baseline_date": {"9999-12-31"}, "target_date": {"2026-02-30"}},
		f.path("/progress"):     {"day": {"1800-01-01"}, "m_1": {"11"}},
	} {
		if res := f.counsellor.Post(path, form); res.Status != 422 {
			t.Errorf("POST %s with absurd values: %d, want 422", path, res.Status)
		}
	}
}

func cloneValues(v url.Values) url.Values {
	out := url.Values{}
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	return out
}
