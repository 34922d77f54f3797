package casework

import (
	"fmt"
	"strconv"
	"time"

	"github.com/securebase/securebase/internal/chart"
	"github.com/securebase/securebase/internal/store"
	view "github.com/securebase/securebase/templates/casework"
)

// Sizes of the progress page's charts. A questionnaire's chart is larger than a marker's; each is
// narrow enough in viewBox units that its 12-unit text is drawn at 12 px or more on a phone.
const (
	questionnaireWidth  = 340
	questionnaireHeight = 230
)

// progressGroups are the page's charts: questionnaires, markers and goals, on one date axis.
type progressGroups struct {
	Questionnaires, Markers, Goals []chart.Spec
	Notes                          []string // each questionnaire's note under its title
}

// shareAxis puts every chart of the page on one date axis and the event marks on each.
func (g *progressGroups) shareAxis(events []chart.Event) {
	all := make([]chart.Spec, 0, len(g.Questionnaires)+len(g.Markers)+len(g.Goals))
	for _, group := range [][]chart.Spec{g.Questionnaires, g.Markers, g.Goals} {
		for _, s := range group {
			s.Events, s.Legend = events, true
			all = append(all, s)
		}
	}
	chart.ShareX(all)
	n := copy(g.Questionnaires, all)
	n += copy(g.Markers, all[n:])
	copy(g.Goals, all[n:])
}

// small sizes a spec for the grid of small multiples.
func small(s chart.Spec) chart.Spec {
	s.Width, s.Height = chart.SmallWidth, chart.SmallHeight
	return s
}

// progressChart draws a spec with its legend and its table alternative.
func (h *Handlers) progressChart(spec chart.Spec, note string) view.ProgressChart {
	ch := view.ProgressChart{ID: spec.ID, Title: spec.Title, SVG: string(h.Charts.SVG(spec)), Rows: goalTable(spec), Note: note}
	ch.Legend = legendOf(spec)
	return ch
}

// legendOf is a chart's band and line labels as the page shows them beside it.
func legendOf(spec chart.Spec) []view.ChartLegend {
	var out []view.ChartLegend
	for _, it := range chart.LegendOf(spec) {
		out = append(out, view.ChartLegend{Label: it.Label, Fill: it.Fill, Line: it.Line, Dashed: it.Dashed})
	}
	return out
}

// eventsOf turns the event notes, by date, into chart events numbered 1, 2, 3 for the legend.
func eventsOf(notes []store.EventNote) []chart.Event {
	out := make([]chart.Event, len(notes))
	for i, n := range notes {
		out[i] = chart.Event{Date: n.NotedOn, Label: n.Text, Mark: strconv.Itoa(i + 1)}
	}
	return out
}

// sameDayCount is how many of a questionnaire's scores were given on day.
func sameDayCount(results []store.Result, key string, day time.Time) int {
	n := 0
	for _, r := range results {
		if r.MeasureKey == key && r.TakenOn.Format(time.DateOnly) == day.Format(time.DateOnly) {
			n++
		}
	}
	return n
}

// latestWords says which score is the latest when a day had several: the last entered.
func latestWords(n int) string {
	if n < 2 {
		return ""
	}
	return fmt.Sprintf("the last entered of %d that day", n)
}
