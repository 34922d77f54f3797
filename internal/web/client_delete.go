package web

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/casework"
	"github.com/securebase/securebase/internal/store"
)

// deletePage is what the page confirming a client's deletion shows.
type deletePage struct {
	Client   store.Client
	Counts   store.RecordCounts
	Years    int
	Refusal  string // why the record may not be deleted now; "" when it may
	Reasons  casework.Options
	Location *time.Location
}

// deleteClientPage explains what deleting the client removes and, when the retention rule
// allows it, asks the admin to confirm with the client's code and a reason.
func (s *Server) deleteClientPage(c echo.Context) error {
	cl, err := s.clientFor(c)
	if err != nil {
		return err
	}
	if err := s.auditClient(c, cl, "client.view", "client", cl.ID, "delete form"); err != nil {
		return err
	}
	return s.renderDeletePage(c, http.StatusOK, cl, &Form{}, nil)
}

// deleteClient deletes the client's whole record, once the admin typed the client's code
// and gave a reason, and only when the retention rule allows it at this moment.
func (s *Server) deleteClient(c echo.Context) error {
	cl, err := s.clientFor(c)
	if err != nil {
		return err
	}
	if err := onlyFields(c, "code", "reason"); err != nil {
		return err
	}
	values, err := c.FormParams()
	if err != nil {
		return err
	}
	form := &Form{Values: values}
	reason := form.Value("reason")
	if reason != casework.DeleteRetentionEnded && reason != casework.DeleteErasureRequest {
		form.Fail("reason", "Choose why the record is being deleted.")
	}
	if !strings.EqualFold(strings.TrimSpace(form.Value("code")), cl.Code) {
		form.Fail("code", "Type the client's code, "+cl.Code+", exactly as shown, to confirm it is this client.")
	}
	if form.HasErrors() {
		return s.renderDeletePage(c, http.StatusUnprocessableEntity, cl, form, nil)
	}
	detail := "code=" + cl.Code + " reason=" + reason
	now := s.now()
	err = s.store.DeleteClient(c.Request().Context(), cl.PracticeID, cl.ID, func(r store.ClientRetention) error {
		return casework.CheckDeletion(retentionOf(r), now)
	}, store.AuditEntry{ActorUserID: currentUser(c).ID, Action: "client.delete", EntityType: "client",
		EntityID: strconv.FormatInt(cl.ID, 10), ClientID: cl.ID, IP: c.RealIP(), RequestID: requestIDOf(c),
		Outcome: store.OutcomeSuccess, Detail: detail})
	var running casework.RetentionRunning
	if errors.Is(err, casework.ErrInCare) || errors.As(err, &running) {
		if err := s.audit(c, store.AuditEntry{Action: "client.delete", EntityType: "client", EntityID: strconv.FormatInt(cl.ID, 10),
			ClientID: cl.ID, Outcome: store.OutcomeDenied, Detail: detail + " refused=" + refusalKind(err)}); err != nil {
			return err
		}
		return s.renderDeletePage(c, http.StatusConflict, cl, form, err)
	}
	if errors.Is(err, store.ErrNotFound) {
		return echo.ErrNotFound // deleted by someone else a moment ago
	}
	if err != nil {
		return err
	}
	return s.flash(c, "/clients", "The record of "+cl.Code+" was deleted with everything in it. The audit log keeps the code, the reason, who deleted it and when.")
}

// renderDeletePage shows the confirmation page; refused is the rule's refusal of a posted
// deletion, or nil to check the rule as things stand.
func (s *Server) renderDeletePage(c echo.Context, status int, cl store.Client, form *Form, refused error) error {
	ctx := c.Request().Context()
	r, err := s.store.Retention(ctx, cl.PracticeID, cl.ID)
	if err != nil {
		return err
	}
	counts, err := s.store.ClientRecordCounts(ctx, cl.PracticeID, cl.ID)
	if err != nil {
		return err
	}
	loc, err := s.practiceLocation(c)
	if err != nil {
		return err
	}
	if refused == nil {
		refused = casework.CheckDeletion(retentionOf(r), s.now())
	}
	p := s.page(c, "Delete client "+cl.Code)
	p.Form = form
	p.Data = deletePage{Client: cl, Counts: counts, Years: r.RetentionYears, Reasons: casework.DeletionReasons(), Location: loc,
		Refusal: refusalMessage(refused, cl, r, loc)}
	return s.render(c, status, "clients/delete", p)
}

// retentionOf turns the stored facts into the retention rule's terms.
func retentionOf(r store.ClientRetention) casework.Retention {
	return casework.Retention{Discharged: r.EndOfCare.Valid, EndOfCare: r.EndOfCare.Time, Years: r.RetentionYears}
}

// refusalMessage says why the record may not be deleted, and when it may; "" when it may.
func refusalMessage(err error, cl store.Client, r store.ClientRetention, loc *time.Location) string {
	var running casework.RetentionRunning
	switch {
	case err == nil:
		return ""
	case errors.Is(err, casework.ErrInCare):
		return cl.Code + " is still in care. Discharge the client first (and archive them if you wish): a record can be deleted " +
			"only once care has ended and the practice's retention period has run."
	case errors.As(err, &running):
		return fmt.Sprintf("The practice keeps records for %s after care ends. %s's care ended on %s, so the record can be deleted "+
			"from %s. This applies to an erasure request too: while the retention period runs, the duty to keep clinical records comes first.",
			plural(r.RetentionYears, "year"), cl.Code, r.EndOfCare.Time.In(loc).Format("2 Jan 2006"), running.Until.In(loc).Format("2 Jan 2006 at 15:04"))
	}
	return "The record cannot be deleted now."
}

// refusalKind names a refusal for the audit log.
func refusalKind(err error) string {
	if errors.Is(err, casework.ErrInCare) {
		return "in_care"
	}
	return "retention"
}

// plural writes n and the noun, with an s unless n is 1.
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}
