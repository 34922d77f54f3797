package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/securebase/securebase/internal/homework"
	"github.com/securebase/securebase/internal/store"
)

// The client's page lists, from one query, exactly the homework still open: a daily form with
// any day left unsent (even one past its due date), a once-only form not sent yet, and the
// ones not started (as upcoming); never a form fully sent, revoked, or another client's.
// Drafts do not count as sent.
func TestTheClientsPageListsOnlyTheFormsStillOpen(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	ctx := context.Background()
	today, err := time.Parse(time.DateOnly, daysFromNow(0))
	if err != nil {
		t.Fatal(err)
	}
	day := func(n int) time.Time { return today.AddDate(0, 0, n) }
	tpl, _ := homework.BuiltInByKey("reassurance_tally")
	def, _ := json.Marshal(tpl)
	token := f.clientLink(t, f.client)
	assign := func(cl store.Client, cadence string, start, due int) int64 {
		t.Helper()
		id, err := f.app.Store.CreateAssignment(ctx, f.practice.ID, cl.ID, cl.CounsellorID, store.AssignmentInput{
			TemplateRef: "builtin:reassurance_tally", Title: tpl.Title, Template: def, StartDate: day(start), DueDate: day(due),
			Cadence: cadence, RequestKey: newKey()}, store.AuditEntry{Action: "test.seed"})
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	linkID, err := f.app.Store.LiveClientLinkID(ctx, f.practice.ID, f.client.ID)
	if err != nil {
		t.Fatal(err)
	}
	save := func(id int64, submit bool, days ...int) {
		t.Helper()
		a, err := f.app.Store.Assignment(ctx, f.practice.ID, f.client.ID, id)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range days {
			if _, err := f.app.Store.SaveEntry(ctx, f.practice.ID, linkID, a, store.EntryInput{Date: day(d),
				Answers: []byte(`{"reassurance_requests": 1, "checks": 1}`), Submit: submit,
				IdempotencyKey: fmt.Sprintf("%032x", 1000*id+int64(d+10)), Audit: store.AuditEntry{Action: "test.seed"}}); err != nil {
				t.Fatal(err)
			}
		}
	}
	allSent := assign(f.client, "daily", -5, -2)
	save(allSent, true, -5, -4, -3, -2)
	dayLeft := assign(f.client, "daily", -5, -2)
	save(dayLeft, true, -5, -3, -2)
	onceSent := assign(f.client, "once", -1, 3)
	save(onceSent, true, -1)
	onceOpen := assign(f.client, "once", -3, 2)
	upcoming := assign(f.client, "daily", 2, 6)
	revoked := assign(f.client, "daily", -1, 3)
	if err := f.app.Store.RevokeAssignment(ctx, f.practice.ID, f.client.ID, revoked, store.AuditEntry{Action: "test.seed"}); err != nil {
		t.Fatal(err)
	}
	upToDate := assign(f.client, "daily", -1, 3)
	save(upToDate, true, -1, 0)
	drafted := assign(f.client, "daily", 0, 2)
	save(drafted, false, 0)
	other := f.addClient(t, f.me.ID, "Sam", "Rowe", "")
	theirs := assign(other, "daily", -1, 3)

	due, err := f.app.Store.DueAssignments(ctx, f.practice.ID, f.client.ID, today)
	if err != nil {
		t.Fatal(err)
	}
	var got []int64
	for _, v := range due {
		got = append(got, v.ID)
		if len(v.Template) == 0 {
			t.Errorf("assignment %d comes without its template", v.ID)
		}
	}
	want := []int64{upcoming, drafted, onceOpen, dayLeft} // latest due first, then the latest id
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("due assignments %v, want %v", got, want)
	}

	c := f.app.Browser()
	openLink(t, c, token)
	page := c.Get("/h").Body
	mustContain(t, "the client's page", page, `data-testid="due-count">3 forms to fill in`)
	for _, id := range []int64{dayLeft, onceOpen, drafted} {
		mustContain(t, "the client's page", page, `a:`+itoa(id)+`"`)
	}
	for _, id := range []int64{allSent, onceSent, upcoming, revoked, upToDate, theirs} {
		if strings.Contains(page, `a:`+itoa(id)+`"`) {
			t.Errorf("the client's page offers assignment %d", id)
		}
	}
}
