package homework

// BuiltIn is a template shipped with Secure Base, under a stable key.
type BuiltIn struct {
	Key      string
	Template Template
}

// BuiltIns returns the built-in templates, each with a stable key, in the order of DOMAIN.md.
// Client-facing wording is neutral: a phone may be read by someone else, so no title, purpose or
// question mentions counselling. A fresh copy is built on every call.
func BuiltIns() []BuiltIn {
	return []BuiltIn{
		{"thought_record", thoughtRecord()},
		{"trigger_reflection", triggerReflection()},
		{"reassurance_tally", reassuranceTally()},
		{"mindfulness_log", mindfulnessLog()},
		{"i_statement", iStatement()},
		{"bids_for_connection", bidsForConnection()},
		{"self_compassion_break", selfCompassionBreak()},
		{"boundary_practice", boundaryPractice()},
		{"own_life_plan", ownLifePlan()},
		{"daily_check_in", dailyCheckIn()},
	}
}

// BuiltInByKey returns one by key.
func BuiltInByKey(key string) (Template, bool) {
	for _, b := range BuiltIns() {
		if b.Key == key {
			return b.Template, true
		}
	}
	return Template{}, false
}

// q builds a field of type t.
func q(t FieldType, key, label, help string, required bool) Field {
	return Field{Key: key, Label: label, Help: help, Type: t, Required: required}
}

func thoughtRecord() Template {
	return Template{
		Title:   "Thought record",
		Purpose: "Writing a worrying thought down slows it, so you can look at it clearly and find a kinder, more balanced view.",
		Instructions: "Fill this in when you notice a strong feeling, as soon after as you can. " +
			"A few words for each question is plenty, and there are no wrong answers.",
		Fields: []Field{
			q(LongText, "situation", "What was happening?",
				`Where you were, who was there and what happened. For example: "A message I sent three hours ago still had no reply."`, true),
			q(LongText, "automatic_thought", "What went through your mind?",
				`The first thought that came, in your own words. For example: "They're losing interest in me."`, true),
			q(ShortText, "emotion", "What did you feel?",
				"One or two words, such as worried, sad, angry or ashamed.", true),
			q(Rating100, "emotion_intensity", "How strong was that feeling, from 0 to 100?",
				"0 means not at all and 100 means as strong as it could be.", true),
			{
				Key: "distortions", Type: MultiChoice, Label: "Did any of these thinking habits show up?",
				Help: "Tick any that fit. Everyone's mind does these sometimes, and it's fine if none fit.",
				Choices: []Choice{
					{"mind_reading", "Mind-reading: feeling sure you know what someone else is thinking"},
					{"catastrophising", "Catastrophising: jumping to the worst possible outcome"},
					{"personalisation", "Personalisation: blaming yourself for things outside your control"},
					{"black_and_white", "Black-and-white thinking: seeing things as all good or all bad"},
					{"emotional_reasoning", "Emotional reasoning: it feels true, so it must be true"},
					{"fortune_telling", "Fortune-telling: predicting how things will turn out"},
					{"discounting_positive", "Discounting the positive: telling yourself the good things don't count"},
					{"should_statements", `Should-statements: strict rules such as "I should" or "they must"`},
				},
			},
			q(LongText, "evidence_for", "What makes the thought seem true?",
				`Facts rather than feelings. For example: "They were quieter than usual this morning."`, false),
			q(LongText, "evidence_against", "What doesn't fit the thought?",
				`Anything that points the other way. For example: "They told me they had a busy afternoon at work."`, false),
			q(LongText, "balanced_thought", "What is a more balanced way to see it?",
				`A thought that takes in all the facts. For example: "They're busy today, and that doesn't mean they care less."`, false),
			q(Rating100, "emotion_rerated", "How strong is the feeling now, from 0 to 100?",
				"Rate the same feeling again, now that you have looked at it closely.", false),
		},
	}
}

