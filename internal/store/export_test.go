package store

// PreparedCount is how many queries s keeps prepared, for tests.
func PreparedCount(s *Store) int {
	s.db.mu.RLock()
	defer s.db.mu.RUnlock()
	return len(s.db.stmts)
}

// SetPreparedLimit lowers how many queries s keeps prepared, for tests.
func SetPreparedLimit(s *Store, n int) { s.db.limit = n }
