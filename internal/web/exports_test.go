package web_test

import (
	"context"
	"encoding/csv"
	"net/url"
	"strings"
	"testing"

	"github.com/securebase/securebase/internal/demo"
	"github.com/securebase/securebase/internal/supervision"
	"github.com/securebase/securebase/internal/testutil"
)

// readCSV parses a whole export, failing the test on any malformed byte.
func readCSV(t *testing.T, body string) [][]string {
	t.Helper()
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(body, "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatalf("export does not parse as CSV: %v", err)
	}
	if len(rows) == 0 {
		t.Fatal("empty export: not even a header")
	}
	return rows
}

// seededIdentifiers lists every identifying or free-text value the demo practice holds.
func seededIdentifiers(t *testing.T, app *testutil.App) []string {
	t.Helper()
	db := app.DB.App
	var ids []string
	for _, q := range []string{
		`SELECT first_name FROM clients`, `SELECT last_name FROM clients`, `SELECT preferred_name FROM clients WHERE preferred_name <> ''`,
		`SELECT email FROM clients WHERE email <> ''`, `SELECT phone FROM clients WHERE phone <> ''`,
		`SELECT to_char(date_of_birth, 'YYYY-MM-DD') FROM clients WHERE date_of_birth IS NOT NULL`,
		`SELECT safe_contact_note FROM clients WHERE safe_contact_note <> ''`,
		`SELECT display_name FROM users`, `SELECT email FROM users`,
		`SELECT text FROM event_notes`, `SELECT statement FROM goals`, `SELECT instructions FROM assignments WHERE instructions <> ''`,
		`SELECT value #>> '{}' FROM homework_entries, jsonb_each(answers) WHERE jsonb_typeof(value) = 'string' AND length(value #>> '{}') > 3`,
		`SELECT data->>'concerns_own_words' FROM intake_versions WHERE data->>'concerns_own_words' <> ''`,
		`SELECT summary FROM risk_flags`, `SELECT host(ip) FROM audit_log WHERE ip IS NOT NULL`,
	} {
		var vs []string
		if err := db.Select(&vs, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		ids = append(ids, vs...)
	}
	if len(ids) < 30 {
		t.Fatalf("only %d seeded identifiers: the seed changed", len(ids))
	}
	return ids
}

func TestDeIdentifiedExportsOfASeededPracticeNameNoClient(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t)
	seeded, err := demo.Seed(context.Background(), app.Store, app.Passwords)
	if err != nil {
		t.Fatal(err)
	}
	accounts := seeded.Accounts
	admin := app.Browser()
	admin.Login(accounts[0].Email, accounts[0].Password)
	identifiers := seededIdentifiers(t, app)
	for _, kind := range []string{"caseload", "goals", "homework", "scores"} {
		res := admin.Get("/exports/" + kind)
		if res.Status != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/csv") {
			t.Fatalf("%s: status %d, type %q", kind, res.Status, res.Header.Get("Content-Type"))
		}
		cd := res.Header.Get("Content-Disposition")
		if !strings.HasPrefix(cd, `attachment; filename="securebase_`+kind+`_practice_`) || res.Header.Get("Cache-Control") != "no-store" {
			t.Errorf("%s: Content-Disposition %q, Cache-Control %q", kind, cd, res.Header.Get("Cache-Control"))
		}
		for _, id := range identifiers {
			if strings.Contains(res.Body, id) {
				t.Errorf("%s export contains the seeded identifier %q", kind, id)
			}
		}
		rows := readCSV(t, res.Body)
		if len(rows) < 2 {
			t.Errorf("%s: no data rows", kind)
		}
		for _, col := range rows[0] {
			if strings.Contains(col, "name") || strings.Contains(col, "email") || strings.HasSuffix(col, "_date") {
				t.Errorf("%s: de-identified header has %q", kind, col)
			}
		}
	}
	caseload := readCSV(t, admin.Get("/exports/caseload").Body)
	header := strings.Join(caseload[0], ",")
	for _, want := range []string{"client", "counsellor", "first_appointment_week", "phq9_change", "flag_open"} {
		if indexOf(caseload[0], want) < 0 {
			t.Errorf("caseload header lacks %s", want)
		}
	}
	if strings.Contains(header, "_year") || strings.Contains(header, "_code") {
		t.Errorf("caseload header has a year or working code column: %s", header)
	}
	var samID int64
	if err := app.DB.App.Get(&samID, `SELECT id FROM clients WHERE code = 'SB-0002'`); err != nil {
		t.Fatal(err)
	}
	var sam []string
	for _, r := range caseload[1:] {
		if r[0] == clientPseudonym(t, app, samID) {
			sam = r
		}
	}
	if sam == nil || sam[indexOf(caseload[0], "phq9_first")] != "9" || sam[indexOf(caseload[0], "phq9_latest")] != "16" ||
		sam[indexOf(caseload[0], "phq9_change")] != "reliably_deteriorated" || sam[indexOf(caseload[0], "appointments_attended")] != "5" {
		t.Fatalf("SB-0002 in the caseload export: %v", sam)
	}
	// Full dates identify a client, so they come only with an identified export: by POST, confirmed.
	if res := admin.Get("/exports/caseload?full_dates=1"); res.Status != 422 {
		t.Fatalf("full dates by GET: %d, want 422", res.Status)
	}
	if res := admin.Get("/exports/caseload?identified=1&confirm=1"); res.Status != 422 {
		t.Fatalf("identified export by GET: %d, want 422", res.Status)
	}
	admin.Get("/exports")
	if res := admin.Post("/exports/caseload", url.Values{"identified": {"1"}}); res.Status != 422 || fieldError(res.Body, "confirm") == "" {
		t.Fatalf("identified export without confirmation: %d", res.Status)
	}
	identified := admin.Post("/exports/caseload", url.Values{"identified": {"1"}, "confirm": {"1"}})
	if identified.Status != 200 || !strings.Contains(identified.Body, "Avery") || !strings.Contains(identified.Header.Get("Content-Disposition"), "caseload-identified") {
		t.Fatalf("identified export: %d", identified.Status)
	}
	admin.Get("/exports")
	full := admin.Post("/exports/caseload", url.Values{"identified": {"1"}, "confirm": {"1"}, "full_dates": {"1"}})
	if rows := readCSV(t, full.Body); full.Status != 200 || indexOf(rows[0], "first_appointment_date") < 0 {
		t.Fatalf("full dates were asked for but not given: %d", full.Status)
	}
	var audits []string
	if err := app.DB.App.Select(&audits, `SELECT action || ' ' || entity_id || ' ' || detail FROM audit_log WHERE action LIKE 'export.%' ORDER BY id`); err != nil {
		t.Fatal(err)
	}
	joined := strings.Join(audits, "\n")
	for _, want := range []string{"export.start caseload identified=false", "export.done homework identified=false", "export.done caseload identified=true full_dates=true"} {
		if !strings.Contains(joined, want) {
			t.Errorf("audit lacks %q:\n%s", want, joined)
		}
	}
	if !strings.Contains(joined, "rows=5") {
		t.Errorf("the caseload export's row count is not audited:\n%s", joined)
	}
}

