package homework

import (
	"net/url"
	"strconv"
	"strings"

	hw "github.com/securebase/securebase/internal/homework"
	"github.com/securebase/securebase/templates/layout"
	"github.com/securebase/securebase/templates/ui"
)

// Pick is one template in the picker or the library, with why it suits the client and how to
// see it first.
type Pick struct {
	Ref, Title string
	Practice   bool   // the practice's own template
	Why        string // "matches: reassurance seeking"; empty when nothing of the client matches
	Rationale  string // a built-in's reason, for the counsellor
	Cadence    string // a built-in's suggested cadence
	Tags       string // "CBT · reassurance seeking · settled without a reply"
}

// PhonePath is the template as the client will see it on a phone.
func (p Pick) PhonePath() string { return PhonePath(p.Ref) }

// PreviewPath is the template's preview with both wordings.
func (p Pick) PreviewPath() string { return PreviewPath(p.Ref) }

// Filters are the library's and picker's filters: an approach and a progress marker (keys),
// with their options.
type Filters struct {
	Approach, Marker string
	Approaches       []ui.Option
	Markers          []ui.Option
}

// Query is the filters as a URL query ("approach=cbt&marker=no_panic"), empty when none is set.
func (f Filters) Query() string {
	q := url.Values{}
	if f.Approach != "" {
		q.Set("approach", f.Approach)
	}
	if f.Marker != "" {
		q.Set("marker", f.Marker)
	}
	return q.Encode()
}

// Active reports whether a filter is set.
func (f Filters) Active() bool { return f.Approach != "" || f.Marker != "" }

// ChoosePath is the assign form with template ref chosen, keeping the filters.
func (v AssignFormView) ChoosePath(ref string) string {
	q := url.Values{"template": {ref}}
	if v.Filters.Approach != "" {
		q.Set("approach", v.Filters.Approach)
	}
	if v.Filters.Marker != "" {
		q.Set("marker", v.Filters.Marker)
	}
	return v.Client.Path() + "/homework/new?" + q.Encode() + "#f-template"
}

// PhonePath is the client's form of template ref as it shows on a phone.
func PhonePath(ref string) string { return "/homework/templates/phone?ref=" + queryValue(ref) }

// PhoneView is a template's form as the client will see it, in the client's frame.
type PhoneView struct {
	layout.ClientPage
	Form         *ui.Form
	Heading      string
	Purpose      string
	Instructions string
	Fields       []hw.Field // the client's wording, positional names
	BackPath     string
}

// TagWords words a template's tags for staff: approaches, then signs and markers.
func TagWords(t hw.Tags) string {
	var words []string
	words = append(words, hw.ApproachShort().Labels(t.Approaches)...)
	words = append(words, hw.SignShort().Labels(t.Signs)...)
	words = append(words, hw.MarkerShort().Labels(t.Markers)...)
	return strings.Join(words, " · ")
}

// plural words a count: plural(1, "template matches", "templates match") is "1 template matches".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
