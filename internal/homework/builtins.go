package homework

// BuiltInByKey returns one by key.
func BuiltInByKey(key string) (Template, bool) {
	for _, b := range BuiltIns() {
		if b.Key == key {
			return b.Template, true
		}
	}
	return Template{}, false
}

// w builds a field of type t with both wordings: the staff's (clinical) and the client's.
func w(t FieldType, key string, required bool, staff, staffHelp, client, clientHelp string) Field {
	return Field{Key: key, Type: t, Required: required, Label: staff, Help: staffHelp, ClientLabel: client, ClientHelp: clientHelp}
}

// ch builds an option with both wordings.
func ch(value, staff, client string) Choice {
	return Choice{Value: value, Label: staff, ClientLabel: client}
}

func thoughtRecord() Template {
	return Template{
		Title:         "Thought record",
		ClientTitle:   "A closer look at a thought",
		Purpose:       "CBT thought record: catch an automatic thought, tag cognitive distortions, weigh the evidence and reach a balanced alternative.",
		ClientPurpose: "Writing a worrying thought down slows it, so you can look at it clearly and find a kinder, more balanced view.",
		Instructions: "Fill this in when you notice a strong feeling, as soon after as you can. " +
			"A few words for each question is plenty, and there are no wrong answers.",
		Fields: []Field{
			w(LongText, "situation", true, "Situation",
				`Where, who, what happened. E.g. "My partner hadn't replied to my message for three hours."`,
				"What was happening?",
				`Where you were, who was there and what happened. For example: "A message I sent three hours ago still had no reply."`),
			w(LongText, "automatic_thought", true, "Automatic thought", `E.g. "They're losing interest in me."`,
				"What went through your mind?",
				`The first thought that came, in your own words. For example: "They're losing interest in me."`),
			w(ShortText, "emotion", true, "Emotion", "One or two words, e.g. anxious, jealous, sad, ashamed.",
				"What did you feel?", "One or two words, such as worried, sad, angry or ashamed."),
			w(Rating100, "emotion_intensity", true, "Emotion intensity (0-100)", "",
				"How strong was that feeling, from 0 to 100?", "0 means not at all and 100 means as strong as it could be."),
			{
				Key: "distortions", Type: MultiChoice, Label: "Cognitive distortions", Help: "Tag any that apply.",
				ClientLabel: "Did any of these thinking habits show up?",
				ClientHelp:  "Tick any that fit. Everyone's mind does these sometimes, and it's fine if none fit.",
				Choices: []Choice{
					ch("mind_reading", "Mind-reading", "Mind-reading: feeling sure you know what someone else is thinking"),
					ch("catastrophising", "Catastrophising", "Catastrophising: jumping to the worst possible outcome"),
					ch("personalisation", "Personalisation", "Personalisation: blaming yourself for things outside your control"),
					ch("black_and_white", "Black-and-white thinking", "Black-and-white thinking: seeing things as all good or all bad"),
					ch("emotional_reasoning", "Emotional reasoning", "Emotional reasoning: it feels true, so it must be true"),
					ch("fortune_telling", "Fortune-telling", "Fortune-telling: predicting how things will turn out"),
					ch("discounting_positive", "Discounting the positive", "Discounting the positive: telling yourself the good things don't count"),
					ch("should_statements", "Should-statements", `Should-statements: strict rules such as "I should" or "they must"`),
				},
			},
			w(LongText, "evidence_for", false, "Evidence for the thought", "",
				"What makes the thought seem true?", `Facts rather than feelings. For example: "They were quieter than usual this morning."`),
			w(LongText, "evidence_against", false, "Evidence against the thought", "",
				"What doesn't fit the thought?", `Anything that points the other way. For example: "They told me they had a busy afternoon at work."`),
			w(LongText, "balanced_thought", false, "Balanced alternative thought", "",
				"What is a more balanced way to see it?",
				`A thought that takes in all the facts. For example: "They're busy today, and that doesn't mean they care less."`),
			w(Rating100, "emotion_rerated", false, "Emotion re-rated (0-100)", "",
				"How strong is the feeling now, from 0 to 100?", "Rate the same feeling again, now that you have looked at it closely."),
		},
	}
}

