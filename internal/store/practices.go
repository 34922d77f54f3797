package store

import (
	"context"
	"time"
)

// Practice is one counselling practice: the unit of tenancy.
type Practice struct {
	ID        int64     `db:"id"`
	Name      string    `db:"name"`
	TimeZone  string    `db:"time_zone"`
	CreatedAt time.Time `db:"created_at"`
}

const practiceColumns = `id, name, time_zone, created_at`

// CreatePractice adds a practice; ErrConflict when the name is taken.
func (s *Store) CreatePractice(ctx context.Context, name string) (Practice, error) {
	var p Practice
	err := s.db.GetContext(ctx, &p, `INSERT INTO practices (name) VALUES ($1) RETURNING `+practiceColumns, name)
	return p, mapErr("create practice", err)
}

// Practice returns the practice with id practiceID.
func (s *Store) Practice(ctx context.Context, practiceID int64) (Practice, error) {
	var p Practice
	err := s.db.GetContext(ctx, &p, `SELECT `+practiceColumns+` FROM practices WHERE id = $1`, practiceID)
	return p, mapErr("practice", err)
}

// PracticeByName finds a practice by its name, ignoring case. Used by the command line only.
func (s *Store) PracticeByName(ctx context.Context, name string) (Practice, error) {
	var p Practice
	err := s.db.GetContext(ctx, &p, `SELECT `+practiceColumns+` FROM practices WHERE lower(name) = lower($1)`, name)
	return p, mapErr("practice by name", err)
}

// CountPractices counts all practices; the demo seeds only an empty database.
func (s *Store) CountPractices(ctx context.Context) (int, error) {
	var n int
	err := s.db.GetContext(ctx, &n, `SELECT count(*) FROM practices`)
	return n, mapErr("count practices", err)
}

// PracticeSettings are what an admin may change about the practice.
type PracticeSettings struct {
	TimeZone          string `db:"time_zone"`
	NameOnClientPages bool   `db:"name_on_client_pages"`
}

// Settings returns the practice's settings.
func (s *Store) Settings(ctx context.Context, practiceID int64) (PracticeSettings, error) {
	var ps PracticeSettings
	err := s.db.GetContext(ctx, &ps, `SELECT time_zone, name_on_client_pages FROM practices WHERE id = $1`, practiceID)
	return ps, mapErr("practice settings", err)
}

// UpdateSettings saves the practice's settings.
func (s *Store) UpdateSettings(ctx context.Context, practiceID int64, ps PracticeSettings) error {
	res, err := s.db.ExecContext(ctx, `UPDATE practices SET time_zone = $2, name_on_client_pages = $3 WHERE id = $1`,
		practiceID, ps.TimeZone, ps.NameOnClientPages)
	return affected("update practice settings", res, err)
}
