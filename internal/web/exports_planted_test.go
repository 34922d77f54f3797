package web_test

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/securebase/securebase/internal/demo"
	"github.com/securebase/securebase/internal/testutil"
)

// planted is the mark every planted identifier carries; no de-identified byte may hold it.
const planted = "zq7plant"

// typedColumns are the text columns a person types into, planted with identifiers.
var typedColumns = []string{
	"appointments.note", "assignments.instructions", "assignments.title",
	"attention_items.label", // a copy of an assignment's title or a marker's label, kept with the item
	"clients.email", "clients.first_name", "clients.last_name",
	"clients.phone", "clients.preferred_name", "clients.pronouns", "clients.safe_contact_note", "event_notes.text", "goal_readings.note",
	"goal_status_changes.reason", "goals.measure_how", "goals.measure_often", "goals.metric", "goals.statement", "goals.steps",
	"goals.supports", "goals.unit", "goals.what", "goals.where_", "goals.with_whom", "homework_entries.reply", "homework_templates.title",
	"markers.client_label", "markers.label", "practices.name", "risk_flags.review_note", "risk_flags.summary", "users.display_name", "users.email",
}

// codedColumns are text columns nobody types freely: fixed choices, codes, hashes and the audit
// log (never exported). A new text column must join one list or the other.
var codedColumns = []string{
	"appointments.format", "appointments.status", "assignments.cadence", "assignments.goal_field", "assignments.request_key",
	"assignments.template_ref", "attention_items.kind", "builtin_wordings.template_key", "hidden_builtins.template_key",
	"builtin_wordings.texts", // a practice's wording of a built-in template: no client data, never exported
	"checkins.request_key", "client_links.pin_hash", "clients.code", "clients.contact_method", "clients.format",
	"clients.status", "goal_readings.source", "goal_status_changes.from_status", "goal_status_changes.to_status", "goals.direction",
	"goals.metric_code", "goals.unit_code", "goals.status", "homework_entries.idempotency_key", "homework_entries.status",
	"homework_templates.based_on", "intake_versions.section", "marker_ratings.source", "measure_results.measure_key", "measure_results.source",
	"practices.time_zone", "risk_flags.source", "two_factor.totp_secret", "users.password_hash", "users.role",
	"audit_log.action", "audit_log.detail", "audit_log.entity_id", "audit_log.entity_type", "audit_log.outcome", "audit_log.request_id",
	"audit_log_unscoped.action", "audit_log_unscoped.detail", "audit_log_unscoped.entity_id", "audit_log_unscoped.entity_type",
	"audit_log_unscoped.outcome", "audit_log_unscoped.request_id",
	"login_attempts.email", "login_throttles.email", "sittings.request_key",
	// JSON planted below (answers, intake) or structured by the app (template definitions, conventions, measure answers).
	"homework_entries.answers", "intake_versions.data", "assignments.template", "homework_templates.definition",
	"practices.measure_conventions", "measure_results.answers",
	// Measurement plans: parts and frequencies from fixed lists, pause dates (structured by the app).
	"practices.default_plan", "measurement_plans.schedule", "measurement_plans.pauses",
}

// exactDate matches a calendar date written any common way.
var exactDate = regexp.MustCompile(`(?i)\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|\b(19|20)\d{2}\b`)

// workingCode matches a client's working code.
var workingCode = regexp.MustCompile(`SB-\d+`)

// seedLacks are typed columns the demo seed leaves without rows; the planted keys and answers
// of homework entries stand in for a practice template's own words.
var seedLacks = map[string]bool{"goal_status_changes.reason": true, "risk_flags.review_note": true, "homework_templates.title": true}

