package wording

import "testing"

func TestRevealing(t *testing.T) {
	if got := Revealing("I stay settled when I don't hear back for a while"); len(got) != 0 {
		t.Errorf("neutral text flagged: %v", got)
	}
	got := Revealing("Less JEALOUS of my Partner")
	if len(got) != 2 || got[0] != "jealous" || got[1] != "partner" {
		t.Errorf("Revealing = %v, want [jealous partner]", got)
	}
	for _, w := range []string{"therapy", "counsel", "session", "anxious", "anxiety", "jealous", "reassur", "panic",
		"insecur", "attachment", "abuse", "depress", "suicid", "self-harm", "relationship"} {
		if len(Revealing("x "+w+" y")) == 0 {
			t.Errorf("%q is not on the list", w)
		}
	}
}
