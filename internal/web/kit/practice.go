package kit

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/measures"
	"github.com/securebase/securebase/internal/store"
)

// ScopeOf returns what part of the practice's caseload the user may open: a counsellor
// their own clients, an admin all of them.
func ScopeOf(u *store.User) store.Scope {
	if u.Role == store.RoleCounsellor {
		return store.Scope{CounsellorID: u.ID}
	}
	return store.Scope{}
}

// ClientFor loads the client named in the path within the user's practice and scope.
// Outside it the answer is 404, the same as for no client at all.
func (k *Kit) ClientFor(c echo.Context) (store.Client, error) {
	id, err := PathID(c, "id")
	if err != nil {
		return store.Client{}, err
	}
	u := CurrentUser(c)
	cl, err := k.Store.Client(c.Request().Context(), u.PracticeID, ScopeOf(u), id)
	if errors.Is(err, store.ErrNotFound) {
		return cl, echo.ErrNotFound
	}
	return cl, err
}

// PracticeOf loads the signed-in user's practice, once per request.
func (k *Kit) PracticeOf(c echo.Context) (store.Practice, error) {
	if p, ok := c.Get(CtxPractice).(store.Practice); ok {
		return p, nil
	}
	p, err := k.Store.Practice(c.Request().Context(), CurrentUser(c).PracticeID)
	if err != nil {
		return p, err
	}
	c.Set(CtxPractice, p)
	return p, nil
}

// PracticeLocation returns the practice's time zone, in which dates and times are shown
// and read; UTC when the stored name is unknown.
func (k *Kit) PracticeLocation(c echo.Context) (*time.Location, error) {
	p, err := k.PracticeOf(c)
	if err != nil {
		return nil, err
	}
	loc, err := k.Zone(p.TimeZone)
	if err != nil {
		return time.UTC, nil
	}
	return loc, nil
}

// PracticeToday returns today's date in the practice's zone (as midnight UTC, how dates
// are stored) and the zone.
func (k *Kit) PracticeToday(c echo.Context) (time.Time, *time.Location, error) {
	loc, err := k.PracticeLocation(c)
	if err != nil {
		return time.Time{}, nil, err
	}
	now := k.Now().In(loc)
	return time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC), loc, nil
}

// ConventionsOf returns the practice's questionnaire conventions.
func (k *Kit) ConventionsOf(c echo.Context) (measures.Conventions, error) {
	raw, err := k.Store.Conventions(c.Request().Context(), CurrentUser(c).PracticeID)
	if err != nil {
		return nil, err
	}
	return ParseConventions(raw)
}

// ParseConventions reads the practice's questionnaire conventions as the store keeps them.
func ParseConventions(raw []byte) (measures.Conventions, error) {
	conv := measures.Conventions{}
	if len(raw) > 0 {
		if err := json.Unmarshal(raw, &conv); err != nil {
			return nil, fmt.Errorf("conventions: %w", err)
		}
	}
	return conv, nil
}

// MomentLayout is how every staff page shows a moment: the practice's local time, to the minute.
const MomentLayout = "2 Jan 2006, 15:04"

// Moments returns the formatter of moments for this request's practice: its time zone,
// MomentLayout. Should the practice not load, it shows UTC and says so.
func (k *Kit) Moments(c echo.Context) func(time.Time) string {
	loc, err := k.PracticeLocation(c)
	if err != nil {
		return func(t time.Time) string { return t.UTC().Format(MomentLayout) + " UTC" }
	}
	return func(t time.Time) string { return t.In(loc).Format(MomentLayout) }
}
