package casework

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/casework"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web/kit"
	view "github.com/securebase/securebase/templates/casework"
	"github.com/securebase/securebase/templates/ui"
)

// ClientPage brings the case together: header with the risk flag, intake, goals and appointments.
func (h *Handlers) ClientPage(c echo.Context) error {
	cl, err := h.ClientFor(c)
	if err != nil {
		return err
	}
	return h.showClient(c, cl, http.StatusOK, &ui.Form{})
}

// showClient renders the client page; form carries a failed risk-flag review back to it.
func (h *Handlers) showClient(c echo.Context, cl store.Client, status int, form *ui.Form) error {
	ctx := c.Request().Context()
	v := view.ClientPageView{Page: h.Page(c, "Client "+cl.Code), Form: form, Client: clientView(cl)}
	flags, err := h.Store.RiskFlags(ctx, cl.PracticeID, cl.ID)
	if err != nil {
		return err
	}
	for _, f := range flags {
		v.Flags = append(v.Flags, riskFlagView(f))
	}
	if v.Intake, err = h.intakeSummary(c, cl); err != nil {
		return err
	}
	if v.Goals, err = h.goalSummaries(c, cl); err != nil {
		return err
	}
	if v.Appointments, err = h.appointmentsSummary(c, cl); err != nil {
		return err
	}
	if v.Homework, v.Completion, err = h.clientHomework(c, cl); err != nil {
		return err
	}
	if kit.CurrentUser(c).Role == store.RoleAdmin {
		if v.Counsellors, err = h.counsellorOptions(c); err != nil {
			return err
		}
	}
	links, err := h.Store.ClientLinkState(ctx, cl.PracticeID, cl.ID)
	if err != nil {
		return err
	}
	v.Link = linkSummary(links)
	if err := h.AuditClient(c, cl, "client.view", "client", cl.ID, ""); err != nil {
		return err
	}
	return h.Render(c, status, view.ClientPage(v))
}

// intakeSummary is the client's latest intake version, or nil before the first.
func (h *Handlers) intakeSummary(c echo.Context, cl store.Client) (*view.IntakeSummary, error) {
	v, err := h.Store.LatestIntake(c.Request().Context(), cl.PracticeID, cl.ID)
	if errors.Is(err, store.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	out := &view.IntakeSummary{Version: v.Version, SavedAt: stamp(v.SavedAt), SavedBy: v.SavedByName}
	var in casework.Intake
	if json.Unmarshal(v.Data, &in) == nil && in.OverallRisk != "" {
		out.OverallRisk = casework.RiskLevels().Label(in.OverallRisk)
	}
	return out, nil
}

// appointmentsSummary counts the client's appointments and lists the latest ten.
func (h *Handlers) appointmentsSummary(c echo.Context, cl store.Client) (view.AppointmentsSummary, error) {
	ctx := c.Request().Context()
	var out view.AppointmentsSummary
	loc, err := h.PracticeLocation(c)
	if err != nil {
		return out, err
	}
	summary, err := h.Store.SummariseAppointments(ctx, cl.PracticeID, cl.ID, h.Now())
	if err != nil {
		return out, err
	}
	appointments, err := h.Store.Appointments(ctx, cl.PracticeID, cl.ID)
	if err != nil {
		return out, err
	}
	zoned := func(t time.Time) string { return t.In(loc).Format("2 Jan 2006 15:04") }
	out.Attended = summary.Attended
	if summary.Last != nil {
		out.Last = zoned(*summary.Last)
	}
	if summary.Next != nil {
		out.Next = zoned(*summary.Next)
	}
	for i, a := range appointments {
		if i == 10 {
			break
		}
		out.Recent = append(out.Recent, view.AppointmentRow{ID: a.ID, When: zoned(a.StartsAt), Minutes: a.DurationMinutes,
			Status: casework.AppointmentStatuses().Label(a.Status), Format: casework.Formats().Label(a.Format), Note: a.Note})
	}
	return out, nil
}

// linkSummary words the state of the client's private links.
func linkSummary(st store.LinkState) view.LinkSummary {
	l := view.LinkSummary{Older: st.Older}
	if st.Current != nil {
		l.HasCurrent, l.CurrentUntil, l.Locked = true, stamp(st.Current.ExpiresAt), st.Current.PINLockedAt != nil
	}
	if st.OlderUntil != nil {
		l.OlderUntil = stamp(*st.OlderUntil)
	}
	return l
}

// percent shows a share as a whole percentage.
func percent(f float64) string { return fmt.Sprintf("%.0f%%", f*100) }
