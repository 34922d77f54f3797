package casework

import (
	"reflect"
	"slices"
	"strconv"
)

// Section is one part of the intake form, saved on its own.
type Section struct {
	Key   string
	Title string
}

// IntakeSections lists the intake's sections in the order the form shows them.
func IntakeSections() []Section {
	return []Section{
		{"concerns", "Presenting concerns"},
		{"relationship", "Relationship status and history"},
		{"history", "Family and attachment history"},
		{"beliefs", "Core beliefs, distortions and triggers"},
		{"wider", "The wider picture"},
		{"plan", "Plan"},
		{"risk", "Risk screen"},
	}
}

// Intake is one version of a client's structured intake, the stored model: it is stored
// whole as JSON, and each field's section tag says which part of the intake it belongs to.
// The staff form that posts it is a struct of its own in the web layer.
type Intake struct {
	Concerns         []string `json:"concerns" section:"concerns"`
	ConcernsOwnWords string   `json:"concerns_own_words" section:"concerns"`

	RelationshipStatus  string `json:"relationship_status" section:"relationship"`
	RelationshipHistory string `json:"relationship_history" section:"relationship"`
	ClientChecking      string `json:"client_checking" section:"relationship"`
	PartnerChecking     string `json:"partner_checking" section:"relationship"`
	Onset               string `json:"onset" section:"relationship"`
	Course              string `json:"course" section:"relationship"`

	FamilyHistory     string `json:"family_history" section:"history"`
	AttachmentHistory string `json:"attachment_history" section:"history"`
	AttachmentStyle   string `json:"attachment_style" section:"history"`

	CoreBeliefs         []string `json:"core_beliefs" section:"beliefs"`
	CoreBeliefsOwnWords string   `json:"core_beliefs_own_words" section:"beliefs"`
	Distortions         []string `json:"distortions" section:"beliefs"`
	Triggers            string   `json:"triggers" section:"beliefs"`

	CoOccurring      []string `json:"co_occurring" section:"wider"`
	CoOccurringNotes string   `json:"co_occurring_notes" section:"wider"`
	PreviousTherapy  string   `json:"previous_therapy" section:"wider"`
	MedicalNotes     string   `json:"medical_notes" section:"wider"`
	SubstanceUse     string   `json:"substance_use" section:"wider"`
	SocialSupports   string   `json:"social_supports" section:"wider"`
	Strengths        string   `json:"strengths" section:"wider"`

	Approaches          []string `json:"approaches" section:"plan"`
	Format              string   `json:"format" section:"plan"`
	AnticipatedSessions string   `json:"anticipated_sessions" section:"plan"`
	Hopes               string   `json:"hopes" section:"plan"`

	RiskSelfHarm       string   `json:"risk_self_harm" section:"risk"`
	RiskSelfHarmNotes  string   `json:"risk_self_harm_notes" section:"risk"`
	RiskToOthers       string   `json:"risk_to_others" section:"risk"`
	RiskToOthersNotes  string   `json:"risk_to_others_notes" section:"risk"`
	RiskIPV            string   `json:"risk_ipv" section:"risk"`
	RiskIPVSigns       []string `json:"risk_ipv_signs" section:"risk"`
	RiskIPVNotes       string   `json:"risk_ipv_notes" section:"risk"`
	RiskSubstance      string   `json:"risk_substance" section:"risk"`
	RiskSubstanceNotes string   `json:"risk_substance_notes" section:"risk"`
	RiskOwnControl     string   `json:"risk_own_control" section:"risk"`
	RiskOwnControlNote string   `json:"risk_own_control_notes" section:"risk"`
	SafetyPlan         string   `json:"safety_plan" section:"risk"`
	OverallRisk        string   `json:"overall_risk" section:"risk"`
	RiskScreenComplete bool     `json:"risk_screen_complete" section:"risk"`
}

// SectionFields returns the Go field names of a section, for partial validation.
func SectionFields(section string) []string {
	var names []string
	t := reflect.TypeOf(Intake{})
	for i := 0; i < t.NumField(); i++ {
		if t.Field(i).Tag.Get("section") == section {
			names = append(names, t.Field(i).Name)
		}
	}
	return names
}

// WithSection returns a copy of in with the fields of one section taken from from.
func (in Intake) WithSection(section string, from Intake) Intake {
	dst := reflect.ValueOf(&in).Elem()
	src := reflect.ValueOf(from)
	t := dst.Type()
	for i := 0; i < t.NumField(); i++ {
		if t.Field(i).Tag.Get("section") == section {
			dst.Field(i).Set(src.Field(i))
		}
	}
	return in
}

