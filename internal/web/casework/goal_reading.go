package casework

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/casework"
	"github.com/securebase/securebase/internal/web/kit"
)

type readingForm struct {
	Date  string `form:"reading_date" validate:"required"`
	Value string `form:"value" validate:"required"`
	Note  string `form:"note" validate:"max=500"`
}

// AddGoalReading records a dated value of a goal's measure, typed in the practice's locale.
func (h *Handlers) AddGoalReading(c echo.Context) error {
	cl, g, err := h.goalFor(c)
	if err != nil {
		return err
	}
	var in readingForm
	form, err := h.Bind(c, &in)
	if err != nil {
		return err
	}
	comma, err := h.Store.DecimalComma(c.Request().Context(), cl.PracticeID)
	if err != nil {
		return err
	}
	date := kit.OptionalDate(form, "reading_date", in.Date)
	value := kit.LocalNumber(form, "value", in.Value, comma)
	for field, msg := range casework.CheckReading(g.Status, kit.SMARTOf(g), g.UnitCode, date, value, h.Now()) {
		form.Fail(field, msg)
	}
	if form.HasErrors() || date == nil || value == nil {
		return h.showGoal(c, cl, g, http.StatusUnprocessableEntity, form)
	}
	if err := h.Store.AddGoalReading(c.Request().Context(), cl.PracticeID, cl.ID, g.ID, kit.CurrentUser(c).ID, *date, *value, in.Note,
		changeEntry(c, cl, "goal.reading.create", "goal", g.ID, "")); err != nil {
		return err
	}
	return h.Flash(c, kit.GoalPath(cl.ID, g.ID), "Reading recorded.")
}
