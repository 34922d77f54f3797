package web_test

import (
	"context"
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"github.com/securebase/securebase/internal/casework"
)

func TestIntakeSectionsSaveAsVersionsAndEarlierVersionsStayReadable(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	if res := f.counsellor.Get(f.path("/intake")); res.Status != 200 || !strings.Contains(res.Body, "Nothing saved yet") {
		t.Fatalf("empty intake: status %d", res.Status)
	}
	res := f.counsellor.Post(f.path("/intake/concerns"), url.Values{"base_version": {"0"},
		"concerns": {"reassurance", "checking"}, "concerns_own_words": {"I ask him if he still loves me ten times a day"}})
	if res.Status != 303 || !strings.HasSuffix(res.Location, "/intake#concerns") {
		t.Fatalf("save concerns: status %d location %q", res.Status, res.Location)
	}
	res = f.counsellor.Post(f.path("/intake/beliefs"), url.Values{"base_version": {"1"},
		"core_beliefs": {"people_leave"}, "distortions": {"mind_reading", "catastrophising"}, "triggers": {"Late replies"}})
	if res.Status != 303 {
		t.Fatalf("save beliefs: status %d", res.Status)
	}
	page := f.counsellor.Get(f.path("/intake"))
	mustContain(t, "current intake", page.Body, "Version 2", "ten times a day", "Late replies", f.me.DisplayName)
	if !strings.Contains(page.Body, `value="people_leave" checked`) || !strings.Contains(page.Body, `value="checking" checked`) {
		t.Fatal("saved choices are not ticked on the current intake")
	}
	if n := strings.Count(page.Body, `name="concerns" value="reassurance"`); n != 1 {
		t.Fatalf("the reassurance box appears %d times, want once", n)
	}
	latest, _ := f.app.Store.LatestIntake(context.Background(), f.practice.ID, f.client.ID)
	var saved casework.Intake
	if err := json.Unmarshal(latest.Data, &saved); err != nil || strings.Join(saved.Concerns, ",") != "reassurance,checking" {
		t.Fatalf("stored concerns %v (%v)", saved.Concerns, err)
	}
	// Version 1 knows nothing of the beliefs section.
	v1 := f.counsellor.Get(f.path("/intake/versions/1"))
	if v1.Status != 200 || strings.Contains(v1.Body, "Late replies") || !strings.Contains(v1.Body, "ten times a day") || !strings.Contains(v1.Body, "disabled") {
		t.Fatalf("version 1: status %d; want the concerns only, read-only", v1.Status)
	}
	history := f.counsellor.Get(f.path("/intake/versions"))
	mustContain(t, "history", history.Body, "Version 2", "Version 1", "beliefs", "concerns")
	if f.counsellor.Get(f.path("/intake/versions/9")).Status != 404 {
		t.Fatal("a missing version is not a 404")
	}
	if f.counsellor.Post(f.path("/intake/secrets"), url.Values{"base_version": {"2"}}).Status != 404 {
		t.Fatal("an unknown section is not a 404")
	}
	if res := f.counsellor.Post(f.path("/intake/wider"), url.Values{"base_version": {"7"}, "strengths": {"kept strength"}}); res.Status != 409 || !strings.Contains(res.Body, "kept strength") {
		t.Fatalf("a base version from nowhere: status %d, want 409 keeping the text", res.Status)
	}
	for action, want := range map[string]int{"intake.save": 2, "intake.view": 2, "intake.version.view": 1, "intake.history.view": 1} {
		if got := f.auditCount(t, action); got != want {
			t.Errorf("audit %s = %d, want %d", action, got, want)
		}
	}
}

func TestIntakeValidationKeepsEverythingTyped(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	for _, sessions := range []string{"999", "2.5", "twelve"} {
		res := f.counsellor.Post(f.path("/intake/plan"), url.Values{"base_version": {"0"}, "anticipated_sessions": {sessions}, "hopes": {"kept hope"}})
		if res.Status != 422 || fieldError(res.Body, "anticipated_sessions") == "" || !strings.Contains(res.Body, "kept hope") {
			t.Fatalf("sessions %q: status %d; want 422 with a message beside the field and the text kept", sessions, res.Status)
		}
	}
	form := url.Values{"base_version": {"0"}, "approaches": {"cbt", "hypnosis"}, "format": {"individual"},
		"anticipated_sessions": {"999"}, "hopes": {"To stop checking his phone"}}
	res := f.counsellor.Post(f.path("/intake/plan"), form)
	if res.Status != 422 {
		t.Fatalf("status %d, want 422", res.Status)
	}
	if fieldError(res.Body, "approaches") == "" || fieldError(res.Body, "anticipated_sessions") == "" {
		t.Fatalf("messages: approaches %q, sessions %q", fieldError(res.Body, "approaches"), fieldError(res.Body, "anticipated_sessions"))
	}
	if !strings.Contains(res.Body, "To stop checking his phone") || !strings.Contains(res.Body, `value="cbt" checked`) {
		t.Fatal("the typed text or ticked boxes were lost")
	}
	if _, err := f.app.Store.LatestIntake(context.Background(), f.practice.ID, f.client.ID); err == nil {
		t.Fatal("an invalid section was saved")
	}
}

