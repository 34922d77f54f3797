package reminders

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/riverqueue/river"

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
	due, err := q.opts.Store.DueForms(ctx, a.PracticeID, a.ClientID, today)
	if err != nil {
		return "", err
	}
	prefs := Prefs{ContactMethod: c.ContactMethod, HasAddress: c.Email != "", NoMessages: c.NoMessages,
		From: c.ContactFrom, Until: c.ContactUntil, Open: !c.Archived && (c.Status == "intake" || c.Status == "active")}
	if r := Decide(prefs, local, due); r != Send {
		return r, nil
	}
	subject, body := mail.ReminderMessage("")
	id := strconv.FormatInt(a.ClientID, 10)
	detail := fmt.Sprintf("day=%s; forms=%d; attempt=%d", a.Day, due, attempt)
	entry := store.AuditEntry{Action: "reminder.send", EntityType: "client", EntityID: id, ClientID: a.ClientID, Detail: detail}
	err = q.opts.Store.SendReminderOnce(ctx, a.PracticeID, a.ClientID, today, due, q.opts.Now(), entry,
		func(ctx context.Context) error { return q.opts.Mailer.Send(ctx, c.Email, subject, body) })
	if errors.Is(err, store.ErrAlreadyReminded) {
		return Send, nil
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
