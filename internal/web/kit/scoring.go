package kit

import (
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/measures"
	"github.com/securebase/securebase/internal/store"
)

// DifficultyAnswer reads the optional, unscored difficulty question: nil when left blank, ok false when
// the answer is not one of its options.
func DifficultyAnswer(m measures.Measure, values map[string][]string) (*int, bool) {
	if m.Difficulty == nil {
		return nil, true
	}
	vs := values[m.Difficulty.Key]
	if len(vs) == 0 || (len(vs) == 1 && vs[0] == "") {
		return nil, true
	}
	v, err := strconv.Atoi(vs[0])
	if err != nil || len(vs) != 1 || m.Difficulty.Label(v) == "" {
		return nil, false
	}
	return &v, true
}

// ScoreForm reads one questionnaire's item answers from a form and scores it. riskNote is
// set whenever the risk item is answered above 0, complete form or not: that answer is
// acted on at once.
func ScoreForm(m measures.Measure, values map[string][]string) (r store.ResultInput, problems map[string]string, riskNote string) {
	answers := map[string]int{}
	problems = map[string]string{}
	for _, item := range m.Items {
		raw := ""
		if vs := values[item.Key]; len(vs) == 1 {
			raw = vs[0]
		}
		v, err := strconv.Atoi(raw)
		if err != nil {
			problems[item.Key] = "Please choose one answer."
			continue
		}
		answers[item.Key] = v
	}
	if m.RiskRaised(answers) {
		riskNote = fmt.Sprintf("%s item 9 answered %d", m.Name, answers[m.RiskItem])
	}
	if len(problems) > 0 {
		if riskNote != "" {
			riskNote += " (the rest of the form was not complete)"
		}
		return store.ResultInput{}, problems, riskNote
	}
	total, scoreProblems := m.Score(answers)
	if len(scoreProblems) > 0 {
		return store.ResultInput{}, scoreProblems, riskNote
	}
	diff, ok := DifficultyAnswer(m, values)
	if !ok {
		return store.ResultInput{}, map[string]string{m.Difficulty.Key: "Please choose one of the answers given, or leave it blank."}, riskNote
	}
	r = store.ResultInput{MeasureKey: m.Key, Total: total, Answers: mustJSON(answers), RiskRaised: riskNote != "", Difficulty: diff}
	if r.RiskRaised {
		riskNote = fmt.Sprintf("%s (total %d)", riskNote, total)
		r.RiskNote = riskNote
	}
	return r, nil, riskNote
}

// RaiseEarly flags a risk answered on a form that cannot be saved yet; the store writes the
// flag and its audit entry together.
func (k *Kit) RaiseEarly(c echo.Context, practiceID, clientID, userID int64, notes []string) error {
	for _, note := range notes {
		audit := AuditEntry(c, store.AuditEntry{ActorUserID: userID, Action: "risk.raise", EntityType: "client",
			EntityID: strconv.FormatInt(clientID, 10), ClientID: clientID, Detail: "source=phq9_item9 incomplete form"})
		// The store writes the entry in the flag's transaction, only when a flag opens.
		if _, err := k.Store.RaiseRiskFlag(c.Request().Context(), practiceID, clientID, userID,
			store.RiskFlagInput{Source: "phq9_item9", Summary: note, Audit: audit}); err != nil {
			return err
		}
	}
	return nil
}

// mustJSON encodes a value that cannot fail to encode (maps of strings to numbers).
func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // unreachable for the types passed
	}
	return b
}