// plantIdentifiers writes a distinctive identifier into every typed column of every row, and
// typed keys and answers into homework entries and intakes.
func plantIdentifiers(t *testing.T, app *testutil.App) {
	t.Helper()
	db := app.DB.OpenAsAdmin(t) // some tables are append-only for the app
	for _, tc := range typedColumns {
		table, col, _ := strings.Cut(tc, ".")
		value := `'Zq7Plant ` + tc + ` ' || id`
		if col == "email" {
			value = `'zq7plant.` + table + `.' || id || '@example.org'`
		}
		res, err := db.Exec(`UPDATE ` + table + ` SET ` + col + ` = ` + value)
		if err != nil {
			t.Fatalf("plant %s: %v", tc, err)
		}
		if n, _ := res.RowsAffected(); n == 0 && !seedLacks[tc] {
			t.Fatalf("plant %s: no rows to plant in; the seed no longer covers it", tc)
		}
	}
	for _, q := range []string{
		// A custom template's own keys, with numbers and words under them, and a long answer.
		`UPDATE homework_entries SET answers = answers || '{"zq7plant_partner_key": 4, "zq7plant_words": "Zq7Plant 12 Harbour Street, 07700 900123"}'`,
		`UPDATE intake_versions SET data = data || '{"concerns_own_words": "Zq7Plant intake words", "zq7plant_address": "Zq7Plant 1 Quay Road"}'`,
	} {
		if res, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		} else if n, _ := res.RowsAffected(); n == 0 {
			t.Fatalf("%s: no rows", q)
		}
	}
}

func TestPlantedIdentifiersNeverReachADeIdentifiedFile(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t)
	seeded, err := demo.Seed(context.Background(), app.Store, app.Passwords)
	if err != nil {
		t.Fatal(err)
	}
	accounts := seeded.Accounts
	var cols []string
	if err := app.DB.App.Select(&cols, `SELECT table_name || '.' || column_name FROM information_schema.columns
		WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'jsonb', 'citext') AND table_name <> 'goose_db_version'`); err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{}
	for _, c := range append(append([]string{}, typedColumns...), codedColumns...) {
		known[c] = true
	}
	for _, c := range cols {
		if !known[c] {
			t.Errorf("text column %s is in neither typedColumns nor codedColumns: plant it if anyone types into it", c)
		}
	}
	users := make([]*testutil.Browser, len(accounts))
	for i, a := range accounts { // signed in before the plant changes their emails
		users[i] = app.Browser()
		users[i].Login(a.Email, a.Password)
	}
	admin := users[0]
	plantIdentifiers(t, app)
	var codes []string
	if err := app.DB.App.Select(&codes, `SELECT code FROM clients`); err != nil || len(codes) == 0 {
		t.Fatalf("codes: %v", err)
	}
	for i, a := range accounts {
		user := users[i]
		for _, kind := range []string{"caseload", "goals", "homework", "scores"} {
			res := user.Get("/exports/" + kind)
			if res.Status != 200 {
				t.Fatalf("%s %s: status %d", a.Role, kind, res.Status)
			}
			rows := readCSV(t, res.Body)
			if a.Role != "counsellor" && len(rows) < 2 {
				t.Errorf("%s %s: no rows, so nothing was scanned", a.Role, kind)
			}
			lower := strings.ToLower(res.Body)
			if i := strings.Index(lower, planted); i >= 0 {
				t.Errorf("%s %s carries a planted identifier: %q", a.Role, kind, res.Body[max(0, i-20):min(len(res.Body), i+60)])
			}
			if m := exactDate.FindString(res.Body); m != "" {
				t.Errorf("%s %s carries a calendar date or year: %q", a.Role, kind, m)
			}
			if m := workingCode.FindString(res.Body); m != "" {
				t.Errorf("%s %s carries the working code %s", a.Role, kind, m)
			}
			for _, c := range codes {
				if strings.Contains(res.Body, c) {
					t.Errorf("%s %s carries the working code %s", a.Role, kind, c)
				}
			}
			if name := res.Header.Get("Content-Disposition"); strings.Contains(strings.ToLower(name), planted) || workingCode.MatchString(name) {
				t.Errorf("%s %s file name %q", a.Role, kind, name)
			}
		}
	}
	// The identified file, asked for deliberately, still carries them: the plant took.
	admin.Get("/exports")
	if res := admin.Post("/exports/goals", map[string][]string{"identified": {"1"}, "confirm": {"1"}}); !strings.Contains(strings.ToLower(res.Body), planted) {
		t.Fatalf("the identified goals file lacks the planted words: %d", res.Status)
	}
}
