package reminders

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/riverqueue/river"

	"github.com/securebase/securebase/internal/auth"
	"github.com/securebase/securebase/internal/mail"
	"github.com/securebase/securebase/internal/store"
)

// sendWorker works SendArgs jobs.
type sendWorker struct {
	river.WorkerDefaults[SendArgs]
	q *Queue
}

// Work sends the reminder, or returns nil when it is no longer due: a retry comes only
// from an error, which River retries with backoff.
func (w *sendWorker) Work(ctx context.Context, job *river.Job[SendArgs]) error {
	_, err := w.q.Send(ctx, job.Args, job.Attempt)
	return err
}

// Send checks the client's preferences at the queue's clock and sends their reminder of
// a.Day unless one went already. It returns why it did or did not send; an error only
// when sending failed (the attempt is audited, and the job is retried).
func (q *Queue) Send(ctx context.Context, a SendArgs, attempt int) (Reason, error) {
	if q.opts.Mailer == nil {
		return NoConsent, nil
	}
	c, err := q.opts.Store.ReminderContactOf(ctx, a.PracticeID, a.ClientID)
	if errors.Is(err, store.ErrNotFound) {
		return Closed, nil // deleted since it was queued
	}
	if err != nil {
		return "", err
	}
	loc, err := time.LoadLocation(c.TimeZone)
	if err != nil {
		return "", fmt.Errorf("reminders: practice %d time zone: %w", a.PracticeID, err)
	}
	local := q.opts.Now().In(loc)
	today := Day(local)
	if today.Format(time.DateOnly) != a.Day {
		return OutsideHours, nil // queued for a day that is over: today's scan queues anew
	}
	due, err := q.opts.Store.DueFormCount(ctx, a.PracticeID, a.ClientID, today)
	if err != nil {
		return "", err
	}
	prefs := Prefs{ContactMethod: c.ContactMethod, HasAddress: c.Email != "", NoMessages: c.NoMessages,
		From: c.ContactFrom, Until: c.ContactUntil, Open: !c.Archived && (c.Status == "intake" || c.Status == "active")}
	if r := Decide(prefs, local, due); r != Send {
		return r, nil
	}
	link, address, err := q.newLink(c, local)
	if err != nil {
		return "", err
	}
	subject, body := mail.ReminderMessage(address)
	id := strconv.FormatInt(a.ClientID, 10)
	detail := fmt.Sprintf("day=%s; forms=%d; attempt=%d", a.Day, due, attempt)
	entry := store.AuditEntry{Action: "reminder.send", EntityType: "client", EntityID: id, ClientID: a.ClientID, Detail: detail}
	err = q.opts.Store.SendReminderOnce(ctx, a.PracticeID, a.ClientID, today, due, q.opts.Now(), link, entry,
		func(ctx context.Context) error { return q.opts.Mailer.Send(ctx, c.Email, subject, body) })
	if errors.Is(err, store.ErrAlreadyReminded) {
		return Send, nil
	}
	if errors.Is(err, store.ErrClientClosed) {
		return Closed, nil
	}
	if err != nil {
		entry.Outcome = store.OutcomeFailure
		if aerr := q.opts.Store.RecordAudit(ctx, a.PracticeID, entry); aerr != nil {
			err = errors.Join(err, aerr)
		}
		q.opts.Log.Warn("reminder not sent", "client_id", a.ClientID, "attempt", attempt, "err", err)
		return "", err
	}
	return Send, nil
}

// linkDays is how long a link sent in a reminder works, as one a counsellor issues.
const linkDays = 60

// newLink makes the client's new link when their practice puts links in reminders and the
// public address is known; none (nil, "") otherwise.
func (q *Queue) newLink(c store.ReminderContact, local time.Time) (*store.ReminderLink, string, error) {
	if !c.LinksInReminders || q.opts.PublicURL == "" {
		return nil, "", nil
	}
	token, hash, err := auth.NewLinkToken()
	if err != nil {
		return nil, "", err
	}
	d := local.AddDate(0, 0, linkDays+1) // the end of the day linkDays from today
	until := time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, local.Location())
	link := &store.ReminderLink{Link: store.LinkInput{TokenHash: hash, ExpiresAt: until}, IssuedBy: c.CounsellorID}
	return link, strings.TrimSuffix(q.opts.PublicURL, "/") + "/h/" + token, nil
}
