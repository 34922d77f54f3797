package web_test

import (
	"net/url"
	"strings"
	"testing"
)

func TestTheDifficultyQuestionIsStoredAndShownButNeverScored(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	page := f.counsellor.Get(f.path("/progress")).Body
	mustContain(t, "counsellor form", page, "If you checked off any problems, how difficult have these problems made it for you to do your work, "+
		"take care of things at home, or get along with other people?", "Not difficult at all", "Somewhat difficult", "Very difficult", "Extremely difficult")
	// Not one of the answers: refused beside the question, the items kept.
	bad := phq9(url.Values{"day": {daysFromNow(-7)}}, "2", "0")
	bad.Set("phq9_difficulty", "7")
	res := f.counsellor.Post(f.path("/progress"), bad)
	if res.Status != 422 || fieldError(res.Body, "phq9_difficulty") == "" {
		t.Fatalf("difficulty 7: %d %v", res.Status, fieldErrors(res.Body))
	}
	mustContain(t, "refused form", res.Body, `name="phq9_1" value="2" checked`)
	// The same items with and without the difficulty answer give the same total.
	without := phq9(url.Values{"day": {daysFromNow(-7)}}, "2", "0")
	if res := f.counsellor.Post(f.path("/progress"), without); res.Status != 303 {
		t.Fatalf("without difficulty: %d %v", res.Status, fieldErrors(res.Body))
	}
	with := phq9(url.Values{"day": {daysFromNow(0)}}, "2", "0")
	with.Set("phq9_difficulty", "3")
	if res := f.counsellor.Post(f.path("/progress"), with); res.Status != 303 {
		t.Fatalf("with difficulty: %d %v", res.Status, fieldErrors(res.Body))
	}
	var rows []string
	_ = f.app.DB.App.Select(&rows, `SELECT total || '/' || coalesce(difficulty::text, 'blank') FROM measure_results
		WHERE client_id = $1 AND measure_key = 'phq9' ORDER BY taken_on`, f.client.ID)
	if strings.Join(rows, ",") != "16/blank,16/3" {
		t.Fatalf("totals/difficulty: %v, want the same total 16 with and without the answer", rows)
	}
	mustContain(t, "progress page", f.counsellor.Get(f.path("/progress")).Body, `data-testid="difficulty-phq9">Extremely difficult<`)
}
