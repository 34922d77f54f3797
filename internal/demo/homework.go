package demo

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/securebase/securebase/internal/auth"
	"github.com/securebase/securebase/internal/homework"
	"github.com/securebase/securebase/internal/store"
)

// seedHomework gives the first demo client a daily tally feeding their goal, with a week of
// entries (one reviewed, with a reply), and the second a thought record awaiting review.
func seedHomework(ctx context.Context, st *store.Store, practiceID int64, now time.Time, linkGraceDays int) error {
	clients, _, err := st.Caseload(ctx, practiceID, store.ClientFilter{Sort: "code", Limit: 2})
	if err != nil || len(clients) < 2 {
		return err
	}
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	jo, sam := clients[0], clients[1]
	goals, err := st.Goals(ctx, practiceID, jo.ID)
	if err != nil || len(goals) == 0 {
		return err
	}
	tally, err := assignDemo(ctx, st, practiceID, jo, "reassurance_tally", homework.Daily, today.AddDate(0, 0, -6), today.AddDate(0, 0, 7),
		"Each evening, jot down the counts. No judgement: noticing is the work.", &goals[0].ID, linkGraceDays)
	if err != nil {
		return err
	}
	tallyLink, err := demoLink(ctx, st, practiceID, jo, tally.DueDate.AddDate(0, 0, linkGraceDays+1))
	if err != nil {
		return err
	}
	for i, n := range []float64{7, 6, 6, 5, 4} {
		answers, _ := json.Marshal(map[string]any{"reassurance_requests": n, "checks": n - 2, "urges_resisted": float64(i + 1)})
		v := n
		if _, err := st.SaveEntry(ctx, practiceID, tallyLink, tally, store.EntryInput{Date: today.AddDate(0, 0, -6+i), Answers: answers,
			Submit: true, IdempotencyKey: fmt.Sprintf("%032x", i+1), Reading: &v, Audit: seeded(0, "link.submit", "assignment", jo.ID)}); err != nil {
			return err
		}
	}
	entries, err := st.Entries(ctx, practiceID, tally.ID)
	if err != nil {
		return err
	}
	if err := st.ReviewEntry(ctx, practiceID, tally.ID, entries[0].ID, jo.CounsellorID, "Well noticed. Try the ten-minute wait before asking.",
		seeded(jo.CounsellorID, "entry.review", "entry", jo.ID)); err != nil {
		return err
	}
	record, err := assignDemo(ctx, st, practiceID, sam, "thought_record", homework.Once, today.AddDate(0, 0, -3), today.AddDate(0, 0, 4),
		"Next time a late reply sets off the worry, catch the thought on paper.", nil, linkGraceDays)
	if err != nil {
		return err
	}
	answers, _ := json.Marshal(map[string]any{"situation": "She was out with friends and didn't text back for two hours.",
		"automatic_thought": "She's having more fun without me.", "emotion": "Jealous, scared", "intensity": 80.0,
		"distortions": []string{"mind_reading", "catastrophising"}, "evidence_for": "She didn't reply.",
		"evidence_against": "She said she'd be on the tube; she texted when she got out.",
		"balanced_thought": "She was busy, not leaving.", "intensity_after": 40.0})
	recordLink, err := demoLink(ctx, st, practiceID, sam, record.DueDate.AddDate(0, 0, linkGraceDays+1))
	if err != nil {
		return err
	}
	_, err = st.SaveEntry(ctx, practiceID, recordLink, record, store.EntryInput{Date: record.StartDate, Answers: answers, Submit: true,
		IdempotencyKey: fmt.Sprintf("%032x", 99), Audit: seeded(0, "link.submit", "assignment", sam.ID)})
	return err
}

func assignDemo(ctx context.Context, st *store.Store, practiceID int64, cl store.CaseloadRow, key string, cadence homework.Cadence,
	start, due time.Time, instructions string, goalID *int64, linkGraceDays int) (store.Assignment, error) {
	tpl, ok := homework.BuiltInByKey(key)
	if !ok {
		return store.Assignment{}, fmt.Errorf("demo: no built-in %s", key)
	}
	def, err := json.Marshal(tpl)
	if err != nil {
		return store.Assignment{}, err
	}
	field := ""
	if goalID != nil {
		field = "reassurance_requests"
	}
	id, err := st.CreateAssignment(ctx, practiceID, cl.ID, cl.CounsellorID, store.AssignmentInput{TemplateRef: "builtin:" + key,
		Title: tpl.Title, Template: def, Instructions: instructions, StartDate: start, DueDate: due, Cadence: string(cadence),
		GoalID: goalID, GoalField: field, RequestKey: fmt.Sprintf("demo-%s-%012d", key, cl.ID)},
		seeded(cl.CounsellorID, "assignment.create", "assignment", cl.ID))
	if err != nil {
		return store.Assignment{}, err
	}
	return st.Assignment(ctx, practiceID, cl.ID, id)
}

// demoLink issues the client's private link and returns its id. The token is dropped: a
// counsellor issues a fresh link to try it.
func demoLink(ctx context.Context, st *store.Store, practiceID int64, cl store.CaseloadRow, until time.Time) (int64, error) {
	_, hash, err := auth.NewLinkToken()
	if err != nil {
		return 0, err
	}
	id, _, err := st.IssueClientLink(ctx, practiceID, cl.ID, cl.CounsellorID, store.LinkInput{TokenHash: hash, ExpiresAt: until},
		seeded(cl.CounsellorID, "link.issue", "client", cl.ID), func(id, _ int64) string { return fmt.Sprintf("link=%d", id) })
	return id, err
}
