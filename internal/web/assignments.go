package web

import (
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/mail"
	"github.com/securebase/securebase/internal/store"
)

// practiceToday is today's calendar date in the practice's time zone, as a UTC midnight.
func (s *Server) practiceToday(c echo.Context) (time.Time, *time.Location, error) {
	loc, err := s.practiceLocation(c)
	if err != nil {
		return time.Time{}, nil, err
	}
	now := s.now().In(loc)
	return time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC), loc, nil
}

// linkNote tells the counsellor whether the client's link shows new homework or a check-in.
func (s *Server) linkNote(c echo.Context, cl store.Client) string {
	st, err := s.store.ClientLinkState(c.Request().Context(), cl.PracticeID, cl.ID)
	if err == nil && (st.Current != nil || st.Older > 0) {
		return "The client's private link shows it now."
	}
	return "The client has no live link yet: issue one under Private link on the client's page."
}

// canEmail reports whether the client's link may be emailed: SMTP is configured and the
// client chose email as the way to be contacted.
func (s *Server) canEmail(cl store.Client) bool {
	return s.mailer != nil && cl.ContactMethod == "email" && cl.Email != ""
}

// emailLink sends the neutral link message. A failure does not undo the assignment: the
// page says so, and the counsellor copies the link instead.
func (s *Server) emailLink(c echo.Context, cl store.Client, entityType string, entityID int64, token string, until time.Time, form *Form) error {
	if !s.canEmail(cl) {
		form.Fail("_form", "The link was not emailed: the client has not chosen email, or email is not set up. Copy the link below.")
		return nil
	}
	subject, body := mail.LinkMessage(s.linkURL(token), until)
	outcome := store.OutcomeSuccess
	if err := s.mailer.Send(c.Request().Context(), cl.Email, subject, body); err != nil {
		s.log.Warn("link email failed", "request_id", requestIDOf(c), "err", err)
		form.Fail("_form", "The email could not be sent. Copy the link below and pass it on another way.")
		outcome = store.OutcomeFailure
	}
	return s.audit(c, store.AuditEntry{Action: "link.email", EntityType: entityType, EntityID: strconv.FormatInt(entityID, 10),
		ClientID: cl.ID, Outcome: outcome})
}
