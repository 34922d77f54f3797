package casework

import (
	"encoding/json"
	"errors"
	"net/http"

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
		v.Flags = append(v.Flags, riskFlagView(f, h.Moments(c)))
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
	v.Link = linkSummary(links, h.Moments(c))
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
	out := &view.IntakeSummary{Version: v.Version, SavedAt: h.Moments(c)(v.SavedAt), SavedBy: v.SavedByName}
	var in casework.Intake
	if json.Unmarshal(v.Data, &in) == nil && in.OverallRisk != "" {
		out.OverallRisk = casework.RiskLevels().Label(in.OverallRisk)
	}
	return out, nil
}
