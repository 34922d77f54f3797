package measures

import (
	"math"
	"testing"
)

func TestClassifyChange(t *testing.T) {
	tests := []struct {
		name          string
		key           string
		first, latest int
		conv          Conventions
		want          string
		caseness      bool
	}{
		// PHQ-9: RCI 6, cut-off 10.
		{"phq9 fall 5", "phq9", 20, 15, nil, NoChange, true},
		{"phq9 fall 6, still above cut-off", "phq9", 20, 14, nil, Improved, true},
		{"phq9 fall 7, still above cut-off", "phq9", 20, 13, nil, Improved, true},
		{"phq9 rise 5", "phq9", 5, 10, nil, NoChange, false},
		{"phq9 rise 6", "phq9", 5, 11, nil, Deteriorated, false},
		{"phq9 rise 7", "phq9", 5, 12, nil, Deteriorated, false},
		{"phq9 no difference", "phq9", 12, 12, nil, NoChange, true},
		{"phq9 fall 6 to below cut-off", "phq9", 15, 9, nil, Recovered, true},
		{"phq9 fall 7 to below cut-off", "phq9", 15, 8, nil, Recovered, true},
		{"phq9 fall 5 to below cut-off", "phq9", 14, 9, nil, NoChange, true},
		{"phq9 first exactly at cut-off", "phq9", 10, 4, nil, Recovered, true},
		{"phq9 fall 6 to exactly the cut-off", "phq9", 16, 10, nil, Improved, true},
		{"phq9 improved from below cut-off", "phq9", 9, 3, nil, Improved, false},
		{"phq9 rise across cut-off", "phq9", 4, 10, nil, Deteriorated, false},
		// GAD-7: RCI 4, cut-off 8.
		{"gad7 fall 3", "gad7", 12, 9, nil, NoChange, true},
		{"gad7 fall 4 to exactly the cut-off", "gad7", 12, 8, nil, Improved, true},
		{"gad7 fall 5 to below cut-off", "gad7", 12, 7, nil, Recovered, true},
		{"gad7 fall 4 to below cut-off", "gad7", 11, 7, nil, Recovered, true},
		{"gad7 fall 3 to below cut-off", "gad7", 10, 7, nil, NoChange, true},
		{"gad7 first exactly at cut-off", "gad7", 8, 4, nil, Recovered, true},
		{"gad7 improved from below cut-off", "gad7", 7, 3, nil, Improved, false},
		{"gad7 fall 5, still above cut-off", "gad7", 21, 16, nil, Improved, true},
		{"gad7 rise 3", "gad7", 2, 5, nil, NoChange, false},
		{"gad7 rise 4", "gad7", 2, 6, nil, Deteriorated, false},
		{"gad7 rise 5", "gad7", 2, 7, nil, Deteriorated, false},
		// A practice convention.
		{"phq9 RCI 5 by convention", "phq9", 20, 15, Conventions{"phq9": {RCI: 5, Source: "ours"}}, Improved, true},
		{"phq9 RCI 5 by convention, rise 5", "phq9", 5, 10, Conventions{"phq9": {RCI: 5}}, Deteriorated, false},
		{"phq9 RCI 8 by convention, fall 7", "phq9", 20, 13, Conventions{"phq9": {RCI: 8}}, NoChange, true},
		{"phq9 cut-off 12 by convention", "phq9", 11, 5, Conventions{"phq9": {CutOff: 12}}, Improved, false},
		{"phq9 default cut-off for comparison", "phq9", 11, 5, nil, Recovered, true},
		{"convention for another measure only", "phq9", 20, 15, Conventions{"gad7": {RCI: 1}}, NoChange, true},
		// CORE-10: Jacobson-Truax RCI from placeholder norms, about 6.14; cut-off 11.
		{"core10 fall 6", "core10", 20, 14, nil, NoChange, true},
		{"core10 fall 7", "core10", 20, 13, nil, Improved, true},
		{"core10 fall 7 to below cut-off", "core10", 12, 5, nil, Recovered, true},
		{"core10 rise 7", "core10", 3, 10, nil, Deteriorated, false},
		{"core10 RCI 5 by convention", "core10", 20, 15, Conventions{"core10": {RCI: 5}}, Improved, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := mustMeasure(t, tt.key)
			got := m.ClassifyChange(tt.first, tt.latest, tt.conv)
			if got.Class != tt.want || got.Caseness != tt.caseness {
				t.Errorf("ClassifyChange(%d, %d) = %+v, want class %q caseness %v", tt.first, tt.latest, got, tt.want, tt.caseness)
			}
			if got.Difference != tt.latest-tt.first {
				t.Errorf("Difference = %d, want %d", got.Difference, tt.latest-tt.first)
			}
			if want := m.ThresholdsFor(tt.conv).RCI; got.RCI != want {
				t.Errorf("RCI = %v, want %v", got.RCI, want)
			}
		})
	}
}

