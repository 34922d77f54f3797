package web_test

import (
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/testutil"
)

// rowText is the text of the element carrying data-testid id (tags dropped, spaces squeezed).
func rowText(t *testing.T, body, id string) string {
	t.Helper()
	var m []string
	for _, tag := range []string{"tr", "td", "p"} {
		if m = regexp.MustCompile(`(?s)<` + tag + `\b[^>]*data-testid="` + regexp.QuoteMeta(id) + `"[^>]*>(.*?)</` + tag + `>`).FindStringSubmatch(body); m != nil {
			break
		}
	}
	if m == nil {
		t.Fatalf("no element %q on the page", id)
	}
	text := regexp.MustCompile(`<[^>]+>`).ReplaceAllString(m[1], " ")
	return strings.Join(strings.Fields(html.UnescapeString(text)), " ")
}

// outcomeTable is a hand-computed outcomes page: each rates row, the denominators, the median.
type outcomeTable struct {
	query                       string
	phq9, gad7, overall         string
	episodes, ended, ongoing    string
	paired, pairedPHQ, pairedGD string
	median                      string
	small                       bool
}

// TestOutcomeRatesEqualAHandComputedTable seeds a practice with hand-chosen scores
// (testutil.SeedOutcomes) and checks every rate, denominator and median against a table worked
// out by hand from the NHS Talking Therapies rules (PHQ-9: reliable change 6, cut-off 10; GAD-7:
// reliable change 4, cut-off 8). Counsellor A's episodes (in March 2026):
//
//	SB-1001 ended  PHQ 18->6  recovery       GAD 14->5 recovery        together: recovery        8 attended
//	SB-1002 ended  PHQ 15->11 no change      GAD 12->7 recovery        together: improved        6
//	SB-1003 ended  PHQ 8->16  deteriorated   GAD 6->9  no change       together: deteriorated (no caseness) 3
//	SB-1004 ended  PHQ 20->12 improved       GAD one score             together: improved (PHQ-9 alone) 10
//	SB-1005 ended  PHQ one score             no GAD                    no verdict                2
//	SB-1006 in care PHQ 12->11 no change     GAD 9->9  no change       together: no change       4
//	(SB-1007 discharged in May, SB-1008 one score, SB-1009 last score in February: not counted)
//
// Counsellor B: SB-2001 PHQ 16->4, GAD 10->3 (recovery, 5 attended); SB-2002 PHQ 11->18
// (deteriorated, 7). Counsellor C, not supervised: SB-3001 PHQ 20->0, GAD 15->0 (12).
func TestOutcomeRatesEqualAHandComputedTable(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t)
	s := app.SeedOutcomes()
	sup, adm := app.Browser(), app.Browser()
	sup.Login(s.Supervisor.Email, s.SupervisorPW)
	adm.Login(s.Admin.Email, s.AdminPass)
	period := "period=range&from=" + testutil.OutcomeFrom + "&to=" + testutil.OutcomeTo
	a, b, c := itoa(s.A.ID), itoa(s.B.ID), itoa(s.C.ID)
	cases := map[string]outcomeTable{
		"counsellor A": {query: "counsellor=" + a + "&" + period,
			phq9:     "PHQ-9 5 40% (2 of 5) 1 of 4 counts only: fewer than 5 20% (1 of 5)",
			gad7:     "GAD-7 4 2 of 4 counts only: fewer than 5 2 of 3 counts only: fewer than 5 0 of 4 counts only: fewer than 5",
			overall:  "PHQ-9 and GAD-7 together 5 60% (3 of 5) 1 of 4 counts only: fewer than 5 20% (1 of 5)",
			episodes: "6", ended: "5", ongoing: "1", paired: "5 of 6", pairedPHQ: "5; 4", pairedGD: "4; 3", median: "5"},
		"counsellor B, under the small-number rule": {query: "counsellor=" + b + "&" + period,
			phq9:     "PHQ-9 2 1 of 2 1 of 2 1 of 2",
			gad7:     "GAD-7 1 1 of 1 1 of 1 0 of 1",
			overall:  "PHQ-9 and GAD-7 together 2 1 of 2 1 of 2 1 of 2",
			episodes: "2", ended: "2", ongoing: "0", paired: "2 of 2", pairedPHQ: "2; 2", pairedGD: "1; 1", median: "6", small: true},
		"everyone supervised (A and B)": {query: period,
			phq9:     "PHQ-9 7 43% (3 of 7) 33% (2 of 6) 29% (2 of 7)",
			gad7:     "GAD-7 5 60% (3 of 5) 3 of 4 counts only: fewer than 5 0% (0 of 5)",
			overall:  "PHQ-9 and GAD-7 together 7 57% (4 of 7) 33% (2 of 6) 29% (2 of 7)",
			episodes: "8", ended: "7", ongoing: "1", paired: "7 of 8", pairedPHQ: "7; 6", pairedGD: "5; 4", median: "5.5"},
	}
	for name, want := range cases {
		res := sup.Get("/outcomes?" + want.query)
		if res.Status != 200 {
			t.Fatalf("%s: status %d", name, res.Status)
		}
		checkOutcomeTable(t, name, res.Body, want)
	}
	// The admin sees the whole practice: C's episode too (9 episodes, 8 paired).
	res := adm.Get("/outcomes?" + period)
	checkOutcomeTable(t, "the whole practice", res.Body, outcomeTable{
		phq9:     "PHQ-9 8 50% (4 of 8) 43% (3 of 7) 25% (2 of 8)",
		gad7:     "GAD-7 6 67% (4 of 6) 80% (4 of 5) 0% (0 of 6)",
		overall:  "PHQ-9 and GAD-7 together 8 63% (5 of 8) 43% (3 of 7) 25% (2 of 8)",
		episodes: "9", ended: "8", ongoing: "1", paired: "8 of 9", pairedPHQ: "8; 7", pairedGD: "6; 5", median: "6"})
	mustContain(t, "admin's page", res.Body, `href="/outcomes?counsellor=`+c+`&amp;from=`)
	// A counsellor the supervisor does not supervise is refused beside the field; a counsellor
	// may not open the page at all.
	res = sup.Get("/outcomes?counsellor=" + c + "&" + period)
	if res.Status != 422 || fieldError(res.Body, "counsellor") == "" || strings.Contains(res.Body, "SB-3001") {
		t.Fatalf("a counsellor outside the supervisor's scope: status %d", res.Status)
	}
	if strings.Contains(sup.Get("/outcomes?"+period).Body, "SB-3001") {
		t.Fatal("the supervisor saw a client of a counsellor they do not supervise")
	}
	if counsellor, _ := app.SignedIn(s.Practice.ID, store.RoleCounsellor); counsellor.Get("/outcomes").Status != 403 {
		t.Fatal("a counsellor opened the outcomes page")
	}
	if res := adm.Get("/outcomes?period=range&from=2026-03-31&to=2026-03-01"); res.Status != 422 || fieldError(res.Body, "to") == "" ||
		!strings.Contains(res.Body, `value="2026-03-31"`) {
		t.Fatalf("a period that ends before it starts: status %d, no message beside the field or the date not kept", res.Status)
	}
}

