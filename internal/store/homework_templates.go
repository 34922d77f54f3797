package store

import (
	"context"
	"time"
)

// HomeworkTemplate is a practice's own homework template; Definition is the template as JSON.
type HomeworkTemplate struct {
	ID         int64      `db:"id"`
	Title      string     `db:"title"`
	Definition []byte     `db:"definition"`
	BasedOn    string     `db:"based_on"`
	Version    int        `db:"version"`
	ArchivedAt *time.Time `db:"archived_at"`
	UpdatedAt  time.Time  `db:"updated_at"`
	CreatedBy  int64      `db:"created_by"` // the owner: only they (or an admin) edit it
}

// HomeworkTemplates lists the practice's templates that are not archived, by title.
func (s *Store) HomeworkTemplates(ctx context.Context, practiceID int64) ([]HomeworkTemplate, error) {
	var ts []HomeworkTemplate
	err := s.q.HomeworkTemplates.SelectContext(ctx, &ts, practiceID)
	return ts, mapErr("homework templates", err)
}

// HomeworkTemplate returns one of the practice's templates.
func (s *Store) HomeworkTemplate(ctx context.Context, practiceID, id int64) (HomeworkTemplate, error) {
	var t HomeworkTemplate
	err := s.q.HomeworkTemplate.GetContext(ctx, &t, practiceID, id)
	return t, mapErr("homework template", err)
}

// CreateHomeworkTemplate adds a template to the practice.
func (s *Store) CreateHomeworkTemplate(ctx context.Context, practiceID, userID int64, title string, definition []byte, basedOn string) (int64, error) {
	var id int64
	err := s.q.CreateHomeworkTemplate.GetContext(ctx, &id, practiceID, title, definition, basedOn, userID)
	return id, mapErr("create homework template", err)
}

// UpdateHomeworkTemplate saves an edit made from version; ErrConflict when it changed since.
// Assignments keep their own copy, so an edit never changes what a client was asked.
func (s *Store) UpdateHomeworkTemplate(ctx context.Context, practiceID, id int64, version int, title string, definition []byte) error {
	res, err := s.q.UpdateHomeworkTemplate.ExecContext(ctx, practiceID, id, version, title, definition)
	if err := affected("update homework template", res, err); err != ErrNotFound {
		return err
	}
	return ErrConflict
}

// ArchiveHomeworkTemplate hides a template from new assignments.
func (s *Store) ArchiveHomeworkTemplate(ctx context.Context, practiceID, id int64) error {
	res, err := s.q.ArchiveHomeworkTemplate.ExecContext(ctx, practiceID, id)
	return affected("archive homework template", res, err)
}