func TestThresholdsFor(t *testing.T) {
	phq := mustMeasure(t, "phq9")
	gad := mustMeasure(t, "gad7")
	core := mustMeasure(t, "core10")
	tests := []struct {
		name       string
		m          Measure
		conv       Conventions
		rci, cut   float64
		wantSource string
	}{
		{"phq9 default", phq, nil, 6, 10, nhsTalkingTherapies},
		{"gad7 default", gad, Conventions{}, 4, 8, nhsTalkingTherapies},
		{"phq9 other key", phq, Conventions{"gad7": {RCI: 3, CutOff: 6}}, 6, 10, nhsTalkingTherapies},
		{"phq9 both overridden", phq, Conventions{"phq9": {RCI: 5, CutOff: 11, Source: "Our practice"}}, 5, 11, "Our practice"},
		{"gad7 RCI only", gad, Conventions{"gad7": {RCI: 5}}, 5, 8, "Practice convention"},
		{"core10 computed", core, nil, 1.96 * 7 * math.Sqrt(0.2), 11, core.Thresholds.Source},
		{"core10 cut-off only keeps computed RCI", core, Conventions{"core10": {CutOff: 10}}, 1.96 * 7 * math.Sqrt(0.2), 10, "Practice convention"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.m.ThresholdsFor(tt.conv)
			if math.Abs(got.RCI-tt.rci) > 1e-9 || got.CutOff != tt.cut || got.Source != tt.wantSource {
				t.Errorf("ThresholdsFor = %+v, want RCI %v cut-off %v source %q", got, tt.rci, tt.cut, tt.wantSource)
			}
		})
	}
	if core.Thresholds.RCI != 0 {
		t.Errorf("CORE-10 ships a default RCI %v; it should come from Jacobson-Truax", core.Thresholds.RCI)
	}
}

func TestJacobsonTruaxRCI(t *testing.T) {
	tests := []struct {
		sd, r, want float64
	}{
		{5, 0.9, 4.38269},  // 1.96 * 5 * 1.41421 * 0.316228
		{7, 0.9, 6.13577},  // CORE-10 placeholder norms
		{10, 0.8, 12.3961}, // 1.96 * 10 * 1.41421 * 0.447214
		{5, 1, 0},          // perfectly reliable: any change is reliable
		{0, 0.9, 0},        // no spread: no answer
		{-5, 0.9, 0},
		{5, 1.1, 0},
		{5, -0.1, 0},
		{math.NaN(), 0.9, 0},
		{5, math.NaN(), 0},
	}
	for _, tt := range tests {
		if got := JacobsonTruaxRCI(tt.sd, tt.r); math.Abs(got-tt.want) > 1e-4 {
			t.Errorf("JacobsonTruaxRCI(%v, %v) = %v, want %v", tt.sd, tt.r, got, tt.want)
		}
	}
}

func TestChangeLabel(t *testing.T) {
	tests := map[string]string{
		Improved:     "Reliably improved",
		NoChange:     "No reliable change",
		Deteriorated: "Reliably deteriorated",
		Recovered:    "Reliable recovery",
		"":           "",
		"unknown":    "",
	}
	for class, want := range tests {
		if got := ChangeLabel(class); got != want {
			t.Errorf("ChangeLabel(%q) = %q, want %q", class, got, want)
		}
	}
}
