package casework

import (
	"strconv"
	"time"

	"github.com/securebase/securebase/internal/chart"
	"github.com/securebase/securebase/internal/measures"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web/kit"
	view "github.com/securebase/securebase/templates/casework"
)

// overviewAppointments is how many past appointments the overview lists.
const overviewAppointments = 3

// overview fills the client page's at-a-glance panels (homework counts are filled with the
// homework list): each questionnaire's latest score, band and reliable change by the same
// rules as the progress page (summarise), each marker's latest rating, and the last three
// appointments that have started, from recent (newest first).
func (h *Handlers) overview(o *view.Overview, page store.ClientPage, recent []view.AppointmentRow) error {
	conv, err := kit.ParseConventions(page.Conventions)
	if err != nil {
		return err
	}
	sums := summarise(page.Results, conv)
	for _, m := range measures.Measures() {
		g := view.MeasureGlance{Key: m.Key, Name: m.Name, Max: m.Max}
		var totals []float64
		for _, r := range page.Results {
			if r.MeasureKey == m.Key {
				totals = append(totals, float64(r.Total))
			}
		}
		for _, s := range sums {
			if s.Measure.Key == m.Key {
				g.Count, g.Band = s.Count, s.Band.Label
				g.Latest, g.On = strconv.Itoa(s.Latest.Total), day(s.Latest.TakenOn)
				g.First, g.FirstOn = strconv.Itoa(s.First.Total), day(s.First.TakenOn)
				g.Change, g.Tone = measures.ChangeLabel(s.Change.Class), changeTone(s.Change.Class)
			}
		}
		g.Spark = string(chart.SparklineSVG(chart.Sparkline{Values: totals, Min: 0, Max: float64(m.Max), Label: m.Name + " totals"}))
		o.Measures = append(o.Measures, g)
	}
	for _, mk := range page.Markers {
		g := view.MarkerGlance{Label: mk.Label}
		var vals []float64
		for _, r := range page.Ratings {
			if r.MarkerID == mk.ID {
				vals = append(vals, float64(r.Value))
				g.Latest, g.On = strconv.Itoa(r.Value), day(r.RatedOn)
			}
		}
		g.Count = len(vals)
		g.Spark = string(chart.SparklineSVG(chart.Sparkline{Values: vals, Min: 0, Max: 10, Label: mk.Label + ", ratings 0 to 10"}))
		o.Markers = append(o.Markers, g)
	}
	o.Last = lastAppointments(page.Recent, recent, h.Now())
	return nil
}

// lastAppointments keeps the rows of the appointments that started by now, at most three.
func lastAppointments(appts []store.Appointment, rows []view.AppointmentRow, now time.Time) []view.AppointmentRow {
	var out []view.AppointmentRow
	for i, a := range appts {
		if i < len(rows) && !a.StartsAt.After(now) && len(out) < overviewAppointments {
			out = append(out, rows[i])
		}
	}
	return out
}

// changeTone is the badge's look for a change class; its words always say the same.
func changeTone(class string) string {
	switch class {
	case measures.Improved, measures.Recovered:
		return "good"
	case measures.Deteriorated:
		return "bad"
	}
	return "neutral"
}

// day shows a date as the progress page does.
func day(t time.Time) string { return t.UTC().Format("2 Jan 2006") }
