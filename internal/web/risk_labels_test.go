package web_test

import (
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// rawCode matches internal codes that must never reach a staff page's visible text.
var rawCode = regexp.MustCompile(`\b(phq9_item9|phq9_\d|gad7_\d|risk_[a-z_]+|own_control|reliably_improved|no_reliable_change|reliably_deteriorated)\b|\((intake|manual)\)`)

// staffText drops tags (and so attributes such as name="risk_ipv"), leaving what a reader sees.
func staffText(body string) string {
	body = regexp.MustCompile(`(?s)<(script|style)[^>]*>.*?</(script|style)>`).ReplaceAllString(body, " ")
	return regexp.MustCompile(`(?s)<[^>]*>`).ReplaceAllString(body, " ")
}

func TestNewRiskScreenItemsFlagUntilReviewedAndStaffPagesShowNoRawCodes(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	// The client's own controlling behaviour alone raises a flag, named in words.
	risk := url.Values{"base_version": {"0"}, "risk_self_harm": {"none"}, "risk_to_others": {"none"}, "risk_ipv": {"none"},
		"risk_substance": {"none"}, "risk_own_control": {"some"}, "overall_risk": {"low"}}
	res := f.counsellor.Post(f.path("/intake/risk"), risk)
	if res.Status != 422 || !strings.Contains(res.Body, `data-testid="error-safety_plan"`) {
		t.Fatalf("own control without a safety plan: %d %v", res.Status, fieldErrors(res.Body))
	}
	risk.Set("safety_plan", "Agreed to pause before checking")
	if res := f.counsellor.Post(f.path("/intake/risk"), risk); res.Status != 303 {
		t.Fatalf("intake risk: %d %v", res.Status, fieldErrors(res.Body))
	}
	var summary string
	_ = f.app.DB.App.Get(&summary, `SELECT summary FROM risk_flags WHERE client_id = $1 AND source = 'intake' AND cleared_at IS NULL`, f.client.ID)
	if !strings.Contains(summary, "own controlling or monitoring behaviour: some") {
		t.Fatalf("open intake flag summary %q", summary)
	}
	// Substance use flags too, on the next save.
	risk.Set("base_version", "1")
	risk.Set("risk_substance", "serious")
	risk.Set("overall_risk", "moderate")
	if res := f.counsellor.Post(f.path("/intake/risk"), risk); res.Status != 303 {
		t.Fatalf("intake risk with substance use: %d %v", res.Status, fieldErrors(res.Body))
	}
	_ = f.app.DB.App.Get(&summary, `SELECT summary FROM risk_flags WHERE client_id = $1 AND source = 'intake' AND cleared_at IS NULL`, f.client.ID)
	if !strings.Contains(summary, "alcohol or drug use: serious") {
		t.Fatalf("open intake flag summary %q", summary)
	}
	// A PHQ-9 item 9 answer adds an alert.
	if res := f.counsellor.Post(f.path("/progress"), phq9(url.Values{"day": {daysFromNow(0)}}, "1", "1")); res.Status != 303 {
		t.Fatalf("record: %d", res.Status)
	}
	client := f.counsellor.Get(f.path("")).Body
	mustContain(t, "client page", client, "Intake risk screen", "PHQ-9 question 9", "alcohol or drug use: serious")
	for _, p := range []string{"/", "/clients", f.path(""), f.path("/progress"), f.path("/intake")} {
		for _, who := range []struct {
			name string
			body string
		}{{"counsellor", f.counsellor.Get(p).Body}, {"admin", f.admin.Get(p).Body}} {
			if m := rawCode.FindString(staffText(who.body)); m != "" {
				t.Errorf("%s sees the raw code %q on %s", who.name, m, p)
			}
		}
	}
}
