package casework

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/securebase/securebase/internal/measures"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web/kit"
)

// counsellorResult reads one questionnaire from the counsellor's form: nothing (ok false),
// every item, or (for a scores-only measure, which has no risk item) a total alone.
func counsellorResult(m measures.Measure, values map[string][]string) (store.ResultInput, bool, map[string]string, string) {
	answered := false
	for _, item := range m.Items {
		if len(values[item.Key]) > 0 && values[item.Key][0] != "" {
			answered = true
		}
	}
	totalKey := "total_" + m.Key
	rawTotal := ""
	if vs := values[totalKey]; len(vs) > 0 {
		rawTotal = strings.TrimSpace(vs[0])
	}
	switch {
	case answered:
		r, problems, riskNote := kit.ScoreForm(m, values)
		return r, len(problems) == 0, problems, riskNote
	case rawTotal != "" && !m.TotalAloneAllowed():
		return store.ResultInput{}, false, map[string]string{totalKey: "Answer every item: a total alone cannot screen the risk item."}, ""
	case rawTotal != "":
		total, err := strconv.Atoi(rawTotal)
		if err == nil {
			err = m.ScoreTotal(total)
		}
		if err != nil {
			return store.ResultInput{}, false, map[string]string{totalKey: fmt.Sprintf("Enter a whole number from 0 to %d.", m.Max)}, ""
		}
		return store.ResultInput{MeasureKey: m.Key, Total: total, Answers: []byte(`{}`)}, true, nil, ""
	}
	return store.ResultInput{}, false, nil, ""
}
