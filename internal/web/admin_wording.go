package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/homework"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/wording"
)

// practiceBuiltIns returns the built-in templates in the practice's own wording, where an
// admin changed it.
func (s *Server) practiceBuiltIns(c echo.Context) ([]homework.BuiltIn, error) {
	own, err := s.store.BuiltinWordings(c.Request().Context(), currentUser(c).PracticeID)
	if err != nil {
		return nil, err
	}
	out := homework.BuiltIns()
	for i, b := range out {
		if w, ok := own[b.Key]; ok {
			out[i].Template = b.Template.WithWording(w)
		}
	}
	return out, nil
}

// wordingsPage lists the built-in templates, and the markers, whose two wordings an admin edits.
func (s *Server) wordingsPage(c echo.Context) error {
	builtIns, err := s.practiceBuiltIns(c)
	if err != nil {
		return err
	}
	p := s.page(c, "Wording of built-in templates")
	p.Data = struct{ BuiltIns []homework.BuiltIn }{builtIns}
	return s.render(c, http.StatusOK, "admin/wordings", p)
}

// builtInFor finds the built-in the path names, in the practice's wording.
func (s *Server) builtInFor(c echo.Context) (homework.BuiltIn, error) {
	builtIns, err := s.practiceBuiltIns(c)
	if err != nil {
		return homework.BuiltIn{}, err
	}
	for _, b := range builtIns {
		if b.Key == c.Param("key") {
			return b, nil
		}
	}
	return homework.BuiltIn{}, echo.ErrNotFound
}

func (s *Server) wordingPage(c echo.Context) error {
	b, err := s.builtInFor(c)
	if err != nil {
		return err
	}
	form := &Form{Values: map[string][]string{}}
	for i, t := range b.Template.Texts() {
		form.Values.Set(fmt.Sprintf("s_%d", i), t.Staff)
		form.Values.Set(fmt.Sprintf("c_%d", i), t.Client)
	}
	return s.renderWording(c, http.StatusOK, b, form)
}

func (s *Server) renderWording(c echo.Context, status int, b homework.BuiltIn, form *Form) error {
	p := s.page(c, "Wording: "+b.Template.Title)
	p.Form = form
	p.Data = struct {
		Key   string
		Title string
		Texts []homework.Text
	}{b.Key, b.Template.Title, b.Template.Texts()}
	return s.render(c, status, "admin/wording", p)
}

// saveWording stores both wordings of every text of one built-in, or (action=reset) goes back
// to the shipped wording. What the client would read is refused when it holds a revealing word.
func (s *Server) saveWording(c echo.Context) error {
	b, err := s.builtInFor(c)
	if err != nil {
		return err
	}
	if err := onlyFields(c, "s_*", "c_*", "action"); err != nil {
		return err
	}
	u := currentUser(c)
	ctx := c.Request().Context()
	entry := store.AuditEntry{Action: "wording.save", EntityType: "builtin_template", EntityID: b.Key}
	if c.FormValue("action") == "reset" {
		if err := s.store.ResetBuiltinWording(ctx, u.PracticeID, b.Key); err != nil {
			return err
		}
		entry.Action = "wording.reset"
		if err := s.audit(c, entry); err != nil {
			return err
		}
		return s.flash(c, "/admin/wording", "The shipped wording applies again.")
	}
	values, err := c.FormParams()
	if err != nil {
		return echo.ErrBadRequest
	}
	form := &Form{Values: values}
	texts, changed := homework.Wording{}, 0
	for i, t := range b.Template.Texts() {
		sk, ck := fmt.Sprintf("s_%d", i), fmt.Sprintf("c_%d", i)
		staff, client := strings.TrimSpace(values.Get(sk)), strings.TrimSpace(values.Get(ck))
		switch {
		case staff == "" && !t.Optional():
			form.Fail(sk, "Write the staff wording.")
		case homework.TextProblem(t.Path, staff) != "":
			form.Fail(sk, homework.TextProblem(t.Path, staff))
		}
		seen := client
		if seen == "" {
			seen = staff // an empty client wording shows the client the staff wording
		}
		if msg := homework.TextProblem(t.Path, client); msg != "" {
			form.Fail(ck, msg)
		} else if words := wording.Revealing(seen); len(words) > 0 {
			form.Fail(ck, fmt.Sprintf("Someone reading over the client's shoulder would learn from %q: choose plainer words.", words[0]))
		}
		if staff != t.Staff || client != t.Client {
			changed++
		}
		texts[t.Path] = [2]string{staff, client}
	}
	if form.HasErrors() {
		return s.renderWording(c, http.StatusUnprocessableEntity, b, form)
	}
	if err := s.store.SaveBuiltinWording(ctx, u.PracticeID, u.ID, b.Key, texts); err != nil {
		return err
	}
	entry.Detail = strconv.Itoa(changed) + " texts changed"
	if err := s.audit(c, entry); err != nil {
		return err
	}
	return s.flash(c, "/admin/wording", "Wording saved. Homework assigned from now on uses it; homework already assigned keeps its wording.")
}
