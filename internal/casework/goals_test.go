package casework

import (
	"testing"
	"time"
)

func f(v float64) *float64 { return &v }

func d(s string) *time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return &t
}

func completeGoal() SMART {
	return SMART{
		Statement: "Ask for reassurance less often", What: "Reassurance requests to my partner",
		Metric: "Reassurance requests", Unit: "per day", MetricCode: "reassurance_seeking", UnitCode: "times_per_day", Direction: "decrease",
		BaselineValue: f(10), BaselineDate: d("2026-01-05"), TargetValue: f(2), TargetDate: d("2026-03-15"),
		MeasureHow: "Daily tally", MeasureOften: "Daily", Steps: "Notice the urge, wait ten minutes",
		Concerns: []string{"reassurance"},
	}
}

func TestGoalRules(t *testing.T) {
	cases := []struct {
		name  string
		edit  func(*SMART)
		field string
	}{
		{"target date before baseline", func(g *SMART) { g.TargetDate = d("2026-01-01") }, "target_date"},
		{"target date on baseline", func(g *SMART) { g.TargetDate = d("2026-01-05") }, "target_date"},
		{"decrease but target above", func(g *SMART) { g.TargetValue = f(12) }, "target_value"},
		{"decrease but target equal", func(g *SMART) { g.TargetValue = f(10) }, "target_value"},
		{"increase but target below", func(g *SMART) { g.Direction = "increase" }, "target_value"},
		{"unknown direction", func(g *SMART) { g.Direction = "sideways" }, "direction"},
		{"unknown concern", func(g *SMART) { g.Concerns = []string{"astrology"} }, "concerns"},
		{"unknown metric code", func(g *SMART) { g.MetricCode = "Jamie's phone" }, "metric_code"},
		{"unknown unit code", func(g *SMART) { g.UnitCode = "per fortnight" }, "unit_code"},
		{"negative count at baseline", func(g *SMART) { g.Direction, g.BaselineValue = "increase", f(-3) }, "baseline_value"},
		{"negative count as target", func(g *SMART) { g.BaselineValue, g.TargetValue = f(0), f(-1) }, "target_value"},
	}
	if p := completeGoal().Problems(); len(p) != 0 {
		t.Fatalf("a sound goal has problems: %v", p)
	}
	for _, tc := range cases {
		g := completeGoal()
		tc.edit(&g)
		p := g.Problems()
		if _, ok := p[tc.field]; !ok || len(p) != 1 {
			t.Errorf("%s: problems %v, want exactly one on %s", tc.name, p, tc.field)
		}
	}
	signed := completeGoal() // a unit coded "other" may go below zero
	signed.UnitCode, signed.BaselineValue, signed.TargetValue = "other", f(-3), f(-8)
	if p := signed.Problems(); len(p) != 0 {
		t.Fatalf("a goal in a signed unit has problems: %v", p)
	}
	up := completeGoal()
	up.Direction, up.BaselineValue, up.TargetValue = "increase", f(2), f(7)
	if p := up.Problems(); len(p) != 0 {
		t.Fatalf("a sound increasing goal has problems: %v", p)
	}
}

