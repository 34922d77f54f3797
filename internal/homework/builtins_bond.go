package homework

// The built-ins that build a secure bond and say what one needs (issue 20): everyday secure
// habits, a gentle start-up, and validation with co-regulation for couples seen together.

func secureHabits() Template {
	return Template{
		Title:         "Secure-bond habits",
		ClientTitle:   "Small everyday habits",
		Purpose:       "Daily habits that build a secure bond: appreciation, small predictable rituals, following through on promises, physical affection.",
		ClientPurpose: "Small things done often, and kept to, make the people close to you feel cared for, and you too.",
		Instructions: "At the end of the day, tick the small habits you managed and note one of them. " +
			"Little and often is the idea: a thank-you, a goodnight message, a hug.",
		Fields: []Field{
			{
				Key: "habits", Type: MultiChoice, Required: true, Label: "Habits done today",
				ClientLabel: "Which of these did you do today?", ClientHelp: "Tick all that apply.",
				Choices: []Choice{
					ch("appreciation", "Showed appreciation", "Said thank you or what I appreciate"),
					ch("ritual", "Kept a small ritual (goodnight message, weekly coffee)", "Kept a small ritual, like a goodnight message or a weekly coffee"),
					ch("follow_through", "Followed through on something promised", "Did something I said I would"),
					ch("affection", "Physical affection", "A hug, holding hands or another warm touch"),
				},
			},
			w(Count, "habit_count", true, "How many times in all", "",
				"How many times in all did you do one of these today?", "A rough count is fine."),
			w(LongText, "one_moment", false, "One moment to remember", "",
				"Which moment would you like to remember?", `For example: "I left a note saying thanks for cooking."`),
			w(Rating10, "closeness", false, "How close I felt (0-10)", "",
				"How close did you feel to the people who matter to you today, from 0 to 10?", "0 means very distant and 10 means very close."),
		},
	}
}

func gentleStartUp() Template {
	return Template{
		Title:         "Saying what I need: gentle start-up",
		ClientTitle:   "Raising something gently",
		Purpose:       `Gentle start-up: a request not a demand, describe not judge; notice whether the reply was passive, aggressive or assertive.`,
		ClientPurpose: "How a conversation starts often decides how it ends. Starting softly, asking rather than demanding, helps you be heard.",
		Instructions: "When you raise something that matters to you, try to describe what happened without judging, " +
			`and ask for what you would like ("Could we...?") rather than demand it. Afterwards, note how it went.`,
		Fields: []Field{
			w(LongText, "topic", true, "What I raised", "", "What did you want to talk about?", `For example: "Plans for the weekend."`),
			w(LongText, "opening", true, "How I started (description and request)",
				`Describe, don't judge; request, don't demand. E.g. "I missed you tonight. Could we plan one evening together this week?"`,
				"What were your first words?",
				`Describe what happened and ask for what you would like. For example: "I missed you tonight. Could we plan an evening together this week?"`),
			{
				Key: "my_style", Type: SingleChoice, Required: true, Label: "My reply style",
				Help:        "Passive (held back), aggressive (blamed or demanded), assertive (clear and respectful).",
				ClientLabel: "How did you come across?", ClientHelp: "Choose the closest. There is no wrong answer.",
				Choices: []Choice{
					ch("passive", "Passive", "I held back what I meant"),
					ch("aggressive", "Aggressive", "It came out sharp or blaming"),
					ch("assertive", "Assertive", "Clear, calm and respectful"),
				},
			},
			w(Rating10, "calm", false, "How calm I stayed (0-10)", "",
				"How calm did you stay, from 0 to 10?", "0 means not calm at all and 10 means completely calm."),
			w(LongText, "response", false, "The other person's response", "",
				"How did the other person respond?", `For example: "They listened and suggested Friday."`),
		},
	}
}

func validationPractice() Template {
	return Template{
		Title:         "Validation and co-regulation (couples)",
		ClientTitle:   "Listening and calming down together",
		Purpose:       "For couples seen together: use validation phrases and co-regulate (slow down, breathe, touch) when tension rises; rate feeling understood.",
		ClientPurpose: "When things get tense, showing you understand and slowing down together helps you both feel heard and settle.",
		Instructions: "When a conversation gets tense, try one of these: \"That makes sense\", \"I can see why you feel that\", " +
			"\"Tell me more\". If you both feel wound up, pause together: breathe slowly, sit close, hold hands. Then note what happened.",
		Fields: []Field{
			w(LongText, "moment", true, "What the tension was about", "", "What was the conversation about?", "A few words is enough."),
			w(LongText, "phrase", false, "The validation phrase used", "",
				"What did you say to show you understood?", `For example: "I can see why that upset you."`),
			w(YesNo, "calmed_together", false, "Did we co-regulate (pause and calm together)?", "",
				"Did you pause and calm down together?", "For example, breathing slowly side by side for a minute."),
			w(Rating10, "felt_understood", true, "How understood I felt (0-10)", "",
				"How understood did you feel, from 0 to 10?", "0 means not at all and 10 means completely."),
			w(Count, "times_validated", false, "Times we used validation today", "",
				"How many times today did either of you say something like this?", "A rough count is fine."),
		},
	}
}
