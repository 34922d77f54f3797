package casework

import "github.com/securebase/securebase/internal/casework"

// intakeForm is the intake as the staff form posts it: binding and validation tags only.
// The stored model is casework.Intake (JSON, sections and rules); intakeFormOf and intake
// convert between the two, field by field. Each field keeps the model's Go name, so a
// section's fields (casework.SectionFields) name the same fields here.
type intakeForm struct {
	Concerns         []string `form:"concerns"`
	ConcernsOwnWords string   `form:"concerns_own_words" validate:"max=5000"`

	RelationshipStatus  string `form:"relationship_status"`
	RelationshipHistory string `form:"relationship_history" validate:"max=5000"`
	ClientChecking      string `form:"client_checking" validate:"max=5000"`
	PartnerChecking     string `form:"partner_checking" validate:"max=5000"`
	Onset               string `form:"onset" validate:"max=5000"`
	Course              string `form:"course" validate:"max=5000"`

	FamilyHistory     string `form:"family_history" validate:"max=5000"`
	AttachmentHistory string `form:"attachment_history" validate:"max=5000"`
	AttachmentStyle   string `form:"attachment_style"`

	CoreBeliefs         []string `form:"core_beliefs"`
	CoreBeliefsOwnWords string   `form:"core_beliefs_own_words" validate:"max=5000"`
	Distortions         []string `form:"distortions"`
	Triggers            string   `form:"triggers" validate:"max=5000"`

	CoOccurring      []string `form:"co_occurring"`
	CoOccurringNotes string   `form:"co_occurring_notes" validate:"max=5000"`
	PreviousTherapy  string   `form:"previous_therapy" validate:"max=5000"`
	MedicalNotes     string   `form:"medical_notes" validate:"max=5000"`
	SubstanceUse     string   `form:"substance_use" validate:"max=5000"`
	SocialSupports   string   `form:"social_supports" validate:"max=5000"`
	Strengths        string   `form:"strengths" validate:"max=5000"`

	Approaches          []string `form:"approaches"`
	Format              string   `form:"format"`
	AnticipatedSessions string   `form:"anticipated_sessions"`
	Hopes               string   `form:"hopes" validate:"max=5000"`

	RiskSelfHarm       string   `form:"risk_self_harm"`
	RiskSelfHarmNotes  string   `form:"risk_self_harm_notes" validate:"max=5000"`
	RiskToOthers       string   `form:"risk_to_others"`
	RiskToOthersNotes  string   `form:"risk_to_others_notes" validate:"max=5000"`
	RiskIPV            string   `form:"risk_ipv"`
	RiskIPVSigns       []string `form:"risk_ipv_signs"`
	RiskIPVNotes       string   `form:"risk_ipv_notes" validate:"max=5000"`
	RiskSubstance      string   `form:"risk_substance"`
	RiskSubstanceNotes string   `form:"risk_substance_notes" validate:"max=5000"`
	RiskOwnControl     string   `form:"risk_own_control"`
	RiskOwnControlNote string   `form:"risk_own_control_notes" validate:"max=5000"`
	SafetyPlan         string   `form:"safety_plan" validate:"max=5000"`
	OverallRisk        string   `form:"overall_risk"`
	// RiskScreenComplete is not a form field: the save of the risk section sets it.
}

// intakeFormOf fills the form from a stored intake.
func intakeFormOf(in casework.Intake) intakeForm {
	return intakeForm{
		Concerns: in.Concerns, ConcernsOwnWords: in.ConcernsOwnWords,
		RelationshipStatus: in.RelationshipStatus, RelationshipHistory: in.RelationshipHistory, ClientChecking: in.ClientChecking,
		PartnerChecking: in.PartnerChecking, Onset: in.Onset, Course: in.Course,
		FamilyHistory: in.FamilyHistory, AttachmentHistory: in.AttachmentHistory, AttachmentStyle: in.AttachmentStyle,
		CoreBeliefs: in.CoreBeliefs, CoreBeliefsOwnWords: in.CoreBeliefsOwnWords, Distortions: in.Distortions, Triggers: in.Triggers,
		CoOccurring: in.CoOccurring, CoOccurringNotes: in.CoOccurringNotes, PreviousTherapy: in.PreviousTherapy,
		MedicalNotes: in.MedicalNotes, SubstanceUse: in.SubstanceUse, SocialSupports: in.SocialSupports, Strengths: in.Strengths,
		Approaches: in.Approaches, Format: in.Format, AnticipatedSessions: in.AnticipatedSessions, Hopes: in.Hopes,
		RiskSelfHarm: in.RiskSelfHarm, RiskSelfHarmNotes: in.RiskSelfHarmNotes, RiskToOthers: in.RiskToOthers,
		RiskToOthersNotes: in.RiskToOthersNotes, RiskIPV: in.RiskIPV, RiskIPVSigns: in.RiskIPVSigns, RiskIPVNotes: in.RiskIPVNotes,
		RiskSubstance: in.RiskSubstance, RiskSubstanceNotes: in.RiskSubstanceNotes, RiskOwnControl: in.RiskOwnControl,
		RiskOwnControlNote: in.RiskOwnControlNote, SafetyPlan: in.SafetyPlan, OverallRisk: in.OverallRisk,
	}
}

// intake is the posted form as the model (with the risk screen not marked complete).
func (f intakeForm) intake() casework.Intake {
	return casework.Intake{
		Concerns: f.Concerns, ConcernsOwnWords: f.ConcernsOwnWords,
		RelationshipStatus: f.RelationshipStatus, RelationshipHistory: f.RelationshipHistory, ClientChecking: f.ClientChecking,
		PartnerChecking: f.PartnerChecking, Onset: f.Onset, Course: f.Course,
		FamilyHistory: f.FamilyHistory, AttachmentHistory: f.AttachmentHistory, AttachmentStyle: f.AttachmentStyle,
		CoreBeliefs: f.CoreBeliefs, CoreBeliefsOwnWords: f.CoreBeliefsOwnWords, Distortions: f.Distortions, Triggers: f.Triggers,
		CoOccurring: f.CoOccurring, CoOccurringNotes: f.CoOccurringNotes, PreviousTherapy: f.PreviousTherapy,
		MedicalNotes: f.MedicalNotes, SubstanceUse: f.SubstanceUse, SocialSupports: f.SocialSupports, Strengths: f.Strengths,
		Approaches: f.Approaches, Format: f.Format, AnticipatedSessions: f.AnticipatedSessions, Hopes: f.Hopes,
		RiskSelfHarm: f.RiskSelfHarm, RiskSelfHarmNotes: f.RiskSelfHarmNotes, RiskToOthers: f.RiskToOthers,
		RiskToOthersNotes: f.RiskToOthersNotes, RiskIPV: f.RiskIPV, RiskIPVSigns: f.RiskIPVSigns, RiskIPVNotes: f.RiskIPVNotes,
		RiskSubstance: f.RiskSubstance, RiskSubstanceNotes: f.RiskSubstanceNotes, RiskOwnControl: f.RiskOwnControl,
		RiskOwnControlNote: f.RiskOwnControlNote, SafetyPlan: f.SafetyPlan, OverallRisk: f.OverallRisk,
	}
}

// intakeFormFields are a section's fields that the form posts (the model's section fields
// less those set by the save itself).
func intakeFormFields(section string) []string {
	var out []string
	for _, name := range casework.SectionFields(section) {
		if name != "RiskScreenComplete" {
			out = append(out, name)
		}
	}
	return out
}