func TestEverySMARTPartIsNeededToActivate(t *testing.T) {
	if m := completeGoal().MissingForActivation(); len(m) != 0 {
		t.Fatalf("a complete goal misses %v", m)
	}
	parts := map[string]func(*SMART){
		"statement":      func(g *SMART) { g.Statement = "" },
		"what":           func(g *SMART) { g.What = "" },
		"metric":         func(g *SMART) { g.Metric = "" },
		"unit":           func(g *SMART) { g.Unit = "" },
		"metric_code":    func(g *SMART) { g.MetricCode = "" },
		"unit_code":      func(g *SMART) { g.UnitCode = "" },
		"direction":      func(g *SMART) { g.Direction = "" },
		"baseline_value": func(g *SMART) { g.BaselineValue = nil },
		"baseline_date":  func(g *SMART) { g.BaselineDate = nil },
		"target_value":   func(g *SMART) { g.TargetValue = nil },
		"measure_how":    func(g *SMART) { g.MeasureHow = "" },
		"measure_often":  func(g *SMART) { g.MeasureOften = "" },
		"steps":          func(g *SMART) { g.Steps = "" },
		"concerns":       func(g *SMART) { g.Concerns = nil },
		"target_date":    func(g *SMART) { g.TargetDate = nil },
	}
	for field, clear := range parts {
		g := completeGoal()
		clear(&g)
		m := g.MissingForActivation()
		if _, ok := m[field]; !ok || len(m) != 1 {
			t.Errorf("without %s: missing %v, want exactly %s", field, m, field)
		}
	}
	if m := (SMART{}).MissingForActivation(); len(m) != len(parts) {
		t.Fatalf("an empty draft misses %d parts, want %d", len(m), len(parts))
	}
}

func TestLifecycleTransitions(t *testing.T) {
	allowed := map[[2]string]bool{
		{GoalDraft, GoalActive}: true, {GoalDraft, GoalDiscontinued}: true,
		{GoalActive, GoalAchieved}: true, {GoalActive, GoalRevised}: true, {GoalActive, GoalDiscontinued}: true,
	}
	for _, from := range GoalStatuses() {
		for _, to := range GoalStatuses() {
			want := allowed[[2]string{from.Value, to.Value}]
			if got := CanTransition(from.Value, to.Value); got != want {
				t.Errorf("%s → %s: allowed %v, want %v", from.Value, to.Value, got, want)
			}
		}
	}
	if NeedsReason(GoalActive) || !NeedsReason(GoalAchieved) || !NeedsReason(GoalRevised) || !NeedsReason(GoalDiscontinued) {
		t.Fatal("every move but activation needs a reason")
	}
}

func TestProgress(t *testing.T) {
	g := completeGoal() // 10 → 2 between 5 Jan and 15 Mar (69 days)
	today := *d("2026-02-01")
	cases := []struct {
		name      string
		readings  []Reading
		today     time.Time
		share     float64
		onTrack   bool
		reached   bool
		expectedT float64
	}{
		{"halfway early", []Reading{{*d("2026-01-20"), 6}}, today, 0.5, true, false, 15.0 / 69},
		{"latest reading counts, in any order", []Reading{{*d("2026-02-01"), 9}, {*d("2026-01-10"), 4}}, today, 0.125, false, false, 27.0 / 69},
		{"at target", []Reading{{*d("2026-03-01"), 2}}, *d("2026-03-02"), 1, true, true, 55.0 / 69},
		{"beyond target", []Reading{{*d("2026-03-01"), 0}}, *d("2026-03-02"), 1.25, true, true, 55.0 / 69},
		{"worse than baseline", []Reading{{*d("2026-02-01"), 12}}, today, -0.25, false, false, 27.0 / 69},
		{"past due and short", []Reading{{*d("2026-03-14"), 3}}, *d("2026-03-20"), 0.875, false, false, 68.0 / 69},
	}
	for _, tc := range cases {
		p := ProgressOf(g, tc.readings, tc.today)
		if !p.HasReadings || abs(p.Share-tc.share) > 1e-9 || p.OnTrack != tc.onTrack || p.Reached != tc.reached || abs(p.Expected-tc.expectedT) > 1e-9 {
			t.Errorf("%s: %+v, want share %.3f expected %.3f onTrack %v reached %v", tc.name, p, tc.share, tc.expectedT, tc.onTrack, tc.reached)
		}
	}
	if p := ProgressOf(g, nil, today); p.HasReadings {
		t.Fatal("progress without readings")
	}
	draft := g
	draft.TargetValue = nil
	if p := ProgressOf(draft, []Reading{{*d("2026-01-20"), 6}}, today); p.HasReadings {
		t.Fatal("progress without a target")
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
