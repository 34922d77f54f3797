package reminders_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/securebase/securebase/internal/mail"
	"github.com/securebase/securebase/internal/reminders"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/testutil"
)

// fixture is one practice with a counsellor over a fresh database, a recording SMTP server
// that requires STARTTLS, and a clock the test sets.
type fixture struct {
	t          *testing.T
	db         *testutil.Database
	st         *store.Store
	sink       *testutil.SMTPServer
	practice   store.Practice
	counsellor store.User
	clock      *fixedClock
	seq        int
}

// fixedClock is a clock that moves only when the test sets it.
type fixedClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *fixedClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fixedClock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = t
}

var london = mustZone("Europe/London")

func mustZone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// at is a moment in London (the practices' default time zone).
func at(day string, hour, minute int) time.Time {
	d, err := time.ParseInLocation(time.DateOnly, day, london)
	if err != nil {
		panic(err)
	}
	return time.Date(d.Year(), d.Month(), d.Day(), hour, minute, 0, 0, london)
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	db := testutil.NewDatabase(t)
	return fixtureOn(t, db)
}

func fixtureOn(t *testing.T, db *testutil.Database) *fixture {
	t.Helper()
	st, err := store.New(db.App)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	p, err := st.CreatePractice(ctx, "Harbour Counselling")
	if err != nil {
		t.Fatal(err)
	}
	u, err := st.CreateUser(ctx, p.ID, store.NewUser{Email: "c@test.example", DisplayName: "Counsellor", Role: store.RoleCounsellor, PasswordHash: "x"})
	if err != nil {
		t.Fatal(err)
	}
	return &fixture{t: t, db: db, st: st, sink: testutil.NewSMTPServer(t), practice: p, counsellor: u,
		clock: &fixedClock{now: at("2026-03-10", 10, 30)}}
}

// mailer sends to the fixture's SMTP server over STARTTLS, trusting its certificate.
func (f *fixture) mailer() mail.Sender {
	f.t.Helper()
	m, err := mail.NewSMTP(f.sink.Addr, "Forms <forms@localhost>", "", "", mail.TLSStartTLS, f.sink.CAFile)
	if err != nil {
		f.t.Fatal(err)
	}
	return m
}

// queue is one instance's queue over the fixture's database (not started).
func (f *fixture) queue(o reminders.Options) *reminders.Queue {
	f.t.Helper()
	o.DB, o.Store, o.Now = f.db.App.DB, f.st, f.clock.Now
	if o.Mailer == nil {
		o.Mailer = f.mailer()
	}
	q, err := reminders.New(o)
	if err != nil {
		f.t.Fatal(err)
	}
	return q
}

// client adds a client with preferences set by edit and returns their id and address.
func (f *fixture) client(edit func(*store.ClientInput)) (int64, string) {
	f.t.Helper()
	f.seq++
	email := fmt.Sprintf("client%d@home.example", f.seq)
	in := store.ClientInput{CounsellorID: f.counsellor.ID, FirstName: "Sam", LastName: fmt.Sprintf("Test%d", f.seq),
		Email: email, Format: "individual", ContactMethod: "email", NeutralMessages: true, ContactFrom: 9, ContactUntil: 18}
	if edit != nil {
		edit(&in)
	}
	cl, err := f.st.CreateClient(context.Background(), f.practice.ID, in, store.AuditEntry{Action: "test.seed"})
	if err != nil {
		f.t.Fatal(err)
	}
	return cl.ID, email
}

// due gives the client a check-in to fill in.
func (f *fixture) due(clientID int64) {
	f.t.Helper()
	_, err := f.st.CreateCheckin(context.Background(), f.practice.ID, clientID, f.counsellor.ID, true, nil,
		f.clock.Now().AddDate(0, 0, 3), fmt.Sprintf("reminder-test-key-%08d", clientID), store.AuditEntry{Action: "test.seed"})
	if err != nil {
		f.t.Fatal(err)
	}
}

// sentTo counts the messages the SMTP server received for address.
func (f *fixture) sentTo(address string) int {
	n := 0
	for _, m := range f.sink.Messages() {
		for _, to := range m.To {
			if strings.Contains(to, address) {
				n++
			}
		}
	}
	return n
}

// auditRows returns every reminder.send audit row as text, and the practice's outcome counts.
func (f *fixture) auditRows() (rows []string, sent, failed int) {
	f.t.Helper()
	var rs []struct {
		Text    string `db:"text"`
		Outcome string `db:"outcome"`
	}
	err := f.db.App.Select(&rs, `SELECT a::text AS text, outcome FROM audit_log a WHERE practice_id = $1 AND action = 'reminder.send' ORDER BY id`, f.practice.ID)
	if err != nil {
		f.t.Fatal(err)
	}
	for _, r := range rs {
		rows = append(rows, r.Text)
		if r.Outcome == store.OutcomeSuccess {
			sent++
		} else {
			failed++
		}
	}
	return rows, sent, failed
}
