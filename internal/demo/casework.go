package demo

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/securebase/securebase/internal/casework"
	"github.com/securebase/securebase/internal/store"
)

// demoClient is one made-up client of the demo practice.
type demoClient struct {
	first, last, preferred, format, status string
	email, phone, born                     string
	counsellor                             int // index into the counsellors
	concerns                               []string
	ownWords                               string
	riskIPV                                string
	goal                                   *demoGoal
}

type demoGoal struct {
	statement, metric, unit, direction string
	metricCode, unitCode               string
	baseline, target                   float64
	readings                           []float64 // one a week, oldest first
}

func demoClients() []demoClient {
	return []demoClient{
		{first: "Jordan", last: "Avery", preferred: "Jo", format: "individual", status: "active", counsellor: 0,
			email: "jordan.avery@example.org", phone: "07700 900123", born: "1991-04-17",
			concerns: []string{"reassurance", "overthinking_messages", "fear_abandonment"},
			ownWords: "If he takes an hour to reply I'm sure he's leaving.", riskIPV: "none",
			goal: &demoGoal{"Ask for reassurance 2 or fewer times a day", "Reassurance requests", "per day", "decrease", "reassurance_seeking", "times_per_day", 10, 2, []float64{9, 8, 8, 6, 5}}},
		{first: "Sam", last: "Okoro", format: "couples", status: "active", counsellor: 0,
			email: "sam.okoro@example.org", phone: "07700 900456", born: "1986-11-02",
			concerns: []string{"jealousy", "checking", "same_fight"},
			ownWords: "We have the same fight about her friends every weekend.", riskIPV: "some",
			goal: &demoGoal{"Let my partner go out without checking her location", "Location checks", "per week", "decrease", "checking", "times_per_week", 14, 1, []float64{12, 11, 9}}},
		{first: "Priya", last: "Lindqvist", preferred: "Pri", format: "individual", status: "intake", counsellor: 1,
			concerns: []string{"people_pleasing", "withdrawal"}, ownWords: "I never say what I need.", riskIPV: "none",
			goal: &demoGoal{"Say what I need directly once a day", "Direct requests", "per week", "increase", "communication", "times_per_week", 1, 7, []float64{2}}},
		{first: "Morgan", last: "Blake", format: "individual", status: "paused", counsellor: 1,
			concerns: []string{"trust", "comparison"}, ownWords: "After what happened I can't believe anything he says.", riskIPV: "none"},
		{first: "Casey", last: "Nguyen", format: "group", status: "discharged", counsellor: 0,
			concerns: []string{"pulling_away", "what_if"}, ownWords: "I stopped seeing my friends.", riskIPV: "none"},
	}
}

// seedCasework gives the demo counsellors a small, living caseload and returns the clients
// in the order of demoClients.
func seedCasework(ctx context.Context, st *store.Store, practiceID int64, counsellors []store.User, now time.Time) ([]store.Client, error) {
	var clients []store.Client
	for i, d := range demoClients() {
		counsellor := counsellors[d.counsellor]
		in := store.ClientInput{CounsellorID: counsellor.ID, FirstName: d.first, LastName: d.last, PreferredName: d.preferred,
			Format: d.format, ContactMethod: "neither", NeutralMessages: true, Email: d.email, Phone: d.phone,
			SafeContactNote: "Text only; partner sometimes reads my messages"}
		if d.born != "" {
			born, err := time.Parse("2006-01-02", d.born)
			if err != nil {
				return nil, err
			}
			in.DateOfBirth = &born
		}
		cl, err := st.CreateClient(ctx, practiceID, in, seeded(counsellor.ID, "client.create", "client", 0))
		if err != nil {
			return nil, fmt.Errorf("demo client: %w", err)
		}
		clients = append(clients, cl)
		if d.status != "intake" {
			if err := st.SetClientStatus(ctx, practiceID, cl.ID, []string{"intake"}, d.status, seeded(counsellor.ID, "client.status", "client", cl.ID)); err != nil {
				return nil, err
			}
		}
		if err := seedIntake(ctx, st, practiceID, cl, counsellor.ID, d); err != nil {
			return nil, err
		}
		for w := 6; w >= 1; w-- {
			status := "attended"
			if w == 3 && i == 1 {
				status = "cancelled"
			}
			if _, err := st.CreateAppointment(ctx, practiceID, cl.ID, counsellor.ID, store.AppointmentInput{
				StartsAt: now.AddDate(0, 0, -7*w).Truncate(time.Hour), DurationMinutes: 50, Status: status, Format: d.format},
				seeded(counsellor.ID, "appointment.create", "appointment", cl.ID)); err != nil {
				return nil, err
			}
		}
		if d.status == "active" || d.status == "intake" {
			if _, err := st.CreateAppointment(ctx, practiceID, cl.ID, counsellor.ID, store.AppointmentInput{
				StartsAt: now.AddDate(0, 0, 2+i).Truncate(time.Hour), DurationMinutes: 50, Status: "scheduled", Format: d.format},
				seeded(counsellor.ID, "appointment.create", "appointment", cl.ID)); err != nil {
				return nil, err
			}
		}
		if d.goal != nil {
			if err := seedGoal(ctx, st, practiceID, cl, counsellor.ID, d, now); err != nil {
				return nil, err
			}
		}
	}
	return clients, nil
}

