package store

import (
	"context"
	"time"

	"github.com/jmoiron/sqlx"
)

// Appointment is one therapy meeting (never called a session in code: that word is for sign-in).
type Appointment struct {
	ID              int64     `db:"id"`
	ClientID        int64     `db:"client_id"`
	StartsAt        time.Time `db:"starts_at"`
	DurationMinutes int       `db:"duration_minutes"`
	Status          string    `db:"status"`
	Format          string    `db:"format"`
	Note            string    `db:"note"`
}

// AppointmentInput is what recording or editing an appointment sets.
type AppointmentInput struct {
	StartsAt        time.Time
	DurationMinutes int
	Status          string
	Format          string
	Note            string
}

// AppointmentSummary is what the client page shows at a glance.
type AppointmentSummary struct {
	Attended int        `db:"attended"`
	Last     *time.Time `db:"last_attended"`
	Next     *time.Time `db:"next_scheduled"`
}

const appointmentColumns = `id, client_id, starts_at, duration_minutes, status, format, note`

// CreateAppointment records an appointment for a client.
func (s *Store) CreateAppointment(ctx context.Context, practiceID, clientID, userID int64, in AppointmentInput, audit AuditEntry) (Appointment, error) {
	var a Appointment
	err := s.audited(ctx, practiceID, &audit, func(tx *sqlx.Tx) error {
		err := tx.GetContext(ctx, &a, `INSERT INTO appointments (practice_id, client_id, starts_at, duration_minutes, status, format, note, created_by)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING `+appointmentColumns,
			practiceID, clientID, in.StartsAt, in.DurationMinutes, in.Status, in.Format, in.Note, userID)
		audit.withID(a.ID)
		return mapErr("create appointment", err)
	})
	return a, err
}

// UpdateAppointment changes one of the client's appointments.
func (s *Store) UpdateAppointment(ctx context.Context, practiceID, clientID, appointmentID int64, in AppointmentInput, audit AuditEntry) error {
	return s.audited(ctx, practiceID, &audit, func(tx *sqlx.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE appointments SET starts_at = $4, duration_minutes = $5, status = $6, format = $7,
				note = $8, updated_at = now()
			WHERE practice_id = $1 AND client_id = $2 AND id = $3`,
			practiceID, clientID, appointmentID, in.StartsAt, in.DurationMinutes, in.Status, in.Format, in.Note)
		return affected("update appointment", res, err)
	})
}

// Appointment returns one of the client's appointments.
func (s *Store) Appointment(ctx context.Context, practiceID, clientID, appointmentID int64) (Appointment, error) {
	var a Appointment
	err := s.db.GetContext(ctx, &a, `SELECT `+appointmentColumns+` FROM appointments
		WHERE practice_id = $1 AND client_id = $2 AND id = $3`, practiceID, clientID, appointmentID)
	return a, mapErr("appointment", err)
}

// Appointments lists the client's appointments, latest first.
func (s *Store) Appointments(ctx context.Context, practiceID, clientID int64) ([]Appointment, error) {
	var as []Appointment
	err := s.db.SelectContext(ctx, &as, `SELECT `+appointmentColumns+` FROM appointments
		WHERE practice_id = $1 AND client_id = $2 ORDER BY starts_at DESC, id DESC`, practiceID, clientID)
	return as, mapErr("appointments", err)
}

// SummariseAppointments counts attended appointments and finds the last and the next.
func (s *Store) SummariseAppointments(ctx context.Context, practiceID, clientID int64, now time.Time) (AppointmentSummary, error) {
	var sum AppointmentSummary
	err := s.db.GetContext(ctx, &sum, `SELECT
			count(*) FILTER (WHERE status = 'attended') AS attended,
			max(starts_at) FILTER (WHERE status = 'attended') AS last_attended,
			min(starts_at) FILTER (WHERE status = 'scheduled' AND starts_at >= $3) AS next_scheduled
		FROM appointments WHERE practice_id = $1 AND client_id = $2`, practiceID, clientID, now)
	return sum, mapErr("appointment summary", err)
}
