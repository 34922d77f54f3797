package dashboard

import (
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/casework"
	"github.com/securebase/securebase/internal/measures"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web/kit"
	view "github.com/securebase/securebase/templates/dashboard"
)

// lists are the store's lists plus the judgements made in Go.
type lists struct {
	store.Dashboard
	OffTrack     []store.DashItem
	Deteriorated []store.DashItem
}

// judge adds to the store's lists the goals off track and the scores reliably deteriorated.
func (h *Handlers) judge(c echo.Context, d store.Dashboard, today time.Time) (lists, error) {
	out := lists{Dashboard: d}
	var err error
	if out.OffTrack, err = h.offTrack(c, d.ActiveGoals, today); err != nil {
		return out, err
	}
	conv, err := h.ConventionsOf(c)
	if err != nil {
		return out, err
	}
	for _, r := range d.Results {
		m, ok := measures.ByKey(r.MeasureKey)
		if !ok {
			continue
		}
		if ch := m.ClassifyChange(r.First, r.Latest, conv); ch.Class == measures.Deteriorated {
			on := r.LatestOn
			out.Deteriorated = append(out.Deteriorated, store.DashItem{DashClient: r.DashClient, When: &on,
				What:   m.Name + ": " + strconv.Itoa(r.First) + " to " + strconv.Itoa(r.Latest),
				Target: kit.ClientPath(r.ClientID) + "/progress"})
		}
	}
	return out, nil
}

// offTrack finds the active goals behind their straight line, with all readings in one query.
func (h *Handlers) offTrack(c echo.Context, goals []store.DashGoal, today time.Time) ([]store.DashItem, error) {
	ids := make([]int64, len(goals))
	for i, g := range goals {
		ids[i] = g.ID
	}
	readings, err := h.Store.GoalReadings(c.Request().Context(), kit.CurrentUser(c).PracticeID, ids)
	if err != nil {
		return nil, err
	}
	var out []store.DashItem
	for _, g := range goals {
		pr := casework.ProgressOf(kit.SMARTOf(g.Goal), kit.ReadingsOf(readings[g.ID]), today)
		if pr.HasReadings && !pr.OnTrack {
			latest := pr.Latest.Date
			out = append(out, store.DashItem{DashClient: g.DashClient, What: g.Statement, When: &latest,
				Target: kit.GoalPath(g.DashClient.ClientID, g.ID)})
		}
	}
	return out, nil
}

// withoutNarrative replaces every free-text description with a fixed label, for a
// supervisor: flag summaries, goal statements and template titles are the practice's words
// about a client, and supervisors never receive narrative.
func (l *lists) withoutNarrative() {
	label := func(items []store.DashItem, what string) {
		for i := range items {
			items[i].What = what
		}
	}
	label(l.RiskFlags, "Risk flag open")
	label(l.ItemNine, "PHQ-9 item 9 above 0")
	label(l.AwaitingReview, "Homework awaiting review")
	label(l.Overdue, "Homework overdue")
	label(l.Expiring, "Link expiring")
	label(l.GoalsDue, "Goal due")
	label(l.OffTrack, "Goal off track")
	label(l.Recent, "Activity")
}

// cards are the dashboard's lists in the order the page shows them.
func (l lists) cards(identified bool, loc *time.Location) []view.List {
	card := func(key, title string, items []store.DashItem, empty string, counted bool) view.List {
		out := view.List{Key: key, Title: title, Empty: empty, Counted: counted, Total: len(items)}
		if len(items) > 0 && items[0].Total > out.Total {
			out.Total = items[0].Total
		}
		for _, it := range items {
			out.Items = append(out.Items, itemOf(it, identified, loc))
		}
		return out
	}
	return []view.List{
		card("item9", "PHQ-9 item 9 alerts", l.ItemNine, "None.", true),
		card("flags", "Risk flags to review", l.RiskFlags, "None open.", true),
		card("review", "Homework awaiting review", l.AwaitingReview, "Nothing waiting.", true),
		card("overdue", "Overdue homework", l.Overdue, "Nothing overdue.", true),
		card("expiring", "Links expiring within 3 days", l.Expiring, "None.", true),
		card("goals-due", "Goals due within 14 days or past due", l.GoalsDue, "None.", true),
		card("off-track", "Goals off track", l.OffTrack, "None.", true),
		card("deteriorated", "Scores reliably deteriorated", l.Deteriorated, "None.", true),
		card("marker-falls", "Markers down 2 or more over the last three ratings", l.MarkerFalls, "None.", true),
		card("appointments", "Appointments this week", l.Appointments, "None booked.", true),
		card("recent", "Recent activity", l.Recent, "Nothing yet.", false),
	}
}

func itemOf(it store.DashItem, identified bool, loc *time.Location) view.Item {
	out := view.Item{Code: it.Code, What: it.What, Target: it.Target}
	if identified {
		name := it.FirstName
		if it.PreferredName != "" {
			name = it.PreferredName
		}
		out.Name = name + " " + it.LastName
	}
	if it.When != nil {
		out.When = it.When.In(loc).Format("2 Jan 2006 15:04")
	}
	return out
}
