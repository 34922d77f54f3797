package web_test

import (
	"strings"
	"testing"

	"github.com/securebase/securebase/internal/testutil"
)

// TestOutcomesAgreeWithEachClientsProgressPage: for every client on the outcomes page, the
// verdict per questionnaire and the course's verdict are the ones the client's own progress
// page shows; after the practice changes its conventions (PHQ-9 reliable change 4 and cut-off
// 12, which turns SB-1002's fall of 4 into a reliable improvement), they still agree.
func TestOutcomesAgreeWithEachClientsProgressPage(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t)
	s := app.SeedOutcomes()
	adm := app.Browser()
	adm.Login(s.Admin.Email, s.AdminPass)
	outcomes := "/outcomes?period=range&from=" + testutil.OutcomeFrom + "&to=" + testutil.OutcomeTo
	agree := func(step string) map[string]string {
		page := adm.Get(outcomes).Body
		verdicts := map[string]string{}
		for _, code := range []string{"SB-1001", "SB-1002", "SB-1003", "SB-1004", "SB-1005", "SB-1006", "SB-2001", "SB-2002", "SB-3001"} {
			row := rowText(t, page, "episode-"+code)
			progress := adm.Get("/clients/" + itoa(s.Clients[code]) + "/progress").Body
			course := strings.TrimPrefix(rowText(t, progress, "course-outcome"), "Course so far: ")
			if course == "no verdict yet" {
				course = "No verdict"
			}
			if !strings.HasSuffix(row, " "+course+" "+lastField(row)) {
				t.Errorf("%s, %s: outcomes row %q, progress page's course %q", step, code, row, course)
			}
			for _, key := range []string{"phq9", "gad7"} {
				if !strings.Contains(progress, `data-testid="change-`+key+`"`) {
					continue
				}
				change := rowText(t, progress, "change-"+key)
				if change == "One score so far: no verdict" {
					continue
				}
				if !strings.Contains(row, ": "+change) {
					t.Errorf("%s, %s %s: outcomes row %q, progress page %q", step, code, key, row, change)
				}
			}
			verdicts[code] = row
		}
		return verdicts
	}
	before := agree("default conventions")
	if _, err := app.DB.App.Exec(`UPDATE practices SET measure_conventions = '{"phq9": {"RCI": 4, "CutOff": 12}}' WHERE id = $1`, s.Practice.ID); err != nil {
		t.Fatal(err)
	}
	after := agree("practice conventions")
	if before["SB-1002"] == after["SB-1002"] || !strings.Contains(after["SB-1002"], "15 to 11: Reliable recovery") {
		t.Errorf("SB-1002 under the practice's conventions: %q (before %q)", after["SB-1002"], before["SB-1002"])
	}
}

// lastField is the last space-separated word of s.
func lastField(s string) string {
	f := strings.Fields(s)
	return f[len(f)-1]
}
