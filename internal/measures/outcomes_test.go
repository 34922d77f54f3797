package measures

import "testing"

// TestJudgeMatchesClassifyChangeAndJudgeCourse: an episode's verdicts are exactly what the
// progress page's functions give for its first and last scores.
func TestJudgeMatchesClassifyChangeAndJudgeCourse(t *testing.T) {
	phq, _ := ByKey("phq9")
	gad, _ := ByKey("gad7")
	e := Judge(Episode{Code: "SB-0001", Scores: map[string][]int{"phq9": {15, 20, 11}, "gad7": {12, 7}}}, nil)
	if got, want := e.Changes["phq9"], phq.ClassifyChange(15, 11, nil); got != want {
		t.Errorf("PHQ-9 change %+v, want %+v", got, want)
	}
	if got, want := e.Changes["gad7"], gad.ClassifyChange(12, 7, nil); got != want {
		t.Errorf("GAD-7 change %+v, want %+v", got, want)
	}
	want := JudgeCourse([]Course{{Measure: phq, First: 15, Latest: 11, Count: 3}, {Measure: gad, First: 12, Latest: 7, Count: 2}}, nil)
	if e.Overall != want || e.Overall.Class != Improved {
		t.Errorf("overall %+v, want %+v (reliably improved)", e.Overall, want)
	}
	one := Judge(Episode{Scores: map[string][]int{"phq9": {14}}}, nil)
	if len(one.Changes) != 0 || one.Overall.Class != "" {
		t.Errorf("a single score gave a verdict: %+v", one)
	}
}

// TestSummariseCountsRatesDenominatorsAndTheMedian: improvement counts recoveries, recovery is
// out of those at caseness at the start, and the median of an even count is the mean of the
// middle two.
func TestSummariseCountsRatesDenominatorsAndTheMedian(t *testing.T) {
	eps := []EpisodeOutcome{
		Judge(Episode{Ended: true, Attended: 8, Scores: map[string][]int{"phq9": {18, 6}}}, nil),  // recovery
		Judge(Episode{Ended: true, Attended: 2, Scores: map[string][]int{"phq9": {8, 2}}}, nil),   // improved, no caseness
		Judge(Episode{Ended: true, Attended: 3, Scores: map[string][]int{"phq9": {12, 19}}}, nil), // deteriorated
		Judge(Episode{Ended: false, Attended: 5, Scores: map[string][]int{"gad7": {9}}}, nil),     // unpaired
	}
	s := Summarise(eps)
	p := s.Measures[0]
	if p.Key != "phq9" || p.Paired != 3 || p.Improved != (Rate{2, 3}) || p.Recovered != (Rate{1, 2}) || p.Deteriorated != (Rate{1, 3}) {
		t.Errorf("PHQ-9 rates %+v", p)
	}
	if s.Episodes != 4 || s.Ended != 3 || s.Ongoing != 1 || s.Paired != 3 || s.MedianAttended != 4 || !s.Small() {
		t.Errorf("summary %+v", s)
	}
	if (Rate{2, 3}).Shown() || !(Rate{0, 5}).Shown() || (Rate{2, 3}).Percent() != 67 || (Rate{0, 0}).Percent() != 0 {
		t.Error("the small-number rule or the rounding of a rate")
	}
}
