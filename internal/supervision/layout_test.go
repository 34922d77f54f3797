package supervision

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/securebase/securebase/internal/measures"
)

func values(cells []Cell) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = c.Value()
	}
	return out
}

func TestHomeworkRateIsBlankWhenNothingWasAsked(t *testing.T) {
	cases := []struct {
		made, expected int
		want           string
	}{{0, 0, ""}, {0, 7, "0"}, {2, 3, "0.667"}, {9, 7, "1"}, {1, 8, "0.125"}}
	for _, tc := range cases {
		if got := HomeworkRate(tc.made, tc.expected).Value(); got != tc.want {
			t.Errorf("HomeworkRate(%d, %d) = %q, want %q", tc.made, tc.expected, got, tc.want)
		}
	}
}

// typed is a planted word a person typed; no de-identified cell may hold it.
const typed = "zq7plant"

func layouts(t *testing.T) map[string]Layout {
	p := testPseudonymiser(t)
	return map[string]Layout{"identified": {Identified: true, FullDates: true}, "deidentified": {Pseudo: p}}
}

func TestEveryLayoutHasAsManyCellsAsColumnsAndDeidentifiedHidesWhatIdentifies(t *testing.T) {
	first := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	day := first.AddDate(0, 0, 15)
	word, val := typed+" words", 4.5
	goal := GoalRow{ClientID: 9, Code: "SB-" + typed, FirstDay: first, GoalNumber: 1, Statement: typed, Metric: typed, Unit: typed,
		MetricCode: "count", UnitCode: "times", Direction: "increase", BaselineValue: &val, BaselineDate: &first, TargetDate: &day,
		Status: "active", LatestValue: &val, LatestDate: &day}
	hw := HomeworkRow{ClientID: 9, Code: "SB-" + typed, FirstDay: first, AssignmentNo: 2, FieldNo: 3, Template: "builtin:diary",
		EntryDate: day, FieldKey: typed, Text: &word, Made: 1, Expected: 2}
	score := ScoreRow{ClientID: 9, Code: "SB-" + typed, FirstDay: first, Day: day, Instrument: "phq9", Item: "total", Score: 12}
	risk := "low"
	cl := CaseloadRow{ClientID: 9, Code: "SB-" + typed, CounsellorID: 4, FirstName: typed, LastName: typed, Status: "active",
		FirstDay: first, FirstAppt: &first, Measures: []byte(`{"phq9":[15,6]}`), Markers: []byte(`{"12":[3,7]}`), RiskLevel: &risk}
	for name, l := range layouts(t) {
		c := Caseload{Layout: l, Markers: []Marker{{ID: 12, N: 2}}, Names: map[int64]string{4: typed}, Conv: measures.Conventions{}}
		cc, err := c.Cells(cl)
		if err != nil {
			t.Fatal(err)
		}
		files := map[string][2][]string{
			"goals":    {l.GoalsHeader(), values(l.GoalCells(goal, day))},
			"homework": {l.HomeworkHeader(), values(l.HomeworkCells(hw))},
			"scores":   {l.ScoresHeader(), values(l.ScoreCells(score))},
			"caseload": {c.Header(), values(cc)},
		}
		for file, hr := range files {
			h, row := hr[0], hr[1]
			if len(h) != len(row) {
				t.Errorf("%s %s: %d columns, %d cells\n%v\n%v", name, file, len(h), len(row), h, row)
			}
			joined := strings.Join(row, "|")
			if name == "identified" {
				if !strings.Contains(joined, "SB-"+typed) || !strings.Contains(joined, "2026-03-") {
					t.Errorf("identified %s lacks the working code or full dates: %v", file, row)
				}
				continue
			}
			if strings.Contains(joined, typed) || strings.Contains(joined, "2026") {
				t.Errorf("de-identified %s holds a typed word or a calendar date: %v", file, row)
			}
			if h[0] != "client" || row[0] != l.Pseudo.Client(9) {
				t.Errorf("de-identified %s names the client %s=%s", file, h[0], row[0])
			}
			for _, col := range h {
				if strings.HasSuffix(col, "_date") || col == "date" || col == "statement" || col == "first_name" {
					t.Errorf("de-identified %s has column %s", file, col)
				}
			}
		}
	}
}

func TestWeeksOfTreatmentAndFieldPlaces(t *testing.T) {
	first := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	l := Layout{Pseudo: testPseudonymiser(t)}
	n := 2.0
	row := values(l.HomeworkCells(HomeworkRow{ClientID: 1, FirstDay: first, EntryDate: first.AddDate(0, 0, 15), FieldNo: 3, FieldKey: "mood", Number: &n, Made: 1, Expected: 3}))
	if want := []string{l.Pseudo.Client(1), "0", "", "2", "field_3", "2", "1", "3", "0.333"}; !slices.Equal(row, want) {
		t.Fatalf("homework row %v, want %v", row, want)
	}
	if h := l.ScoresHeader(); h[1] != "week" {
		t.Fatalf("scores header %v", h)
	}
}

func TestCaseloadYearOnlyWhenDeidentifiedAndAllowed(t *testing.T) {
	p := testPseudonymiser(t)
	has := func(l Layout) bool { return slices.Contains(Caseload{Layout: l}.Header(), "first_appointment_year") }
	if has(Layout{Pseudo: p}) || !has(Layout{Pseudo: p, WithYear: true}) || has(Layout{Identified: true, FullDates: true, WithYear: true}) {
		t.Fatal("the first-appointment year is for de-identified files of enough clients only")
	}
}

func TestNumberMarkersKeepsPlacesOfActiveMarkers(t *testing.T) {
	got := NumberMarkers([]MarkerRef{{ID: 30, Active: true}, {ID: 10}, {ID: 20, Active: true}})
	if want := []Marker{{ID: 30, N: 1}, {ID: 20, N: 3}}; !slices.Equal(got, want) {
		t.Fatalf("NumberMarkers = %v, want %v", got, want)
	}
}

func TestEveryColumnOfEveryFileIsExplainedInOneSentence(t *testing.T) {
	for _, l := range []Layout{{}, {WithYear: true}, {Identified: true}, {Identified: true, FullDates: true}} {
		c := Caseload{Layout: l, Markers: []Marker{{N: 1}, {N: 7}}}
		for _, header := range [][]string{c.Header(), l.GoalsHeader(), l.HomeworkHeader(), l.ScoresHeader()} {
			for _, col := range header {
				about := AboutColumn(col)
				if about == "" || !strings.HasSuffix(about, ".") || strings.Count(about, ". ") > 0 {
					t.Errorf("column %q: %q; want one sentence", col, about)
				}
			}
		}
	}
	if AboutColumn("no_such_column") != "" {
		t.Error("an unknown column is explained")
	}
}
