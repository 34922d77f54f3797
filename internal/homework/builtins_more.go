package homework

func bidsForConnection() Template {
	return Template{
		Title:         "Bids for connection",
		ClientTitle:   "Moments of connection",
		Purpose:       "Notice the partner's small bids for connection and how I respond to them.",
		ClientPurpose: "Noticing small moments of care helps you see the warmth that is already there, even on hard days.",
		Instructions: "Keep an eye out for small, everyday signs of care. " +
			"Write down one or more, and how you responded.",
		Fields: []Field{
			w(LongText, "moments", true, "Bids for connection I noticed from my partner",
				"E.g. a check-in message, a coffee, remembering something.",
				"What small moments of care did you notice from the people close to you?",
				"For example: a message to see how your day was going, a coffee made for you, or remembering something that mattered to you."),
			w(LongText, "my_response", false, "How I responded", "", "How did you respond?",
				`For example: "I said thank you and gave them a hug." It's fine if you only noticed it later.`),
		},
	}
}

func selfCompassionBreak() Template {
	return Template{
		Title:         "Self-compassion break",
		ClientTitle:   "A kind pause",
		Purpose:       "Self-compassion in a hard moment: name what was hard, offer kind words, note how it felt after.",
		ClientPurpose: "Speaking to yourself as kindly as you would to a friend can calm a hard moment and help you cope.",
		Instructions: "When something feels hard, pause for a moment and offer yourself a few kind words. " +
			"Then note what happened here.",
		Fields: []Field{
			w(LongText, "what_was_hard", true, "What was hard", "", "What was hard?",
				`A few words is enough. For example: "I felt left out when they made plans without me."`),
			w(LongText, "kind_words", true, "The kind words I used", "", "What kind words did you say to yourself?",
				`For example: "This is hard right now, and I'm doing the best I can."`),
			w(LongText, "felt_after", false, "How I felt after", "", "How did you feel afterwards?", `For example: "Still a bit sad, but calmer."`),
		},
	}
}

func boundaryPractice() Template {
	return Template{
		Title:         "Boundary practice",
		ClientTitle:   "Holding a boundary",
		Purpose:       "Practise holding one boundary instead of people-pleasing, and rate the guilt that follows.",
		ClientPurpose: "Holding a boundary, even a small one, shows you that your needs matter and that the people close to you can handle them.",
		Instructions: "Pick one boundary to practise. " +
			"Afterwards, note how it went, including any guilt; it usually eases with time.",
		Fields: []Field{
			w(LongText, "boundary", true, "The boundary", "", "What boundary did you want to keep?",
				`For example: "I'll say no when I'm too tired to go out" or "I won't answer messages after 10pm."`),
			w(LongText, "where_held", false, "Where I held it", "", "When and where did you hold it?",
				`For example: "On Friday, when I was asked to stay late again."`),
			w(Rating10, "guilt", false, "Guilt (0-10)", "", "How guilty did you feel, from 0 to 10?",
				"0 means no guilt at all and 10 means as guilty as you can imagine."),
			w(LongText, "what_happened", false, "What happened", "", "What happened next?",
				`For example: "They were disappointed at first, then said they understood."`),
		},
	}
}

func ownLifePlan() Template {
	return Template{
		Title:         "Own life plan",
		ClientTitle:   "Time for you",
		Purpose:       "Friends, hobbies and goals outside the relationship, and what I did for them this week.",
		ClientPurpose: "Friends, interests and goals of your own give you a steady base, whatever else is going on.",
		Instructions: "Think about the life you want for yourself, then note what you did for it this week. " +
			"Small steps count.",
		Fields: []Field{
			w(LongText, "friends", false, "Friends", "", "Which friends or family would you like to spend more time with?",
				`For example: "Call my sister on Sunday."`),
			w(LongText, "hobbies", false, "Hobbies", "", "Which interests or hobbies would you like to make time for?",
				`For example: "Get back to drawing" or "Try the Saturday running club."`),
			w(LongText, "goals", false, "Goals outside the relationship", "", "What goals of your own are you working towards?",
				`Big or small. For example: "Save for a trip" or "Finish my course."`),
			w(LongText, "this_week", true, "What I did this week", "", "What did you do for yourself this week?",
				`For example: "Had lunch with Sam and went swimming twice."`),
		},
	}
}

func dailyCheckIn() Template {
	return Template{
		Title:         "Daily check-in ritual",
		ClientTitle:   "Daily check-in",
		Purpose:       "Whether the couple did their daily emotional check-in, and how connected I felt.",
		ClientPurpose: "A few minutes each day to share how you are both feeling helps you stay close and feel heard.",
		Instructions: "Each day, set aside a few minutes together to say how you are feeling. " +
			"Then answer these two questions.",
		Fields: []Field{
			w(YesNo, "did_check_in", true, "Did we do our emotional check-in?", "",
				"Did you have your check-in today?", "A few minutes when each of you shared how you were feeling."),
			w(Rating10, "connection", true, "How connected I felt (0-10)", "",
				"How connected did you feel today, from 0 to 10?", "0 means very distant and 10 means very close."),
		},
	}
}