// SectionEqual reports whether a and b agree on every field of a section.
func SectionEqual(section string, a, b Intake) bool {
	va, vb := reflect.ValueOf(a), reflect.ValueOf(b)
	t := va.Type()
	for i := 0; i < t.NumField(); i++ {
		if t.Field(i).Tag.Get("section") == section && !reflect.DeepEqual(va.Field(i).Interface(), vb.Field(i).Interface()) {
			return false
		}
	}
	return true
}

// SectionProblems checks the choices of one section against the vocabulary (lengths are
// checked by the validate tags) and returns a message per form field.
func (in Intake) SectionProblems(section string) map[string]string {
	p := map[string]string{}
	check := func(field string, ok bool, msg string) {
		if !ok {
			p[field] = msg
		}
	}
	const pick = "Choose from the list."
	switch section {
	case "concerns":
		check("concerns", PresentingConcerns().HasAll(in.Concerns), pick)
	case "relationship":
		check("relationship_status", in.RelationshipStatus == "" || RelationshipStatuses().Has(in.RelationshipStatus), pick)
	case "history":
		check("attachment_style", AttachmentStyles().Has(in.AttachmentStyle), pick)
	case "beliefs":
		check("core_beliefs", CoreBeliefs().HasAll(in.CoreBeliefs), pick)
		check("distortions", Distortions().HasAll(in.Distortions), pick)
	case "wider":
		check("co_occurring", CoOccurring().HasAll(in.CoOccurring), pick)
	case "plan":
		check("approaches", Approaches().HasAll(in.Approaches), pick)
		check("format", in.Format == "" || Formats().Has(in.Format), pick)
		if n, err := strconv.Atoi(in.AnticipatedSessions); in.AnticipatedSessions != "" && (err != nil || n < 1 || n > 200) {
			p["anticipated_sessions"] = "Enter a whole number from 1 to 200, or leave it empty."
		}
	case "risk":
		answers := RiskAnswers()
		check("risk_self_harm", answers.Has(in.RiskSelfHarm), "Record none, some or serious.")
		check("risk_to_others", answers.Has(in.RiskToOthers), "Record none, some or serious.")
		check("risk_ipv", answers.Has(in.RiskIPV), "Record none, some or serious.")
		check("risk_substance", answers.Has(in.RiskSubstance), "Record none, some or serious.")
		check("risk_own_control", answers.Has(in.RiskOwnControl), "Record none, some or serious.")
		check("risk_ipv_signs", CoerciveSigns().HasAll(in.RiskIPVSigns), pick)
		check("overall_risk", RiskLevels().Has(in.OverallRisk), "Choose the overall risk level.")
		if in.RiskIPV == "none" && len(in.RiskIPVSigns) > 0 {
			p["risk_ipv"] = "Signs of coercive control are ticked: record some or serious."
		}
		raised := slices.Contains(in.riskAnswers(), "serious")
		if raised && (in.OverallRisk == "none" || in.OverallRisk == "low") {
			p["overall_risk"] = "A serious answer above needs an overall level of moderate or high."
		}
		if in.RiskRaised() && in.SafetyPlan == "" {
			p["safety_plan"] = "With a raised risk, record the safety plan agreed (or why there is none yet)."
		}
	}
	return p
}

// RiskRaised reports whether the risk screen calls for a flag: any answer above none, or
// an overall level of moderate or high.
func (in Intake) RiskRaised() bool {
	for _, a := range in.riskAnswers() {
		if a == "some" || a == "serious" {
			return true
		}
	}
	return slices.Contains([]string{"moderate", "high"}, in.OverallRisk)
}

// riskAnswers are the graded answers of the risk screen, each flagging when above none.
func (in Intake) riskAnswers() []string {
	return []string{in.RiskSelfHarm, in.RiskToOthers, in.RiskIPV, in.RiskSubstance, in.RiskOwnControl}
}

// RiskSummary names the raised parts of the risk screen in a few words, for the flag.
func (in Intake) RiskSummary() string {
	var parts []string
	add := func(answer, what string) {
		if answer == "some" || answer == "serious" {
			parts = append(parts, what+": "+answer)
		}
	}
	add(in.RiskSelfHarm, "self-harm or suicide")
	add(in.RiskToOthers, "risk to others")
	add(in.RiskIPV, "partner violence or coercive control")
	add(in.RiskSubstance, "alcohol or drug use")
	add(in.RiskOwnControl, "own controlling or monitoring behaviour")
	s := "Overall risk " + RiskLevels().Label(in.OverallRisk)
	for _, p := range parts {
		s += "; " + p
	}
	return s
}