func TestRaisedRiskFlagsTheClientEverywhereUntilReviewed(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	risk := url.Values{"base_version": {"0"}, "risk_self_harm": {"none"}, "risk_to_others": {"none"}, "risk_substance": {"none"}, "risk_own_control": {"none"}, "risk_ipv": {"serious"},
		"risk_ipv_signs": {"monitored", "financial"}, "overall_risk": {"high"}, "risk_ipv_notes": {"Partner tracks her location"}}
	res := f.counsellor.Post(f.path("/intake/risk"), risk)
	if res.Status != 422 || !strings.Contains(fieldError(res.Body, "safety_plan"), "safety plan") {
		t.Fatalf("raised risk without a plan: status %d", res.Status)
	}
	risk.Set("safety_plan", "Domestic abuse helpline saved under a neutral name")
	if res := f.counsellor.Post(f.path("/intake/risk"), risk); res.Status != 303 {
		t.Fatalf("save risk: status %d", res.Status)
	}
	page := f.counsellor.Get(f.path(""))
	mustContain(t, "client page", page.Body, `data-testid="risk-flag"`, `data-testid="open-flag"`, "coercive control: serious")
	if !strings.Contains(f.counsellor.Get("/clients").Body, `data-testid="risk-flag"`) || !strings.Contains(f.admin.Get("/clients").Body, `data-testid="risk-flag"`) {
		t.Fatal("the caseload does not show the flag")
	}
	if f.auditCount(t, "risk.raise") != 1 {
		t.Fatal("raising the flag was not audited")
	}
	// Saving the same risk again does not open a second flag.
	risk.Set("base_version", "1")
	if res := f.counsellor.Post(f.path("/intake/risk"), risk); res.Status != 303 {
		t.Fatalf("second save: status %d", res.Status)
	}
	var open int
	if err := f.app.DB.App.Get(&open, `SELECT count(*) FROM risk_flags WHERE client_id = $1 AND cleared_at IS NULL`, f.client.ID); err != nil || open != 1 {
		t.Fatalf("open flags = %d (%v), want 1", open, err)
	}

	var flagID int64
	if err := f.app.DB.App.Get(&flagID, `SELECT id FROM risk_flags WHERE client_id = $1`, f.client.ID); err != nil {
		t.Fatal(err)
	}
	clear := f.path("/risk-flags/" + itoa(flagID) + "/clear")
	if res := f.counsellor.Post(clear, url.Values{"review_note": {""}}); res.Status != 422 || fieldError(res.Body, "review_note") == "" {
		t.Fatalf("clearing without a note: status %d", res.Status)
	}
	if res := f.counsellor.Post(clear, url.Values{"review_note": {"Safety plan reviewed together; she has a code word with her sister."}}); res.Status != 303 {
		t.Fatalf("clear: status %d", res.Status)
	}
	if strings.Contains(f.counsellor.Get(f.path("")).Body, `data-testid="risk-flag"`) || strings.Contains(f.counsellor.Get("/clients").Body, `data-testid="risk-flag"`) {
		t.Fatal("the flag still shows after review")
	}
	mustContain(t, "client page after review", f.counsellor.Get(f.path("")).Body, "code word with her sister")
	if f.auditCount(t, "risk.clear") != 1 {
		t.Fatal("clearing was not audited")
	}
	if f.counsellor.Post(clear, url.Values{"review_note": {"again"}}).Status != 404 {
		t.Fatal("a cleared flag can be cleared again")
	}
	// A changed, still raised, risk screen flags the client again.
	risk.Set("base_version", "2")
	risk.Set("risk_self_harm", "some")
	if res := f.counsellor.Post(f.path("/intake/risk"), risk); res.Status != 303 {
		t.Fatalf("changed risk save: status %d", res.Status)
	}
	if !strings.Contains(f.counsellor.Get(f.path("")).Body, `data-testid="risk-flag"`) {
		t.Fatal("a new raised risk did not flag the client again")
	}
}

