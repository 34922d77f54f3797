package kit

import (
	"github.com/securebase/securebase/internal/casework"
	"github.com/securebase/securebase/internal/store"
)

// SMARTOf converts a stored goal to the domain's SMART value.
func SMARTOf(g store.Goal) casework.SMART {
	return casework.SMART{
		Statement: g.Statement, What: g.What, Where: g.Where, WithWhom: g.WithWhom, Metric: g.Metric, Unit: g.Unit,
		MetricCode: g.MetricCode, UnitCode: g.UnitCode, Direction: g.Direction, BaselineValue: g.BaselineValue,
		BaselineDate: g.BaselineDate, TargetValue: g.TargetValue, MeasureHow: g.MeasureHow,
		MeasureOften: g.MeasureOften, Steps: g.Steps, Supports: g.Supports, Concerns: g.Concerns,
		TargetDate: g.TargetDate,
	}
}

// ReadingsOf converts stored goal readings to the domain's.
func ReadingsOf(rs []store.GoalReading) []casework.Reading {
	out := make([]casework.Reading, len(rs))
	for i, r := range rs {
		out[i] = casework.Reading{Date: r.ReadingDate, Value: r.Value}
	}
	return out
}