func indexOf(row []string, col string) int {
	for i, c := range row {
		if c == col {
			return i
		}
	}
	return -1
}

func TestExportCellsCannotRunAsFormulasAndNumbersStayNumbers(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	form := completeGoalForm()
	form.Set("metric", "=HYPERLINK(\"http://evil.example\",\"x\")")
	form.Set("unit", "@unit")
	form.Set("direction", "increase")
	form.Set("unit_code", "other") // a unit that may go below zero
	form.Set("baseline_value", "-3")
	form.Set("target_value", "2.5")
	if res := f.counsellor.Post(f.path("/goals"), form); res.Status != 303 {
		t.Fatalf("goal: %d %v", res.Status, fieldErrors(res.Body))
	}
	f.counsellor.Get("/exports")
	rows := readCSV(t, f.counsellor.Post("/exports/goals", url.Values{"identified": {"1"}, "confirm": {"1"}}).Body)
	r := rows[1]
	if r[indexOf(rows[0], "metric")] != "'=HYPERLINK(\"http://evil.example\",\"x\")" || r[indexOf(rows[0], "unit")] != "'@unit" {
		t.Fatalf("formula cells not neutralised: %v", r)
	}
	if r[indexOf(rows[0], "baseline")] != "-3" || r[indexOf(rows[0], "target")] != "2.5" {
		t.Fatalf("numbers changed: %v", r)
	}
	bom := f.counsellor.Get("/exports/goals?bom=1").Body
	if !strings.HasPrefix(bom, "\uFEFF") {
		t.Fatal("no byte-order mark when asked")
	}
}

