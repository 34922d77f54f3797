package web

import (
	"regexp"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/homework"
	"github.com/securebase/securebase/internal/measures"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web/kit"
)

// What the staff pages still use of the code that moved to internal/web/clientside; it now
// lives in kit, and these names go when the staff features move.

var idempotencyKeyPattern = regexp.MustCompile(`^[0-9a-f]{32}$`)

func newIdempotencyKey() string { return kit.NewIdempotencyKey() }

// shownAnswer is one answer of an entry as pages show it.
type shownAnswer = kit.ShownAnswer

// showAnswers lists an entry's answers by field label, with choice labels, in field order.
func showAnswers(t homework.Template, raw []byte) []shownAnswer { return kit.ShowAnswers(t, raw) }

// scoreForm reads and scores one questionnaire of a form (kit.ScoreForm).
func scoreForm(m measures.Measure, values map[string][]string) (store.ResultInput, map[string]string, string) {
	return kit.ScoreForm(m, values)
}

// raiseEarly flags a risk answered on a form that cannot be saved yet (kit.RaiseEarly).
func (s *Server) raiseEarly(c echo.Context, practiceID, clientID, userID int64, notes []string) error {
	return s.kit.RaiseEarly(c, practiceID, clientID, userID, notes)
}
