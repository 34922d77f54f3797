package web

import (
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/mail"
	"github.com/securebase/securebase/internal/store"
)

// notifyRisk tells the client's counsellor at once that a risk was raised by a client's
// answer: the dashboard flag is already there; this adds an email with a neutral subject and
// no client data when SMTP is set up, and audits the attempt (risk.notify). A failure is
// logged and audited, never shown to the client.
func (s *Server) notifyRisk(c echo.Context, practiceID, clientID int64) {
	ctx := c.Request().Context()
	entry := store.AuditEntry{Action: "risk.notify", EntityType: "client", EntityID: strconv.FormatInt(clientID, 10), ClientID: clientID}
	if s.mailer == nil {
		entry.Detail = "channel=dashboard"
		s.auditQuietly(c, practiceID, entry)
		return
	}
	cl, err := s.store.Client(ctx, practiceID, store.Scope{}, clientID)
	var u store.User
	if err == nil {
		u, err = s.store.User(ctx, practiceID, cl.CounsellorID)
	}
	entry.Detail = "channel=email"
	if err == nil {
		subject, body := mail.AlertMessage(strings.TrimSuffix(s.cfg.PublicURL.String(), "/") + "/")
		err = s.mailer.Send(ctx, u.Email, subject, body)
	}
	if err != nil {
		s.log.Warn("risk email failed", "request_id", requestIDOf(c), "err", err)
		entry.Outcome = store.OutcomeFailure
	}
	s.auditQuietly(c, practiceID, entry)
}

// auditQuietly records an audit entry whose failure must not fail the client's request.
func (s *Server) auditQuietly(c echo.Context, practiceID int64, e store.AuditEntry) {
	if err := s.auditFor(c, practiceID, e); err != nil {
		s.log.Error("audit", "request_id", requestIDOf(c), "action", e.Action, "err", err)
	}
}
