package store

import (
	"context"
	"encoding/json"
	"fmt"
)

// BuiltinWordings returns the practice's own wording of the built-in templates: template key ->
// path -> [staff, client]. A built-in the practice never reworded is absent.
func (s *Store) BuiltinWordings(ctx context.Context, practiceID int64) (map[string]map[string][2]string, error) {
	var rows []struct {
		Key   string `db:"template_key"`
		Texts []byte `db:"texts"`
	}
	if err := s.q.BuiltinWordings.SelectContext(ctx, &rows, practiceID); err != nil {
		return nil, mapErr("builtin wordings", err)
	}
	out := make(map[string]map[string][2]string, len(rows))
	for _, r := range rows {
		var texts map[string][2]string
		if err := json.Unmarshal(r.Texts, &texts); err != nil {
			return nil, fmt.Errorf("builtin wording %s: %w", r.Key, err)
		}
		out[r.Key] = texts
	}
	return out, nil
}

// SaveBuiltinWording stores the practice's wording of one built-in (path -> [staff, client]),
// replacing any earlier one.
func (s *Store) SaveBuiltinWording(ctx context.Context, practiceID, userID int64, key string, texts map[string][2]string) error {
	raw, err := json.Marshal(texts)
	if err != nil {
		return err
	}
	_, err = s.q.SaveBuiltinWording.ExecContext(ctx, practiceID, key, raw, userID)
	return mapErr("save builtin wording", err)
}

// ResetBuiltinWording drops the practice's wording of one built-in: the shipped wording applies again.
func (s *Store) ResetBuiltinWording(ctx context.Context, practiceID int64, key string) error {
	_, err := s.q.ResetBuiltinWording.ExecContext(ctx, practiceID, key)
	return mapErr("reset builtin wording", err)
}
