package measures

import (
	"maps"
	"testing"
)

func mustMeasure(t testing.TB, key string) Measure {
	t.Helper()
	if key == "core10" {
		return core10() // the scores-only example, not shipped
	}
	m, ok := ByKey(key)
	if !ok {
		t.Fatalf("no measure %q", key)
	}
	return m
}

// answersAll answers every item of m with v.
func answersAll(m Measure, v int) map[string]int {
	a := make(map[string]int, len(m.Items))
	for _, it := range m.Items {
		a[it.Key] = v
	}
	return a
}

// with returns a copy of a with the changes applied; a value of -99 deletes the key.
func with(a map[string]int, changes map[string]int) map[string]int {
	out := maps.Clone(a)
	for k, v := range changes {
		if v == -99 {
			delete(out, k)
			continue
		}
		out[k] = v
	}
	return out
}

func TestScore(t *testing.T) {
	phq := mustMeasure(t, "phq9")
	gad := mustMeasure(t, "gad7")
	core := mustMeasure(t, "core10")
	tests := []struct {
		name         string
		m            Measure
		answers      map[string]int
		want         int
		wantProblems []string
	}{
		{"phq9 all zero", phq, answersAll(phq, 0), 0, nil},
		{"phq9 all three", phq, answersAll(phq, 3), 27, nil},
		{"phq9 mixed", phq, with(answersAll(phq, 1), map[string]int{"phq9_1": 3, "phq9_2": 2, "phq9_9": 0}), 11, nil},
		{"gad7 all three", gad, answersAll(gad, 3), 21, nil},
		{"gad7 mixed", gad, with(answersAll(gad, 2), map[string]int{"gad7_7": 0}), 12, nil},
		{"core10 all four", core, answersAll(core, 4), 40, nil},
		{"core10 mixed", core, with(answersAll(core, 1), map[string]int{"core10_10": 4}), 13, nil},
		{"phq9 one missing", phq, with(answersAll(phq, 1), map[string]int{"phq9_5": -99}), 0, []string{"phq9_5"}},
		{"phq9 nil answers", phq, nil, 0, []string{"phq9_1", "phq9_2", "phq9_3", "phq9_4", "phq9_5", "phq9_6", "phq9_7", "phq9_8", "phq9_9"}},
		{"phq9 above range", phq, with(answersAll(phq, 1), map[string]int{"phq9_3": 4}), 0, []string{"phq9_3"}},
		{"phq9 negative", phq, with(answersAll(phq, 1), map[string]int{"phq9_9": -1}), 0, []string{"phq9_9"}},
		{"gad7 above range", gad, with(answersAll(gad, 0), map[string]int{"gad7_1": 100}), 0, []string{"gad7_1"}},
		{"core10 above range", core, with(answersAll(core, 0), map[string]int{"core10_2": 5}), 0, []string{"core10_2"}},
		{"phq9 unknown key", phq, with(answersAll(phq, 0), map[string]int{"phq9_10": 0}), 0, []string{"phq9_10"}},
		{"gad7 given a phq9 key", gad, with(answersAll(gad, 0), map[string]int{"phq9_1": 1}), 0, []string{"phq9_1"}},
		{"several problems", gad, with(answersAll(gad, 0), map[string]int{"gad7_1": -99, "gad7_2": 9, "x": 1}), 0, []string{"gad7_1", "gad7_2", "x"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, problems := tt.m.Score(tt.answers)
			if got != tt.want {
				t.Errorf("total = %d, want %d", got, tt.want)
			}
			if len(problems) != len(tt.wantProblems) {
				t.Fatalf("problems = %v, want keys %v", problems, tt.wantProblems)
			}
			for _, k := range tt.wantProblems {
				if problems[k] == "" {
					t.Errorf("no message for %q in %v", k, problems)
				}
			}
			if tt.wantProblems == nil && problems != nil {
				t.Errorf("problems = %#v, want nil", problems)
			}
		})
	}
}

func TestScoreTotal(t *testing.T) {
	tests := []struct {
		key     string
		total   int
		wantErr bool
	}{
		{"phq9", -1, true}, {"phq9", 0, false}, {"phq9", 27, false}, {"phq9", 28, true},
		{"gad7", -1, true}, {"gad7", 0, false}, {"gad7", 21, false}, {"gad7", 22, true},
		{"core10", -1, true}, {"core10", 0, false}, {"core10", 40, false}, {"core10", 41, true},
	}
	for _, tt := range tests {
		err := mustMeasure(t, tt.key).ScoreTotal(tt.total)
		if (err != nil) != tt.wantErr {
			t.Errorf("%s ScoreTotal(%d) = %v, want error %v", tt.key, tt.total, err, tt.wantErr)
		}
	}
}

