package casework

import (
	"slices"
	"strconv"
	"strings"

	"github.com/securebase/securebase/internal/measures"
	"github.com/securebase/securebase/templates/layout"
	"github.com/securebase/securebase/templates/questions"
	"github.com/securebase/securebase/templates/ui"
)

// ProgressView is every chart of a client, the questionnaire summary, and the forms that
// record ratings, questionnaires, event notes and check-ins.
type ProgressView struct {
	layout.Page
	Form      *ui.Form
	Client    ClientRef
	Summaries []ProgressSummary
	Outcome   measures.Outcome
	// Questionnaires come first and larger; MarkerCharts and GoalCharts are small multiples.
	// All share one date axis, and Notes (numbered as the charts mark them) is their legend.
	Questionnaires, MarkerCharts, GoalCharts []ProgressChart
	Markers                                  []ProgressMarker
	Measures                                 []measures.Measure
	Notes                                    []ProgressNote
	Checkins                                 []ProgressCheckin
	Failed                                   string // the form whose problems are shown above it: FailedCheckin, FailedSitting, FailedNotes or ""
}

// The page's forms, for where a refused form's problems are announced.
const (
	FailedCheckin = "checkin"
	FailedSitting = "sitting"
	FailedNotes   = "notes"
)

// FailedForm names which of the page's forms f came from, when it holds problems: each form's
// fields have their own prefix (ck_ the check-in, note_ the event note, the rest the sitting).
func FailedForm(f *ui.Form) string {
	if !f.HasErrors() {
		return ""
	}
	for name := range f.Values {
		switch {
		case strings.HasPrefix(name, "ck_"):
			return FailedCheckin
		case strings.HasPrefix(name, "note_"):
			return FailedNotes
		}
	}
	return FailedSitting
}

// Opened reports whether a questionnaire's part of the form opens: something was typed in it.
func (v ProgressView) Opened(m measures.Measure) bool {
	if v.Form.Value("total_"+m.Key) != "" {
		return true
	}
	return len(m.Items) > 0 && len(v.Form.Values[m.Items[0].Key]) > 0
}

// Chosen reports whether value n was posted for field key.
func (v ProgressView) Chosen(key string, n int) bool { return v.Form.Value(key) == strconv.Itoa(n) }

// Difficulty is a questionnaire's difficulty question with what was chosen.
func (v ProgressView) Difficulty(m measures.Measure) questions.Difficulty {
	return questions.Difficulty{Form: v.Form, D: *m.Difficulty}
}

// TotalField is the total of a scores-only questionnaire.
func (v ProgressView) TotalField(m measures.Measure) ui.Field {
	return goalField(v.Form, "total_"+m.Key, m.Name+" total (0 to "+strconv.Itoa(m.Max)+")", "text", false, "")
}

// AsksMeasure reports whether the check-in form has questionnaire key ticked.
func (v ProgressView) AsksMeasure(key string) bool {
	return slices.Contains(v.Form.Values["ck_measures"], key)
}

// AsksMarkers reports whether the check-in form has the progress markers ticked.
func (v ProgressView) AsksMarkers() bool { return v.Form.Value("ck_markers") == "true" }

// Scale is the values of a 0 to 10 marker rating.
func (v ProgressView) Scale() []int { return []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10} }

// ProgressSummary is a questionnaire's first and latest score and what changed.
type ProgressSummary struct {
	Key, Name                        string
	First, FirstOn, Latest, LatestOn string
	LatestWhich                      string // which of a day's several scores is the latest (the last entered), or ""
	Band, Difficulty                 string
	Change                           string // the reliable-change label, "" for a single score
}

// ProgressChart is one chart with its table alternative.
type ProgressChart struct {
	ID, Title string
	SVG       string // built and escaped by internal/chart: trusted markup
	Rows      []GoalTableRow
	Note      string // e.g. the reliable-change verdict
	Legend    []ChartLegend
}

// ChartLegend names a chart's band or reference line beside it, so no label sits on the plot.
type ChartLegend struct {
	Label        string
	Fill         string // a band's colour (checked by internal/chart: a hex or named colour)
	Line, Dashed bool
}

// ProgressMarker is one progress marker the counsellor rates.
type ProgressMarker struct {
	Key, Label string // Key is the field name, "m_<id>"
}

// ProgressNote is a dated event note shown on every chart by its mark (1, 2, 3...).
type ProgressNote struct {
	Mark, Day, Text string
}

// ProgressCheckin is one check-in sent to the client.
type ProgressCheckin struct {
	ID                   int64
	Sent, Due, Completed string // Completed is "" until the client answers
	Revoked              bool
	Missed               bool // made by the plan, lapsed unanswered: a gap
}

// IsCompleted reports whether the client answered the check-in.
func (c ProgressCheckin) IsCompleted() bool { return c.Completed != "" }

// RevokePath is where the revoke button posts.
func (c ProgressCheckin) RevokePath(clientPath string) string {
	return clientPath + "/checkins/" + strconv.FormatInt(c.ID, 10) + "/revoke"
}

// dashes is a legend line's stroke-dasharray: dashed like the chart's line, or solid.
func dashes(dashed bool) string {
	if dashed {
		return "6 4"
	}
	return "none"
}

// LatestWhen is the latest score's day, and which of that day's scores it is when there were several.
func (s ProgressSummary) LatestWhen() string {
	if s.LatestWhich == "" {
		return s.LatestOn
	}
	return s.LatestOn + ", " + s.LatestWhich
}
