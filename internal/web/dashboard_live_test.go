package web_test

import (
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// TestRiskIsOnTheDashboardTheMomentItIsRaised: what the store writes with each change is
// on the very next dashboard load, with no job in between: an item-9 answer on the
// counsellor's form and on the client's check-in, an intake risk, an entry sent; and each
// leaves the dashboard the moment it is handled.
func TestRiskIsOnTheDashboardTheMomentItIsRaised(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	part := func(code, kind string) string {
		row := queueRow(f.counsellor.Get("/").Body, code)
		return regexp.MustCompile(`<li data-kind="` + kind + `">(?s:.*?)</li>`).FindString(row)
	}

	// The counsellor's PHQ-9 with item 9 answered 1 (a minimal total): at the top at once.
	if res := f.counsellor.Post(f.path("/progress"), phq9(url.Values{"day": {daysFromNow(0)}}, "0", "1")); res.Status != 303 {
		t.Fatalf("record: %d", res.Status)
	}
	home := f.counsellor.Get("/").Body
	if rows := queueRows(home); len(rows) == 0 || !strings.Contains(rows[0], f.client.Code) || !strings.Contains(rows[0], "PHQ-9 item 9 answer above 0") {
		t.Fatalf("after an item-9 answer, the queue's first row is %q; want the client's item-9 alert", rows)
	}
	if kindCount(home, "item_nine") != "1" {
		t.Fatalf("item-9 count %q, want 1", kindCount(home, "item_nine"))
	}
	var flagID string
	_ = f.app.DB.App.Get(&flagID, `SELECT id::text FROM risk_flags WHERE client_id = $1 AND source = 'phq9_item9'`, f.client.ID)
	f.counsellor.Post(f.path("/risk-flags/"+flagID+"/clear"), url.Values{"review_note": {"Talked it through; safety plan agreed."}})
	if p := part(f.client.Code, "item_nine"); p != "" {
		t.Fatalf("a reviewed item-9 flag is still on the dashboard: %s", p)
	}

	// The client's own check-in, incomplete but with item 9 answered 3.
	other := f.addClient(t, f.me.ID, "Riley", "Stone", "")
	_, _, token := checkinFor(t, f, other, "phq9", "gad7")
	c := f.app.Browser()
	openLink(t, c, token)
	linkID := regexp.MustCompile(`name="link_id" value="(\d+)"`).FindStringSubmatch(c.Get("/h").Body)[1]
	if res := c.Post("/h/checkin", phq9(url.Values{"link_id": {linkID}}, "0", "3")); res.Status != 422 {
		t.Fatalf("incomplete check-in: %d", res.Status)
	}
	if p := part(other.Code, "item_nine"); !strings.Contains(p, "item 9") {
		t.Fatalf("the client's item-9 answer is not on the dashboard: %q", queueRow(f.counsellor.Get("/").Body, other.Code))
	}

	// An intake risk screen that raises a flag.
	risk := url.Values{"base_version": {"0"}, "risk_self_harm": {"none"}, "risk_to_others": {"none"}, "risk_substance": {"none"},
		"risk_own_control": {"none"}, "risk_ipv": {"some"}, "overall_risk": {"moderate"}, "safety_plan": {"Plan agreed"}}
	if res := f.counsellor.Post(f.path("/intake/risk"), risk); res.Status != 303 {
		t.Fatalf("intake risk: %d", res.Status)
	}
	if p := part(f.client.Code, "risk"); !strings.Contains(p, "1 risk flag open") {
		t.Fatalf("the intake's risk flag is not on the dashboard: %q", queueRow(f.counsellor.Get("/").Body, f.client.Code))
	}

	// An entry sent through the client's form is to review at once, and gone once reviewed.
	assignment, token := assignByForm(t, f, dailyTally())
	d := f.app.Browser()
	openLink(t, d, token)
	page := d.Get("/h").Body
	key := regexp.MustCompile(`name="idempotency_key" value="([0-9a-f]{32})"`).FindStringSubmatch(page)[1]
	link := regexp.MustCompile(`name="link_id" value="(\d+)"`).FindStringSubmatch(page)[1]
	sent := url.Values{"link_id": {link}, "idempotency_key": {key}, "entry_date": {daysFromNow(0)}, "action": {"submit"}, "q1": {"4"}, "q2": {"2"}}
	if res := d.Post("/h/entry", sent); res.Status != 303 {
		t.Fatalf("entry: %d %v", res.Status, fieldErrors(res.Body))
	}
	if p := part(f.client.Code, "review"); !strings.Contains(p, "to review") {
		t.Fatalf("the entry sent is not on the dashboard: %q", queueRow(f.counsellor.Get("/").Body, f.client.Code))
	}
	var entryID string
	_ = f.app.DB.App.Get(&entryID, `SELECT id::text FROM homework_entries WHERE client_id = $1 AND status = 'submitted'`, f.client.ID)
	if res := f.counsellor.Post(assignment+"/entries/"+entryID+"/review", url.Values{"reply": {"Thank you"}}); res.Status != 303 {
		t.Fatalf("review: %d", res.Status)
	}
	if p := part(f.client.Code, "review"); p != "" {
		t.Fatalf("a reviewed entry is still on the dashboard: %s", p)
	}
}
