package testutil

import (
	"fmt"
	"strings"

	"github.com/securebase/securebase/internal/store"
)

// OutcomePeriod is the period of discharges the outcomes seed is built around.
const (
	OutcomeFrom = "2026-03-01"
	OutcomeTo   = "2026-03-31"
)

// OutcomeNote is free text seeded on every client of the outcomes seed (an appointment note,
// an event note and a safe-contact note); the outcomes page must never show it.
const OutcomeNote = "Talked about the argument at the lake house"

// OutcomeSeed is a practice seeded with hand-chosen PHQ-9 and GAD-7 scores.
type OutcomeSeed struct {
	Practice                store.Practice
	Admin, Supervisor       store.User
	AdminPass, SupervisorPW string
	A, B, C                 store.User // A and B are supervised by Supervisor; C is not
	Names                   []string   // every client's first and last name
	Clients                 map[string]int64
}

// outcomeClient is one seeded client: code, counsellor (A, B or C), discharge day ("" while in
// care), attended appointments, and scores as "day:total" per questionnaire.
type outcomeClient struct {
	code, who, first, last, discharged string
	attended                           int
	phq9, gad7                         []string
}

// outcomeClients are the seeded episodes. The period is March 2026 (Europe/London).
var outcomeClients = []outcomeClient{
	// Counsellor A: six episodes in the period, three out of it.
	{"SB-1001", "A", "Imogen", "Wakefield", "2026-03-10", 8, []string{"2026-01-05:18", "2026-03-01:6"}, []string{"2026-01-05:14", "2026-03-01:5"}},
	{"SB-1002", "A", "Barnaby", "Thistlewood", "2026-03-12", 6, []string{"2026-01-06:15", "2026-03-02:11"}, []string{"2026-01-06:12", "2026-03-02:7"}},
	{"SB-1003", "A", "Ottoline", "Marchbank", "2026-03-14", 3, []string{"2026-01-07:8", "2026-03-03:16"}, []string{"2026-01-07:6", "2026-03-03:9"}},
	{"SB-1004", "A", "Percival", "Ashdown", "2026-03-16", 10, []string{"2026-01-08:20", "2026-02-01:17", "2026-03-04:12"}, []string{"2026-01-08:10"}},
	{"SB-1005", "A", "Clementine", "Haverford", "2026-03-18", 2, []string{"2026-01-09:14"}, nil},
	{"SB-1006", "A", "Leopold", "Fairweather", "", 4, []string{"2026-01-10:12", "2026-02-10:13", "2026-03-20:11"}, []string{"2026-01-10:9", "2026-03-20:9"}},
	{"SB-1007", "A", "Rosalind", "Pemberton", "2026-05-10", 9, []string{"2026-01-11:20", "2026-05-01:2"}, nil},
	{"SB-1008", "A", "Ambrose", "Kingsley", "", 1, []string{"2026-03-05:19"}, nil},
	{"SB-1009", "A", "Winifred", "Oakhurst", "", 5, []string{"2025-10-01:19", "2026-02-20:9"}, nil},
	// Counsellor B: two episodes, under the small-number rule.
	{"SB-2001", "B", "Cordelia", "Lindqvist", "2026-03-20", 5, []string{"2026-01-12:16", "2026-03-05:4"}, []string{"2026-01-12:10", "2026-03-05:3"}},
	{"SB-2002", "B", "Fitzgerald", "Brookes", "2026-03-22", 7, []string{"2026-01-13:11", "2026-03-06:18"}, nil},
	// Counsellor C, whom the supervisor does not supervise.
	{"SB-3001", "C", "Marguerite", "Dunmore", "2026-03-25", 12, []string{"2026-01-14:20", "2026-03-07:0"}, []string{"2026-01-14:15", "2026-03-07:0"}},
}

// SeedOutcomes seeds the outcomes practice: an admin, a supervisor of counsellors A and B,
// and counsellor C; the clients above with their scores, attended appointments (and one
// cancelled each, which must not count), and free text that must never show.
func (a *App) SeedOutcomes() OutcomeSeed {
	a.T.Helper()
	s := OutcomeSeed{Practice: a.Practice("Outcomes"), Clients: map[string]int64{}}
	s.Admin, s.AdminPass = a.User(s.Practice.ID, store.RoleAdmin)
	s.Supervisor, s.SupervisorPW = a.User(s.Practice.ID, store.RoleSupervisor)
	s.A, _ = a.User(s.Practice.ID, store.RoleCounsellor)
	s.B, _ = a.User(s.Practice.ID, store.RoleCounsellor)
	s.C, _ = a.User(s.Practice.ID, store.RoleCounsellor)
	db := a.DB.App
	must := func(q string, args ...any) {
		a.T.Helper()
		if _, err := db.Exec(q, args...); err != nil {
			a.T.Fatal(err)
		}
	}
	for _, u := range []store.User{s.A, s.B} {
		must(`INSERT INTO supervision (practice_id, supervisor_id, counsellor_id) VALUES ($1, $2, $3)`, s.Practice.ID, s.Supervisor.ID, u.ID)
	}
	who := map[string]int64{"A": s.A.ID, "B": s.B.ID, "C": s.C.ID}
	for _, c := range outcomeClients {
		status, discharged := "active", any(nil)
		if c.discharged != "" {
			status, discharged = "discharged", c.discharged+" 12:00:00+00"
		}
		var id int64
		if err := db.Get(&id, `INSERT INTO clients (practice_id, code, counsellor_id, first_name, last_name, format, status, discharged_at, safe_contact_note)
			VALUES ($1, $2, $3, $4, $5, 'individual', $6, $7, $8) RETURNING id`,
			s.Practice.ID, c.code, who[c.who], c.first, c.last, status, discharged, OutcomeNote); err != nil {
			a.T.Fatal(err)
		}
		s.Clients[c.code], s.Names = id, append(s.Names, c.first, c.last)
		for i := range c.attended {
			must(`INSERT INTO appointments (practice_id, client_id, starts_at, duration_minutes, status, format, note, created_by)
				VALUES ($1, $2, timestamptz '2026-01-01 10:00:00+00' + $3 * interval '7 days', 50, 'attended', 'individual', $4, $5)`,
				s.Practice.ID, id, i, OutcomeNote, who[c.who])
		}
		must(`INSERT INTO appointments (practice_id, client_id, starts_at, duration_minutes, status, format, created_by)
			VALUES ($1, $2, '2026-02-27 10:00:00+00', 50, 'cancelled', 'individual', $3)`, s.Practice.ID, id, who[c.who])
		must(`INSERT INTO event_notes (practice_id, client_id, noted_on, text, created_by) VALUES ($1, $2, '2026-02-01', $3, $4)`,
			s.Practice.ID, id, OutcomeNote, who[c.who])
		for key, scores := range map[string][]string{"phq9": c.phq9, "gad7": c.gad7} {
			for _, sc := range scores {
				day, total, _ := strings.Cut(sc, ":")
				var n int
				if _, err := fmt.Sscan(total, &n); err != nil {
					a.T.Fatal(err)
				}
				must(`INSERT INTO measure_results (practice_id, client_id, measure_key, taken_on, total, source, recorded_by)
					VALUES ($1, $2, $3, $4, $5, 'counsellor', $6)`, s.Practice.ID, id, key, day, n, who[c.who])
			}
		}
	}
	return s
}