func seedIntake(ctx context.Context, st *store.Store, practiceID int64, cl store.Client, userID int64, d demoClient) error {
	in := casework.Intake{Concerns: d.concerns, ConcernsOwnWords: d.ownWords, AttachmentStyle: "anxious", Format: d.format,
		Approaches: []string{"cbt", "attachment_based"}, AnticipatedSessions: "16", Hopes: "To feel steadier on my own.",
		RiskSelfHarm: "none", RiskToOthers: "none", RiskIPV: d.riskIPV, RiskSubstance: "none", RiskOwnControl: "none", OverallRisk: "low", RiskScreenComplete: true}
	var flag *store.RiskFlagInput
	if d.riskIPV != "none" {
		in.RiskIPVSigns, in.OverallRisk, in.SafetyPlan = []string{"monitored"}, "moderate", "Agreed who to call; helpline number saved under a neutral name."
		flag = &store.RiskFlagInput{Source: "intake", Summary: in.RiskSummary(), Audit: seeded(userID, "risk.raise", "client", cl.ID)}
	}
	data, err := json.Marshal(in)
	if err != nil {
		return err
	}
	_, _, err = st.SaveIntake(ctx, practiceID, cl.ID, 0, "risk", data, userID, flag, seeded(userID, "intake.save", "intake", cl.ID))
	return err
}

func seedGoal(ctx context.Context, st *store.Store, practiceID int64, cl store.Client, userID int64, d demoClient, now time.Time) error {
	g := d.goal
	baselineDate := now.AddDate(0, 0, -7*(len(g.readings)+1)).Truncate(24 * time.Hour)
	targetDate := now.AddDate(0, 2, 0).Truncate(24 * time.Hour)
	id, err := st.CreateGoal(ctx, practiceID, cl.ID, userID, store.GoalInput{
		Statement: g.statement, What: g.statement, Metric: g.metric, Unit: g.unit, MetricCode: g.metricCode, UnitCode: g.unitCode, Direction: g.direction,
		BaselineValue: &g.baseline, BaselineDate: &baselineDate, TargetValue: &g.target, TargetDate: &targetDate,
		MeasureHow: "Tallied by the client", MeasureOften: "Weekly", Steps: "Notice the urge, pause, write it down", Concerns: d.concerns[:1],
	}, seeded(userID, "goal.create", "goal", cl.ID))
	if err != nil {
		return err
	}
	if err := st.TransitionGoal(ctx, practiceID, cl.ID, id, userID, 1, casework.GoalDraft, casework.GoalActive, "",
		seeded(userID, "goal.status", "goal", cl.ID)); err != nil {
		return err
	}
	for w, v := range g.readings {
		date := baselineDate.AddDate(0, 0, 7*(w+1))
		if err := st.AddGoalReading(ctx, practiceID, cl.ID, id, userID, date, v, "", seeded(userID, "goal.reading.create", "goal", cl.ID)); err != nil {
			return err
		}
	}
	return nil
}
