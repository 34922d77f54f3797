package web

import (
	"errors"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/store"
)

// scopeOf returns what part of the practice's caseload the user may open: a counsellor
// their own clients, an admin all of them.
func scopeOf(u *store.User) store.Scope {
	if u.Role == store.RoleCounsellor {
		return store.Scope{CounsellorID: u.ID}
	}
	return store.Scope{}
}

// clientFor loads the client named in the path within the user's practice and scope.
// Outside it the answer is 404, the same as for no client at all.
func (s *Server) clientFor(c echo.Context) (store.Client, error) {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil {
		return store.Client{}, echo.ErrNotFound
	}
	u := currentUser(c)
	cl, err := s.store.Client(c.Request().Context(), u.PracticeID, scopeOf(u), id)
	if errors.Is(err, store.ErrNotFound) {
		return cl, echo.ErrNotFound
	}
	return cl, err
}

// pathID reads a numeric path parameter; anything else is a 404.
func pathID(c echo.Context, name string) (int64, error) {
	id, err := strconv.ParseInt(c.Param(name), 10, 64)
	if err != nil || id <= 0 {
		return 0, echo.ErrNotFound
	}
	return id, nil
}

// auditClient records an access to a client's record.
func (s *Server) auditClient(c echo.Context, cl store.Client, action, entityType string, entityID int64, detail string) error {
	e := store.AuditEntry{Action: action, EntityType: entityType, ClientID: cl.ID, Detail: detail}
	if entityID != 0 {
		e.EntityID = strconv.FormatInt(entityID, 10)
	}
	return s.audit(c, e)
}

// ctxPractice holds the signed-in user's practice once a handler has loaded it.
const ctxPractice = "practice"

// practiceOf loads the signed-in user's practice, once per request.
func (s *Server) practiceOf(c echo.Context) (store.Practice, error) {
	if p, ok := c.Get(ctxPractice).(store.Practice); ok {
		return p, nil
	}
	p, err := s.store.Practice(c.Request().Context(), currentUser(c).PracticeID)
	if err != nil {
		return p, err
	}
	c.Set(ctxPractice, p)
	return p, nil
}

// practiceLocation returns the practice's time zone, in which dates and times are shown and read.
func (s *Server) practiceLocation(c echo.Context) (*time.Location, error) {
	p, err := s.practiceOf(c)
	if err != nil {
		return nil, err
	}
	loc, err := s.zones.load(p.TimeZone)
	if err != nil {
		return time.UTC, nil
	}
	return loc, nil
}
