package measures

import (
	"strings"
	"testing"
)

func TestCatalogue(t *testing.T) {
	tests := []struct {
		key, name  string
		items, max int
		scoresOnly bool
		riskItem   string
	}{
		{"phq9", "PHQ-9", 9, 27, false, "phq9_9"},
		{"gad7", "GAD-7", 7, 21, false, ""},
		{"core10", "CORE-10", 10, 40, true, ""},
	}
	if got := len(Measures()); got != len(tests)-1 { // CORE-10 is an example in the tests only

		t.Fatalf("Measures() has %d measures, want %d", got, len(tests))
	}
	for _, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			m := mustMeasure(t, tt.key)
			if m.Name != tt.name || len(m.Items) != tt.items || m.Max != tt.max ||
				m.ScoresOnly != tt.scoresOnly || m.RiskItem != tt.riskItem {
				t.Errorf("got name %q, %d items, max %d, scores only %v, risk item %q",
					m.Name, len(m.Items), m.Max, m.ScoresOnly, m.RiskItem)
			}
		})
	}
	if _, ok := ByKey("nope"); ok {
		t.Error(`ByKey("nope") found a measure`)
	}
	if got := strings.Join(Keys(), ","); got != "phq9,gad7" {
		t.Errorf("Keys() = %q", got)
	}
}

func TestMeasuresAreConsistent(t *testing.T) {
	for _, m := range Measures() {
		t.Run(m.Key, func(t *testing.T) {
			highest := 0
			values := map[int]bool{}
			for _, o := range m.Options {
				if values[o.Value] || o.Label == "" {
					t.Errorf("option %+v repeated or unlabelled", o)
				}
				values[o.Value] = true
				highest = max(highest, o.Value)
			}
			if want := len(m.Items) * highest; m.Max != want {
				t.Errorf("Max = %d, want %d items x %d", m.Max, len(m.Items), highest)
			}
			keys := map[string]bool{}
			for i, it := range m.Items {
				if !strings.HasPrefix(it.Key, m.Key+"_") || keys[it.Key] {
					t.Errorf("item %d key %q is repeated or lacks the prefix %q", i, it.Key, m.Key+"_")
				}
				keys[it.Key] = true
				if m.ScoresOnly != (it.Text == "") {
					t.Errorf("item %q text %q with ScoresOnly %v", it.Key, it.Text, m.ScoresOnly)
				}
			}
			if m.RiskItem != "" && !keys[m.RiskItem] {
				t.Errorf("RiskItem %q is not an item", m.RiskItem)
			}
			if m.ScoresOnly != (m.Stem == "") {
				t.Errorf("stem %q with ScoresOnly %v", m.Stem, m.ScoresOnly)
			}
			if m.Licence == "" || m.Title == "" || m.Thresholds.Source == "" || m.Thresholds.CutOff <= 0 {
				t.Errorf("missing licence, title, source or cut-off: %+v", m)
			}
			title := strings.ToLower(m.Title)
			for _, word := range []string{"depress", "anxi", "disorder", "health"} {
				if strings.Contains(title, word) {
					t.Errorf("client-facing title %q mentions %q", m.Title, word)
				}
			}
			if m.ThresholdsFor(nil).RCI <= 0 {
				t.Error("no RCI, published or computed")
			}
		})
	}
}

func TestBandsCoverZeroToMax(t *testing.T) {
	for _, m := range Measures() {
		t.Run(m.Key, func(t *testing.T) {
			if len(m.Bands) == 0 {
				t.Fatal("no bands")
			}
			next := 0
			for _, b := range m.Bands {
				if b.From != next || b.To < b.From || b.Label == "" {
					t.Fatalf("band %+v: want one starting at %d, not empty, labelled", b, next)
				}
				next = b.To + 1
			}
			if next != m.Max+1 {
				t.Errorf("bands end at %d, want Max %d", next-1, m.Max)
			}
			for total := 0; total <= m.Max; total++ {
				n := 0
				for _, b := range m.Bands {
					if total >= b.From && total <= b.To {
						n++
					}
				}
				if n != 1 {
					t.Errorf("total %d is in %d bands, want 1", total, n)
				}
			}
		})
	}
}

func TestPublishedText(t *testing.T) {
	const credit = "Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, " +
		"with an educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute."
	phq, _ := ByKey("phq9")
	gad, _ := ByKey("gad7")
	tests := []struct{ name, got, want string }{
		{"phq9 stem", phq.Stem, "Over the last 2 weeks, how often have you been bothered by any of the following problems?"},
		{"phq9 item 1", phq.Items[0].Text, "Little interest or pleasure in doing things"},
		{"phq9 item 9", phq.Items[8].Text, "Thoughts that you would be better off dead or of hurting yourself in some way"},
		{"phq9 item 9 key", phq.Items[8].Key, "phq9_9"},
		{"phq9 licence", phq.Licence, credit},
		{"gad7 stem", gad.Stem, "Over the last 2 weeks, how often have you been bothered by the following problems?"},
		{"gad7 item 1", gad.Items[0].Text, "Feeling nervous, anxious, or on edge"},
		{"gad7 item 7 key", gad.Items[6].Key, "gad7_7"},
		{"gad7 licence", gad.Licence, credit},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s = %q, want %q", tt.name, tt.got, tt.want)
		}
	}
	wantOptions := []Option{{0, "Not at all"}, {1, "Several days"}, {2, "More than half the days"}, {3, "Nearly every day"}}
	for _, m := range []Measure{phq, gad} {
		if len(m.Options) != len(wantOptions) {
			t.Fatalf("%s has %d options", m.Key, len(m.Options))
		}
		for i, o := range m.Options {
			if o != wantOptions[i] {
				t.Errorf("%s option %d = %+v, want %+v", m.Key, i, o, wantOptions[i])
			}
		}
	}
}

func TestMeasuresReturnsFreshCopies(t *testing.T) {
	m, _ := ByKey("phq9")
	m.Items[0].Text = "changed"
	m.Bands[0].Label = "changed"
	again, _ := ByKey("phq9")
	if again.Items[0].Text == "changed" || again.Bands[0].Label == "changed" {
		t.Error("a change to a returned measure leaked into the next call")
	}
}
