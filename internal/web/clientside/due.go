package clientside

import (
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/homework"
	"github.com/securebase/securebase/internal/store"
	view "github.com/securebase/securebase/templates/clientside"
)

// keyItem holds the form the client chose to fill in now ("a:12" homework, "c:5" a check-in).
const keyItem = "item"

// dueList is everything the client's link opens now, with the one shown first.
type dueList struct {
	view.Due
	Upcoming []time.Time // homework that has not started yet
}

// dueNow lists what the session's link opens: the client's waiting check-ins (store.DueCheckins), oldest first,
// then their homework with a day still to fill in, in due order. The chosen form comes first
// if it is still due.
func (h *Handlers) dueNow(c echo.Context) (dueList, store.ClientView, error) {
	ctx := c.Request().Context()
	l := linkOf(c)
	var d dueList
	v, err := h.clientView(c)
	if err != nil {
		return d, v, err
	}
	today, err := h.todayIn(v.TimeZone)
	if err != nil {
		return d, v, err
	}
	// The waiting check-ins: asked for by hand, or made by the client's plan as they fall due
	// (and gone once lapsed), the same choice as store.DueForms makes for the practice.
	checkins, err := h.Store.DueCheckins(ctx, l.PracticeID, l.ClientID, today)
	if err != nil {
		return d, v, err
	}
	for i := len(checkins) - 1; i >= 0; i-- {
		d.Items = append(d.Items, view.DueItem{Key: "c:" + strconv.FormatInt(checkins[i].ID, 10), Label: "Check-in"})
	}
	// One query for the homework still open (or not started yet), each with its template in
	// the client's wording: not a query per assignment of the client's whole history.
	due, err := h.Store.DueAssignments(ctx, l.PracticeID, l.ClientID, today)
	if err != nil {
		return d, v, err
	}
	for i := len(due) - 1; i >= 0; i-- { // listed latest due first: show earliest first
		a := due[i]
		if today.Before(a.StartDate) {
			d.Upcoming = append(d.Upcoming, a.StartDate)
			continue
		}
		var t homework.Template
		if err := json.Unmarshal(a.Template, &t); err != nil {
			return d, v, fmt.Errorf("assignment %d template: %w", a.ID, err)
		}
		label := "Form"
		if hd := clientHeading(a, t.ForClient()); hd != "Your form" {
			label = hd
		}
		d.Items = append(d.Items, view.DueItem{Key: "a:" + strconv.FormatInt(a.ID, 10), Label: label})
	}
	chosen := h.ClientSessions.GetString(ctx, keyItem)
	for i, it := range d.Items {
		if it.Key == chosen {
			d.Items[0], d.Items[i] = d.Items[i], d.Items[0]
		}
	}
	if len(d.Items) > 0 {
		d.Current = d.Items[0].Key
	}
	return d, v, nil
}