func TestExportsAreScopedToWhatEachRoleMaySee(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	other := f.addClient(t, f.otherUser.ID, "Casey", "Other", "")
	codes := func(body string) string {
		var out []string
		for _, r := range readCSV(t, body)[1:] {
			out = append(out, r[0])
		}
		return strings.Join(out, ",")
	}
	mine, theirs := clientPseudonym(t, f.app, f.client.ID), clientPseudonym(t, f.app, other.ID)
	if got := codes(f.counsellor.Get("/exports/caseload").Body); got != mine {
		t.Fatalf("counsellor's export: %q, want only %s", got, mine)
	}
	if got := codes(f.supervisor.Get("/exports/caseload").Body); got != "" {
		t.Fatalf("an unlinked supervisor's export: %q, want none", got)
	}
	var supID string
	_ = f.app.DB.App.Get(&supID, `SELECT id::text FROM users WHERE role = 'supervisor' AND practice_id = $1`, f.practice.ID)
	f.admin.Post("/admin/supervision", url.Values{"supervisor_id": {supID}, "counsellor_id": {itoa(f.otherUser.ID)}})
	if got := codes(f.supervisor.Get("/exports/caseload").Body); got != theirs {
		t.Fatalf("supervisor's export: %q, want only %s", got, theirs)
	}
	// Asking for a counsellor outside the supervision gives nothing of theirs.
	if got := codes(f.supervisor.Get("/exports/caseload?counsellor=" + itoa(f.me.ID)).Body); got != "" {
		t.Fatalf("supervisor asking for an unsupervised counsellor: %q", got)
	}
	f.supervisor.Get("/exports")
	if res := f.supervisor.Post("/exports/caseload", url.Values{"identified": {"1"}, "confirm": {"1"}}); res.Status != 422 {
		t.Fatalf("supervisor identified export: %d, want 422", res.Status)
	}
	if res := f.supervisor.Post("/exports/caseload", url.Values{"full_dates": {"1"}, "identified": {"1"}, "confirm": {"1"}}); res.Status != 422 || strings.Contains(res.Body, "first_appointment_date") {
		t.Fatalf("supervisor full-dates export: %d, want 422", res.Status)
	}
	sorted := []string{mine, theirs}
	if sorted[1] < sorted[0] {
		sorted[0], sorted[1] = sorted[1], sorted[0]
	}
	if got := codes(f.admin.Get("/exports/caseload").Body); got != strings.Join(sorted, ",") {
		t.Fatalf("admin's export: %q, want rows sorted by pseudonym %v", got, sorted)
	}
	if got := codes(f.admin.Get("/exports/caseload?clients=" + theirs).Body); got != theirs {
		t.Fatalf("admin's export of one chosen client: %q, want %s", got, theirs)
	}
	if res := f.admin.Get("/exports/caseload?from=2026-01-01"); res.Status != 422 {
		t.Fatalf("a calendar range on a de-identified export: %d, want 422", res.Status)
	}
	outsider, _ := f.app.SignedIn(f.app.Practice("Elsewhere").ID, "admin")
	if got := codes(outsider.Get("/exports/caseload").Body); got != "" {
		t.Fatalf("another practice's export: %q", got)
	}
	preview := f.counsellor.Get("/exports?kind=caseload")
	mustContain(t, "preview", preview.Body, `data-testid="preview"`, "<code>client</code>", "<code>phq9_change</code>", "The reliable-change verdict", "First rows: ")
	if strings.Contains(preview.Body, "<table") {
		t.Fatal("the exports page previews the file as a wide table; want its columns as a list")
	}
	if strings.Contains(preview.Body, mine) || strings.Contains(preview.Body, theirs) {
		t.Fatal("a pseudonym is shown on a staff screen")
	}
}

// clientPseudonym is the client's pseudonym under its practice's current key.
func clientPseudonym(t *testing.T, app *testutil.App, clientID int64) string {
	t.Helper()
	var pid int64
	if err := app.DB.App.Get(&pid, `SELECT practice_id FROM clients WHERE id = $1`, clientID); err != nil {
		t.Fatal(err)
	}
	fresh, _ := supervision.NewKey()
	key, err := app.Store.PseudonymKey(context.Background(), pid, fresh) // as the first export would
	if err != nil {
		t.Fatal(err)
	}
	p, err := supervision.NewPseudonymiser(key)
	if err != nil {
		t.Fatal(err)
	}
	return p.Client(clientID)
}