func triggerReflection() Template {
	return Template{
		Title:   "Looking back at a hard moment",
		Purpose: "Looking back calmly at a moment that shook you helps you tell what is happening now apart from old fears.",
		Instructions: "Choose a recent moment that stirred up a strong feeling. " +
			"Take your time, and write as much or as little as you like.",
		Fields: []Field{
			q(LongText, "what_happened", "What happened?",
				`Describe it simply, as a camera would have seen it. For example: "Someone close to me went out with friends and didn't message all evening."`, true),
			{
				Key: "now_or_past", Type: SingleChoice, Required: true,
				Label: "Is the feeling mostly about now, or does it echo the past?",
				Help:  "Sometimes a strong feeling belongs partly to an older hurt. There is no right answer.",
				Choices: []Choice{
					{"now", "Mostly about what is happening now"},
					{"past", "Mostly an echo of something from before"},
					{"both", "A bit of both"},
					{"not_sure", "I'm not sure yet"},
				},
			},
			q(LongText, "evidence_for_fear", "What supports your fear?",
				`Facts rather than feelings. For example: "They forgot to message last week too."`, false),
			q(LongText, "evidence_against_fear", "What goes against your fear?",
				`For example: "They told me where they'd be, and they came home when they said."`, false),
			q(LongText, "friend_advice", "What would you say to a friend with this worry?",
				`Imagine a good friend told you all this. For example: "One quiet evening doesn't undo everything they've shown you."`, false),
			q(LongText, "what_i_did", "What did you do?",
				`What you did next, and how it went. For example: "I went for a walk, then sent a friendly message."`, false),
		},
	}
}

func reassuranceTally() Template {
	return Template{
		Title:   "Daily tally",
		Purpose: "Counting gently, without judging yourself, shows how things change from one day to the next.",
		Instructions: "At the end of each day, note how many times each of these happened. " +
			"A best guess is fine, and a high number is nothing to be ashamed of.",
		Fields: []Field{
			q(Count, "reassurance_requests", "How many times did you ask someone to tell you things were all right today?",
				`For example, asking "Are we okay?", "Are you annoyed with me?" or "Do you still love me?".`, true),
			q(Count, "checks", "How many times did you check for signs that things were okay?",
				"For example, looking at their messages, their phone, or who they follow or like online.", true),
			q(Count, "urges_resisted", "How many times did you feel the urge to ask or check, and let it pass?",
				"Each time you noticed the pull and chose to wait counts. These are real wins.", false),
		},
	}
}

func mindfulnessLog() Template {
	return Template{
		Title:   "Mindful minutes",
		Purpose: "A few calm minutes a day train your mind to notice worries without being carried away by them.",
		Instructions: "Each day, note how long you practised and how you felt before and afterwards. " +
			"Even two minutes counts.",
		Fields: []Field{
			q(Minutes, "minutes", "How many minutes did you practise today?",
				"Add up all your minutes today. Enter 0 if today didn't work out; that's fine too.", true),
			q(Rating10, "anxiety_before", "How tense did you feel before, from 0 to 10?",
				"0 means completely calm and 10 means as tense as you can imagine.", false),
			q(Rating10, "anxiety_after", "How tense did you feel afterwards, from 0 to 10?",
				"Use the same scale: 0 is completely calm, 10 is as tense as you can imagine.", false),
		},
	}
}

func iStatement() Template {
	return Template{
		Title:   "Saying what you need",
		Purpose: `Practising calm "I" statements makes it easier to ask for what you need without it turning into a row.`,
		Instructions: "After you have tried saying what you need in this way, write down how it went. " +
			"It takes time to learn, so a clumsy attempt still counts.",
		Fields: []Field{
			q(LongText, "need", "What did you need?",
				`For example: "To know you're safe when you're out late."`, true),
			q(LongText, "i_statement", "What did you say?",
				`Start with how you feel rather than what they did. For example: "I feel uneasy when I don't hear from you" instead of "You never text me back".`, true),
			q(LongText, "how_it_went", "How did it go for you?",
				"How you felt while you said it, and afterwards.", false),
			q(LongText, "partner_response", "How did the other person respond?",
				`For example: "They said they hadn't realised, and offered to message when they leave."`, false),
		},
	}
}
