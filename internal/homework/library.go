package homework

import "strings"

// BuiltIn is a template shipped with Secure Base, under a stable key, with what a counsellor
// needs to choose it: why it helps, how often to set it, and its version.
type BuiltIn struct {
	Key string
	// Version goes up whenever the definition changes. An assignment keeps the copy it was
	// given (with the version in it), so a new version never alters homework already set.
	Version   int
	Rationale string  // for the counsellor: why it helps, in a sentence or two
	Cadence   Cadence // the suggested cadence
	Template  Template
}

// SuggestedCadence words the suggested cadence for staff.
func (b BuiltIn) SuggestedCadence() string {
	if b.Cadence == Daily {
		return "Daily"
	}
	return "Once, or after each time it comes up"
}

// builtIn puts a built-in together: tags and version go into the template itself, so the copy
// an assignment keeps carries them.
func builtIn(key string, version int, cadence Cadence, rationale string, tags Tags, t Template) BuiltIn {
	t.Tags, t.Version = tags, version
	return BuiltIn{Key: key, Version: version, Rationale: rationale, Cadence: cadence, Template: t}
}

// tags is shorthand for Tags.
func tags(approaches, signs, markers, metrics []string) Tags {
	return Tags{Approaches: approaches, Signs: signs, Markers: markers, Metrics: metrics}
}

// l is shorthand for a list of keys.
func l(keys ...string) []string { return keys }

