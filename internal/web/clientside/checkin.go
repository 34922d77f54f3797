package clientside

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/measures"
	"github.com/securebase/securebase/internal/store"
	view "github.com/securebase/securebase/templates/clientside"
	"github.com/securebase/securebase/templates/ui"
)

// checkinPage is what a client's check-in shows: their markers and questionnaires, nothing else.
type checkinPage struct {
	View     store.ClientView
	Checkin  store.Checkin
	Markers  []store.Marker
	Measures []measures.Measure
	LinkID   int64
	Item     string  // "c:<id>": which of the client's forms this is
	Due      dueList // everything due now, with the neutral count
}

// checkinContext loads one check-in of the session's client. Another client's check-in is a
// dead link to this client: the same neutral 404.
func (h *Handlers) checkinContext(c echo.Context, id int64) (checkinPage, error) {
	ctx := c.Request().Context()
	l := linkOf(c)
	ck, v, err := h.Store.CheckinClient(ctx, l.PracticeID, id)
	if errors.Is(err, store.ErrNotFound) || err == nil && ck.ClientID != l.ClientID {
		return checkinPage{}, echo.ErrNotFound
	}
	if err != nil {
		return checkinPage{}, err
	}
	page := checkinPage{View: v, Checkin: ck, LinkID: l.ID, Item: "c:" + strconv.FormatInt(ck.ID, 10)}
	if ck.WithMarkers {
		if page.Markers, err = h.Store.Markers(ctx, l.PracticeID, false); err != nil {
			return page, err
		}
	}
	for _, key := range ck.Measures {
		if m, ok := measures.ByKey(key); ok && measures.ClientAnswerable(key) {
			page.Measures = append(page.Measures, m)
		}
	}
	return page, nil
}

func (h *Handlers) checkinGet(c echo.Context, id int64, due dueList) error {
	page, err := h.checkinContext(c, id)
	if err != nil {
		return err
	}
	h.keepItem(c, page.Item)
	page.Due = due
	return h.renderCheckin(c, http.StatusOK, page, &ui.Form{Values: map[string][]string{}})
}

func (h *Handlers) renderCheckin(c echo.Context, status int, page checkinPage, form *ui.Form) error {
	markers := make([]view.Marker, len(page.Markers))
	for i, m := range page.Markers {
		markers[i] = view.Marker{Key: fmt.Sprintf("m_%d", m.ID), Label: m.ClientLabel}
		if m.ClientLabel == "" {
			markers[i].Label = "Statement " + strconv.Itoa(i+1)
		}
	}
	return h.Render(c, status, view.Checkin(view.CheckinView{
		ClientPage: h.ClientPage(c, "Your check-in"), Form: form, Due: page.Due.Due,
		CallName: page.View.CallName(), Done: page.Checkin.CompletedAt != nil,
		LinkID: page.LinkID, Item: page.Item, Markers: markers, Measures: page.Measures,
	}))
}
