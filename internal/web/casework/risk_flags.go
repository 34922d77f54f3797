package casework

import (
	"errors"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/casework"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web/kit"
	view "github.com/securebase/securebase/templates/casework"
	"github.com/securebase/securebase/templates/ui"
)

// ClearRiskFlag records that a counsellor reviewed a raised risk; the note says what was done.
func (h *Handlers) ClearRiskFlag(c echo.Context) error {
	cl, err := h.ClientFor(c)
	if err != nil {
		return err
	}
	if err := kit.OnlyFields(c, "review_note"); err != nil {
		return err
	}
	flagID, err := kit.PathID(c, "flag")
	if err != nil {
		return err
	}
	note := strings.TrimSpace(c.FormValue("review_note"))
	if note == "" || utf8.RuneCountInString(note) > 2000 {
		form := &ui.Form{Values: map[string][]string{"review_note": {note}, "flag_id": {c.Param("flag")}}}
		form.Fail("review_note", "Say what you reviewed and what was agreed (up to 2000 characters) before clearing the flag.")
		return h.showClient(c, cl, http.StatusUnprocessableEntity, form)
	}
	err = h.Store.ClearRiskFlag(c.Request().Context(), cl.PracticeID, cl.ID, flagID, kit.CurrentUser(c).ID, note,
		caseEntry(c, cl, "risk.clear", "risk_flag", flagID, ""))
	if errors.Is(err, store.ErrNotFound) {
		return echo.ErrNotFound
	}
	if err != nil {
		return err
	}
	return h.Flash(c, kit.ClientPath(cl.ID), "Risk flag reviewed and cleared.")
}

// riskFlagView copies what the client's page shows of a flag.
func riskFlagView(f store.RiskFlag, moment func(time.Time) string) view.RiskFlag {
	v := view.RiskFlag{ID: f.ID, Open: f.ClearedAt == nil, RaisedAt: moment(f.RaisedAt), RaisedBy: f.RaisedByName.String,
		Source: casework.RiskFlagSources().Label(f.Source), Summary: f.Summary, ClearedBy: f.ClearedByName.String, ReviewNote: f.ReviewNote}
	if f.ClearedAt != nil {
		v.ClearedAt = moment(*f.ClearedAt)
	}
	return v
}