// BuiltIns returns the built-in templates, each with a stable key, in the order of DOMAIN.md,
// then the further techniques of issue 20. Each text has two wordings: the clinical one staff
// read, and a neutral one for the client, whose phone may be read by someone else (see
// ClientWorded). A fresh copy is built on every call.
func BuiltIns() []BuiltIn {
	return []BuiltIn{
		builtIn("thought_record", 1, Once,
			"Slowing an automatic thought down on paper lets the client test mind-reading and catastrophising against the facts.",
			tags(l("cbt"), l("overthinking_messages", "doubting_feelings", "what_if"), l("no_spiral"), l("distress_rating")),
			thoughtRecord()),
		builtIn("trigger_reflection", 1, Once,
			"Separating today's event from an older hurt shows how much of a reaction is carried over from attachment history.",
			tags(l("psychodynamic", "attachment_based"), l("fear_abandonment", "trust", "jealousy"), l("no_spiral", "faces_change"), nil),
			triggerReflection()),
		builtIn("reassurance_tally", 1, Daily,
			"Counting asks and checks makes the habit visible and gives a baseline and target for a goal.",
			tags(l("cbt"), l("reassurance", "checking"), l("no_panic"), l("reassurance_seeking", "checking")),
			reassuranceTally()),
		builtIn("mindfulness_log", 1, Daily,
			"Regular short practice builds the capacity to notice worry without acting on it; before and after ratings show the effect.",
			tags(l("mindfulness"), l("what_if", "overthinking_messages"), l("no_panic", "time_alone"), l("self_soothing", "distress_rating")),
			mindfulnessLog()),
		builtIn("i_statement", 1, Once,
			"Naming a need as one's own feeling, not the other's fault, lowers defensiveness and keeps the need heard.",
			tags(l("cbt", "gottman"), l("people_pleasing", "same_fight", "testing"), l("communicates"), nil),
			iStatement()),
		builtIn("bids_for_connection", 1, Daily,
			"Noticing the partner's small bids counters the negative filter that makes commitment hard to believe.",
			tags(l("gottman", "eft"), l("doubting_feelings", "fear_abandonment"), l("faces_change"), l("closeness_rating")),
			bidsForConnection()),
		builtIn("self_compassion_break", 1, Once,
			"Kind self-talk in a hard moment soothes shame and self-criticism that otherwise get handed to the partner to fix.",
			tags(l("self_compassion", "mindfulness"), l("reassurance", "fear_abandonment"), l("values_identity"), nil),
			selfCompassionBreak()),
		builtIn("boundary_practice", 1, Once,
			"Holding one small boundary and rating the guilt shows the client that their needs can be stated and survived.",
			tags(l("cbt", "attachment_based"), l("people_pleasing"), l("values_identity", "communicates"), l("boundaries")),
			boundaryPractice()),
		builtIn("own_life_plan", 1, Once,
			"A life of one's own outside the relationship steadies self-worth and eases the fear of being left.",
			tags(l("attachment_based", "self_compassion"), l("pulling_away", "fear_abandonment"), l("time_alone", "values_identity"), nil),
			ownLifePlan()),
		builtIn("daily_check_in", 1, Daily,
			"A short daily check-in is a predictable ritual of connection; the closeness rating can feed a goal.",
			tags(l("gottman", "eft"), l("withdrawal", "doubting_feelings"), l("communicates", "faces_change"), l("closeness_rating", "time_together")),
			dailyCheckIn()),
		builtIn("grounding_pause", 1, Daily,
			"A body-first pause (slow breaths, a walk, a body scan) lets the urge to check or ask peak and pass before acting on it.",
			tags(l("somatic_trauma", "mindfulness"), l("reassurance", "checking", "what_if"), l("no_panic"), l("self_soothing", "reassurance_seeking", "checking")),
			groundingPause()),
		builtIn("self_soothing", 1, Daily,
			"Practising self-soothing when calm makes it available when distressed, so regulation no longer depends on the partner's reply.",
			tags(l("somatic_trauma", "self_compassion"), l("what_if", "fear_abandonment", "overthinking_messages"), l("no_panic", "time_alone"), l("self_soothing", "distress_rating")),
			selfSoothing()),
		builtIn("secure_habits", 1, Daily,
			"Small, predictable acts (appreciation, rituals, keeping promises, affection) build the felt security that reassurance cannot.",
			tags(l("gottman", "eft", "attachment_based"), l("doubting_feelings", "trust", "fear_abandonment"), l("faces_change"), l("time_together", "closeness_rating")),
			secureHabits()),
		builtIn("gentle_start_up", 1, Once,
			"Practising a gentle start-up (a request, not a demand; describing, not judging) and noticing passive, aggressive or assertive replies breaks the same fight.",
			tags(l("gottman", "cbt"), l("same_fight", "people_pleasing", "withdrawal"), l("communicates", "no_spiral"), l("communication", "conflict")),
			gentleStartUp()),
		builtIn("core_belief", 1, Once,
			`Naming a core belief such as "I am not lovable" and weighing the evidence both ways loosens it; the belief rating shows change over weeks.`,
			tags(l("cbt", "psychodynamic"), l("fear_abandonment", "doubting_feelings", "people_pleasing"), l("values_identity"), l("distress_rating")),
			coreBelief()),
		builtIn("comparison_check", 1, Daily,
			"Noticing comparisons with other couples online, and that what is posted is a filtered reality, weakens their pull on mood.",
			tags(l("cbt", "mindfulness"), l("comparison", "jealousy", "checking"), l("less_jealous"), l("checking", "distress_rating")),
			comparisonCheck()),
		builtIn("values_compass", 1, Once,
			"Knowing one's own values and identity gives a base of self-worth that does not rise and fall with the partner's attention.",
			tags(l("attachment_based", "psychodynamic", "self_compassion"), l("people_pleasing", "pulling_away"), l("values_identity", "time_alone"), nil),
			valuesCompass()),
		builtIn("validation_practice", 1, Daily,
			"For couples seen together: validating phrases and calming down together (co-regulation) replace the pursue-withdraw cycle.",
			tags(l("eft", "gottman"), l("withdrawal", "same_fight"), l("communicates", "no_spiral"), l("repair", "closeness_rating")),
			validationPractice()),
		builtIn("progress_notes", 1, Once,
			"Noticing and celebrating progress, however small, builds confidence that the skills work and keeps motivation up.",
			tags(l("cbt", "self_compassion"), l("reassurance", "what_if", "fear_abandonment"), l("faces_change", "values_identity"), nil),
			progressNotes()),
	}
}

// BuiltInFor returns the built-in a template ref ("builtin:key") names.
func BuiltInFor(ref string) (BuiltIn, bool) {
	key, ok := strings.CutPrefix(ref, "builtin:")
	if !ok {
		return BuiltIn{}, false
	}
	for _, b := range BuiltIns() {
		if b.Key == key {
			return b, true
		}
	}
	return BuiltIn{}, false
}
