package kit

import (
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/store"
)

// Context keys the shell's middleware sets and the features read.
const (
	CtxUser      = "user"
	CtxRequestID = "request_id"
	CtxPractice  = "practice"
)

// CurrentUser returns the signed-in staff member, or nil.
func CurrentUser(c echo.Context) *store.User {
	u, _ := c.Get(CtxUser).(*store.User)
	return u
}

// RequestID returns the request's id, quoted on error pages and in the audit log.
func RequestID(c echo.Context) string {
	id, _ := c.Get(CtxRequestID).(string)
	return id
}

// PathID reads a numeric path parameter; anything else is a 404.
func PathID(c echo.Context, name string) (int64, error) {
	id, err := strconv.ParseInt(c.Param(name), 10, 64)
	if err != nil || id <= 0 {
		return 0, echo.ErrNotFound
	}
	return id, nil
}

// ClientPath is the staff page of a client's record.
func ClientPath(id int64) string { return "/clients/" + strconv.FormatInt(id, 10) }

// GoalPath is the staff page of one goal.
func GoalPath(clientID, goalID int64) string {
	return ClientPath(clientID) + "/goals/" + strconv.FormatInt(goalID, 10)
}
