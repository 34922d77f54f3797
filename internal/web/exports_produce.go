package web

import (
	"fmt"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/supervision"
)

// layout is how the request's file is written.
func (req exportRequest) layout() supervision.Layout {
	return supervision.Layout{Identified: req.Identified, FullDates: req.FullDates, Pseudo: req.deid.pseudo, WithYear: req.deid.withYear}
}

// produceExport runs one export, handing each row to emit. A header callback, when given,
// receives the header before the first row; the header is also returned.
func (s *Server) produceExport(c echo.Context, req exportRequest, emit func([]supervision.Cell) error, onHeader ...func([]string) error) ([]string, error) {
	ctx := c.Request().Context()
	pid := currentUser(c).PracticeID
	l := req.layout()
	start := func(h []string) error {
		for _, fn := range onHeader {
			if err := fn(h); err != nil {
				return err
			}
		}
		return nil
	}
	switch req.Kind {
	case "caseload":
		return s.produceCaseload(c, req, emit, start)
	case "goals":
		h := l.GoalsHeader()
		if err := start(h); err != nil {
			return h, err
		}
		now := s.now()
		return h, s.store.ExportGoals(ctx, pid, req.Filter, func(r store.GoalExportRow) error {
			return emit(l.GoalCells(supervision.GoalRow(r), now))
		})
	case "homework":
		h := l.HomeworkHeader()
		if err := start(h); err != nil {
			return h, err
		}
		return h, s.store.ExportHomework(ctx, pid, req.Filter, req.Identified, func(r store.HomeworkExportRow) error {
			return emit(l.HomeworkCells(supervision.HomeworkRow(r)))
		})
	case "scores":
		h := l.ScoresHeader()
		if err := start(h); err != nil {
			return h, err
		}
		return h, s.store.ExportScores(ctx, pid, req.Filter, func(r store.ScoreExportRow) error {
			return emit(l.ScoreCells(supervision.ScoreRow(r)))
		})
	}
	return nil, fmt.Errorf("unknown export %q", req.Kind)
}

// produceCaseload writes the caseload summary, judging reliable change with the practice's conventions.
func (s *Server) produceCaseload(c echo.Context, req exportRequest, emit func([]supervision.Cell) error, start func([]string) error) ([]string, error) {
	ctx := c.Request().Context()
	pid := currentUser(c).PracticeID
	conv, err := s.conventionsOf(c)
	if err != nil {
		return nil, err
	}
	all, err := s.store.Markers(ctx, pid, true)
	if err != nil {
		return nil, err
	}
	refs := make([]supervision.MarkerRef, len(all))
	for i, m := range all {
		refs[i] = supervision.MarkerRef{ID: m.ID, Active: m.Active}
	}
	l := supervision.Caseload{Layout: req.layout(), Markers: supervision.NumberMarkers(refs), Names: map[int64]string{}, Conv: conv}
	if req.Identified {
		if l.Names, err = s.store.PracticeCounsellors(ctx, pid); err != nil {
			return nil, err
		}
	}
	h := l.Header()
	if err := start(h); err != nil {
		return h, err
	}
	return h, s.store.ExportCaseload(ctx, pid, req.Filter, func(r store.CaseloadExportRow) error {
		cells, err := l.Cells(supervision.CaseloadRow(r))
		if err != nil {
			return err
		}
		return emit(cells)
	})
}
