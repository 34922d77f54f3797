package sqlfiles

// Placement is where a table lives when the schema runs on Citus (docs/scale-out.md).
type Placement string

// The three placements of a table on Citus.
const (
	// Distributed tables are sharded by practice_id and co-located: one practice's rows of
	// every such table sit on one node.
	Distributed Placement = "distributed"
	// Reference tables are copied whole to every node: few rows, rarely written.
	Reference Placement = "reference"
	// Local tables stay on the coordinator: sign-in machinery and migration bookkeeping,
	// read before any practice is known.
	Local Placement = "local"
)

// Tables names every table of the schema and its placement: the one place this is declared.
// The catalog test (internal/pg) fails on a table missing here, and on a table that breaks
// the rules of its placement. River's job tables (schema river, outside this list) stay local
// on the coordinator: jobs hold ids only, and each job reads its practice's rows by id.
func Tables() map[string]Placement {
	t := map[string]Placement{
		"practices": Reference,
		"users":     Reference, // sign-in finds a user by email before any practice is known

		"goose_db_version":   Local,
		"sessions":           Local,
		"login_attempts":     Local,
		"login_throttles":    Local,
		"known_devices":      Local, // a browser's sign-in history, read with the throttles
		"audit_log_unscoped": Local, // events of no practice: a sign-in with an unknown email
		"client_link_routes": Local, // a link's token hash to its practice
	}
	for _, name := range []string{
		"practice_counters", "clients", "intake_versions", "risk_flags", "appointments",
		"goals", "goal_status_changes", "goal_readings", "homework_templates", "assignments",
		"client_links", "homework_entries", "markers", "checkins", "marker_ratings",
		"measure_results", "event_notes", "supervision", "two_factor", "recovery_codes",
		"sittings", "marker_trends", "builtin_wordings", "attention_items", "hidden_builtins",
		"measurement_plans", "reminder_sends",
		"audit_log",
	} {
		t[name] = Distributed
	}
	return t
}

// ShardTriggers names the row triggers allowed on a distributed or reference table
// ("table.trigger"), each with why it is safe on a shard: it reads and writes no other
// table. Citus runs them only with citus.enable_unsafe_triggers on.
func ShardTriggers() map[string]string {
	return map[string]string{
		"audit_log.audit_log_no_change": "raises an error on UPDATE or DELETE; touches no table",
	}
}

// ContractPending names the row triggers kept only for the previous release during a rolling
// deploy ("table.trigger" → the change that removes it): the next release's contract
// migration drops them, and the tables are distributed only after it (docs/migrations.md).
func ContractPending() map[string]string {
	return map[string]string{
		"audit_log.audit_log_route_unscoped": "the previous release writes events of no practice to audit_log",
	}
}
