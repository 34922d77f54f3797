package measures

import (
	"math"
	"slices"
)

// MinEpisodes is the small-number rule of the outcomes page: a rate over fewer episodes than
// this is not shown, only its counts.
const MinEpisodes = 5

// Episode is one course of care as the outcomes page counts it: its scores on each
// questionnaire in the order they were taken (oldest first), and its attended appointments.
type Episode struct {
	ClientID int64
	Code     string // the client's working code, the only name the outcomes page shows
	Ended    bool   // discharged (in the period); otherwise still in care with two or more scores
	Attended int
	Scores   map[string][]int // measure key -> totals, oldest first
}

// EpisodeOutcome is an episode judged by the same rules as the client's progress page.
type EpisodeOutcome struct {
	Episode
	Courses []Course          // one per questionnaire with at least one score, in catalogue order
	Changes map[string]Change // per questionnaire with two scores or more
	Overall Outcome           // JudgeCourse over Courses
}

// Judge applies ClassifyChange to each questionnaire's first and last score and JudgeCourse to
// the whole course, exactly as the progress page does.
func Judge(e Episode, c Conventions) EpisodeOutcome {
	o := EpisodeOutcome{Episode: e, Changes: map[string]Change{}}
	for _, m := range Measures() {
		totals := e.Scores[m.Key]
		if len(totals) == 0 {
			continue
		}
		k := Course{Measure: m, First: totals[0], Latest: totals[len(totals)-1], Count: len(totals)}
		o.Courses = append(o.Courses, k)
		if k.Count > 1 {
			o.Changes[m.Key] = m.ClassifyChange(k.First, k.Latest, c)
		}
	}
	o.Overall = JudgeCourse(o.Courses, c)
	return o
}

// Rate is a count out of a denominator.
type Rate struct{ Count, Of int }

// Shown reports whether the rate may be given as a percentage: its denominator meets the
// small-number rule.
func (r Rate) Shown() bool { return r.Of >= MinEpisodes }

// Percent is the rate rounded to a whole percentage (0 when the denominator is 0).
func (r Rate) Percent() int {
	if r.Of == 0 {
		return 0
	}
	return int(math.Round(100 * float64(r.Count) / float64(r.Of)))
}

// Rates are the reliable-change rates of one questionnaire, or of both by the paired rule.
type Rates struct {
	Key, Name    string
	Paired       int  // episodes with a first and a last score (two or more)
	Improved     Rate // reliable improvement (recovery included), of Paired
	Recovered    Rate // reliable recovery, of the paired episodes at caseness at the start
	Deteriorated Rate // reliable deterioration, of Paired
}

// Summary is what the outcomes page reports over a set of episodes.
type Summary struct {
	Episodes, Ended, Ongoing int
	Paired                   int     // episodes with paired scores on at least one questionnaire
	Measures                 []Rates // per questionnaire, in catalogue order
	Overall                  Rates   // by JudgeCourse's verdict (the paired rule where both were measured)
	MedianAttended           float64 // median attended appointments per episode
}

// Small reports whether the summary falls under the small-number rule: counts only, no rates.
func (s Summary) Small() bool { return s.Episodes < MinEpisodes }

// Summarise counts the episodes' verdicts into rates.
func Summarise(eps []EpisodeOutcome) Summary {
	s := Summary{Episodes: len(eps), Overall: Rates{Key: "overall", Name: "PHQ-9 and GAD-7 together"}}
	attended := make([]int, 0, len(eps))
	for _, m := range Measures() {
		r := Rates{Key: m.Key, Name: m.Name}
		for _, e := range eps {
			if ch, ok := e.Changes[m.Key]; ok {
				r.Paired++
				count(&r, ch.Class, ch.Caseness)
			}
		}
		s.Measures = append(s.Measures, r)
	}
	for _, e := range eps {
		attended = append(attended, e.Attended)
		if e.Ended {
			s.Ended++
		} else {
			s.Ongoing++
		}
		if len(e.Changes) > 0 {
			s.Paired++
		}
		if e.Overall.Class != "" {
			s.Overall.Paired++
			count(&s.Overall, e.Overall.Class, e.Overall.CaseAtStart)
		}
	}
	s.MedianAttended = median(attended)
	return s
}

// count adds one judged course to the rates.
func count(r *Rates, class string, caseAtStart bool) {
	r.Improved.Of++
	r.Deteriorated.Of++
	if caseAtStart {
		r.Recovered.Of++
	}
	switch class {
	case Recovered:
		r.Recovered.Count++
		r.Improved.Count++
	case Improved:
		r.Improved.Count++
	case Deteriorated:
		r.Deteriorated.Count++
	}
}

// median is the middle value (the mean of the two middle ones for an even count), 0 for none.
func median(xs []int) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return float64(s[n/2])
	}
	return float64(s[n/2-1]+s[n/2]) / 2
}
