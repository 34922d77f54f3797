package kit

import (
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/mail"
	"github.com/securebase/securebase/internal/store"
)

// NotifyRisk tells the client's counsellor at once that a risk was raised by a client's
// answer: the dashboard flag is already there; this adds an email with a neutral subject and
// no client data when SMTP is set up, and audits the attempt (risk.notify). A failure is
// logged and audited, never shown to the client.
func (k *Kit) NotifyRisk(c echo.Context, practiceID, clientID int64) {
	ctx := c.Request().Context()
	entry := store.AuditEntry{Action: "risk.notify", EntityType: "client", EntityID: strconv.FormatInt(clientID, 10), ClientID: clientID}
	if k.Mailer == nil {
		entry.Detail = "channel=dashboard"
		k.AuditQuietly(c, practiceID, entry)
		return
	}
	cl, err := k.Store.Client(ctx, practiceID, store.Scope{}, clientID)
	var u store.User
	if err == nil {
		u, err = k.Store.User(ctx, practiceID, cl.CounsellorID)
	}
	entry.Detail = "channel=email"
	if err == nil {
		subject, body := mail.AlertMessage(strings.TrimSuffix(k.Config.PublicURL.String(), "/") + "/")
		err = k.Mailer.Send(ctx, u.Email, subject, body)
	}
	if err != nil {
		k.Log.Warn("risk email failed", "request_id", RequestID(c), "err", err)
		entry.Outcome = store.OutcomeFailure
	}
	k.AuditQuietly(c, practiceID, entry)
}

// AuditQuietly records an audit entry whose failure must not fail the client's request.
func (k *Kit) AuditQuietly(c echo.Context, practiceID int64, e store.AuditEntry) {
	if err := k.AuditFor(c, practiceID, e); err != nil {
		k.Log.Error("audit", "request_id", RequestID(c), "action", e.Action, "err", err)
	}
}
