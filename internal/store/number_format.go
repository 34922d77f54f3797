package store

import "context"

// DecimalComma reports whether the practice writes decimals with a comma ("2,5") rather than a point.
func (s *Store) DecimalComma(ctx context.Context, practiceID int64) (bool, error) {
	var on bool
	err := s.db.GetContext(ctx, &on, `SELECT decimal_comma FROM practices WHERE id = $1`, practiceID)
	return on, mapErr("decimal comma", err)
}

// SetDecimalComma saves how the practice writes decimals.
func (s *Store) SetDecimalComma(ctx context.Context, practiceID int64, on bool) error {
	_, err := s.db.ExecContext(ctx, `UPDATE practices SET decimal_comma = $2 WHERE id = $1`, practiceID, on)
	return mapErr("set decimal comma", err)
}
