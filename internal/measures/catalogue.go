package measures

import "strconv"

// pfizerCredit is the credit line printed on the PHQ-9 and GAD-7 forms at phqscreeners.com.
const pfizerCredit = "Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, " +
	"with an educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute."

// nhsTalkingTherapies names the source of the PHQ-9 and GAD-7 default thresholds.
const nhsTalkingTherapies = "NHS Talking Therapies (formerly IAPT) Manual, \"Measuring recovery\""

// frequencyOptions are the four response options shared by the PHQ-9 and the GAD-7.
func frequencyOptions() []Option {
	return []Option{
		{0, "Not at all"},
		{1, "Several days"},
		{2, "More than half the days"},
		{3, "Nearly every day"},
	}
}

// items numbers texts as items prefix_1, prefix_2, ...
func items(prefix string, texts ...string) []Item {
	out := make([]Item, len(texts))
	for i, t := range texts {
		out[i] = Item{Key: prefix + "_" + strconv.Itoa(i+1), Text: t}
	}
	return out
}

// The default thresholds of every shipped measure live in the three literals below, and nowhere else.
// PHQ-9 and GAD-7 follow the NHS Talking Therapies (formerly IAPT) Manual and its "Measuring recovery"
// guidance: PHQ-9 reliable change is a change of 6 points or more and caseness a score of 10 or more;
// GAD-7 reliable change is 4 points or more and caseness 8 or more.

// difficulty is the closing question printed, word for word, on both the PHQ-9 and the GAD-7 forms. It is
// asked only of people who checked off any problem, and it is not scored.
func difficulty(prefix string) *Difficulty {
	return &Difficulty{
		Key: prefix + "_difficulty",
		Text: "If you checked off any problems, how difficult have these problems made it for you to do your work, " +
			"take care of things at home, or get along with other people?",
		Options: []Option{
			{0, "Not difficult at all"},
			{1, "Somewhat difficult"},
			{2, "Very difficult"},
			{3, "Extremely difficult"},
		},
	}
}

// phq9 is the Patient Health Questionnaire. Its closing difficulty question is kept apart: it has no part
// in the total.
func phq9() Measure {
	return Measure{
		Key:   "phq9",
		Name:  "PHQ-9",
		Title: "How you have been feeling",
		Stem:  "Over the last 2 weeks, how often have you been bothered by any of the following problems?",
		Items: items("phq9",
			"Little interest or pleasure in doing things",
			"Feeling down, depressed, or hopeless",
			"Trouble falling or staying asleep, or sleeping too much",
			"Feeling tired or having little energy",
			"Poor appetite or overeating",
			"Feeling bad about yourself — or that you are a failure or have let yourself or your family down",
			"Trouble concentrating on things, such as reading the newspaper or watching television",
			"Moving or speaking so slowly that other people could have noticed? Or the opposite — "+
				"being so fidgety or restless that you have been moving around a lot more than usual",
			"Thoughts that you would be better off dead or of hurting yourself in some way",
		),
		Options: frequencyOptions(),
		Bands: []Band{
			{0, 4, "Minimal"},
			{5, 9, "Mild"},
			{10, 14, "Moderate"},
			{15, 19, "Moderately severe"},
			{20, 27, "Severe"},
		},
		Max:        27,
		Thresholds: Thresholds{RCI: 6, CutOff: 10, Source: nhsTalkingTherapies},
		Licence:    pfizerCredit,
		RiskItem:   "phq9_9",
		Difficulty: difficulty("phq9"),
	}
}

// gad7 is the Generalised Anxiety Disorder scale. As for the PHQ-9, the difficulty question is unscored.
func gad7() Measure {
	return Measure{
		Key:   "gad7",
		Name:  "GAD-7",
		Title: "Worry and tension",
		Stem:  "Over the last 2 weeks, how often have you been bothered by the following problems?",
		Items: items("gad7",
			"Feeling nervous, anxious, or on edge",
			"Not being able to stop or control worrying",
			"Worrying too much about different things",
			"Trouble relaxing",
			"Being so restless that it is hard to sit still",
			"Becoming easily annoyed or irritable",
			"Feeling afraid, as if something awful might happen",
		),
		Options: frequencyOptions(),
		Bands: []Band{
			{0, 4, "Minimal"},
			{5, 9, "Mild"},
			{10, 14, "Moderate"},
			{15, 21, "Severe"},
		},
		Max:        21,
		Thresholds: Thresholds{RCI: 4, CutOff: 8, Source: nhsTalkingTherapies},
		Licence:    pfizerCredit,
		Difficulty: difficulty("gad7"),
	}
}
