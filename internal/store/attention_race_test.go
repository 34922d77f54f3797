package store_test

import (
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/securebase/securebase/internal/store"
)

// Writers of one client's queue racing on separate connections lose no item and duplicate
// none: entries of two assignments sent while a counsellor reviews them, the same entries
// sent twice at once, flags raised and cleared, sittings recorded. At the end the kept queue
// equals the recount, and no cause has two open items.
func TestAttentionQueueLosesNothingWhenWritersRace(t *testing.T) {
	t.Parallel()
	f := newQueueFixture(t)
	s, ctx, pid, a := f.s, f.ctx, f.p.ID, f.audit
	cl := f.client(t)
	today := time.Now().UTC().Truncate(24 * time.Hour)
	const days = 12
	assign := func() store.Assignment {
		t.Helper()
		in := store.AssignmentInput{TemplateRef: "t", Title: "Daily tally", Template: []byte(`{}`), StartDate: today.AddDate(0, 0, -days+1),
			DueDate: today, Cadence: "daily", RequestKey: key(t)}
		id, err := s.CreateAssignment(ctx, pid, cl.ID, f.u.ID, in, a)
		if err != nil {
			t.Fatal(err)
		}
		asg, err := s.Assignment(ctx, pid, cl.ID, id)
		if err != nil {
			t.Fatal(err)
		}
		return asg
	}
	reviewed, unreviewed, twice := assign(), assign(), assign()
	linkID, _, err := s.IssueClientLink(ctx, pid, cl.ID, f.u.ID, link(t, 72*time.Hour), a, func(int64, int64) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SaveMarker(ctx, pid, 0, "Sleep", "", true); err != nil {
		t.Fatal(err)
	}
	ms, err := s.Markers(ctx, pid, false)
	if err != nil {
		t.Fatal(err)
	}

	var wg sync.WaitGroup
	errs := make(chan error, 64)
	run := func(name string, fn func() error) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := fn(); err != nil {
				errs <- fmt.Errorf("%s: %w", name, err)
			}
		}()
	}
	send := func(asg store.Assignment, day int, idem string) error {
		_, err := s.SaveEntry(ctx, pid, linkID, asg, store.EntryInput{Date: asg.StartDate.AddDate(0, 0, day), Answers: []byte(`{"a":1}`),
			Submit: true, IdempotencyKey: idem, Audit: a})
		if errors.Is(err, store.ErrAlreadySubmitted) {
			return nil // the twin's insert won the day; its entry is the one
		}
		return err
	}
	sent := make(chan struct{})
	run("send entries to review", func() error {
		defer close(sent)
		for d := range days {
			if err := send(reviewed, d, key(t)); err != nil {
				return err
			}
		}
		return nil
	})
	review := func() error {
		es, err := s.Entries(ctx, pid, reviewed.ID)
		if err != nil {
			return err
		}
		for _, e := range es {
			if e.Status == "submitted" && e.ReviewedAt == nil {
				if err := s.ReviewEntry(ctx, pid, reviewed.ID, e.ID, f.u.ID, "", a); err != nil {
					return err
				}
			}
		}
		return nil
	}
	run("review as they come", func() error {
		for {
			select {
			case <-sent:
				return review()
			default:
				if err := review(); err != nil {
					return err
				}
			}
		}
	})
	run("send other entries", func() error {
		for d := range days {
			if err := send(unreviewed, d, key(t)); err != nil {
				return err
			}
		}
		return nil
	})
	idems := make([]string, days)
	for d := range idems {
		idems[d] = key(t)
	}
	for i := range 2 {
		run(fmt.Sprint("send the same entries, twin ", i), func() error {
			for d := range days {
				if err := send(twice, d, idems[d]); err != nil {
					return err
				}
			}
			return nil
		})
	}
	run("raise and clear flags", func() error {
		for range days {
			if _, err := s.RaiseRiskFlag(ctx, pid, cl.ID, f.u.ID, store.RiskFlagInput{Source: "manual", Summary: "s", Audit: a}); err != nil {
				return err
			}
			flags, err := s.RiskFlags(ctx, pid, cl.ID)
			if err != nil {
				return err
			}
			for _, fl := range flags {
				if fl.ClearedAt == nil && fl.Source == "manual" {
					if err := s.ClearRiskFlag(ctx, pid, cl.ID, fl.ID, f.u.ID, "", a); err != nil {
						return err
					}
				}
			}
		}
		_, err := s.RaiseRiskFlag(ctx, pid, cl.ID, f.u.ID, store.RiskFlagInput{Source: "intake", Summary: "s", Audit: a})
		return err
	})
	run("record sittings", func() error {
		for d := range days {
			in := store.ProgressInput{Day: today.AddDate(0, 0, -days+d+1), Source: "counsellor", RecordedBy: f.u.ID, RequestKey: key(t),
				Ratings: map[int64]int{ms[0].ID: 10 - d%10}, Results: []store.ResultInput{{MeasureKey: "gad7", Total: d, Answers: []byte(`{}`),
					RiskRaised: d == 3, RiskNote: "item 9"}}, RiskAudit: a}
			if _, err := s.RecordProgress(ctx, pid, cl.ID, in, a); err != nil {
				return err
			}
		}
		return nil
	})
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if t.Failed() {
		t.FailNow()
	}
	rows := assertQueue(t, f.db.App, pid, "racing writers")
	for kind, want := range map[string]int{"review": 2 * days, "overdue": 0, "risk": 1, "item_nine": 1, "deterioration": 1, "expiring": 1} {
		if got := countKind(rows, kind); got != want {
			t.Errorf("%d open %s items after the race, want %d", got, kind, want)
		}
	}
}
