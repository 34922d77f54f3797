package casework

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/casework"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web/kit"
	view "github.com/securebase/securebase/templates/casework"
	"github.com/securebase/securebase/templates/ui"
)

// DeleteClientPage explains what deleting the client removes and, when the retention rule
// allows it, asks the admin to confirm with the client's code and a reason.
func (h *Handlers) DeleteClientPage(c echo.Context) error {
	cl, err := h.ClientFor(c)
	if err != nil {
		return err
	}
	if err := h.AuditClient(c, cl, "client.view", "client", cl.ID, "delete form"); err != nil {
		return err
	}
	return h.renderDeletePage(c, http.StatusOK, cl, &ui.Form{}, nil)
}

// DeleteClient deletes the client's whole record, once the admin typed the client's code
// and gave a reason, and only when the retention rule allows it at this moment.
func (h *Handlers) DeleteClient(c echo.Context) error {
	cl, err := h.ClientFor(c)
	if err != nil {
		return err
	}
	if err := kit.OnlyFields(c, "code", "reason"); err != nil {
		return err
	}
	values, err := c.FormParams()
	if err != nil {
		return err
	}
	form := &ui.Form{Values: values}
	reason := form.Value("reason")
	if reason != casework.DeleteRetentionEnded && reason != casework.DeleteErasureRequest {
		form.Fail("reason", "Choose why the record is being deleted.")
	}
	if !strings.EqualFold(strings.TrimSpace(form.Value("code")), cl.Code) {
		form.Fail("code", "Type the client's code, "+cl.Code+", exactly as shown, to confirm it is this client.")
	}
	if form.HasErrors() {
		return h.renderDeletePage(c, http.StatusUnprocessableEntity, cl, form, nil)
	}
	detail := "code=" + cl.Code + " reason=" + reason
	now := h.Now()
	err = h.Store.DeleteClient(c.Request().Context(), cl.PracticeID, cl.ID, func(r store.ClientRetention) error {
		return casework.CheckDeletion(retentionOf(r), now)
	}, store.AuditEntry{ActorUserID: kit.CurrentUser(c).ID, Action: "client.delete", EntityType: "client",
		EntityID: strconv.FormatInt(cl.ID, 10), ClientID: cl.ID, IP: c.RealIP(), RequestID: kit.RequestID(c),
		Outcome: store.OutcomeSuccess, Detail: detail})
	var running casework.RetentionRunning
	if errors.Is(err, casework.ErrInCare) || errors.As(err, &running) {
		if err := h.Audit(c, store.AuditEntry{Action: "client.delete", EntityType: "client", EntityID: strconv.FormatInt(cl.ID, 10),
			ClientID: cl.ID, Outcome: store.OutcomeDenied, Detail: detail + " refused=" + refusalKind(err)}); err != nil {
			return err
		}
		return h.renderDeletePage(c, http.StatusConflict, cl, form, err)
	}
	if errors.Is(err, store.ErrNotFound) {
		return echo.ErrNotFound // deleted by someone else a moment ago
	}
	if err != nil {
		return err
	}
	return h.Flash(c, "/clients", "The record of "+cl.Code+" was deleted with everything in it. The audit log keeps the code, the reason, who deleted it and when.")
}

// renderDeletePage shows the confirmation page; refused is the rule's refusal of a posted
// deletion, or nil to check the rule as things stand.
func (h *Handlers) renderDeletePage(c echo.Context, status int, cl store.Client, form *ui.Form, refused error) error {
	ctx := c.Request().Context()
	r, err := h.Store.Retention(ctx, cl.PracticeID, cl.ID)
	if err != nil {
		return err
	}
	n, err := h.Store.ClientRecordCounts(ctx, cl.PracticeID, cl.ID)
	if err != nil {
		return err
	}
	loc, err := h.PracticeLocation(c)
	if err != nil {
		return err
	}
	if refused == nil {
		refused = casework.CheckDeletion(retentionOf(r), h.Now())
	}
	v := view.DeleteView{Page: h.Page(c, "Delete client "+cl.Code), Form: form, Client: clientView(cl), Years: r.RetentionYears,
		Reasons: kit.Options(casework.DeletionReasons()), Refusal: refusalMessage(refused, cl, r, loc),
		Counts: view.RecordCounts{Intakes: n.Intakes, RiskFlags: n.RiskFlags, Appointments: n.Appointments, Goals: n.Goals,
			Readings: n.Readings, Assignments: n.Assignments, Entries: n.Entries, Checkins: n.Checkins, Ratings: n.Ratings,
			Results: n.Results, EventNotes: n.EventNotes}}
	return h.Render(c, status, view.DeleteClient(v))
}
