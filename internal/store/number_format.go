package store

import "context"

// DecimalComma reports whether the practice writes decimals with a comma ("2,5") rather than a point.
func (s *Store) DecimalComma(ctx context.Context, practiceID int64) (bool, error) {
	var on bool
	err := s.q.DecimalComma.GetContext(ctx, &on, practiceID)
	return on, mapErr("decimal comma", err)
}

// SetDecimalComma saves how the practice writes decimals.
func (s *Store) SetDecimalComma(ctx context.Context, practiceID int64, on bool) error {
	_, err := s.q.SetDecimalComma.ExecContext(ctx, practiceID, on)
	return mapErr("set decimal comma", err)
}
