package measures_test

import (
	"reflect"
	"testing"
	"time"

	"github.com/securebase/securebase/internal/measures"
)

func day(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}

func days(os []measures.Occurrence) []string {
	out := []string{}
	for _, o := range os {
		out = append(out, o.Day.Format(time.DateOnly))
	}
	return out
}

// The clocks change in London on Sunday 28 March 2027 (to BST) and Sunday 31 October 2027 (to
// GMT). A weekly plan falls on the same weekday either side, and "today" is the local date.
func TestPlanOccurrencesAcrossDaylightSaving(t *testing.T) {
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		start string
		now   time.Time
		want  []string
	}{
		{"spring, before local midnight", "2027-03-15", time.Date(2027, 3, 28, 22, 30, 0, 0, time.UTC), []string{"2027-03-15", "2027-03-22"}},
		{"spring, 00:30 BST on Monday is still Sunday in UTC", "2027-03-15", time.Date(2027, 3, 28, 23, 30, 0, 0, time.UTC), []string{"2027-03-15", "2027-03-22", "2027-03-29"}},
		{"autumn, the week that has 169 hours", "2027-10-25", time.Date(2027, 11, 1, 0, 30, 0, 0, time.UTC), []string{"2027-10-25", "2027-11-01"}},
		{"autumn, a minute before local midnight", "2027-10-25", time.Date(2027, 10, 31, 23, 59, 0, 0, time.UTC), []string{"2027-10-25"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := measures.Plan{StartsOn: day(tc.start), Every: map[string]string{measures.PlanMarkers: measures.EveryWeek}}
			today := measures.LocalDay(tc.now, london)
			if got := days(p.Occurrences(p.StartsOn, today, nil)); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("due by %s: %v, want %v", tc.now, got, tc.want)
			}
		})
	}
}

func TestPlanOccurrencesMixFrequenciesPausesAndEnd(t *testing.T) {
	p := measures.Plan{
		StartsOn: day("2027-03-01"),
		Every:    map[string]string{measures.PlanMarkers: measures.EveryWeek, "phq9": measures.EveryTwoWeeks, "gad7": measures.EveryTwoWeeks},
		// Paused from 10 March, resumed on 24 March: nothing falls due on 15 or 22 March.
		Pauses: []measures.Pause{{From: day("2027-03-10"), To: day("2027-03-24")}},
	}
	got := p.Occurrences(p.StartsOn, day("2027-04-05"), nil)
	if want := []string{"2027-03-01", "2027-03-08", "2027-03-29", "2027-04-05"}; !reflect.DeepEqual(days(got), want) {
		t.Fatalf("days %v, want %v", days(got), want)
	}
	if !got[0].Markers || !reflect.DeepEqual(got[0].Measures, []string{"phq9", "gad7"}) {
		t.Errorf("1 March asks for %+v, want markers, PHQ-9 and GAD-7", got[0])
	}
	if !got[1].Markers || len(got[1].Measures) != 0 {
		t.Errorf("8 March asks for %+v, want the markers alone", got[1])
	}
	if !reflect.DeepEqual(got[2].Measures, []string{"phq9", "gad7"}) {
		t.Errorf("29 March (fortnightly from 1 March) asks for %+v", got[2])
	}
	// Still paused (no end): nothing from the pause on.
	p.Pauses = []measures.Pause{{From: day("2027-03-10")}}
	if got := days(p.Occurrences(p.StartsOn, day("2027-06-01"), nil)); !reflect.DeepEqual(got, []string{"2027-03-01", "2027-03-08"}) {
		t.Errorf("open pause: %v", got)
	}
	// Ended at discharge.
	end := day("2027-03-08")
	p.Pauses, p.EndsOn = nil, &end
	if got := days(p.Occurrences(p.StartsOn, day("2027-06-01"), nil)); !reflect.DeepEqual(got, []string{"2027-03-01"}) {
		t.Errorf("ended: %v", got)
	}
}

func TestPlanBeforeEachAppointment(t *testing.T) {
	p := measures.Plan{StartsOn: day("2027-03-02"), Every: map[string]string{"phq9": measures.BeforeAppointment}}
	got := p.Occurrences(p.StartsOn, day("2027-03-31"), []time.Time{day("2027-03-02"), day("2027-03-10"), day("2027-04-07")})
	// The day before 2 March is before the start; 6 April is after "to".
	if want := []string{"2027-03-09"}; !reflect.DeepEqual(days(got), want) {
		t.Errorf("days %v, want %v", days(got), want)
	}
}

func TestLapsedAfterGrace(t *testing.T) {
	due := day("2027-03-01")
	if measures.Lapsed(due, day("2027-03-04")) {
		t.Error("lapsed on the last day of grace")
	}
	if !measures.Lapsed(due, day("2027-03-05")) {
		t.Error("not lapsed the day after grace")
	}
}

func TestCheckPlan(t *testing.T) {
	today := day("2027-03-01")
	start := day("2027-02-28")
	if _, p := measures.CheckPlan(map[string]string{"phq9": "daily"}, &start, today); p["every_phq9"] == "" || p["plan_start"] == "" {
		t.Errorf("bad frequency and past start passed: %v", p)
	}
	if _, p := measures.CheckPlan(map[string]string{"markers": ""}, nil, today); p["every_markers"] == "" {
		t.Errorf("an empty plan passed: %v", p)
	}
	kept, p := measures.CheckPlan(map[string]string{"markers": measures.EveryWeek, "gad7": ""}, &today, today)
	if len(p) != 0 || !reflect.DeepEqual(kept, map[string]string{"markers": measures.EveryWeek}) {
		t.Errorf("a good plan: kept %v, problems %v", kept, p)
	}
}
