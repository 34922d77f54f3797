package clientside

import (
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/mail"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web/kit"
)

// notifyRisk tells the client's counsellor at once that a risk was raised by a client's
// answer: the dashboard flag is already there; this adds an email with a neutral subject and
// no client data when SMTP is set up, and audits the attempt (risk.notify). A failure is
// logged and audited, never shown to the client.
func (h *Handlers) notifyRisk(c echo.Context, practiceID, clientID int64) {
	ctx := c.Request().Context()
	entry := store.AuditEntry{Action: "risk.notify", EntityType: "client", EntityID: strconv.FormatInt(clientID, 10), ClientID: clientID}
	if h.Mailer == nil {
		entry.Detail = "channel=dashboard"
		h.auditQuietly(c, practiceID, entry)
		return
	}
	cl, err := h.Store.Client(ctx, practiceID, store.Scope{}, clientID)
	var u store.User
	if err == nil {
		u, err = h.Store.User(ctx, practiceID, cl.CounsellorID)
	}
	entry.Detail = "channel=email"
	if err == nil {
		subject, body := mail.AlertMessage(strings.TrimSuffix(h.Config.PublicURL.String(), "/") + "/")
		err = h.Mailer.Send(ctx, u.Email, subject, body)
	}
	if err != nil {
		h.Log.Warn("risk email failed", "request_id", kit.RequestID(c), "err", err)
		entry.Outcome = store.OutcomeFailure
	}
	h.auditQuietly(c, practiceID, entry)
}

// auditQuietly records an audit entry whose failure must not fail the client's request.
func (h *Handlers) auditQuietly(c echo.Context, practiceID int64, e store.AuditEntry) {
	if err := h.AuditFor(c, practiceID, e); err != nil {
		h.Log.Error("audit", "request_id", kit.RequestID(c), "action", e.Action, "err", err)
	}
}
