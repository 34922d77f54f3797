package homework

import (
	"encoding/json"
	"fmt"

	"github.com/labstack/echo/v4"

	hw "github.com/securebase/securebase/internal/homework"
	"github.com/securebase/securebase/internal/web/kit"
)

// templateChoice is a template a counsellor may assign; a built-in's comes with its rationale
// and suggested cadence.
type templateChoice struct {
	Ref      string
	Template hw.Template
	BuiltIn  *hw.BuiltIn // nil for the practice's own
}

// assignableTemplates lists the built-ins the practice did not hide and its own templates.
func (h *Handlers) assignableTemplates(c echo.Context) ([]templateChoice, error) {
	var out []templateChoice
	builtIns, err := h.PracticeBuiltIns(c)
	if err != nil {
		return nil, err
	}
	hidden, err := h.Store.HiddenBuiltins(c.Request().Context(), kit.CurrentUser(c).PracticeID)
	if err != nil {
		return nil, err
	}
	for _, b := range builtIns {
		if !hidden[b.Key] {
			out = append(out, templateChoice{Ref: "builtin:" + b.Key, Template: b.Template, BuiltIn: &b})
		}
	}
	own, err := h.Store.HomeworkTemplates(c.Request().Context(), kit.CurrentUser(c).PracticeID)
	if err != nil {
		return nil, err
	}
	for _, t := range own {
		var def hw.Template
		if err := json.Unmarshal(t.Definition, &def); err != nil {
			return nil, fmt.Errorf("template %d: %w", t.ID, err)
		}
		out = append(out, templateChoice{Ref: fmt.Sprintf("practice:%d", t.ID), Template: def})
	}
	return out, nil
}

func findTemplate(choices []templateChoice, ref string) (templateChoice, bool) {
	for _, ch := range choices {
		if ch.Ref == ref {
			return ch, true
		}
	}
	return templateChoice{}, false
}
