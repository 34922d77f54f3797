package web

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/homework"
	"github.com/securebase/securebase/internal/store"
)

// ctxClientView keeps the request's store.ClientView (clientView).
const ctxClientView = "client_view"

// keyItem holds the form the client chose to fill in now ("a:12" homework, "c:5" a check-in).
const keyItem = "item"

// dueItem is one form on the client's page: open homework or a waiting check-in.
type dueItem struct {
	Key   string // "a:12" or "c:5"
	Label string // neutral unless the heading rules allow the template's title
}

// dueList is everything the client's link opens now, with the one shown first.
type dueList struct {
	Items    []dueItem
	Current  string
	Upcoming []time.Time // homework that has not started yet
}

// Count is the neutral count the page shows: "2 forms to fill in".
func (d dueList) Count() string {
	if len(d.Items) == 1 {
		return "1 form to fill in"
	}
	return fmt.Sprintf("%d forms to fill in", len(d.Items))
}

// dueNow lists what the session's link opens: the client's waiting check-ins, oldest first,
// then their homework with a day still to fill in, in due order. The chosen form comes first
// if it is still due.
func (s *Server) dueNow(c echo.Context) (dueList, store.ClientView, error) {
	ctx := c.Request().Context()
	l := linkOf(c)
	var d dueList
	view, err := s.clientView(c)
	if err != nil {
		return d, view, err
	}
	checkins, err := s.store.Checkins(ctx, l.PracticeID, l.ClientID)
	if err != nil {
		return d, view, err
	}
	for i := len(checkins) - 1; i >= 0; i-- {
		if ck := checkins[i]; ck.CompletedAt == nil && ck.RevokedAt == nil {
			d.Items = append(d.Items, dueItem{Key: "c:" + strconv.FormatInt(ck.ID, 10), Label: "Check-in"})
		}
	}
	today, err := s.todayIn(view.TimeZone)
	if err != nil {
		return d, view, err
	}
	// One query for the homework still open (or not started yet), each with its template in
	// the client's wording: not a query per assignment of the client's whole history.
	due, err := s.store.DueAssignments(ctx, l.PracticeID, l.ClientID, today)
	if err != nil {
		return d, view, err
	}
	for i := len(due) - 1; i >= 0; i-- { // listed latest due first: show earliest first
		v := due[i]
		if today.Before(v.StartDate) {
			d.Upcoming = append(d.Upcoming, v.StartDate)
			continue
		}
		var t homework.Template
		if err := json.Unmarshal(v.Template, &t); err != nil {
			return d, view, fmt.Errorf("assignment %d template: %w", v.ID, err)
		}
		label := "Form"
		if h := clientHeading(v, t.ForClient()); h != "Your form" {
			label = h
		}
		d.Items = append(d.Items, dueItem{Key: "a:" + strconv.FormatInt(v.ID, 10), Label: label})
	}
	chosen := s.clientSessions.GetString(ctx, keyItem)
	for i, it := range d.Items {
		if it.Key == chosen {
			d.Items[0], d.Items[i] = d.Items[i], d.Items[0]
		}
	}
	if len(d.Items) > 0 {
		d.Current = d.Items[0].Key
	}
	return d, view, nil
}

// clientHome is the client's own page: the form chosen (or the first due), with the neutral
// count and the others to pick from; or a calm "nothing to fill in" when nothing is due.
func (s *Server) clientHome(c echo.Context) error {
	if gated, err := s.pinGate(c); gated || err != nil {
		if err != nil {
			return err
		}
		return s.renderEarlier(c, http.StatusOK, earlierPage{Gate: true, Locked: linkOf(c).PINLockedAt != nil}, &Form{Values: map[string][]string{}})
	}
	due, view, err := s.dueNow(c)
	if err != nil {
		return err
	}
	kind, id := splitItem(due.Current)
	switch kind {
	case "a":
		return s.assignmentFormGet(c, id, due)
	case "c":
		return s.checkinGet(c, id, due)
	}
	p := &Page{Title: "Your forms", CSRF: csrfToken(c), RequestID: requestIDOf(c),
		Flash:    s.clientSessions.PopString(c.Request().Context(), "flash"),
		HelpOpen: s.clientSessions.PopBool(c.Request().Context(), keyHelpOpen),
		Data: struct {
			View store.ClientView
			Due  dueList
		}{view, due}}
	return s.render(c, http.StatusOK, "client/home", p)
}

// pickItem chooses which due form the page shows; it changes nothing but the session.
func (s *Server) pickItem(c echo.Context) error {
	if err := onlyFields(c, "item"); err != nil {
		return err
	}
	if gated, err := s.pinGate(c); gated || err != nil {
		return s.redirectHome(c, err)
	}
	due, _, err := s.dueNow(c)
	if err != nil {
		return err
	}
	for _, it := range due.Items {
		if it.Key == c.FormValue("item") {
			s.clientSessions.Put(c.Request().Context(), keyItem, it.Key)
		}
	}
	return c.Redirect(http.StatusSeeOther, "/h")
}

// postedItem reads which of the client's forms a POST is for: its "item" field or, from a page
// without one, the form the client's page last showed. Anything but a form of this kind is
// the neutral 404 (the form's own checks then say whether it still takes an answer).
func (s *Server) postedItem(c echo.Context, kind string) (int64, error) {
	key := c.FormValue("item")
	if key == "" {
		key = s.clientSessions.GetString(c.Request().Context(), keyItem)
	}
	k, id := splitItem(key)
	if k != kind || id <= 0 {
		return 0, echo.ErrNotFound
	}
	return id, nil
}

// pinGate reports whether the practice asks for the PIN before any form and this session has
// not entered it yet. The page shown is the same whether or not the link has a PIN.
func (s *Server) pinGate(c echo.Context) (bool, error) {
	l := linkOf(c)
	v, err := s.clientView(c)
	if err != nil || !v.PINBeforeForms {
		return false, err
	}
	return l.PINLockedAt != nil || l.PINSetAt == nil || s.clientSessions.GetInt64(c.Request().Context(), keyPINOpen) != l.ID, nil
}

// clientView reads the session's client and practice once per request (the PIN gate and the
// list of due forms both need them).
func (s *Server) clientView(c echo.Context) (store.ClientView, error) {
	if v, ok := c.Get(ctxClientView).(store.ClientView); ok {
		return v, nil
	}
	l := linkOf(c)
	v, err := s.store.ClientViewByClient(c.Request().Context(), l.PracticeID, l.ClientID)
	if err == nil {
		c.Set(ctxClientView, v)
	}
	return v, err
}

// redirectHome sends a gated POST back to the client's page, which asks for the PIN.
func (s *Server) redirectHome(c echo.Context, err error) error {
	if err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, "/h")
}

func splitItem(key string) (string, int64) {
	kind, raw, ok := strings.Cut(key, ":")
	id, err := strconv.ParseInt(raw, 10, 64)
	if !ok || err != nil {
		return "", 0
	}
	return kind, id
}

// keepItem remembers the form the page shows, writing to the session only when it changes.
func (s *Server) keepItem(c echo.Context, key string) {
	ctx := c.Request().Context()
	if s.clientSessions.GetString(ctx, keyItem) != key {
		s.clientSessions.Put(ctx, keyItem, key)
	}
}
