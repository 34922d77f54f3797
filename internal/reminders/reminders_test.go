package reminders_test

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/securebase/securebase/internal/auth"
	"github.com/securebase/securebase/internal/reminders"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/wording"
)

// On a fixed clock, only the client who chose email, did not ask for no messages, is within
// their hours and has a form due gets a reminder; the send job checks again; the reminder is
// neutral, has no link, comes once a day, and its audit row holds no address.
func TestRemindersRespectHoursAndPreferences(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	f.clock.Set(at("2026-03-10", 10, 30)) // a Tuesday, 10:30 in London
	yes, yesAddr := f.client(nil)
	evening, eveningAddr := f.client(func(in *store.ClientInput) { in.ContactFrom, in.ContactUntil = 18, 21 })
	quiet, quietAddr := f.client(func(in *store.ClientInput) { in.NoMessages = true })
	phone, phoneAddr := f.client(func(in *store.ClientInput) { in.ContactMethod = "phone" })
	idle, idleAddr := f.client(nil) // nothing due
	for _, id := range []int64{yes, evening, quiet, phone} {
		f.due(id)
	}
	q := f.queue(reminders.Options{})

	queued, err := q.Scan(ctx)
	if err != nil || queued != 1 {
		t.Fatalf("scan queued %d (%v), want 1: only the client in hours with email and a form due", queued, err)
	}
	if again, err := q.Scan(ctx); err != nil || again != 0 {
		t.Fatalf("a second scan queued %d (%v), want 0: the job already waits", again, err)
	}
	day := "2026-03-10"
	want := map[int64]reminders.Reason{evening: reminders.OutsideHours, quiet: reminders.NoMessages,
		phone: reminders.NoConsent, idle: reminders.NothingDue, yes: reminders.Send}
	for _, id := range []int64{evening, quiet, phone, idle, yes} { // the send job decides again
		r, err := q.Send(ctx, reminders.SendArgs{PracticeID: f.practice.ID, ClientID: id, Day: day}, 1)
		if err != nil || r != want[id] {
			t.Errorf("client %d: %q (%v), want %q", id, r, err, want[id])
		}
	}
	for addr, n := range map[string]int{yesAddr: 1, eveningAddr: 0, quietAddr: 0, phoneAddr: 0, idleAddr: 0} {
		if got := f.sentTo(addr); got != n {
			t.Errorf("%s got %d reminders, want %d", addr, got, n)
		}
	}
	msgs := f.sink.Messages()
	if len(msgs) != 1 {
		t.Fatalf("%d messages, want 1", len(msgs))
	}
	m := msgs[0]
	if !m.TLS {
		t.Error("the reminder was sent without STARTTLS")
	}
	if !strings.Contains(m.Data, "You have a form to fill in") {
		t.Errorf("the reminder's wording: %q", m.Data)
	}
	lower := strings.ToLower(m.Data)
	for _, bad := range []string{"harbour", "http://", "https://", "sam", "test"} {
		if strings.Contains(lower, bad) {
			t.Errorf("the reminder names %q: %q", bad, m.Data)
		}
	}
	if words := wording.Revealing(m.Data); len(words) > 0 {
		t.Errorf("the reminder reveals %v: %q", words, m.Data)
	}

	// Once a day: later the same day, neither a scan nor the job sends again.
	f.clock.Set(at(day, 16, 0))
	if n, err := q.Scan(ctx); err != nil || n != 0 {
		t.Fatalf("scan later that day queued %d (%v)", n, err)
	}
	if _, err := q.Send(ctx, reminders.SendArgs{PracticeID: f.practice.ID, ClientID: yes, Day: day}, 1); err != nil {
		t.Fatal(err)
	}
	if got := f.sentTo(yesAddr); got != 1 {
		t.Fatalf("%d reminders on one day, want 1", got)
	}
	// Before the client's hours the next day: nothing; within them: the next reminder.
	f.clock.Set(at("2026-03-11", 8, 59))
	if n, err := q.Scan(ctx); err != nil || n != 0 {
		t.Fatalf("scan at 08:59 queued %d (%v), want 0", n, err)
	}
	f.clock.Set(at("2026-03-11", 9, 0))
	next := reminders.SendArgs{PracticeID: f.practice.ID, ClientID: yes, Day: "2026-03-11"}
	if r, err := q.Send(ctx, next, 1); err != nil || r != reminders.Send {
		t.Fatalf("next day at 09:00: %q (%v)", r, err)
	}
	if got := f.sentTo(yesAddr); got != 2 {
		t.Fatalf("%d reminders over two days, want 2", got)
	}
	// A job of a day that is over sends nothing.
	if r, err := q.Send(ctx, reminders.SendArgs{PracticeID: f.practice.ID, ClientID: evening, Day: day}, 1); err != nil || r == reminders.Send {
		t.Fatalf("a stale job: %q (%v)", r, err)
	}

	rows, sent, failed := f.auditRows()
	if sent != 2 || failed != 0 {
		t.Fatalf("audit: %d sent, %d failed, want 2 and 0: %v", sent, failed, rows)
	}
	for _, r := range rows {
		if strings.Contains(r, "@") || strings.Contains(r, "home.example") {
			t.Errorf("an audit row holds an address: %s", r)
		}
		if !strings.Contains(r, strconv.FormatInt(yes, 10)) {
			t.Errorf("an audit row does not name the client: %s", r)
		}
	}
	sends, err := f.st.ReminderSends(ctx, f.practice.ID, yes)
	if err != nil || len(sends) != 2 {
		t.Fatalf("reminder_sends: %v (%v)", sends, err)
	}
}

