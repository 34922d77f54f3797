package supervision

import (
	"fmt"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/store"
	rules "github.com/securebase/securebase/internal/supervision"
	"github.com/securebase/securebase/internal/web/kit"
)

// layout is how the request's file is written.
func (req exportRequest) layout() rules.Layout {
	return rules.Layout{Identified: req.Identified, FullDates: req.FullDates, Pseudo: req.deid.pseudo, WithYear: req.deid.withYear}
}

// produceExport runs one export, handing each row to emit. A header callback, when given,
// receives the header before the first row; the header is also returned.
func (h *Handlers) produceExport(c echo.Context, req exportRequest, emit func([]rules.Cell) error, onHeader ...func([]string) error) ([]string, error) {
	ctx := c.Request().Context()
	pid := kit.CurrentUser(c).PracticeID
	l := req.layout()
	start := func(cols []string) error {
		for _, fn := range onHeader {
			if err := fn(cols); err != nil {
				return err
			}
		}
		return nil
	}
	switch req.Kind {
	case "caseload":
		return h.produceCaseload(c, req, emit, start)
	case "goals":
		cols := l.GoalsHeader()
		if err := start(cols); err != nil {
			return cols, err
		}
		now := h.Now()
		return cols, h.Store.ExportGoals(ctx, pid, req.Filter, func(r store.GoalExportRow) error {
			return emit(l.GoalCells(rules.GoalRow(r), now))
		})
	case "homework":
		cols := l.HomeworkHeader()
		if err := start(cols); err != nil {
			return cols, err
		}
		return cols, h.Store.ExportHomework(ctx, pid, req.Filter, req.Identified, func(r store.HomeworkExportRow) error {
			return emit(l.HomeworkCells(rules.HomeworkRow(r)))
		})
	case "scores":
		cols := l.ScoresHeader()
		if err := start(cols); err != nil {
			return cols, err
		}
		return cols, h.Store.ExportScores(ctx, pid, req.Filter, func(r store.ScoreExportRow) error {
			return emit(l.ScoreCells(rules.ScoreRow(r)))
		})
	}
	return nil, fmt.Errorf("unknown export %q", req.Kind)
}

// produceCaseload writes the caseload summary, judging reliable change with the practice's conventions.
func (h *Handlers) produceCaseload(c echo.Context, req exportRequest, emit func([]rules.Cell) error, start func([]string) error) ([]string, error) {
	ctx := c.Request().Context()
	pid := kit.CurrentUser(c).PracticeID
	conv, err := h.ConventionsOf(c)
	if err != nil {
		return nil, err
	}
	all, err := h.Store.Markers(ctx, pid, true)
	if err != nil {
		return nil, err
	}
	refs := make([]rules.MarkerRef, len(all))
	for i, m := range all {
		refs[i] = rules.MarkerRef{ID: m.ID, Active: m.Active}
	}
	l := rules.Caseload{Layout: req.layout(), Markers: rules.NumberMarkers(refs), Names: map[int64]string{}, Conv: conv}
	if req.Identified {
		if l.Names, err = h.Store.PracticeCounsellors(ctx, pid); err != nil {
			return nil, err
		}
	}
	cols := l.Header()
	if err := start(cols); err != nil {
		return cols, err
	}
	return cols, h.Store.ExportCaseload(ctx, pid, req.Filter, func(r store.CaseloadExportRow) error {
		cells, err := l.Cells(rules.CaseloadRow(r))
		if err != nil {
			return err
		}
		return emit(cells)
	})
}
