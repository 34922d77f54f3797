package web_test

import (
	"net/url"
	"testing"

	"github.com/securebase/securebase/internal/testutil"
)

// The attention queue follows changes made through the pages as through the store: an
// intake's risk, a sitting's item 9 and reliable deterioration, a flag cleared, homework
// assigned by form and its link, an entry sent through the client's form and reviewed, the
// practice's convention changed. After each request the kept queue equals the recount.
func TestAttentionQueueFollowsChangesMadeThroughThePages(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	db, pid := f.app.DB.App, f.practice.ID
	check := func(step, kind string, want int) {
		t.Helper()
		rows := testutil.AssertAttentionQueue(t, db, pid, step)
		if got := testutil.CountKind(rows, kind); got != want {
			t.Fatalf("after %s: %d open %s items, want %d:\n%v", step, got, kind, want, rows)
		}
	}
	post := func(b *testutil.Browser, path string, form url.Values) {
		t.Helper()
		if res := b.Post(path, form); res.Status != 303 {
			t.Fatalf("POST %s: %d %v", path, res.Status, fieldErrors(res.Body))
		}
	}
	post(f.counsellor, f.path("/intake/risk"), url.Values{"base_version": {"0"}, "risk_self_harm": {"none"}, "risk_to_others": {"none"},
		"risk_substance": {"none"}, "risk_own_control": {"none"}, "risk_ipv": {"serious"}, "risk_ipv_signs": {"monitored"},
		"overall_risk": {"high"}, "safety_plan": {"Helpline saved under a neutral name"}})
	check("an intake's risk", "risk", 1)

	ids := markerIDs(t, f)
	post(f.counsellor, f.path("/progress"), phq9(url.Values{"day": {daysFromNow(-14)}, "m_" + ids[0]: {"8"}}, "0", "0"))
	check("a first sitting", "deterioration", 0)
	post(f.counsellor, f.path("/progress"), phq9(url.Values{"day": {daysFromNow(-7)}, "m_" + ids[0]: {"7"}}, "1", "1"))
	check("a sitting 9 points worse, item 9 answered", "deterioration", 1)
	check("a sitting 9 points worse, item 9 answered", "item_nine", 1)
	post(f.counsellor, f.path("/progress"), url.Values{"day": {daysFromNow(0)}, "m_" + ids[0]: {"5"}})
	check("a third rating 3 below the first", "marker_fall", 1)
	var flagID string
	if err := db.Get(&flagID, `SELECT id::text FROM risk_flags WHERE client_id = $1 AND source = 'phq9_item9'`, f.client.ID); err != nil {
		t.Fatal(err)
	}
	post(f.counsellor, f.path("/risk-flags/"+flagID+"/clear"), url.Values{"review_note": {"Talked it through."}})
	check("the item-9 flag cleared", "item_nine", 0)

	assignment, token := assignByForm(t, f, dailyTally())
	check("homework assigned by form", "overdue", 1)
	check("homework assigned by form", "expiring", 1)
	c := opened(t, f, token)
	key, linkID := formKeys(t, c.Get("/h").Body)
	post(c, "/h/entry", url.Values{"link_id": {linkID}, "idempotency_key": {key}, "entry_date": {daysFromNow(0)},
		"action": {"submit"}, "q1": {"3"}, "q2": {"1"}, "q3": {"2"}})
	check("an entry sent through the client's form", "review", 1)
	var entryID string
	if err := db.Get(&entryID, `SELECT id::text FROM homework_entries WHERE client_id = $1`, f.client.ID); err != nil {
		t.Fatal(err)
	}
	post(f.counsellor, assignment+"/entries/"+entryID+"/review", url.Values{"reply": {"Well noticed."}})
	check("the entry reviewed", "review", 0)

	post(f.admin, "/admin/conventions", url.Values{"rci_phq9": {"20"}, "cutoff_phq9": {"10"}, "rci_gad7": {"4"}, "cutoff_gad7": {"8"}})
	check("a practice convention of 20 points", "deterioration", 0)
}
