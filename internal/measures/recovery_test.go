package measures

import (
	"strings"
	"testing"
)

// TestJudgeCourse covers the NHS Talking Therapies manual's edge cases for reliable recovery.
func TestJudgeCourse(t *testing.T) {
	phq, _ := ByKey("phq9")
	gad, _ := ByKey("gad7")
	p := func(first, latest, n int) Course { return Course{Measure: phq, First: first, Latest: latest, Count: n} }
	g := func(first, latest, n int) Course { return Course{Measure: gad, First: first, Latest: latest, Count: n} }
	cases := []struct {
		name     string
		courses  []Course
		class    string
		rule     string
		caseness bool
		help     string
	}{
		{"single score gives no verdict", []Course{p(15, 15, 1)}, "", "", false, "No verdict"},
		{"a single score on each gives no verdict", []Course{p(15, 15, 1), g(12, 12, 1)}, "", "", false, "No verdict"},
		{"paired recovery", []Course{p(15, 8, 3), g(12, 6, 3)}, Recovered, RulePaired, true, "Paired rule"},
		{"paired: first below caseness on both, improvement only", []Course{p(9, 2, 2), g(7, 1, 2)}, Improved, RulePaired, false, "Recovery does not apply"},
		{"paired: case on one measure only at start is enough", []Course{p(12, 5, 2), g(6, 4, 2)}, Recovered, RulePaired, true, "Paired rule"},
		{"paired: PHQ-9 exactly at cut-off at the end is still a case", []Course{p(17, 10, 2), g(10, 3, 2)}, Improved, RulePaired, true, "Paired rule"},
		{"paired: GAD-7 exactly at cut-off at the end is still a case", []Course{p(16, 4, 2), g(8, 8, 2)}, Improved, RulePaired, true, "Paired rule"},
		{"paired: PHQ-9 exactly at cut-off at start is a case", []Course{p(10, 4, 2), g(5, 4, 2)}, Recovered, RulePaired, true, "Paired rule"},
		{"paired: GAD-7 exactly at cut-off at start is a case", []Course{p(7, 6, 2), g(8, 3, 2)}, Recovered, RulePaired, true, "Paired rule"},
		{"paired: improvement on one measure only, both below at end", []Course{p(14, 8, 2), g(9, 7, 2)}, Recovered, RulePaired, true, "Paired rule"},
		{"paired: improvement on one only, the other still a case", []Course{p(14, 8, 2), g(12, 10, 2)}, Improved, RulePaired, true, "Paired rule"},
		{"paired: below on both but no reliable improvement", []Course{p(12, 9, 2), g(9, 7, 2)}, NoChange, RulePaired, true, "Paired rule"},
		{"paired: deterioration on one outweighs recovery on the other", []Course{p(15, 3, 2), g(2, 7, 2)}, Deteriorated, RulePaired, true, "Paired rule"},
		{"paired: deterioration on one", []Course{p(5, 12, 2), g(6, 6, 2)}, Deteriorated, RulePaired, false, "Paired rule"},
		{"single rule when the GAD-7 has one score", []Course{p(15, 8, 2), g(12, 12, 1)}, Recovered, RuleSingle, true, "Single-measure rule on the PHQ-9"},
		{"single rule: first below caseness", []Course{g(7, 1, 2)}, Improved, RuleSingle, false, "Recovery does not apply"},
		{"single rule: GAD-7 ends exactly at cut-off", []Course{g(13, 8, 2)}, Improved, RuleSingle, true, "Single-measure rule on the GAD-7"},
		{"single rule: deterioration", []Course{g(3, 9, 2)}, Deteriorated, RuleSingle, false, "Single-measure rule"},
		{"single rule: no reliable change", []Course{p(12, 8, 2)}, NoChange, RuleSingle, true, "Single-measure rule"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			o := JudgeCourse(tc.courses, nil)
			if o.Class != tc.class || o.Rule != tc.rule || o.CaseAtStart != tc.caseness {
				t.Fatalf("got class %q rule %q case %v, want %q %q %v", o.Class, o.Rule, o.CaseAtStart, tc.class, tc.rule, tc.caseness)
			}
			if !strings.Contains(o.Help, tc.help) {
				t.Fatalf("help %q lacks %q", o.Help, tc.help)
			}
			if tc.class == "" && o.Label() != "" {
				t.Fatalf("no verdict should have no label, got %q", o.Label())
			}
		})
	}
	if JudgeCourse([]Course{p(15, 8, 2), g(12, 6, 2)}, nil).Label() != "Reliable recovery" {
		t.Fatal(`the verdict is labelled "Reliable recovery"`)
	}
}

// TestDifficultyQuestionIsPublishedWordingAndUnscored checks the closing question of both forms.
func TestDifficultyQuestionIsPublishedWordingAndUnscored(t *testing.T) {
	want := "If you checked off any problems, how difficult have these problems made it for you to do your work, " +
		"take care of things at home, or get along with other people?"
	for _, key := range []string{"phq9", "gad7"} {
		m, _ := ByKey(key)
		d := m.Difficulty
		if d == nil || d.Text != want || d.Key != key+"_difficulty" {
			t.Fatalf("%s difficulty question %+v", key, d)
		}
		labels := []string{}
		for _, o := range d.Options {
			labels = append(labels, o.Label)
		}
		if strings.Join(labels, "/") != "Not difficult at all/Somewhat difficult/Very difficult/Extremely difficult" {
			t.Fatalf("%s options %v", key, labels)
		}
		for _, it := range m.Items {
			if it.Key == d.Key {
				t.Fatalf("%s: the difficulty question is among the scored items", key)
			}
		}
		answers := map[string]int{}
		for _, it := range m.Items {
			answers[it.Key] = 1
		}
		total, _ := m.Score(answers)
		answers[d.Key] = 3
		if _, problems := m.Score(answers); problems[d.Key] == "" {
			t.Fatalf("%s: Score took the difficulty answer into the total (total %d)", key, total)
		}
	}
}
