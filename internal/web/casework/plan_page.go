package casework

import (
	"errors"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/measures"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web/kit"
	view "github.com/securebase/securebase/templates/casework"
	"github.com/securebase/securebase/templates/ui"
)

// PlanPage shows a client's measurement plan, its recent check-ins and gaps, and its form.
func (h *Handlers) PlanPage(c echo.Context) error {
	cl, err := h.ClientFor(c)
	if err != nil {
		return err
	}
	if err := h.AuditClient(c, cl, "plan.view", "client", cl.ID, ""); err != nil {
		return err
	}
	return h.showPlan(c, cl, http.StatusOK, nil)
}

// SavePlan gives the client a measurement plan (or changes it).
func (h *Handlers) SavePlan(c echo.Context) error {
	cl, err := h.ClientFor(c)
	if err != nil {
		return err
	}
	parts := measures.PlanParts()
	allowed := []string{"plan_start"}
	for _, p := range parts {
		allowed = append(allowed, "every_"+p)
	}
	if err := kit.OnlyFields(c, allowed...); err != nil {
		return err
	}
	values, err := c.FormParams()
	if err != nil {
		return echo.ErrBadRequest
	}
	form := &ui.Form{Values: values}
	today, _, err := h.PracticeToday(c)
	if err != nil {
		return err
	}
	start := kit.OptionalDate(form, "plan_start", values.Get("plan_start"))
	if start == nil && form.Error("plan_start") == "" {
		form.Fail("plan_start", "Enter the date of the first check-in.")
	}
	every := map[string]string{}
	for _, p := range parts {
		every[p] = strings.TrimSpace(values.Get("every_" + p))
	}
	kept, problems := measures.CheckPlan(every, start, today)
	for field, msg := range problems {
		form.Fail(field, msg)
	}
	if form.HasErrors() {
		return h.showPlan(c, cl, http.StatusUnprocessableEntity, form)
	}
	err = h.Store.SavePlan(c.Request().Context(), cl.PracticeID, cl.ID, kit.CurrentUser(c).ID, *start, kept, today,
		changeEntry(c, cl, "plan.save", "client", cl.ID, planWords(kept)))
	if errors.Is(err, store.ErrClientClosed) {
		return h.Flash(c, kit.ClientPath(cl.ID)+"/plan", "A discharged client cannot be given a plan.")
	}
	if err != nil {
		return err
	}
	return h.Flash(c, kit.ClientPath(cl.ID)+"/plan", "Plan saved. Check-ins show on the client's private page as they fall due.")
}

// RemovePlan stops the client's plan; check-ins it made that are still open are withdrawn.
func (h *Handlers) RemovePlan(c echo.Context) error {
	cl, err := h.ClientFor(c)
	if err != nil {
		return err
	}
	if err := kit.OnlyFields(c); err != nil {
		return err
	}
	today, _, err := h.PracticeToday(c)
	if err != nil {
		return err
	}
	err = h.Store.RemovePlan(c.Request().Context(), cl.PracticeID, cl.ID, today, changeEntry(c, cl, "plan.remove", "client", cl.ID, ""))
	if errors.Is(err, store.ErrNotFound) {
		return h.Flash(c, kit.ClientPath(cl.ID)+"/plan", "The client has no plan.")
	}
	if err != nil {
		return err
	}
	return h.Flash(c, kit.ClientPath(cl.ID)+"/plan", "Plan stopped.")
}

// showPlan renders the plan page; form nil shows the current plan in the form.
func (h *Handlers) showPlan(c echo.Context, cl store.Client, status int, form *ui.Form) error {
	today, _, err := h.PracticeToday(c)
	if err != nil {
		return err
	}
	p, cks, err := h.Store.PlannedCheckins(c.Request().Context(), cl.PracticeID, cl.ID, today)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return err
	}
	has := err == nil
	v := view.PlanView{Page: h.Page(c, "Measurement plan"), Client: goalClient(cl), Parts: planParts(),
		Paused: cl.Status == "paused", Grace: measures.PlanGraceDays}
	var every map[string]string
	if has {
		rule, err := p.Rule()
		if err != nil {
			return err
		}
		every = rule.Every
		v.Current = "From " + p.StartsOn.UTC().Format("2 Jan 2006") + ": " + planWords(every) + "."
	}
	if form == nil {
		form = &ui.Form{Values: url.Values{}}
		for k, f := range every {
			form.Values.Set("every_"+k, f)
		}
		start := today
		if has && p.StartsOn.After(today) {
			start = p.StartsOn.UTC()
		}
		form.Values.Set("plan_start", start.Format("2006-01-02"))
	}
	v.Form = form
	for _, ck := range cks {
		pc := planCheckin(ck, today)
		if pc.IsGap() {
			v.GapsCount++
		}
		v.Checkins = append(v.Checkins, pc)
	}
	return h.Render(c, status, view.PlanPage(v))
}

// planParts names what a plan can schedule, in order.
func planParts() []ui.Option {
	var out []ui.Option
	for _, k := range measures.PlanParts() {
		out = append(out, ui.Option{Value: k, Label: partName(k)})
	}
	return out
}

// partName is a plan part's name on staff pages.
func partName(k string) string {
	if k == measures.PlanMarkers {
		return "Progress markers"
	}
	if m, ok := measures.ByKey(k); ok {
		return m.Name
	}
	return k
}

// planWords says a plan in words: "Progress markers every week; PHQ-9 every two weeks".
func planWords(every map[string]string) string {
	words := map[string]string{measures.EveryWeek: "every week", measures.EveryTwoWeeks: "every two weeks",
		measures.BeforeAppointment: "before each appointment"}
	var out []string
	for _, k := range measures.PlanParts() {
		if f, ok := every[k]; ok {
			out = append(out, partName(k)+" "+words[f])
		}
	}
	return strings.Join(out, "; ")
}

// planCheckin is one of the plan's check-ins as the plan page lists it.
func planCheckin(ck store.Checkin, today time.Time) view.PlanCheckin {
	asks := []string{}
	if ck.WithMarkers {
		asks = append(asks, partName(measures.PlanMarkers))
	}
	for _, k := range ck.Measures {
		asks = append(asks, partName(k))
	}
	out := view.PlanCheckin{Due: ck.DueDate.UTC().Format("Mon 2 Jan 2006"), Asks: strings.Join(asks, ", "), State: "waiting"}
	switch {
	case ck.CompletedAt != nil:
		out.State = "answered"
	case ck.RevokedAt != nil:
		out.State = "withdrawn"
	case measures.Lapsed(ck.DueDate.UTC(), today):
		out.State = "missed"
	}
	return out
}
