package homework

// The built-ins that calm the body and mind (issue 20): a grounding pause before acting on an
// urge, and self-soothing practised ahead of need.

func groundingPause() Template {
	return Template{
		Title:         "Grounding pause before acting on an urge",
		ClientTitle:   "A pause before acting",
		Purpose:       "Somatic pause (slow breaths, a brisk walk, a body scan, grounding) before acting on an urge to check or ask for reassurance; urge rated before and after.",
		ClientPurpose: "A strong pull to do something right now usually fades if you give your body a few minutes to settle first.",
		Instructions: "When you feel a strong pull to look something up, ask a question or send a message straight away, " +
			"pause first: a few slow breaths, a brisk walk, or noticing your feet on the floor. Then note what happened.",
		Fields: []Field{
			w(LongText, "urge", true, "The urge (to check or to ask)", `E.g. "To look at who they were messaging."`,
				"What did you feel pulled to do?", `For example: "Send another message to see if all was well."`),
			{
				Key: "pause", Type: MultiChoice, Required: true, Label: "How I calmed my body", Help: "Tick every method used.",
				ClientLabel: "What did you do in the pause?", ClientHelp: "Tick all that you tried.",
				Choices: []Choice{
					ch("breaths", "Slow breathing", "A few slow breaths"),
					ch("walk", "Brisk walk", "A brisk walk"),
					ch("body_scan", "Body scan", "Noticing each part of my body in turn"),
					ch("grounding", "Grounding (5 senses, feet on the floor)", "Noticing what I could see, hear and touch"),
					ch("other", "Something else", "Something else"),
				},
			},
			w(Rating10, "urge_before", true, "Urge strength before the pause (0-10)", "",
				"How strong was the pull before the pause, from 0 to 10?", "0 means no pull at all and 10 means as strong as it gets."),
			w(Rating10, "urge_after", false, "Urge strength after the pause (0-10)", "",
				"How strong was it afterwards, from 0 to 10?", "Use the same scale as before."),
			w(Minutes, "pause_minutes", false, "Length of the pause (minutes)", "",
				"How many minutes did you pause for?", "A rough guess is fine."),
			w(YesNo, "acted", false, "Did I still check or ask?", "",
				"Did you still do it afterwards?", "Either answer is fine: noticing is the skill."),
		},
	}
}

func selfSoothing() Template {
	return Template{
		Title:         "Self-soothing and emotional regulation",
		ClientTitle:   "Calming myself",
		Purpose:       "Practise self-soothing (senses, movement, kind words) and emotional regulation when calm and when distressed; distress rated before and after.",
		ClientPurpose: "Finding what settles you, and rehearsing it on calm days, makes it easier to reach for on hard ones.",
		Instructions: "Once a day, spend a few minutes on something that calms you: a warm drink, music, a shower, stretching, " +
			"slow breathing. Try it on easy days as well as hard ones, then answer these questions.",
		Fields: []Field{
			w(LongText, "what_i_did", true, "What I did to soothe myself", "",
				"What did you do to calm yourself?", `For example: "Made tea and listened to two songs with my eyes closed."`),
			{
				Key: "moment", Type: SingleChoice, Required: true, Label: "When", Help: "Rehearsed while calm, or used in distress.",
				ClientLabel: "When did you do it?", ClientHelp: "Both count.",
				Choices: []Choice{
					ch("calm", "Practice while calm", "On a calm day, to get used to it"),
					ch("upset", "In distress", "When I was upset"),
				},
			},
			w(Rating10, "distress_before", true, "Distress before (0-10)", "",
				"How unsettled did you feel before, from 0 to 10?", "0 means completely settled and 10 means as unsettled as you can imagine."),
			w(Rating10, "distress_after", false, "Distress after (0-10)", "",
				"How unsettled did you feel afterwards, from 0 to 10?", "Use the same scale as before."),
			w(Minutes, "minutes", false, "Minutes spent", "", "How many minutes did it take?", "A rough guess is fine."),
			w(LongText, "worked_best", false, "What helped most", "",
				"What helped most?", "Anything you would do again, or do differently next time."),
		},
	}
}
