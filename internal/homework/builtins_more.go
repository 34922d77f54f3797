package homework

func bidsForConnection() Template {
	return Template{
		Title:   "Moments of connection",
		Purpose: "Noticing small moments of care helps you see the warmth that is already there, even on hard days.",
		Instructions: "Keep an eye out for small, everyday signs of care. " +
			"Write down one or more, and how you responded.",
		Fields: []Field{
			q(LongText, "moments", "What small moments of care did you notice from the people close to you?",
				"For example: a message to see how your day was going, a coffee made for you, or remembering something that mattered to you.", true),
			q(LongText, "my_response", "How did you respond?",
				`For example: "I said thank you and gave them a hug." It's fine if you only noticed it later.`, false),
		},
	}
}

func selfCompassionBreak() Template {
	return Template{
		Title:   "A kind pause",
		Purpose: "Speaking to yourself as kindly as you would to a friend can calm a hard moment and help you cope.",
		Instructions: "When something feels hard, pause for a moment and offer yourself a few kind words. " +
			"Then note what happened here.",
		Fields: []Field{
			q(LongText, "what_was_hard", "What was hard?",
				`A few words is enough. For example: "I felt left out when they made plans without me."`, true),
			q(LongText, "kind_words", "What kind words did you say to yourself?",
				`For example: "This is hard right now, and I'm doing the best I can."`, true),
			q(LongText, "felt_after", "How did you feel afterwards?",
				`For example: "Still a bit sad, but calmer."`, false),
		},
	}
}

func boundaryPractice() Template {
	return Template{
		Title:   "Holding a boundary",
		Purpose: "Holding a boundary, even a small one, shows you that your needs matter and that the people close to you can handle them.",
		Instructions: "Pick one boundary to practise. " +
			"Afterwards, note how it went, including any guilt; it usually eases with time.",
		Fields: []Field{
			q(LongText, "boundary", "What boundary did you want to keep?",
				`For example: "I'll say no when I'm too tired to go out" or "I won't answer messages after 10pm."`, true),
			q(LongText, "where_held", "When and where did you hold it?",
				`For example: "On Friday, when I was asked to stay late again."`, false),
			q(Rating10, "guilt", "How guilty did you feel, from 0 to 10?",
				"0 means no guilt at all and 10 means as guilty as you can imagine.", false),
			q(LongText, "what_happened", "What happened next?",
				`For example: "They were disappointed at first, then said they understood."`, false),
		},
	}
}

func ownLifePlan() Template {
	return Template{
		Title:   "Time for you",
		Purpose: "Friends, interests and goals of your own give you a steady base, whatever else is going on.",
		Instructions: "Think about the life you want for yourself, then note what you did for it this week. " +
			"Small steps count.",
		Fields: []Field{
			q(LongText, "friends", "Which friends or family would you like to spend more time with?",
				`For example: "Call my sister on Sunday."`, false),
			q(LongText, "hobbies", "Which interests or hobbies would you like to make time for?",
				`For example: "Get back to drawing" or "Try the Saturday running club."`, false),
			q(LongText, "goals", "What goals of your own are you working towards?",
				`Big or small. For example: "Save for a trip" or "Finish my course."`, false),
			q(LongText, "this_week", "What did you do for yourself this week?",
				`For example: "Had lunch with Sam and went swimming twice."`, true),
		},
	}
}

func dailyCheckIn() Template {
	return Template{
		Title:   "Daily check-in",
		Purpose: "A few minutes each day to share how you are both feeling helps you stay close and feel heard.",
		Instructions: "Each day, set aside a few minutes together to say how you are feeling. " +
			"Then answer these two questions.",
		Fields: []Field{
			q(YesNo, "did_check_in", "Did you have your check-in today?",
				"A few minutes when each of you shared how you were feeling.", true),
			q(Rating10, "connection", "How connected did you feel today, from 0 to 10?",
				"0 means very distant and 10 means very close.", true),
		},
	}
}
