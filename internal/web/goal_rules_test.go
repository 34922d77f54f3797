package web_test

import (
	"net/url"
	"strings"
	"testing"
)

func TestGoalActivationPastItsTargetDateAsksForConfirmation(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	form := completeGoalForm()
	form.Set("baseline_date", daysFromNow(-60))
	form.Set("target_date", daysFromNow(-1))
	res := f.counsellor.Post(f.path("/goals"), form)
	if res.Status != 303 {
		t.Fatalf("goal: %d %v", res.Status, fieldErrors(res.Body))
	}
	goalURL := res.Location
	res = f.counsellor.Post(goalURL+"/status", url.Values{"to": {"active"}})
	if res.Status != 409 || !strings.Contains(res.Body, `data-testid="confirm-past-target"`) {
		t.Fatalf("activation past the target date: %d, want 409 with a confirm step", res.Status)
	}
	mustContain(t, "goal still a draft", f.counsellor.Get(goalURL).Body, `data-testid="goal-status">Draft`)
	if res := f.counsellor.Post(goalURL+"/status", url.Values{"to": {"active"}, "confirm_past_target": {"yes"}}); res.Status != 303 {
		t.Fatalf("confirmed activation: %d %v", res.Status, fieldErrors(res.Body))
	}
	mustContain(t, "goal active", f.counsellor.Get(goalURL).Body, `data-testid="goal-status">Active`)
}

func TestGoalNumbersFollowThePracticeLocaleAndReadingsFollowTheRules(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	// Refused on the goal form: an ambiguous number, beside its field, input kept.
	bad := completeGoalForm()
	bad.Set("baseline_value", "1,000")
	res := f.counsellor.Post(f.path("/goals"), bad)
	if res.Status != 422 || !strings.Contains(fieldError(res.Body, "baseline_value"), "read two ways") {
		t.Fatalf("ambiguous and negative: %d %v", res.Status, fieldErrors(res.Body))
	}
	mustContain(t, "input kept", res.Body, `value="1,000"`)
	res = f.counsellor.Post(f.path("/goals"), completeGoalForm())
	if res.Status != 303 {
		t.Fatalf("goal: %d %v", res.Status, fieldErrors(res.Body))
	}
	goalURL := res.Location
	if res := f.counsellor.Post(goalURL+"/status", url.Values{"to": {"active"}}); res.Status != 303 {
		t.Fatalf("activate: %d", res.Status)
	}
	cases := []struct {
		name, day, value, field, message string
	}{
		{"negative count", daysFromNow(-1), "-3", "value", "below zero"},
		{"before the baseline", daysFromNow(-31), "4", "reading_date", "baseline date"},
		{"thousands or one", daysFromNow(-1), "1,000", "value", "read two ways"},
		{"comma in a point practice", daysFromNow(-1), "2,5", "value", "with a point, like 2.5"},
	}
	for _, tc := range cases {
		res := f.counsellor.Post(goalURL+"/readings", url.Values{"reading_date": {tc.day}, "value": {tc.value}})
		if res.Status != 422 || !strings.Contains(fieldError(res.Body, tc.field), tc.message) {
			t.Errorf("%s: %d %v", tc.name, res.Status, fieldErrors(res.Body))
		}
	}
	if res := f.counsellor.Post(goalURL+"/readings", url.Values{"reading_date": {daysFromNow(-30)}, "value": {"2.5"}}); res.Status != 303 {
		t.Fatalf("a reading on the baseline date: %d %v", res.Status, fieldErrors(res.Body))
	}
	// A practice with a decimal comma reads "2,5" and refuses "2.5".
	if res := f.admin.Post("/admin/practice/numbers", url.Values{"decimal_comma": {"true"}}); res.Status != 303 {
		t.Fatalf("decimal comma setting: %d", res.Status)
	}
	mustContain(t, "practice page", f.admin.Get("/admin/practice").Body, `name="decimal_comma" value="true" checked`)
	if res := f.counsellor.Post(goalURL+"/readings", url.Values{"reading_date": {daysFromNow(-1)}, "value": {"2.5"}}); res.Status != 422 ||
		!strings.Contains(fieldError(res.Body, "value"), "with a comma, like 2,5") {
		t.Fatalf("point in a comma practice: %d %v", res.Status, fieldErrors(res.Body))
	}
	if res := f.counsellor.Post(goalURL+"/readings", url.Values{"reading_date": {daysFromNow(-1)}, "value": {"1,5"}}); res.Status != 303 {
		t.Fatalf("1,5 in a comma practice: %d %v", res.Status, fieldErrors(res.Body))
	}
	var values []string
	_ = f.app.DB.App.Select(&values, `SELECT value::text FROM goal_readings WHERE goal_id = (SELECT max(id) FROM goals WHERE client_id = $1) ORDER BY reading_date`, f.client.ID)
	if strings.Join(values, ",") != "2.5,1.5" {
		t.Fatalf("stored readings %v, want 2.5,1.5", values)
	}
	mustContain(t, "edit form in the practice's locale", f.counsellor.Get(goalURL+"/edit").Body, `value="10"`)
}
