package store

import (
	"context"
	"time"
)

// ClientPage is everything the client page shows of one client besides the client row.
type ClientPage struct {
	Practice     Practice
	Flags        []RiskFlag
	Intake       *IntakeVersion // nil before the first version
	Goals        []Goal
	Readings     map[int64][]GoalReading // by goal
	Appointments AppointmentSummary
	Recent       []Appointment // the latest ten, newest first
	Assignments  []Assignment
	Links        LinkState
	// For the at-a-glance panels, as ProgressPageOf reads them.
	Conventions []byte   // as Conventions returns them
	Markers     []Marker // the practice's markers in use
	Ratings     []Rating
	Results     []Result
}

// ClientPageOf reads the client page in one statement (one round trip instead of thirteen):
// each part is what RiskFlags, LatestIntake, Goals, GoalReadings, SummariseAppointments,
// Appointments (the latest ten), Assignments, ClientLinkState, Practice, Conventions,
// Markers (in use) and ClientProgress's ratings and results return.
func (s *Store) ClientPageOf(ctx context.Context, practiceID, clientID int64, now time.Time) (ClientPage, error) {
	var raw struct {
		Practice     []byte `db:"practice"`
		Flags        []byte `db:"flags"`
		Intake       []byte `db:"intake"`
		Goals        []byte `db:"goals"`
		Readings     []byte `db:"readings"`
		Summary      []byte `db:"appointment_summary"`
		Appointments []byte `db:"appointments"`
		Assignments  []byte `db:"assignments"`
		Links        []byte `db:"links"`
		Conventions  []byte `db:"conventions"`
		Markers      []byte `db:"markers"`
		Ratings      []byte `db:"ratings"`
		Results      []byte `db:"results"`
	}
	var p ClientPage
	if err := s.q.ClientPage.GetContext(ctx, &raw, practiceID, clientID, now); err != nil {
		return p, mapErr("client page", err)
	}
	var intake []IntakeVersion
	var readings []GoalReading
	var live []ClientLink
	err := s.decodeParts("client page", []jsonPart{
		{raw.Practice, &p.Practice}, {raw.Flags, &p.Flags}, {raw.Intake, &intake}, {raw.Goals, &p.Goals},
		{raw.Readings, &readings}, {raw.Summary, &p.Appointments}, {raw.Appointments, &p.Recent},
		{raw.Assignments, &p.Assignments}, {raw.Links, &live},
		{raw.Markers, &p.Markers}, {raw.Ratings, &p.Ratings}, {raw.Results, &p.Results},
	})
	p.Conventions = raw.Conventions
	if err == nil && p.Practice.ID == 0 {
		err = ErrNotFound
	}
	if len(intake) > 0 {
		p.Intake = &intake[0]
	}
	p.Readings = readingsByGoal(readings)
	p.Links = linkStateOf(live)
	return p, err
}

// ProgressPage is everything the progress page shows of one client besides the client row.
type ProgressPage struct {
	Practice    Practice
	Conventions []byte   // as Conventions returns them
	Markers     []Marker // the practice's markers in use
	Ratings     []Rating
	Results     []Result
	Notes       []EventNote
	Goals       []Goal
	Readings    map[int64][]GoalReading // by goal
	Checkins    []Checkin
}

// ProgressPageOf reads the progress page in one statement (one round trip instead of nine):
// each part is what Practice, Conventions, Markers (in use), ClientProgress, Goals,
// GoalReadings and Checkins return.
func (s *Store) ProgressPageOf(ctx context.Context, practiceID, clientID int64) (ProgressPage, error) {
	var raw struct {
		Practice    []byte `db:"practice"`
		Conventions []byte `db:"conventions"`
		Markers     []byte `db:"markers"`
		Ratings     []byte `db:"ratings"`
		Results     []byte `db:"results"`
		Notes       []byte `db:"notes"`
		Goals       []byte `db:"goals"`
		Readings    []byte `db:"readings"`
		Checkins    []byte `db:"checkins"`
	}
	var p ProgressPage
	if err := s.q.ProgressPage.GetContext(ctx, &raw, practiceID, clientID); err != nil {
		return p, mapErr("progress page", err)
	}
	var readings []GoalReading
	err := s.decodeParts("progress page", []jsonPart{
		{raw.Practice, &p.Practice}, {raw.Markers, &p.Markers}, {raw.Ratings, &p.Ratings}, {raw.Results, &p.Results},
		{raw.Notes, &p.Notes}, {raw.Goals, &p.Goals}, {raw.Readings, &readings}, {raw.Checkins, &p.Checkins},
	})
	if err == nil && p.Practice.ID == 0 {
		err = ErrNotFound
	}
	p.Conventions = raw.Conventions
	p.Readings = readingsByGoal(readings)
	return p, err
}

// jsonPart is one JSON column of a page's read and where its rows go.
type jsonPart struct {
	raw  []byte
	dest any
}

func (s *Store) decodeParts(what string, parts []jsonPart) error {
	for _, part := range parts {
		if err := s.rows.decode(s.pool.Mapper, part.raw, part.dest); err != nil {
			return mapErr(what, err)
		}
	}
	return nil
}

func readingsByGoal(readings []GoalReading) map[int64][]GoalReading {
	out := map[int64][]GoalReading{}
	for _, r := range readings {
		out[r.GoalID] = append(out[r.GoalID], r)
	}
	return out
}
