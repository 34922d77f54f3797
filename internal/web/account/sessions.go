package account

import (
	"bytes"
	"net/http"
	"strconv"
	"time"

	"github.com/alexedwards/scs/v2"
	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/auth"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web/kit"
	view "github.com/securebase/securebase/templates/account"
)

// SessionsPage lists the user's live sessions: when each signed in, when it was last seen,
// and which is this one.
func (h *Handlers) SessionsPage(c echo.Context) error {
	ctx := c.Request().Context()
	u := kit.CurrentUser(c)
	rows, err := h.Store.UserSessions(ctx, u.PracticeID, u.ID)
	if err != nil {
		return err
	}
	loc, err := h.PracticeLocation(c)
	if err != nil {
		return err
	}
	current := auth.HashToken(h.Sessions.Token(ctx))
	sessions := make([]view.Session, 0, len(rows))
	for _, r := range rows {
		signedIn, seen := r.CreatedAt, r.CreatedAt
		if _, values, err := (scs.GobCodec{}).Decode(r.Data); err == nil {
			if t, ok := values[auth.KeySignedInAt].(int64); ok {
				signedIn = time.Unix(t, 0)
			}
			if t, ok := values[auth.KeySeenAt].(int64); ok {
				seen = time.Unix(t, 0)
			}
		}
		s := view.Session{Current: bytes.Equal(r.TokenHash, current)}
		if s.Current {
			seen = h.Now() // this request: the stored time may be up to a minute behind
		}
		s.SignedIn, s.LastSeen = localTime(signedIn, loc), localTime(seen, loc)
		sessions = append(sessions, s)
	}
	return h.Render(c, http.StatusOK, view.SessionsPage(view.Sessions{Page: h.Page(c, "Your sessions"), Sessions: sessions}))
}

// EndOtherSessions signs the user out everywhere but here.
func (h *Handlers) EndOtherSessions(c echo.Context) error {
	if err := onlyFields(c, &struct{}{}); err != nil {
		return err
	}
	ctx := c.Request().Context()
	u := kit.CurrentUser(c)
	n, err := h.Store.EndOtherSessions(ctx, u.PracticeID, u.ID, auth.HashToken(h.Sessions.Token(ctx)))
	if err != nil {
		return err
	}
	if err := h.Audit(c, store.AuditEntry{Action: "sessions.end_others", EntityType: "user", EntityID: strconv.FormatInt(u.ID, 10),
		Detail: strconv.FormatInt(n, 10) + " ended"}); err != nil {
		return err
	}
	msg := "You are signed out everywhere else."
	if n == 0 {
		msg = "There were no other sessions to end."
	}
	return h.Flash(c, "/account/sessions", msg)
}
