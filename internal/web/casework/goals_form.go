package casework

import (
	"net/url"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/casework"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web/kit"
	"github.com/securebase/securebase/templates/ui"
)

// goalForm is the SMART goal form. Numbers and dates arrive as text and are read by the
// domain step, so a typing mistake gets a message beside its field.
type goalForm struct {
	Statement     string   `form:"statement" validate:"max=500"`
	What          string   `form:"what" validate:"max=1000"`
	Where         string   `form:"where" validate:"max=1000"`
	WithWhom      string   `form:"with_whom" validate:"max=1000"`
	Metric        string   `form:"metric" validate:"max=200"`
	Unit          string   `form:"unit" validate:"max=100"`
	MetricCode    string   `form:"metric_code" validate:"max=40"`
	UnitCode      string   `form:"unit_code" validate:"max=40"`
	Direction     string   `form:"direction"`
	BaselineValue string   `form:"baseline_value"`
	BaselineDate  string   `form:"baseline_date"`
	TargetValue   string   `form:"target_value"`
	MeasureHow    string   `form:"measure_how" validate:"max=1000"`
	MeasureOften  string   `form:"measure_often" validate:"max=200"`
	Steps         string   `form:"steps" validate:"max=2000"`
	Supports      string   `form:"supports" validate:"max=2000"`
	Concerns      []string `form:"concerns"`
	TargetDate    string   `form:"target_date"`
	Version       int      `form:"version"`
}

// smart reads the form into the domain value, noting unreadable numbers (in the practice's locale),
// negative values and unreadable dates.
func (in goalForm) smart(f *ui.Form, decimalComma bool) casework.SMART {
	return casework.SMART{
		Statement: in.Statement, What: in.What, Where: in.Where, WithWhom: in.WithWhom, Metric: in.Metric, Unit: in.Unit,
		MetricCode: in.MetricCode, UnitCode: in.UnitCode,
		Direction: in.Direction, BaselineValue: kit.LocalNumber(f, "baseline_value", in.BaselineValue, decimalComma),
		BaselineDate: kit.OptionalDate(f, "baseline_date", in.BaselineDate), TargetValue: kit.LocalNumber(f, "target_value", in.TargetValue, decimalComma),
		MeasureHow: in.MeasureHow, MeasureOften: in.MeasureOften, Steps: in.Steps, Supports: in.Supports,
		Concerns: in.Concerns, TargetDate: kit.OptionalDate(f, "target_date", in.TargetDate),
	}
}

func goalInput(g casework.SMART) store.GoalInput {
	return store.GoalInput{Statement: g.Statement, What: g.What, Where: g.Where, WithWhom: g.WithWhom, Metric: g.Metric,
		Unit: g.Unit, Direction: g.Direction, BaselineValue: g.BaselineValue, BaselineDate: g.BaselineDate,
		TargetValue: g.TargetValue, MeasureHow: g.MeasureHow, MeasureOften: g.MeasureOften, Steps: g.Steps,
		Supports: g.Supports, Concerns: g.Concerns, TargetDate: g.TargetDate,
		MetricCode: g.MetricCode, UnitCode: g.UnitCode}
}

// goalValues fills the form from a stored goal, numbers written in the practice's locale.
func goalValues(g store.Goal, decimalComma bool) url.Values {
	return url.Values{
		"statement": {g.Statement}, "what": {g.What}, "where": {g.Where}, "with_whom": {g.WithWhom}, "metric": {g.Metric},
		"unit": {g.Unit}, "metric_code": {g.MetricCode}, "unit_code": {g.UnitCode}, "direction": {g.Direction}, "baseline_value": {kit.LocalFormat(g.BaselineValue, decimalComma)},
		"baseline_date": {kit.FormatDate(g.BaselineDate)}, "target_value": {kit.LocalFormat(g.TargetValue, decimalComma)},
		"measure_how": {g.MeasureHow}, "measure_often": {g.MeasureOften}, "steps": {g.Steps}, "supports": {g.Supports},
		"concerns": g.Concerns, "target_date": {kit.FormatDate(g.TargetDate)}, "version": {strconv.Itoa(g.Version)},
	}
}

// changeEntry is the audit entry of a change to a client's record (a goal, appointment,
// rating or check-in), for the store to write in the change's transaction.
func changeEntry(c echo.Context, cl store.Client, action, entityType string, entityID int64, detail string) store.AuditEntry {
	e := store.AuditEntry{Action: action, EntityType: entityType, ClientID: cl.ID, Detail: detail}
	if entityID != 0 {
		e.EntityID = strconv.FormatInt(entityID, 10)
	}
	return kit.AuditEntry(c, e)
}
