package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"
)

// OutcomeEpisode is one episode of care on the outcomes page: the client by id and code only,
// whether it ended, its attended appointments and its questionnaire totals, oldest first.
type OutcomeEpisode struct {
	ClientID int64            `db:"client_id"`
	Code     string           `db:"code"`
	Ended    bool             `db:"ended"`
	Attended int              `db:"attended"`
	Scores   map[string][]int `db:"-"`
	RawScore []byte           `db:"scores"`
}

// OutcomeEpisodes lists the episodes in scope (counsellorID 0: any in scope) that were
// discharged between from and to (the practice's calendar days, inclusive), or are still in care
// with two or more scores on one questionnaire, the last in that period; by client code.
func (s *Store) OutcomeEpisodes(ctx context.Context, practiceID int64, scope DashScope, counsellorID int64, from, to time.Time) ([]OutcomeEpisode, error) {
	var eps []OutcomeEpisode
	args := append(scope.args(practiceID), counsellorID, from.Format(time.DateOnly), to.Format(time.DateOnly))
	if err := s.q.OutcomeEpisodes.SelectContext(ctx, &eps, args...); err != nil {
		return nil, mapErr("outcome episodes", err)
	}
	for i := range eps {
		if err := json.Unmarshal(eps[i].RawScore, &eps[i].Scores); err != nil {
			return nil, fmt.Errorf("outcome episodes: scores: %w", err)
		}
		eps[i].RawScore = nil
	}
	return eps, nil
}
