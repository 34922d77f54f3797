package measures

import "strconv"

// core10 is the CORE-10 as a scores-only example, kept in the tests only: its norms are
// placeholders, so it is not shipped until checked against the CORE-10 literature.
//
// It is: ten items scored 0-4, with no item text, stem or option
// wording shipped; each item is entered as its scored value (after any reverse scoring on the form).
// It has no published RCI here, so ThresholdsFor computes one with Jacobson-Truax. SDPre 7.0 and Reliability 0.90 are PLACEHOLDER norms: check them (and the cut-off) against the CORE-10
// literature before clinical use.
func core10() Measure {
	its := make([]Item, 10)
	for i := range its {
		its[i] = Item{Key: "core10_" + strconv.Itoa(i+1)}
	}
	opts := make([]Option, 5)
	for i := range opts {
		opts[i] = Option{Value: i, Label: strconv.Itoa(i)}
	}
	return Measure{
		Key:     "core10",
		Name:    "CORE-10",
		Title:   "How you have been doing",
		Items:   its,
		Options: opts,
		Bands: []Band{
			{0, 5, "Healthy"},
			{6, 10, "Low"},
			{11, 14, "Mild"},
			{15, 19, "Moderate"},
			{20, 24, "Moderate-to-severe"},
			{25, 40, "Severe"},
		},
		Max:         40,
		Thresholds:  Thresholds{CutOff: 11, Source: "Clinical cut-off 11; RCI by Jacobson-Truax from placeholder norms (SD 7.0, reliability 0.90)"},
		Licence:     "Scores only: the CORE-10 text is not shipped. Enter the scores from your own copy of the form.",
		ScoresOnly:  true,
		SDPre:       7.0,
		Reliability: 0.90,
	}
}
