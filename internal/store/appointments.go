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

// CreateAppointment records an appointment for a client.
func (s *Store) CreateAppointment(ctx context.Context, practiceID, clientID, userID int64, in AppointmentInput, audit AuditEntry) (Appointment, error) {
	var a Appointment
	err := s.audited(ctx, practiceID, &audit, func(tx *sqlx.Tx) error {
		err := txGet(ctx, tx, s.q.CreateAppointment, &a, practiceID, clientID, in.StartsAt, in.DurationMinutes, in.Status, in.Format, in.Note, userID)
		audit.withID(a.ID)
		return mapErr("create appointment", err)
	})
	return a, err
}

// UpdateAppointment changes one of the client's appointments.
func (s *Store) UpdateAppointment(ctx context.Context, practiceID, clientID, appointmentID int64, in AppointmentInput, audit AuditEntry) error {
	return s.audited(ctx, practiceID, &audit, func(tx *sqlx.Tx) error {
		res, err := txExec(ctx, tx, s.q.UpdateAppointment, practiceID, clientID, appointmentID, in.StartsAt, in.DurationMinutes, in.Status, in.Format, in.Note)
		return affected("update appointment", res, err)
	})
}

// Appointment returns one of the client's appointments.
func (s *Store) Appointment(ctx context.Context, practiceID, clientID, appointmentID int64) (Appointment, error) {
	var a Appointment
	err := s.q.Appointment.GetContext(ctx, &a, practiceID, clientID, appointmentID)
	return a, mapErr("appointment", err)
}

// Appointments lists the client's appointments, latest first.
func (s *Store) Appointments(ctx context.Context, practiceID, clientID int64) ([]Appointment, error) {
	var as []Appointment
	err := s.q.Appointments.SelectContext(ctx, &as, practiceID, clientID)
	return as, mapErr("appointments", err)
}

// SummariseAppointments counts attended appointments and finds the last and the next.
func (s *Store) SummariseAppointments(ctx context.Context, practiceID, clientID int64, now time.Time) (AppointmentSummary, error) {
	var sum AppointmentSummary
	err := s.q.SummariseAppointments.GetContext(ctx, &sum, practiceID, clientID, now)
	return sum, mapErr("appointment summary", err)
}
