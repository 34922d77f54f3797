package web_test

import (
	"net/url"
	"strconv"
	"strings"
	"testing"
)

func TestRotatingThePseudonymKeyUnlinksOldAndNewFiles(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	first := readCSV(t, f.admin.Get("/exports/caseload").Body)
	before := clientPseudonym(t, f.app, f.client.ID)
	if len(first) != 2 || first[1][0] != before || first[1][0] == f.client.Code {
		t.Fatalf("caseload before rotation: %v, want pseudonym %s", first, before)
	}
	if again := readCSV(t, f.admin.Get("/exports/caseload").Body); again[1][0] != before {
		t.Fatalf("the pseudonym changed between two exports: %s then %s", before, again[1][0])
	}
	// Never on a staff screen: the client's page and the client list.
	for _, p := range []string{f.path(""), "/clients"} {
		if body := f.counsellor.Get(p).Body; strings.Contains(body, before) {
			t.Errorf("%s shows the pseudonym %s", p, before)
		}
	}
	f.admin.Get("/admin/practice/exports")
	if res := f.admin.Post("/admin/practice/pseudonym-key", url.Values{}); res.Status != 422 || fieldError(res.Body, "confirm") == "" {
		t.Fatalf("rotation without confirmation: %d", res.Status)
	}
	f.counsellor.Get("/exports")
	if res := f.counsellor.Post("/admin/practice/pseudonym-key", url.Values{"confirm": {"1"}}); res.Status != 403 && res.Status != 404 {
		t.Fatalf("a counsellor rotating the key: %d", res.Status)
	}
	if res := f.admin.Post("/admin/practice/pseudonym-key", url.Values{"confirm": {"1"}}); res.Status != 303 {
		t.Fatalf("rotation: %d", res.Status)
	}
	after := readCSV(t, f.admin.Get("/exports/caseload").Body)[1]
	if after[0] == before || after[0] != clientPseudonym(t, f.app, f.client.ID) {
		t.Fatalf("after rotation the pseudonym is %s (before %s)", after[0], before)
	}
	if before[2:] == after[0][2:] || first[1][1] == after[1] {
		t.Fatalf("old and new files still link: %v / %v", first[1], after)
	}
	var n int
	if err := f.app.DB.App.Get(&n, `SELECT count(*) FROM audit_log WHERE practice_id = $1 AND action = 'practice.pseudonym_key_rotated'`, f.practice.ID); err != nil || n != 1 {
		t.Fatalf("rotation audited %d times (%v), want 1", n, err)
	}
}

func TestTheFirstYearColumnNeedsTheSettingAndElevenClients(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	hasYear := func() bool {
		return indexOf(readCSV(t, f.admin.Get("/exports/caseload").Body)[0], "first_appointment_year") >= 0
	}
	if hasYear() {
		t.Fatal("a year without the setting")
	}
	f.admin.Get("/admin/practice/exports")
	if res := f.admin.Post("/admin/practice/export-first-year", url.Values{"export_first_year": {"true"}}); res.Status != 303 {
		t.Fatalf("setting: %d", res.Status)
	}
	for i := 2; i <= 10; i++ {
		f.addClient(t, f.me.ID, "Extra", "Client"+strconv.Itoa(i), "")
	}
	if hasYear() {
		t.Fatal("a year in a file of 10 clients")
	}
	f.addClient(t, f.me.ID, "Extra", "Client11", "")
	rows := readCSV(t, f.admin.Get("/exports/caseload").Body)
	col := indexOf(rows[0], "first_appointment_year")
	if col < 0 || len(rows) != 12 {
		t.Fatalf("a file of 11 clients: header %v, %d rows", rows[0], len(rows)-1)
	}
	if _, err := strconv.Atoi(rows[1][col]); err != nil || len(rows[1][col]) != 4 {
		t.Fatalf("year cell %q", rows[1][col])
	}
	// The counsellor's own file has one client: no year.
	if one := readCSV(t, f.counsellor.Get("/exports/caseload?clients="+clientPseudonym(t, f.app, f.client.ID)).Body); len(one) != 2 || indexOf(one[0], "first_appointment_year") >= 0 {
		t.Fatalf("a file of one chosen client: %v", one)
	}
}