func triggerReflection() Template {
	return Template{
		Title:         "Trigger reflection",
		ClientTitle:   "Looking back at a hard moment",
		Purpose:       "Tell a present trigger apart from fears rooted in attachment history, and weigh the evidence for and against the fear.",
		ClientPurpose: "Looking back calmly at a moment that shook you helps you tell what is happening now apart from old fears.",
		Instructions: "Choose a recent moment that stirred up a strong feeling. " +
			"Take your time, and write as much or as little as you like.",
		Fields: []Field{
			w(LongText, "what_happened", true, "What happened (the trigger)",
				`E.g. "My partner went out with friends and didn't message all evening."`, "What happened?",
				`Describe it simply, as a camera would have seen it. For example: "Someone close to me went out with friends and didn't message all evening."`),
			{
				Key: "now_or_past", Type: SingleChoice, Required: true,
				Label: "About now, or rooted in the past?", Help: "Whether the reaction belongs to the present or to an older hurt.",
				ClientLabel: "Is the feeling mostly about now, or does it echo the past?",
				ClientHelp:  "Sometimes a strong feeling belongs partly to an older hurt. There is no right answer.",
				Choices: []Choice{
					ch("now", "About now", "Mostly about what is happening now"),
					ch("past", "Rooted in the past", "Mostly an echo of something from before"),
					ch("both", "Both", "A bit of both"),
					ch("not_sure", "Not sure", "I'm not sure yet"),
				},
			},
			w(LongText, "evidence_for_fear", false, "Evidence for my fear", "",
				"What supports your fear?", `Facts rather than feelings. For example: "They forgot to message last week too."`),
			w(LongText, "evidence_against_fear", false, "Evidence against my fear", "",
				"What goes against your fear?", `For example: "They told me where they'd be, and they came home when they said."`),
			w(LongText, "friend_advice", false, "What I would tell a friend with this worry", "",
				"What would you say to a friend with this worry?",
				`Imagine a good friend told you all this. For example: "One quiet evening doesn't undo everything they've shown you."`),
			w(LongText, "what_i_did", false, "What I did", "",
				"What did you do?", `What you did next, and how it went. For example: "I went for a walk, then sent a friendly message."`),
		},
	}
}

func reassuranceTally() Template {
	return Template{
		Title:         "Reassurance and checking tally",
		ClientTitle:   "Daily tally",
		Purpose:       "Daily counts of reassurance seeking and checking, and of urges resisted; each count can feed a goal's measure.",
		ClientPurpose: "Counting gently, without judging yourself, shows how things change from one day to the next.",
		Instructions: "At the end of each day, note how many times each of these happened. " +
			"A best guess is fine, and a high number is nothing to be ashamed of.",
		Fields: []Field{
			w(Count, "reassurance_requests", true, "Times I asked for reassurance",
				`E.g. "Are we okay?", "Are you mad at me?", "Do you still love me?".`,
				"How many times did you ask someone to tell you things were all right today?",
				`For example, asking "Are we okay?", "Are you annoyed with me?" or "Do you still love me?".`),
			w(Count, "checks", true, "Times I checked", "Partner's phone, messages, social-media likes and follows.",
				"How many times did you check for signs that things were okay?",
				"For example, looking at their messages, their phone, or who they follow or like online."),
			w(Count, "urges_resisted", false, "Urges to ask or check resisted", "",
				"How many times did you feel the urge to ask or check, and let it pass?",
				"Each time you noticed the pull and chose to wait counts. These are real wins."),
		},
	}
}

func mindfulnessLog() Template {
	return Template{
		Title:         "Mindfulness practice log",
		ClientTitle:   "Mindful minutes",
		Purpose:       "Minutes of mindfulness practice a day, with anxiety rated before and after.",
		ClientPurpose: "A few calm minutes a day train your mind to notice worries without being carried away by them.",
		Instructions: "Each day, note how long you practised and how you felt before and afterwards. " +
			"Even two minutes counts.",
		Fields: []Field{
			w(Minutes, "minutes", true, "Minutes practised", "",
				"How many minutes did you practise today?", "Add up all your minutes today. Enter 0 if today didn't work out; that's fine too."),
			w(Rating10, "anxiety_before", false, "Anxiety before (0-10)", "",
				"How tense did you feel before, from 0 to 10?", "0 means completely calm and 10 means as tense as you can imagine."),
			w(Rating10, "anxiety_after", false, "Anxiety after (0-10)", "",
				"How tense did you feel afterwards, from 0 to 10?", "Use the same scale: 0 is completely calm, 10 is as tense as you can imagine."),
		},
	}
}

func iStatement() Template {
	return Template{
		Title:         `"I" statement practice`,
		ClientTitle:   "Saying what you need",
		Purpose:       `Practise stating a need as an "I" statement instead of blame, and note the partner's response.`,
		ClientPurpose: `Practising calm "I" statements makes it easier to ask for what you need without it turning into a row.`,
		Instructions: "After you have tried saying what you need in this way, write down how it went. " +
			"It takes time to learn, so a clumsy attempt still counts.",
		Fields: []Field{
			w(LongText, "need", true, "The need", "", "What did you need?", `For example: "To know you're safe when you're out late."`),
			w(LongText, "i_statement", true, `The "I" statement I used`,
				`E.g. "I feel anxious when I don't hear from you" instead of "You never text me back".`, "What did you say?",
				`Start with how you feel rather than what they did. For example: "I feel uneasy when I don't hear from you" instead of "You never text me back".`),
			w(LongText, "how_it_went", false, "How it went", "", "How did it go for you?", "How you felt while you said it, and afterwards."),
			w(LongText, "partner_response", false, "Partner's response", "", "How did the other person respond?",
				`For example: "They said they hadn't realised, and offered to message when they leave."`),
		},
	}
}
