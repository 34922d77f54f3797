package admin

import (
	"fmt"
	"strings"

	"github.com/securebase/securebase/internal/homework"
	"github.com/securebase/securebase/internal/wording"
	"github.com/securebase/securebase/templates/ui"
)

// checkWording reads both wordings of every text from the form, noting a message beside
// each one refused, and counts the texts changed.
func checkWording(form *ui.Form, current []homework.Text) (homework.Wording, int) {
	texts, changed := homework.Wording{}, 0
	for i, t := range current {
		sk, ck := staffField(i), clientField(i)
		staff, client := strings.TrimSpace(form.Values.Get(sk)), strings.TrimSpace(form.Values.Get(ck))
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
	return texts, changed
}
