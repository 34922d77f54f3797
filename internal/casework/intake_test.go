package casework

import (
	"strings"
	"testing"
)

func TestWithSectionReplacesOnlyThatSection(t *testing.T) {
	base := Intake{Concerns: []string{"jealousy"}, Triggers: "late replies", RiskSelfHarm: "none"}
	edit := Intake{Concerns: []string{"checking"}, ConcernsOwnWords: "I check his phone", Triggers: "ignored", RiskSelfHarm: "serious"}
	got := base.WithSection("concerns", edit)
	if strings.Join(got.Concerns, ",") != "checking" || got.ConcernsOwnWords != "I check his phone" {
		t.Fatalf("concerns not taken: %+v", got)
	}
	if got.Triggers != "late replies" || got.RiskSelfHarm != "none" {
		t.Fatalf("other sections changed: %+v", got)
	}
	if !SectionEqual("beliefs", got, base) || SectionEqual("concerns", got, base) {
		t.Fatal("SectionEqual does not compare one section")
	}
}

func TestEverySectionHasFieldsAndEveryFieldASection(t *testing.T) {
	total := 0
	for _, s := range IntakeSections() {
		n := len(SectionFields(s.Key))
		if n == 0 {
			t.Errorf("section %s has no fields", s.Key)
		}
		total += n
	}
	if total != 40 {
		t.Errorf("fields across sections = %d; a field without a section would never be saved", total)
	}
}

func TestRiskScreenRules(t *testing.T) {
	calm := Intake{RiskSelfHarm: "none", RiskToOthers: "none", RiskIPV: "none", RiskSubstance: "none", RiskOwnControl: "none", OverallRisk: "none"}
	if calm.RiskRaised() || len(calm.SectionProblems("risk")) != 0 {
		t.Fatalf("a calm screen: raised %v, problems %v", calm.RiskRaised(), calm.SectionProblems("risk"))
	}
	cases := []struct {
		name   string
		edit   func(*Intake)
		raised bool
		field  string
	}{
		{"unanswered", func(i *Intake) { i.RiskToOthers = "" }, false, "risk_to_others"},
		{"some self-harm without a plan", func(i *Intake) { i.RiskSelfHarm = "some"; i.OverallRisk = "low" }, true, "safety_plan"},
		{"serious but overall low", func(i *Intake) { i.RiskIPV = "serious"; i.OverallRisk = "low"; i.SafetyPlan = "plan" }, true, "overall_risk"},
		{"coercion signs but none", func(i *Intake) { i.RiskIPVSigns = []string{"monitored"} }, false, "risk_ipv"},
		{"overall moderate alone", func(i *Intake) { i.OverallRisk = "moderate" }, true, "safety_plan"},
		{"substance use unanswered", func(i *Intake) { i.RiskSubstance = "" }, false, "risk_substance"},
		{"own control unanswered", func(i *Intake) { i.RiskOwnControl = "" }, false, "risk_own_control"},
		{"some substance use flags, needs a plan", func(i *Intake) { i.RiskSubstance = "some" }, true, "safety_plan"},
		{"own controlling behaviour flags, needs a plan", func(i *Intake) { i.RiskOwnControl = "some"; i.OverallRisk = "low" }, true, "safety_plan"},
		{"serious substance use but overall low", func(i *Intake) { i.RiskSubstance = "serious"; i.OverallRisk = "low"; i.SafetyPlan = "p" }, true, "overall_risk"},
		{"serious own control but overall none", func(i *Intake) { i.RiskOwnControl = "serious"; i.SafetyPlan = "p" }, true, "overall_risk"},
		{"unknown sign", func(i *Intake) { i.RiskIPV = "some"; i.RiskIPVSigns = []string{"aliens"}; i.SafetyPlan = "p" }, true, "risk_ipv_signs"},
	}
	for _, tc := range cases {
		in := calm
		tc.edit(&in)
		if in.RiskRaised() != tc.raised {
			t.Errorf("%s: raised %v, want %v", tc.name, in.RiskRaised(), tc.raised)
		}
		if _, ok := in.SectionProblems("risk")[tc.field]; !ok {
			t.Errorf("%s: problems %v, want one on %s", tc.name, in.SectionProblems("risk"), tc.field)
		}
	}
	ok := calm
	ok.RiskIPV, ok.RiskIPVSigns, ok.OverallRisk, ok.SafetyPlan = "serious", []string{"monitored", "financial"}, "high", "Refuge number saved"
	if p := ok.SectionProblems("risk"); len(p) != 0 || !ok.RiskRaised() {
		t.Fatalf("a serious, planned screen: problems %v", p)
	}
	if s := ok.RiskSummary(); !strings.Contains(s, "High") || !strings.Contains(s, "coercive control: serious") {
		t.Fatalf("summary %q", s)
	}
	ok.RiskSubstance, ok.RiskOwnControl = "some", "serious"
	if s := ok.RiskSummary(); !strings.Contains(s, "alcohol or drug use: some") || !strings.Contains(s, "own controlling or monitoring behaviour: serious") {
		t.Fatalf("summary %q", s)
	}
}

func TestChoicesAreCheckedAgainstTheVocabulary(t *testing.T) {
	bad := Intake{Concerns: []string{"reassurance", "astrology"}, AttachmentStyle: "clingy", Approaches: []string{"cbt", "hypnosis"}, Format: "solo"}
	for section, field := range map[string]string{"concerns": "concerns", "history": "attachment_style", "plan": "approaches"} {
		if _, ok := bad.SectionProblems(section)[field]; !ok {
			t.Errorf("section %s: no problem on %s", section, field)
		}
	}
	if _, ok := bad.SectionProblems("plan")["format"]; !ok {
		t.Error("unknown format accepted")
	}
}
