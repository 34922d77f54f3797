package casework

import (
	"fmt"
	"time"

	"github.com/securebase/securebase/internal/casework"
	"github.com/securebase/securebase/internal/measures"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web/kit"
	view "github.com/securebase/securebase/templates/casework"
)

// progressSummary puts a questionnaire's summary in words.
func progressSummary(s measureSummary) view.ProgressSummary {
	return view.ProgressSummary{Key: s.Measure.Key, Name: s.Measure.Name,
		First: fmt.Sprint(s.First.Total), FirstOn: s.First.TakenOn.UTC().Format("2 Jan 2006"),
		Latest: fmt.Sprint(s.Latest.Total), LatestOn: s.Latest.TakenOn.UTC().Format("2 Jan 2006"),
		Band: s.Band.Label, Difficulty: s.Difficulty, Change: measures.ChangeLabel(s.Change.Class)}
}

// progressCheckin puts a check-in's state in words.
func progressCheckin(ck store.Checkin, today time.Time) view.ProgressCheckin {
	out := view.ProgressCheckin{ID: ck.ID, Sent: ck.CreatedAt.UTC().Format("2 Jan 2006"), Due: ck.DueDate.UTC().Format("2 Jan 2006"),
		Revoked: ck.RevokedAt != nil}
	out.Missed = ck.PlannedOn != nil && ck.CompletedAt == nil && !out.Revoked && measures.Lapsed(ck.PlannedOn.UTC(), today)
	if ck.CompletedAt != nil {
		out.Completed = ck.CompletedAt.UTC().Format("2 Jan 2006")
	}
	return out
}

// goalRecords pairs each goal with its readings and works out its progress.
func (h *Handlers) goalRecords(goals []store.Goal, readings map[int64][]store.GoalReading) []goalRecord {
	out := make([]goalRecord, len(goals))
	for i, g := range goals {
		out[i] = goalRecord{Goal: g, Readings: readings[g.ID], Progress: casework.ProgressOf(kit.SMARTOf(g), kit.ReadingsOf(readings[g.ID]), h.Now())}
	}
	return out
}