func TestBandEveryTotal(t *testing.T) {
	const (
		minimal, mild, mod, modSev, sev = "Minimal", "Mild", "Moderate", "Moderately severe", "Severe"
	)
	tests := []struct {
		key  string
		want []string // indexed by total
	}{
		{"phq9", []string{
			minimal, minimal, minimal, minimal, minimal, // 0-4
			mild, mild, mild, mild, mild, // 5-9
			mod, mod, mod, mod, mod, // 10-14
			modSev, modSev, modSev, modSev, modSev, // 15-19
			sev, sev, sev, sev, sev, sev, sev, sev, // 20-27
		}},
		{"gad7", []string{
			minimal, minimal, minimal, minimal, minimal, // 0-4
			mild, mild, mild, mild, mild, // 5-9
			mod, mod, mod, mod, mod, // 10-14
			sev, sev, sev, sev, sev, sev, sev, // 15-21
		}},
		{"core10", []string{
			"Healthy", "Healthy", "Healthy", "Healthy", "Healthy", "Healthy", // 0-5
			"Low", "Low", "Low", "Low", "Low", // 6-10
			mild, mild, mild, mild, // 11-14
			mod, mod, mod, mod, mod, // 15-19
			"Moderate-to-severe", "Moderate-to-severe", "Moderate-to-severe", "Moderate-to-severe", "Moderate-to-severe", // 20-24
			sev, sev, sev, sev, sev, sev, sev, sev, sev, sev, sev, sev, sev, sev, sev, sev, // 25-40
		}},
	}
	for _, tt := range tests {
		m := mustMeasure(t, tt.key)
		if len(tt.want) != m.Max+1 {
			t.Fatalf("%s: table has %d totals, want %d", tt.key, len(tt.want), m.Max+1)
		}
		for total, want := range tt.want {
			b := m.Band(total)
			if b.Label != want || total < b.From || total > b.To {
				t.Errorf("%s Band(%d) = %+v, want %q", tt.key, total, b, want)
			}
		}
		for _, outside := range []int{-1, m.Max + 1} {
			if b := m.Band(outside); b != (Band{}) {
				t.Errorf("%s Band(%d) = %+v, want zero Band", tt.key, outside, b)
			}
		}
	}
}

func TestRiskRaised(t *testing.T) {
	phq := mustMeasure(t, "phq9")
	gad := mustMeasure(t, "gad7")
	tests := []struct {
		name    string
		m       Measure
		answers map[string]int
		want    bool
	}{
		{"item 9 = 0", phq, answersAll(phq, 0), false},
		{"item 9 = 1, total 1", phq, with(answersAll(phq, 0), map[string]int{"phq9_9": 1}), true},
		{"item 9 = 2, total 2", phq, with(answersAll(phq, 0), map[string]int{"phq9_9": 2}), true},
		{"item 9 = 3, total 3", phq, with(answersAll(phq, 0), map[string]int{"phq9_9": 3}), true},
		{"item 9 = 0, high total", phq, with(answersAll(phq, 3), map[string]int{"phq9_9": 0}), false},
		{"item 9 out of range still raises", phq, map[string]int{"phq9_9": 7}, true},
		{"item 9 negative", phq, map[string]int{"phq9_9": -1}, false},
		{"item 9 unanswered", phq, nil, false},
		{"gad7 has no risk item", gad, answersAll(gad, 3), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.m.RiskRaised(tt.answers); got != tt.want {
				t.Errorf("RiskRaised = %v, want %v", got, tt.want)
			}
		})
	}
	// The flag is raised whatever the total: item 9 alone at 1..3 stays in the Minimal band.
	for v := 1; v <= 3; v++ {
		a := with(answersAll(phq, 0), map[string]int{"phq9_9": v})
		total, problems := phq.Score(a)
		if problems != nil || total != v || phq.Band(total).Label != "Minimal" || !phq.RiskRaised(a) {
			t.Errorf("item 9 = %d: total %d, problems %v, band %q", v, total, problems, phq.Band(total).Label)
		}
	}
}
