// Package casework holds the pure rules of a client's record: the vocabulary of
// relationship insecurity work (DOMAIN.md), the intake and its risk screen, SMART goals
// with their lifecycle and progress. It knows nothing of HTTP or SQL.
package casework

// Option is one choice of a fixed list: the value stored and the label shown.
type Option struct {
	Value string
	Label string
}

// Options is a fixed list of choices.
type Options []Option

// Has reports whether v is one of the values.
func (o Options) Has(v string) bool {
	for _, x := range o {
		if x.Value == v {
			return true
		}
	}
	return false
}

// HasAll reports whether every v is one of the values.
func (o Options) HasAll(vs []string) bool {
	for _, v := range vs {
		if !o.Has(v) {
			return false
		}
	}
	return true
}

// Label returns the label of v, or v itself when it is not in the list.
func (o Options) Label(v string) string {
	for _, x := range o {
		if x.Value == v {
			return x.Label
		}
	}
	return v
}

// Labels returns the labels of vs, in the list's order.
func (o Options) Labels(vs []string) []string {
	var out []string
	for _, x := range o {
		for _, v := range vs {
			if v == x.Value {
				out = append(out, x.Label)
			}
		}
	}
	return out
}

// Formats of therapy.
func Formats() Options {
	return Options{{"individual", "Individual"}, {"couples", "Couples"}, {"group", "Group"}}
}

// ClientStatuses are the stages of a case.
func ClientStatuses() Options {
	return Options{{"intake", "Intake"}, {"active", "Active"}, {"paused", "Paused"}, {"discharged", "Discharged"}}
}

// ContactMethods are the ways a client may be contacted.
func ContactMethods() Options {
	return Options{{"email", "Email"}, {"phone", "Phone"}, {"neither", "Neither: hand links over in person"}}
}

// PresentingConcerns is the intake checklist of what insecurity looks like.
func PresentingConcerns() Options {
	return Options{
		{"reassurance", "Repeated reassurance seeking (\"Do you still love me?\", \"Are you mad at me?\")"},
		{"checking", "Checking the partner's phone, messages or social media"},
		{"overthinking_messages", "Overthinking messages: a delayed or short reply read as rejection"},
		{"fear_abandonment", "Fear of abandonment or of a breakup"},
		{"doubting_feelings", "Doubting the partner's feelings despite evidence of commitment"},
		{"trust", "Difficulty trusting, especially after a past betrayal"},
		{"jealousy", "Jealousy, including about the partner's friendships"},
		{"people_pleasing", "People-pleasing: suppressing own needs to keep the peace; fear of conflict"},
		{"testing", "Testing the partner or creating drama to see if they will \"fight for\" the relationship"},
		{"withdrawal", "Emotional withdrawal or shutting down under tension (pursue-withdraw cycle)"},
		{"what_if", "Racing \"what-if\" thoughts with body signs: tight chest, racing heart, poor sleep"},
		{"comparison", "Comparison with other couples on social media"},
		{"pulling_away", "Pulling away from friends and interests"},
		{"same_fight", "The same fight again and again"},
	}
}

// RelationshipStatuses describe the client's current situation.
func RelationshipStatuses() Options {
	return Options{
		{"", "Not recorded"},
		{"single", "Single, between relationships"},
		{"dating", "Dating"},
		{"committed", "In a committed relationship"},
		{"living_together", "Living together"},
		{"married", "Married or in a civil partnership"},
		{"separated", "Separated or separating"},
		{"other", "Other"},
	}
}

// AttachmentStyles are the counsellor's working impression, not a diagnosis.
func AttachmentStyles() Options {
	return Options{
		{"", "Not yet formed"},
		{"secure", "Secure"},
		{"anxious", "Anxious"},
		{"avoidant", "Avoidant"},
		{"fearful_avoidant", "Fearful-avoidant (disorganised)"},
	}
}

// CoreBeliefs often named by clients.
func CoreBeliefs() Options {
	return Options{
		{"not_lovable", "\"I am not lovable\""},
		{"not_good_enough", "\"I am not good enough\""},
		{"people_leave", "\"People I love always leave\""},
		{"too_much", "\"I'm too much\""},
		{"earn_love", "\"I have to earn love\""},
	}
}

// Distortions are the cognitive distortions worth tagging.
func Distortions() Options {
	return Options{
		{"mind_reading", "Mind-reading"},
		{"catastrophising", "Catastrophising"},
		{"personalisation", "Personalisation"},
		{"black_and_white", "Black-and-white thinking"},
		{"emotional_reasoning", "Emotional reasoning"},
		{"fortune_telling", "Fortune-telling"},
		{"discounting_positive", "Discounting the positive"},
		{"should_statements", "Should-statements"},
	}
}

// CoOccurring lists conditions that can amplify insecurity.
func CoOccurring() Options {
	return Options{
		{"anxiety", "Anxiety"},
		{"depression", "Depression"},
		{"trauma", "Trauma"},
		{"bpd_traits", "Borderline personality traits"},
	}
}

// Approaches are the ways of working a counsellor may plan.
func Approaches() Options {
	return Options{
		{"cbt", "CBT"},
		{"psychodynamic", "Psychodynamic"},
		{"eft", "Emotionally focused therapy (EFT)"},
		{"attachment_based", "Attachment-based"},
		{"mindfulness", "Mindfulness-based"},
		{"somatic_trauma", "Somatic and trauma-informed (including EMDR)"},
		{"gottman", "Gottman-informed couples work"},
		{"self_compassion", "Self-compassion work"},
	}
}

// RiskAnswers grade one question of the risk screen.
func RiskAnswers() Options {
	return Options{{"none", "None"}, {"some", "Some"}, {"serious", "Serious"}}
}

// RiskLevels are the overall risk judgements.
func RiskLevels() Options {
	return Options{{"none", "None"}, {"low", "Low"}, {"moderate", "Moderate"}, {"high", "High"}}
}

// RiskFlagSources name where a risk flag came from, for staff pages (never the stored code).
func RiskFlagSources() Options {
	return Options{
		{"intake", "Intake risk screen"},
		{"phq9_item9", "PHQ-9 question 9 (thoughts of being better off dead or of self-harm)"},
		{"manual", "Raised by a counsellor"},
	}
}

// CoerciveSigns are the signs of coercive control the risk screen asks about.
func CoerciveSigns() Options {
	return Options{
		{"monitored", "Being monitored (phone, location, accounts)"},
		{"isolated", "Being isolated from friends or family"},
		{"threatened", "Being threatened or intimidated"},
		{"financial", "Being controlled financially"},
	}
}

// AppointmentStatuses say what became of an appointment.
func AppointmentStatuses() Options {
	return Options{{"scheduled", "Scheduled"}, {"attended", "Attended"}, {"cancelled", "Cancelled"}, {"no_show", "No-show"}}
}