// checkOutcomeTable compares the page with the hand-computed table.
func checkOutcomeTable(t *testing.T, name, body string, want outcomeTable) {
	t.Helper()
	for id, w := range map[string]string{"rates-phq9": want.phq9, "rates-gad7": want.gad7, "rates-overall": want.overall,
		"n-episodes": want.episodes, "n-ended": want.ended, "n-ongoing": want.ongoing, "n-paired": want.paired,
		"n-paired-phq9": want.pairedPHQ, "n-paired-gad7": want.pairedGD, "median-attended": want.median} {
		if got := rowText(t, body, id); got != w {
			t.Errorf("%s, %s:\n got %q\nwant %q", name, id, got, w)
		}
	}
	if small := strings.Contains(body, `data-testid="small-numbers"`); small != want.small {
		t.Errorf("%s: small-number notice shown %t, want %t", name, small, want.small)
	}
	if want.small && !strings.Contains(body, "Fewer than 5 episodes: counts only, no rates.") || want.small && strings.Contains(rowText(t, body, "rates-phq9"), "%") {
		t.Errorf("%s: under the small-number rule but rates shown or not said", name)
	}
}

// TestOutcomesShowNoNameNorFreeTextAndAreAudited: the supervisor's and the admin's outcomes
// pages carry client codes but no client's name and no free text (notes), and each view
// writes one audit row naming the clients shown by id only.
func TestOutcomesShowNoNameNorFreeTextAndAreAudited(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t)
	s := app.SeedOutcomes()
	sup, adm := app.Browser(), app.Browser()
	sup.Login(s.Supervisor.Email, s.SupervisorPW)
	adm.Login(s.Admin.Email, s.AdminPass)
	period := "/outcomes?period=range&from=" + testutil.OutcomeFrom + "&to=" + testutil.OutcomeTo
	for who, br := range map[string]*testutil.Browser{"supervisor": sup, "admin": adm} {
		body := br.Get(period).Body
		mustContain(t, who, body, "SB-1001", "SB-2002", `class="chart chart-scatter"`, "<circle")
		for _, name := range append(s.Names, testutil.OutcomeNote) {
			if strings.Contains(body, name) {
				t.Errorf("%s's outcomes page shows %q", who, name)
			}
		}
	}
	var rows []struct{ Detail string }
	if err := app.DB.App.Select(&rows, `SELECT detail FROM audit_log
		WHERE practice_id = $1 AND action = 'outcomes.view' ORDER BY id`, s.Practice.ID); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 {
		t.Fatalf("audit rows of two outcomes views: %d", len(rows))
	}
	for _, r := range rows {
		if !strings.Contains(r.Detail, "clients=") || !strings.Contains(r.Detail, itoa(s.Clients["SB-1001"])) {
			t.Errorf("audit detail %q does not name the clients shown by id", r.Detail)
		}
		for _, name := range append(s.Names, testutil.OutcomeNote, "SB-1001") {
			if strings.Contains(r.Detail, name) {
				t.Errorf("audit detail %q holds %q", r.Detail, name)
			}
		}
	}
	if !strings.Contains(rows[0].Detail+rows[1].Detail, "scope=[") {
		t.Error("the supervisor's view did not record the scope it covered")
	}
}
