package demo

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/securebase/securebase/internal/measures"
	"github.com/securebase/securebase/internal/store"
)

// seedProgress gives the demo clients a few weeks of marker ratings and questionnaires (one
// client improving, one not), an event note, and links the supervisor to the first counsellor.
func seedProgress(ctx context.Context, st *store.Store, practiceID, supervisorID int64, counsellors []store.User, now time.Time) error {
	clients, _, err := st.Caseload(ctx, practiceID, store.ClientFilter{Sort: "code", Limit: 2})
	if err != nil || len(clients) < 2 {
		return err
	}
	markers, err := st.Markers(ctx, practiceID, false)
	if err != nil {
		return err
	}
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	phq, _ := measures.ByKey("phq9")
	gad, _ := measures.ByKey("gad7")
	// Weekly sittings over five weeks: Jo steadily better; Sam slipping.
	trends := []struct {
		phq, gad []int
		marker   []int
	}{
		{phq: []int{16, 14, 11, 9, 7}, gad: []int{13, 12, 10, 8, 6}, marker: []int{2, 3, 4, 5, 6}},
		{phq: []int{9, 10, 12, 14, 16}, gad: []int{7, 8, 8, 10, 12}, marker: []int{6, 6, 5, 4, 3}},
	}
	for i, cl := range clients {
		tr := trends[i]
		for w := 0; w < 5; w++ {
			day := today.AddDate(0, 0, 7*(w-4))
			in := store.ProgressInput{Day: day, Source: "counsellor", RecordedBy: cl.CounsellorID, Ratings: map[int64]int{}}
			for j, m := range markers {
				in.Ratings[m.ID] = min(10, max(0, tr.marker[w]+j%3-1))
			}
			in.Results = []store.ResultInput{
				{MeasureKey: phq.Key, Total: tr.phq[w], Answers: itemAnswers(phq, tr.phq[w])},
				{MeasureKey: gad.Key, Total: tr.gad[w], Answers: itemAnswers(gad, tr.gad[w])},
			}
			in.RiskAudit = seeded(cl.CounsellorID, "risk.raise", "client", cl.ID)
			if _, err := st.RecordProgress(ctx, practiceID, cl.ID, in, seeded(cl.CounsellorID, "progress.record", "client", cl.ID)); err != nil {
				return err
			}
		}
	}
	if err := st.AddEventNote(ctx, practiceID, clients[1].ID, clients[1].CounsellorID, today.AddDate(0, 0, -12), "Argument about her friends",
		seeded(clients[1].CounsellorID, "event.create", "client", clients[1].ID)); err != nil {
		return err
	}
	return st.SetSupervision(ctx, practiceID, supervisorID, []int64{counsellors[0].ID})
}

// itemAnswers spreads a total over a questionnaire's items (never item 9 for PHQ-9), for demo data.
func itemAnswers(m measures.Measure, total int) []byte {
	answers := map[string]int{}
	left := total
	for _, it := range m.Items {
		answers[it.Key] = 0
	}
	for left > 0 {
		for _, it := range m.Items {
			if left == 0 || it.Key == m.RiskItem || answers[it.Key] == 3 {
				continue
			}
			answers[it.Key]++
			left--
		}
	}
	b, err := json.Marshal(answers)
	if err != nil {
		panic(fmt.Sprint("demo answers: ", err))
	}
	return b
}
