package clientside

import (
	"encoding/json"
	"fmt"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/homework"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web/kit"
	view "github.com/securebase/securebase/templates/clientside"
)

// earlierEntries lists the entries of all the client's homework sent since the link's PIN was
// chosen: what was written before there was a PIN stays unseen.
func (h *Handlers) earlierEntries(c echo.Context, l store.ClientLink) ([]view.Entry, error) {
	if l.PINSetAt == nil {
		return nil, nil
	}
	ctx := c.Request().Context()
	assignments, err := h.Store.Assignments(ctx, l.PracticeID, l.ClientID)
	if err != nil {
		return nil, err
	}
	var out []view.Entry
	for _, a := range assignments {
		if a.Submitted == 0 {
			continue
		}
		v, err := h.Store.ClientViewOf(ctx, l.PracticeID, a.ID)
		if err != nil {
			return nil, err
		}
		var t homework.Template
		if err := json.Unmarshal(v.Template, &t); err != nil {
			return nil, fmt.Errorf("assignment %d template: %w", v.ID, err)
		}
		entries, err := h.Store.Entries(ctx, l.PracticeID, v.ID)
		if err != nil {
			return nil, err
		}
		for _, e := range entries {
			if e.Status == "submitted" && e.SubmittedAt != nil && !e.SubmittedAt.Before(*l.PINSetAt) {
				out = append(out, view.Entry{Date: e.EntryDate.Format("2 January 2006"), Answers: answersOf(kit.ShowAnswers(t.ClientWorded(), e.Answers)), Reply: e.Reply})
			}
		}
	}
	return out, nil
}

// answersOf copies an entry's answers into the page's own type.
func answersOf(shown []kit.ShownAnswer) []view.Answer {
	out := make([]view.Answer, len(shown))
	for i, a := range shown {
		out[i] = view.Answer(a)
	}
	return out
}
