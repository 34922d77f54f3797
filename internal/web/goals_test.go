package web_test

import (
	"context"
	"encoding/xml"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

func completeGoalForm() url.Values {
	return url.Values{
		"statement": {"Ask for reassurance less often"}, "what": {"Reassurance requests to my partner"},
		"metric": {"Reassurance requests"}, "unit": {"per day"},
		"metric_code": {"reassurance_seeking"}, "unit_code": {"times_per_day"}, "direction": {"decrease"},
		"baseline_value": {"10"}, "baseline_date": {daysFromNow(-30)}, "target_value": {"2"}, "target_date": {daysFromNow(60)},
		"measure_how": {"Daily tally"}, "measure_often": {"Daily"}, "steps": {"Notice the urge; wait ten minutes"},
		"concerns": {"reassurance"},
	}
}

func TestGoalValidationMessagesForEachRule(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	cases := []struct {
		name, field, value, msg string
	}{
		{"target date before baseline", "target_date", daysFromNow(-40), "after the baseline date"},
		{"decrease with a higher target", "target_value", "12", "below the baseline"},
		{"unreadable number", "baseline_value", "ten", "Enter a number"},
		{"impossible date", "baseline_date", "2026-02-30", "real date"},
		{"unknown concern", "concerns", "astrology", "Choose from the list"},
		{"no statement", "statement", "", "plain words"},
		{"unknown metric code", "metric_code", "partner_name", "Choose from the list"},
		{"unknown unit code", "unit_code", "per_fortnight", "Choose from the list"},
		{"negative count at baseline", "baseline_value", "-3", "cannot be below zero"},
	}
	for _, tc := range cases {
		form := completeGoalForm()
		form.Set(tc.field, tc.value)
		res := f.counsellor.Post(f.path("/goals"), form)
		if res.Status != 422 {
			t.Errorf("%s: status %d, want 422", tc.name, res.Status)
			continue
		}
		if msg := fieldError(res.Body, tc.field); !strings.Contains(msg, tc.msg) {
			t.Errorf("%s: message beside %s = %q, want %q", tc.name, tc.field, msg, tc.msg)
		}
		if !strings.Contains(res.Body, "Reassurance requests to my partner") {
			t.Errorf("%s: typed text lost", tc.name)
		}
	}
	increase := completeGoalForm()
	increase.Set("direction", "increase")
	if res := f.counsellor.Post(f.path("/goals"), increase); !strings.Contains(fieldError(res.Body, "target_value"), "above the baseline") {
		t.Error("an increasing goal with a lower target was accepted")
	}
	goals, _ := f.app.Store.Goals(context.Background(), f.practice.ID, f.client.ID)
	if len(goals) != 0 {
		t.Fatalf("%d invalid goals were saved", len(goals))
	}
	if res := f.counsellor.Post(f.path("/goals"), completeGoalForm()); res.Status != 303 {
		t.Fatalf("a complete goal: status %d", res.Status)
	}
	goals, _ = f.app.Store.Goals(context.Background(), f.practice.ID, f.client.ID)
	if len(goals) != 1 || goals[0].MetricCode != "reassurance_seeking" || goals[0].UnitCode != "times_per_day" || goals[0].Metric != "Reassurance requests" {
		t.Fatalf("the goal's codes and own words were not both kept: %+v", goals)
	}
}

func TestGoalLifecycleFromDraftToAchievedWithReadings(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	draft := url.Values{"statement": {"Feel calmer when he is out with friends"}}
	res := f.counsellor.Post(f.path("/goals"), draft)
	if res.Status != 303 {
		t.Fatalf("draft: status %d", res.Status)
	}
	goalURL := res.Location
	id := regexp.MustCompile(`/goals/(\d+)$`).FindStringSubmatch(goalURL)[1]

	// An incomplete draft cannot become active: the edit form lists what is missing.
	res = f.counsellor.Post(goalURL+"/status", url.Values{"to": {"active"}})
	if res.Status != 422 || fieldError(res.Body, "target_date") == "" || fieldError(res.Body, "metric") == "" || !strings.Contains(res.Body, "Every SMART part") {
		t.Fatalf("activating an incomplete draft: status %d", res.Status)
	}
	// Illegal moves are refused.
	for _, to := range []string{"achieved", "revised", "draft"} {
		if res := f.counsellor.Post(goalURL+"/status", url.Values{"to": {to}, "reason": {"because"}}); res.Status != 409 {
			t.Errorf("draft → %s: status %d, want 409", to, res.Status)
		}
	}
	if res := f.counsellor.Post(goalURL+"/status", url.Values{"to": {"exploded"}, "reason": {"because"}}); res.Status != 422 || fieldError(res.Body, "to") == "" {
		t.Errorf("an unknown status: %d, want 422 with a message", res.Status)
	}
	complete := completeGoalForm()
	complete.Set("statement", "Feel calmer when he is out with friends")
	complete.Set("version", "1")
	if res := f.counsellor.Post(goalURL, complete); res.Status != 303 {
		t.Fatalf("complete the draft: status %d", res.Status)
	}
	if res := f.counsellor.Post(goalURL+"/status", url.Values{"to": {"active"}}); res.Status != 303 {
		t.Fatalf("activate: status %d", res.Status)
	}
	mustContain(t, "active goal", f.counsellor.Get(goalURL).Body, `data-testid="goal-status">Active`, "No readings yet")

	for _, r := range []struct {
		days  int
		value string
		note  string
	}{{-20, "8", ""}, {-10, "6", "A week with two nights apart"}} {
		if res := f.counsellor.Post(goalURL+"/readings", url.Values{"reading_date": {daysFromNow(r.days)}, "value": {r.value}, "note": {r.note}}); res.Status != 303 {
			t.Fatalf("reading: status %d", res.Status)
		}
	}
	if res := f.counsellor.Post(goalURL+"/readings", url.Values{"reading_date": {daysFromNow(2)}, "value": {"1"}}); res.Status != 422 || fieldError(res.Body, "reading_date") == "" {
		t.Fatalf("a future reading: status %d", res.Status)
	}
	page := f.counsellor.Get(goalURL)
	// From 10 to 2: a latest reading of 6 is half way.
	mustContain(t, "goal page", page.Body, "Latest 6 per day", "<strong>50%</strong>", "on track", "counsellor: A week with two nights apart")
	points := chartPoints(t, page.Body)
	if strings.Join(points, " ") != daysFromNow(-30)+"=10 "+daysFromNow(-20)+"=8 "+daysFromNow(-10)+"=6" {
		t.Fatalf("chart points %v", points)
	}
	mustContain(t, "client page", f.counsellor.Get(f.path("")).Body, "50% of the way")

	if res := f.counsellor.Post(goalURL+"/status", url.Values{"to": {"achieved"}}); res.Status != 422 || fieldError(res.Body, "reason") == "" {
		t.Fatalf("achieving without a reason: status %d", res.Status)
	}
	if res := f.counsellor.Post(goalURL+"/status", url.Values{"to": {"achieved"}, "reason": {"Two weeks at 2 or fewer"}}); res.Status != 303 {
		t.Fatalf("achieve: status %d", res.Status)
	}
	final := f.counsellor.Get(goalURL)
	mustContain(t, "achieved goal", final.Body, `data-testid="goal-status">Achieved`, "active → achieved", "Two weeks at 2 or fewer", "draft → active")
	if strings.Contains(final.Body, `data-testid="goal-status-form"`) {
		t.Fatal("an achieved goal still offers moves")
	}
	if res := f.counsellor.Post(goalURL+"/status", url.Values{"to": {"active"}}); res.Status != 409 {
		t.Fatalf("achieved → active: status %d, want 409", res.Status)
	}
	var changes int
	if err := f.app.DB.App.Get(&changes, `SELECT count(*) FROM goal_status_changes WHERE goal_id = $1`, id); err != nil || changes != 2 {
		t.Fatalf("status changes recorded = %d (%v), want 2", changes, err)
	}
	if f.auditCount(t, "goal.status") != 2 || f.auditCount(t, "goal.reading.create") != 2 || f.auditCount(t, "goal.view") == 0 {
		t.Fatal("goal actions are not all audited")
	}
}

func TestRevisingAGoalLinksItsReplacement(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	res := f.counsellor.Post(f.path("/goals"), completeGoalForm())
	goalURL := res.Location
	f.counsellor.Post(goalURL+"/status", url.Values{"to": {"active"}})
	res = f.counsellor.Post(goalURL+"/status", url.Values{"to": {"revised"}, "reason": {"Target too ambitious for now"}})
	if res.Status != 303 || !strings.HasSuffix(res.Location, "/edit") {
		t.Fatalf("revise: status %d location %q", res.Status, res.Location)
	}
	newURL := strings.TrimSuffix(res.Location, "/edit")
	edit := f.counsellor.Get(res.Location)
	mustContain(t, "replacement form", edit.Body, `value="Ask for reassurance less often"`)
	old := f.counsellor.Get(goalURL)
	newID := newURL[strings.LastIndex(newURL, "/")+1:]
	mustContain(t, "revised goal", old.Body, `data-testid="goal-status">Revised`, "replaced by", "/goals/"+newID)
	mustContain(t, "replacement", f.counsellor.Get(newURL).Body, `data-testid="goal-status">Draft`)
}

func TestConcurrentGoalEditsDoNotOverwrite(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	goalURL := f.counsellor.Post(f.path("/goals"), completeGoalForm()).Location
	a, b := completeGoalForm(), completeGoalForm()
	a.Set("version", "1")
	b.Set("version", "1")
	a.Set("steps", "Steps from the counsellor")
	b.Set("steps", "Steps from the admin")
	if res := f.counsellor.Post(goalURL, a); res.Status != 303 {
		t.Fatalf("first edit: %d", res.Status)
	}
	res := f.admin.Post(goalURL, b)
	if res.Status != 409 || !strings.Contains(res.Body, "Steps from the admin") {
		t.Fatalf("stale edit: status %d; want 409 keeping the typed text", res.Status)
	}
	if !strings.Contains(f.counsellor.Get(goalURL).Body, "Steps from the counsellor") {
		t.Fatal("the stale edit overwrote the first")
	}
}

// chartPoints parses the goal chart's SVG and returns its points as date=value.
func chartPoints(t *testing.T, body string) []string {
	t.Helper()
	m := regexp.MustCompile(`(?s)<svg.*?</svg>`).FindString(body)
	if m == "" {
		t.Fatal("no chart on the page")
	}
	dec := xml.NewDecoder(strings.NewReader(m))
	var out []string
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "circle" {
			var date, value string
			for _, a := range se.Attr {
				switch a.Name.Local {
				case "data-date":
					date = a.Value
				case "data-value":
					value = a.Value
				}
			}
			out = append(out, date+"="+value)
		}
	}
	return out
}
