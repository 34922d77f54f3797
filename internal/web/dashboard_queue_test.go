package web_test

import (
	"strings"
	"testing"
	"time"
)

func TestDashboardQueueIsOneRowPerClientWorstFirstWithCounts(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	now := time.Now()
	riley := f.addClient(t, f.me.ID, "Riley", "Stone", "")
	sam := f.addClient(t, f.me.ID, "Sam", "Okafor", "")
	kim := f.addClient(t, f.me.ID, "Kim", "Lowe", "")
	// Jo: four entries of one assignment to review, and a link expiring tomorrow.
	assignmentID, _ := f.assign(t, f.client, "daily", nil)
	var entryID int64
	if err := f.app.DB.App.Get(&entryID, `INSERT INTO homework_entries (practice_id, assignment_id, client_id, entry_date, answers, status, idempotency_key, submitted_at)
		VALUES ($1, $2, $3, current_date, '{}', 'submitted', 'queue-test-entry-1', now()) RETURNING id`, f.practice.ID, assignmentID, f.client.ID); err != nil {
		t.Fatal(err)
	}
	for i := int64(0); i < 4; i++ {
		queueItem(t, f, f.client, "review", "Daily tally", entryID+i*1000, now.Add(-time.Duration(i)*time.Hour))
	}
	queueItem(t, f, f.client, "expiring", "Client link", 9001, now.Add(24*time.Hour))
	// Riley: a risk flag, and a goal due in ten days. Sam: three markers falling and a worse PHQ-9.
	queueItem(t, f, riley, "risk", "Risk flag", 1, now.Add(-time.Hour))
	queueItem(t, f, riley, "goal_due", "Goal", 77, now.Add(10*24*time.Hour))
	for i := int64(1); i <= 3; i++ {
		queueItem(t, f, sam, "marker_fall", "Marker", i, now.Add(-time.Hour))
	}
	queueItem(t, f, sam, "deterioration", "PHQ-9", 5, now.Add(-time.Hour))
	// Kim: an overdue assignment only.
	queueItem(t, f, kim, "overdue", "Daily tally", 12, now.Add(-2*24*time.Hour))

	home := f.counsellor.Get("/")
	got := queueRows(home.Body)
	want := []string{
		"Riley Stone " + riley.Code + " 1 risk flag open 1 goal due: Goal",
		"Sam Okafor " + sam.Code + " 1 PHQ-9 score reliably worse 3 markers falling",
		"Jo Avery " + f.client.Code + " 4 Daily tally entries to review 1 link expiring",
		"Kim Lowe " + kim.Code + " 1 Daily tally assignment overdue",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("queue rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	jo := queueRow(home.Body, f.client.Code)
	mustContain(t, "Jo's row", jo, `href="/clients/`+itoa(f.client.ID)+`/homework/`+itoa(assignmentID)+`"`, `href="/clients/`+itoa(f.client.ID)+`#link"`)
	mustContain(t, "Riley's row", queueRow(home.Body, riley.Code), `href="/clients/`+itoa(riley.ID)+`#risk"`, `href="/clients/`+itoa(riley.ID)+`/goals/77"`)
	mustContain(t, "Sam's row", queueRow(home.Body, sam.Code), `href="/clients/`+itoa(sam.ID)+`/progress"`)
	mustContain(t, "Kim's row", queueRow(home.Body, kim.Code), `href="/clients/`+itoa(kim.ID)+`/homework/12"`)
	if strings.Contains(queueRow(home.Body, riley.Code), `name="kind" value="risk"`) {
		t.Error("a risk part offers a snooze")
	}
	for kind, n := range map[string]string{"risk": "1", "item_nine": "0", "deterioration": "1", "marker_fall": "3", "review": "4",
		"overdue": "1", "expiring": "1", "goal_due": "1"} {
		if got := kindCount(home.Body, kind); got != n {
			t.Errorf("count of %s: %q, want %s", kind, got, n)
		}
	}
	// The page reads in this order: counts, appointments, then the queue.
	counts, appts, queue := strings.Index(home.Body, `data-testid="kind-counts"`), strings.Index(home.Body, `data-testid="dash-appointments"`), strings.Index(home.Body, `data-testid="dash-queue"`)
	if counts < 0 || appts < counts || queue < appts {
		t.Errorf("page order: counts at %d, appointments at %d, queue at %d", counts, appts, queue)
	}
	// Resolved items and archived clients leave the queue and the counts.
	if _, err := f.app.DB.App.Exec(`UPDATE attention_items SET resolved_at = now() WHERE client_id = $1 AND kind = 'overdue'`, kim.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := f.app.DB.App.Exec(`UPDATE clients SET archived_at = now() WHERE id = $1`, sam.ID); err != nil {
		t.Fatal(err)
	}
	after := f.counsellor.Get("/").Body
	if queueRow(after, kim.Code) != "" || queueRow(after, sam.Code) != "" || kindCount(after, "marker_fall") != "0" || kindCount(after, "overdue") != "0" {
		t.Error("a resolved item or an archived client's items still show")
	}
}

func TestDashboardShowsTimeBasedItemsOnlyWhenDue(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	now := time.Now()
	day := 24 * time.Hour
	queueItem(t, f, f.client, "overdue", "Early", 1, now.Add(-time.Hour)) // past due: shows
	queueItem(t, f, f.client, "overdue", "Later", 2, now.Add(day))        // not yet: hidden
	queueItem(t, f, f.client, "expiring", "", 3, now.Add(2*day))          // within 3 days: shows
	queueItem(t, f, f.client, "expiring", "", 4, now.Add(5*day))          // too far: hidden
	queueItem(t, f, f.client, "expiring", "", 5, now.Add(-time.Hour))     // expired: hidden
	queueItem(t, f, f.client, "goal_due", "Soon", 6, now.Add(10*day))     // within 14 days: shows
	queueItem(t, f, f.client, "goal_due", "Far", 7, now.Add(20*day))      // hidden
	queueItem(t, f, f.client, "goal_due", "Past", 8, now.Add(-3*day))     // past its date: shows
	body := f.counsellor.Get("/").Body
	row := foldText(queueRow(body, f.client.Code))
	mustContain(t, "the row", row, "1 Early assignment overdue", "1 link expiring", "1 goal due: Soon", "1 goal due: Past")
	for _, hidden := range []string{"Later", "2 links", "Far"} {
		if strings.Contains(row, hidden) {
			t.Errorf("the row shows %q before it is due: %s", hidden, row)
		}
	}
	if kindCount(body, "overdue") != "1" || kindCount(body, "expiring") != "1" || kindCount(body, "goal_due") != "2" {
		t.Errorf("counts: overdue %s, expiring %s, goal_due %s", kindCount(body, "overdue"), kindCount(body, "expiring"), kindCount(body, "goal_due"))
	}
}
