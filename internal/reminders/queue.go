package reminders

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverdatabasesql"
	"github.com/riverqueue/river/rivertype"

	"github.com/securebase/securebase/internal/mail"
	"github.com/securebase/securebase/internal/store"
)

// Schema is where River keeps its tables (migration 0038 makes it).
const Schema = "river"

// Options are what the queue needs. Now is the clock every rule reads.
type Options struct {
	DB        *sql.DB      // the application's pool (lib/pq through database/sql)
	Store     *store.Store // the clients, the one-a-day record and the audit log
	Mailer    mail.Sender  // nil: reminders are off (the scan still makes planned check-ins)
	Now       func() time.Time
	Log       *slog.Logger
	ScanEvery time.Duration // how often the leader looks for clients to remind; 0: never by itself
	PollEvery time.Duration // how often each worker looks for jobs; 0: River's default (1 s)
	Workers   int           // sends at once on this instance; 0: 2
	PublicURL string        // the app's public address, for links in reminders; empty: never a link
	RetryBase time.Duration // a failed send is retried after this, doubling each time; 0: River's default (attempt⁴ s)
}

// doubling retries a failed job after base, then 2×base, 4×base... at most a day apart.
type doubling struct{ base time.Duration }

// NextRetry is when the job's next attempt may run.
func (d doubling) NextRetry(job *rivertype.JobRow) time.Time {
	wait := d.base << min(job.Attempt-1, 20)
	if wait <= 0 || wait > 24*time.Hour {
		wait = 24 * time.Hour
	}
	return time.Now().Add(wait)
}

// Queue is one instance's job queue client: it queues reminders and works them.
type Queue struct {
	opts   Options
	client *river.Client[*sql.Tx]
}

// ScanArgs is the periodic job that makes planned check-ins and queues the reminders due now.
type ScanArgs struct{}

// Kind names the job in River's table.
func (ScanArgs) Kind() string { return "reminder_scan" }

// SendArgs is one client's reminder for one day (the practice's date). It carries ids
// only: no address and no name are ever in the job table.
type SendArgs struct {
	PracticeID int64  `json:"practice_id"`
	ClientID   int64  `json:"client_id"`
	Day        string `json:"day"` // YYYY-MM-DD in the practice's time zone
}

// Kind names the job in River's table.
func (SendArgs) Kind() string { return "reminder_send" }

// New builds the queue; Start runs its workers.
func New(o Options) (*Queue, error) {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	if o.Workers == 0 {
		o.Workers = 2
	}
	q := &Queue{opts: o}
	workers := river.NewWorkers()
	river.AddWorker(workers, river.WorkFunc(func(ctx context.Context, _ *river.Job[ScanArgs]) error {
		_, err := q.Scan(ctx)
		return err
	}))
	river.AddWorker(workers, &sendWorker{q: q})
	cfg := &river.Config{
		Schema:      Schema,
		PollOnly:    true, // database/sql has no LISTEN; workers poll
		Queues:      map[string]river.QueueConfig{river.QueueDefault: {MaxWorkers: o.Workers}},
		Workers:     workers,
		MaxAttempts: 8, // River's backoff: about attempt^4 seconds between tries, so the last is some hours on
		Logger:      o.Log,
		JobTimeout:  time.Minute,
	}
	if o.RetryBase > 0 {
		cfg.RetryPolicy = doubling{base: o.RetryBase}
	}
	if o.PollEvery > 0 {
		cfg.FetchPollInterval, cfg.FetchCooldown = o.PollEvery, o.PollEvery/2
	}
	if o.ScanEvery > 0 {
		cfg.PeriodicJobs = []*river.PeriodicJob{river.NewPeriodicJob(river.PeriodicInterval(o.ScanEvery),
			func() (river.JobArgs, *river.InsertOpts) { return ScanArgs{}, nil }, &river.PeriodicJobOpts{RunOnStart: true})}
	}
	c, err := river.NewClient(riverdatabasesql.New(o.DB), cfg)
	if err != nil {
		return nil, fmt.Errorf("reminders: %w", err)
	}
	q.client = c
	return q, nil
}

// Start runs this instance's workers until Stop.
func (q *Queue) Start(ctx context.Context) error { return q.client.Start(ctx) }

// Stop lets running jobs finish, then stops.
func (q *Queue) Stop(ctx context.Context) error { return q.client.Stop(ctx) }

// sendOpts make a client's reminder of a day unique while it waits or runs: a second scan
// (on this instance or another) queues no second job. A finished one does not block a later
// scan; the store's one-a-day record does.
func sendOpts() *river.InsertOpts {
	return &river.InsertOpts{UniqueOpts: river.UniqueOpts{ByArgs: true, ByState: []rivertype.JobState{
		rivertype.JobStateAvailable, rivertype.JobStatePending, rivertype.JobStateRunning,
		rivertype.JobStateRetryable, rivertype.JobStateScheduled}}}
}

// Enqueue queues one client's reminder of day without checking anything first (the send
// job checks); it reports whether a job was queued, false when one already waits.
func (q *Queue) Enqueue(ctx context.Context, a SendArgs) (bool, error) {
	res, err := q.client.Insert(ctx, a, sendOpts())
	if err != nil {
		return false, fmt.Errorf("reminders: queue: %w", err)
	}
	return !res.UniqueSkippedAsDuplicate, nil
}

// Scan first makes every practice's planned check-ins that have fallen due (store.DueForms),
// so a missed one lapses into a gap the counsellor sees even when nobody opens the client;
// then, with a mailer, it queues a reminder for every client who may get one now: email
// chosen, no "no messages", within their hours, not reminded today, with a form due. It
// returns how many reminders it queued.
func (q *Queue) Scan(ctx context.Context) (int, error) {
	ps, err := q.opts.Store.ReminderPractices(ctx)
	if err != nil {
		return 0, err
	}
	now := q.opts.Now()
	queued := 0
	var errs []error
	for _, p := range ps {
		forms, err := q.opts.Store.DueForms(ctx, p.ID, now)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if q.opts.Mailer == nil {
			continue
		}
		due := map[int64]int{} // forms waiting, by client: what each client's page lists
		for _, f := range forms {
			due[f.ClientID]++
		}
		n, err := q.scanPractice(ctx, p, now, due)
		queued += n
		if err != nil {
			errs = append(errs, err)
		}
	}
	return queued, errors.Join(errs...)
}

// scanPractice queues the practice's reminders due at now; due counts each client's waiting
// forms (store.DueForms at the same moment).
func (q *Queue) scanPractice(ctx context.Context, p store.ReminderPractice, now time.Time, due map[int64]int) (int, error) {
	loc, err := time.LoadLocation(p.TimeZone)
	if err != nil {
		return 0, fmt.Errorf("reminders: practice %d time zone: %w", p.ID, err)
	}
	local := now.In(loc)
	today := Day(local)
	cs, err := q.opts.Store.ReminderCandidates(ctx, p.ID, today)
	if err != nil {
		return 0, err
	}
	queued := 0
	for _, c := range cs {
		if !InHours(c.ContactFrom, c.ContactUntil, local) {
			continue
		}
		if due[c.ClientID] == 0 {
			continue
		}
		ok, err := q.Enqueue(ctx, SendArgs{PracticeID: p.ID, ClientID: c.ClientID, Day: today.Format(time.DateOnly)})
		if err != nil {
			return queued, err
		}
		if ok {
			queued++
		}
	}
	return queued, nil
}
