package kit

import (
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/securebase/securebase/internal/homework"
)

// ShownAnswer is one answer of an entry as pages show it: the field's label and the answer
// in words.
type ShownAnswer struct{ Label, Text string }

// ShowAnswers lists an entry's answers by field label, with choice labels, in field order.
func ShowAnswers(t homework.Template, raw []byte) []ShownAnswer {
	var answers map[string]any
	if json.Unmarshal(raw, &answers) != nil {
		return nil
	}
	var out []ShownAnswer
	for _, f := range t.Fields {
		a, ok := answers[f.Key]
		if !ok {
			continue
		}
		out = append(out, ShownAnswer{Label: f.Label, Text: answerText(f, a)})
	}
	return out
}

func answerText(f homework.Field, a any) string {
	label := func(v string) string {
		for _, ch := range f.Choices {
			if ch.Value == v {
				return ch.Label
			}
		}
		return v
	}
	switch x := a.(type) {
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case string:
		if f.Type == homework.YesNo {
			if x == "yes" {
				return "Yes"
			}
			return "No"
		}
		return label(x)
	case []any:
		s := ""
		for i, v := range x {
			if i > 0 {
				s += ", "
			}
			s += label(fmt.Sprint(v))
		}
		return s
	}
	return fmt.Sprint(a)
}