// A send the mail server refuses is recorded as a failed attempt and not as sent, so the
// retry sends it; the error River keeps holds no address.
func TestReminderRetriesAfterAFailedSend(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	id, addr := f.client(nil)
	f.due(id)
	q := f.queue(reminders.Options{})
	f.sink.FailNext(1)
	args := reminders.SendArgs{PracticeID: f.practice.ID, ClientID: id, Day: "2026-03-10"}
	_, err := q.Send(ctx, args, 1)
	if err == nil {
		t.Fatal("a refused send returned no error, so it would not be retried")
	}
	if strings.Contains(err.Error(), addr) || strings.Contains(err.Error(), "@") {
		t.Errorf("the error names the address: %v", err)
	}
	if r, err := q.Send(ctx, args, 2); err != nil || r != reminders.Send {
		t.Fatalf("the retry: %q (%v)", r, err)
	}
	if got := f.sentTo(addr); got != 1 {
		t.Fatalf("%d delivered, want 1", got)
	}
	if _, sent, failed := f.auditRows(); sent != 1 || failed != 1 {
		t.Fatalf("audit: %d sent, %d failed, want 1 and 1", sent, failed)
	}
}

// Decide's rules on their own, at the edges of the hours.
func TestDecide(t *testing.T) {
	p := reminders.Prefs{ContactMethod: "email", HasAddress: true, From: 9, Until: 18, Open: true}
	cases := []struct {
		name  string
		edit  func(*reminders.Prefs)
		local time.Time
		due   int
		want  reminders.Reason
	}{
		{"in hours", nil, at("2026-03-10", 9, 0), 1, reminders.Send},
		{"last minute", nil, at("2026-03-10", 17, 59), 1, reminders.Send},
		{"at the end", nil, at("2026-03-10", 18, 0), 1, reminders.OutsideHours},
		{"before", nil, at("2026-03-10", 8, 59), 1, reminders.OutsideHours},
		{"no messages wins", func(p *reminders.Prefs) { p.NoMessages = true }, at("2026-03-10", 10, 0), 1, reminders.NoMessages},
		{"phone", func(p *reminders.Prefs) { p.ContactMethod = "phone" }, at("2026-03-10", 10, 0), 1, reminders.NoConsent},
		{"no address", func(p *reminders.Prefs) { p.HasAddress = false }, at("2026-03-10", 10, 0), 1, reminders.NoConsent},
		{"discharged", func(p *reminders.Prefs) { p.Open = false }, at("2026-03-10", 10, 0), 1, reminders.Closed},
		{"nothing due", nil, at("2026-03-10", 10, 0), 0, reminders.NothingDue},
	}
	for _, c := range cases {
		q := p
		if c.edit != nil {
			c.edit(&q)
		}
		if got := reminders.Decide(q, c.local, c.due); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}

// With the practice's "links in reminders" on (and a public address), the reminder carries a
// new link that opens the client's forms; their older link ends. Off (the default), none.
func TestReminderCarriesALinkOnlyWhenThePracticeAllowsIt(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	id, addr := f.client(nil)
	f.due(id)
	q := f.queue(reminders.Options{PublicURL: "https://forms.example/"})
	if r, err := q.Send(ctx, reminders.SendArgs{PracticeID: f.practice.ID, ClientID: id, Day: "2026-03-10"}, 1); err != nil || r != reminders.Send {
		t.Fatalf("send: %q (%v)", r, err)
	}
	if got := f.sink.Messages()[0].Data; strings.Contains(got, "https://") {
		t.Fatalf("a link in a reminder with links off: %q", got)
	}
	ps, err := f.st.Settings(ctx, f.practice.ID)
	if err != nil {
		t.Fatal(err)
	}
	ps.LinksInReminders = true
	if _, err := f.st.SaveSettings(ctx, f.practice.ID, ps, false); err != nil {
		t.Fatal(err)
	}
	f.clock.Set(at("2026-03-11", 10, 0))
	if r, err := q.Send(ctx, reminders.SendArgs{PracticeID: f.practice.ID, ClientID: id, Day: "2026-03-11"}, 1); err != nil || r != reminders.Send {
		t.Fatalf("send: %q (%v)", r, err)
	}
	if f.sentTo(addr) != 2 {
		t.Fatalf("%d messages", f.sentTo(addr))
	}
	body := f.sink.Messages()[1].Data
	i := strings.Index(body, "https://forms.example/h/")
	if i < 0 {
		t.Fatalf("no link in the reminder: %q", body)
	}
	token := strings.Fields(body[i+len("https://forms.example/h/"):])[0]
	link, err := f.st.LinkByTokenHash(ctx, auth.HashLinkToken(token))
	if err != nil || link.ClientID != id || link.RevokedAt != nil {
		t.Fatalf("the link in the reminder does not open the client's forms: %+v (%v)", link, err)
	}
	if words := wording.Revealing(body); len(words) > 0 {
		t.Errorf("the reminder reveals %v", words)
	}
}