func TestConcurrentIntakeEditsMergeAcrossSectionsAndConflictWithinOne(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	f.counsellor.Post(f.path("/intake/concerns"), url.Values{"base_version": {"0"}, "concerns_own_words": {"first words"}})
	// Both open version 1. The admin saves the triggers; the counsellor, still on version 1,
	// saves a different section: merged, nothing lost.
	if res := f.admin.Post(f.path("/intake/beliefs"), url.Values{"base_version": {"1"}, "triggers": {"admin's triggers"}}); res.Status != 303 {
		t.Fatalf("admin save: %d", res.Status)
	}
	if res := f.counsellor.Post(f.path("/intake/wider"), url.Values{"base_version": {"1"}, "strengths": {"Curious and brave"}}); res.Status != 303 {
		t.Fatalf("merge save: %d", res.Status)
	}
	latest, err := f.app.Store.LatestIntake(context.Background(), f.practice.ID, f.client.ID)
	if err != nil {
		t.Fatal(err)
	}
	var in casework.Intake
	if err := json.Unmarshal(latest.Data, &in); err != nil {
		t.Fatal(err)
	}
	if latest.Version != 3 || in.Triggers != "admin's triggers" || in.Strengths != "Curious and brave" || in.ConcernsOwnWords != "first words" {
		t.Fatalf("merged version %d: %+v", latest.Version, in)
	}
	// The counsellor now saves the triggers from version 1: the admin changed them since.
	res := f.counsellor.Post(f.path("/intake/beliefs"), url.Values{"base_version": {"1"}, "triggers": {"counsellor's triggers"}})
	if res.Status != 409 || !strings.Contains(res.Body, "saved this section") || !strings.Contains(res.Body, "counsellor&#39;s triggers") {
		t.Fatalf("conflict: status %d; want 409 with the typed text kept", res.Status)
	}
	if !strings.Contains(res.Body, `name="base_version" value="3"`) {
		t.Fatal("after a conflict the form should be based on the newest version")
	}
	latest, _ = f.app.Store.LatestIntake(context.Background(), f.practice.ID, f.client.ID)
	if latest.Version != 3 {
		t.Fatalf("a conflicting save was written (version %d)", latest.Version)
	}
}

func TestIntakeIsReadWholeAndEditedOneSectionAPage(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	whole := f.counsellor.Get(f.path("/intake"))
	if whole.Status != 200 || strings.Contains(whole.Body, `action="`+f.path("/intake/")) {
		t.Fatalf("the whole intake: status %d; want it read-only, with no section's form", whole.Status)
	}
	for _, s := range casework.IntakeSections() {
		if !strings.Contains(whole.Body, `href="`+f.path("/intake/"+s.Key)+`"`) {
			t.Errorf("the whole intake has no link to edit %s", s.Key)
		}
		one := f.counsellor.Get(f.path("/intake/" + s.Key))
		if one.Status != 200 || strings.Count(one.Body, `action="`+f.path("/intake/")) != 1 ||
			!strings.Contains(one.Body, `data-testid="intake-`+s.Key+`"`) {
			t.Errorf("section %s: status %d; want its own form alone", s.Key, one.Status)
		}
	}
	if res := f.counsellor.Get(f.path("/intake/nonsense")); res.Status != 404 {
		t.Errorf("an unknown section: status %d, want 404", res.Status)
	}
	// A refused save comes back to the section's own page, the typing kept, no other form.
	res := f.counsellor.Post(f.path("/intake/plan"), url.Values{"base_version": {"0"}, "anticipated_sessions": {"twelve"}, "hopes": {"kept hope"}})
	if res.Status != 422 || strings.Count(res.Body, `action="`+f.path("/intake/")) != 1 || !strings.Contains(res.Body, "kept hope") {
		t.Fatalf("a refused save: status %d; want the plan's form alone with the typing kept", res.Status)
	}
	// Each section's page is a read of the record, and audited as one.
	var views int
	if err := f.app.DB.App.Get(&views, `SELECT count(*) FROM audit_log WHERE action = 'intake.view' AND detail LIKE 'section=%'`); err != nil || views != len(casework.IntakeSections()) {
		t.Fatalf("audited section views = %d, %v; want %d", views, err, len(casework.IntakeSections()))
	}
}
