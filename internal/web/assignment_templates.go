package web

import (
	"encoding/json"
	"fmt"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/homework"
)

// templateChoice is a template a counsellor may assign.
type templateChoice struct {
	Ref      string
	Template homework.Template
}

// Client is the template as the client's form shows it: the client's wording, positional names.
func (t templateChoice) Client() homework.Template { return t.Template.ForClient() }

// assignableTemplates lists the built-ins and the practice's own templates.
func (s *Server) assignableTemplates(c echo.Context) ([]templateChoice, error) {
	var out []templateChoice
	builtIns, err := s.practiceBuiltIns(c)
	if err != nil {
		return nil, err
	}
	for _, b := range builtIns {
		out = append(out, templateChoice{Ref: "builtin:" + b.Key, Template: b.Template})
	}
	own, err := s.store.HomeworkTemplates(c.Request().Context(), currentUser(c).PracticeID)
	if err != nil {
		return nil, err
	}
	for _, t := range own {
		var def homework.Template
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
