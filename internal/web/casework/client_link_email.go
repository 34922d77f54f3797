package casework

import (
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/mail"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web/kit"
	"github.com/securebase/securebase/templates/ui"
)

// canEmailLink reports whether the client's link may be emailed: SMTP is configured and
// the client chose email.
func (h *Handlers) canEmailLink(cl store.Client) bool {
	return h.Mailer != nil && cl.ContactMethod == "email" && cl.Email != ""
}

// emailClientLink sends the neutral link message. A failure does not undo the link: the
// page says so, and the counsellor copies the link instead.
func (h *Handlers) emailClientLink(c echo.Context, cl store.Client, token string, until time.Time, form *ui.Form) error {
	if !h.canEmailLink(cl) {
		form.Fail("_form", "The link was not emailed: the client has not chosen email, or email is not set up. Copy the link below.")
		return nil
	}
	subject, body := mail.LinkMessage(h.linkAddress(token), until)
	outcome := store.OutcomeSuccess
	if err := h.Mailer.Send(c.Request().Context(), cl.Email, subject, body); err != nil {
		h.Log.Warn("link email failed", "request_id", kit.RequestID(c), "err", err)
		form.Fail("_form", "The email could not be sent. Copy the link below and pass it on another way.")
		outcome = store.OutcomeFailure
	}
	return h.Audit(c, store.AuditEntry{Action: "link.email", EntityType: "client", EntityID: strconv.FormatInt(cl.ID, 10),
		ClientID: cl.ID, Outcome: outcome})
}
