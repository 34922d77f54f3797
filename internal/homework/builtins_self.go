package homework

// The built-ins about the self (issue 20): core beliefs and their evidence, comparison on
// social media, one's own values and identity, and noticing progress.

func coreBelief() Template {
	return Template{
		Title:         "Core belief: evidence for and against",
		ClientTitle:   "An old belief, looked at again",
		Purpose:       `Name a core belief (e.g. "I am not lovable", "People I love always leave"), rate it, weigh the evidence for and against, and re-rate.`,
		ClientPurpose: "Some beliefs about ourselves are old and feel like facts. Looking at the evidence both ways helps you hold them more lightly.",
		Instructions: "Write down a belief about yourself that often comes back when things are hard. " +
			"Rate how true it feels, collect the evidence on both sides, then rate it again.",
		Fields: []Field{
			w(LongText, "belief", true, "The core belief", `E.g. "I am not lovable", "I have to earn love".`,
				"What is the belief?", `For example: "I'm too much for people" or "I have to earn being liked".`),
			w(Rating100, "belief_before", true, "Belief strength before (0-100)", "",
				"How true does it feel right now, from 0 to 100?", "0 means not true at all and 100 means completely true."),
			w(LongText, "evidence_for", false, "Evidence for the belief", "",
				"What seems to support it?", "Facts rather than feelings."),
			w(LongText, "evidence_against", false, "Evidence against the belief", "",
				"What goes against it?", `Include small things. For example: "My friend called just to see how I was."`),
			w(LongText, "balanced_belief", false, "A more balanced belief", "",
				"What is a fairer way to put it?", `For example: "Some people have left, and many have stayed."`),
			w(Rating100, "belief_after", false, "Belief strength after (0-100)", "",
				"How true does the old belief feel now, from 0 to 100?", "Use the same scale as before."),
		},
	}
}

func comparisonCheck() Template {
	return Template{
		Title:         "Social-media comparison and the filtered reality",
		ClientTitle:   "Scrolling and comparing",
		Purpose:       "Notice comparisons with other couples on social media, remember that posts are a filtered reality, and rate the effect on mood.",
		ClientPurpose: "What people post is the best moments, filtered and chosen. Noticing when you compare yourself helps it sting less.",
		Instructions: "Each day, note roughly how long you spent scrolling, how often you caught yourself comparing, " +
			"and how you felt before and after.",
		Fields: []Field{
			w(Minutes, "minutes_scrolling", true, "Minutes on social media", "",
				"About how many minutes did you spend scrolling today?", "A rough guess is fine."),
			w(Count, "comparisons", true, "Comparisons noticed", "",
				"How many times did you catch yourself comparing your life with someone's posts?", "Each time you noticed counts."),
			w(LongText, "what_i_saw", false, "What I compared myself with", "",
				"What did you see, and what did you tell yourself?", `For example: "A holiday photo; I told myself everyone else is happier."`),
			w(LongText, "filtered", false, "What the post leaves out (the filtered reality)", "",
				"What might the picture leave out?", `For example: "The argument before the photo, or the rainy days."`),
			w(Rating10, "mood_before", false, "Mood before (0-10)", "",
				"How did you feel before scrolling, from 0 to 10?", "0 means very low and 10 means very good."),
			w(Rating10, "mood_after", false, "Mood after (0-10)", "",
				"How did you feel afterwards, from 0 to 10?", "Use the same scale as before."),
		},
	}
}

func valuesCompass() Template {
	return Template{
		Title:         "Own values and identity",
		ClientTitle:   "What matters to me",
		Purpose:       "Clarify own values, identity and self-worth apart from the relationship, and one step lived by them this week.",
		ClientPurpose: "Knowing what matters to you, and who you are on your own terms, gives you a steady sense of your own worth.",
		Instructions: "Take a quiet moment. Think about who you are and what you care about, " +
			"whoever you are with, then choose one small step that fits.",
		Fields: []Field{
			w(LongText, "values", true, "My values", `E.g. honesty, creativity, kindness, independence.`,
				"What matters most to you?", "Three to five words or short phrases, such as honesty, kindness, adventure or learning."),
			w(LongText, "strengths", false, "What I like about myself", "",
				"What do you like about yourself?", "Qualities, skills, things you have done."),
			w(LongText, "step", true, "One step lived by these values this week", "",
				"What did you do this week that fits what matters to you?", `For example: "Said what I really thought at work."`),
			w(Rating10, "true_to_self", false, "How true to my values I lived this week (0-10)", "",
				"How much did this week fit what matters to you, from 0 to 10?", "0 means not at all and 10 means completely."),
		},
	}
}

func progressNotes() Template {
	return Template{
		Title:         "Noticing and celebrating progress",
		ClientTitle:   "Wins worth noticing",
		Purpose:       "Notice and celebrate progress since the work began: what is different, what helped, and how to mark it.",
		ClientPurpose: "Change is easy to miss while it happens. Writing down what is different lets you see how far you have come.",
		Instructions: "Look back over the last few weeks. Note anything you handle differently now, however small, " +
			"and how you will mark it.",
		Fields: []Field{
			w(LongText, "different_now", true, "What is different now", "",
				"What do you handle differently now?", `For example: "I waited an hour before messaging again, and it was fine."`),
			w(LongText, "what_helped", false, "What helped", "", "What helped you get there?", "People, habits, things you tried."),
			w(Count, "wins", false, "Wins noticed this week", "", "How many wins did you notice this week?", "Small ones count."),
			w(LongText, "celebrate", false, "How I will celebrate", "",
				"How will you mark it?", `For example: "A walk by the sea" or "Telling a friend".`),
			w(Rating10, "confidence", false, "Confidence in the skills (0-10)", "",
				"How confident do you feel about handling hard moments now, from 0 to 10?", "0 means not at all and 10 means very confident."),
		},
	}
}
