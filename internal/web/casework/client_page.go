package casework

import (
	"encoding/json"
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
// Everything on it besides the client is read in one statement (store.ClientPageOf).
func (h *Handlers) showClient(c echo.Context, cl store.Client, status int, form *ui.Form) error {
	ctx := c.Request().Context()
	page, err := h.Store.ClientPageOf(ctx, cl.PracticeID, cl.ID, h.Now())
	if err != nil {
		return err
	}
	c.Set(kit.CtxPractice, page.Practice) // PracticeOf then reads it no more
	v := view.ClientPageView{Page: h.Page(c, "Client "+cl.Code), Form: form, Client: clientView(cl)}
	for _, f := range page.Flags {
		v.Flags = append(v.Flags, riskFlagView(f, h.Moments(c)))
	}
	v.Intake = intakeSummary(page.Intake, h.Moments(c))
	v.Goals = h.goalSummaries(h.goalRecords(page.Goals, page.Readings))
	if v.Appointments, err = h.appointmentsSummary(c, page.Appointments, page.Recent); err != nil {
		return err
	}
	if v.Homework, v.Completion, v.Overview.Homework, err = h.clientHomework(c, page.Assignments); err != nil {
		return err
	}
	if err := h.overview(&v.Overview, page, v.Appointments.Recent); err != nil {
		return err
	}
	if v.Overuse, err = h.overuseNotes(c, cl); err != nil {
		return err
	}
	if kit.CurrentUser(c).Role == store.RoleAdmin {
		if v.Counsellors, err = h.counsellorOptions(c); err != nil {
			return err
		}
	}
	v.Link = linkSummary(page.Links, h.Moments(c))
	if err := h.AuditClient(c, cl, "client.view", "client", cl.ID, ""); err != nil {
		return err
	}
	return h.Render(c, status, view.ClientPage(v))
}

// intakeSummary is the client's latest intake version, or nil before the first.
func intakeSummary(v *store.IntakeVersion, moment func(time.Time) string) *view.IntakeSummary {
	if v == nil {
		return nil
	}
	out := &view.IntakeSummary{Version: v.Version, SavedAt: moment(v.SavedAt), SavedBy: v.SavedByName}
	var in casework.Intake
	if json.Unmarshal(v.Data, &in) == nil && in.OverallRisk != "" {
		out.OverallRisk = casework.RiskLevels().Label(in.OverallRisk)
	}
	return out
}
