package supervision

import (
	"fmt"
	"strconv"

	"github.com/securebase/securebase/internal/measures"
	"github.com/securebase/securebase/templates/layout"
	"github.com/securebase/securebase/templates/ui"
)

// OutcomesView is the outcomes page: the rates of a practice, of the counsellors a supervisor
// supervises, or of one counsellor, over a period; clients appear by code only.
type OutcomesView struct {
	layout.Page
	Form        *ui.Form
	Counsellors []ui.Option // whom the viewer may choose
	Periods     []ui.Option // rolling year, or discharges between two dates
	Whose       string      // "the whole practice", "everyone you supervise" or a counsellor's name
	Period      string      // the period in words, e.g. "7 Dec 2025 to 6 Dec 2026"
	Shown       bool        // false when the form has errors: nothing is counted
	Summary     measures.Summary
	Charts      []OutcomeChart
	Episodes    []OutcomeRow
	Links       []OutcomeLink // each counsellor's own page, for the same period
}

// OutcomeChart is a Jacobson-Truax plot of one questionnaire with its table alternative.
type OutcomeChart struct {
	ID, Title, SVG string
	Rows           []OutcomeScore
}

// OutcomeScore is one client's first and last score on a questionnaire and the verdict.
type OutcomeScore struct{ Code, First, Last, Verdict string }

// OutcomeRow is one episode in the table of episodes.
type OutcomeRow struct {
	Code, Ended, PHQ9, GAD7, Overall string
	Attended                         int
}

// OutcomeLink is a link to a counsellor's outcomes.
type OutcomeLink struct{ Label, Href string }

// AllCounsellors words the counsellor choice's empty option.
func (v OutcomesView) AllCounsellors() string {
	if v.Viewer.IsSupervisor() {
		return "Everyone you supervise"
	}
	return "The whole practice"
}

// RateText words a rate: a percentage with its counts, or the counts alone under the
// small-number rule (of the page or of the rate's own denominator).
func (v OutcomesView) RateText(r measures.Rate) string {
	if v.Summary.Small() || !r.Shown() {
		return fmt.Sprintf("%d of %d", r.Count, r.Of)
	}
	return fmt.Sprintf("%d%% (%d of %d)", r.Percent(), r.Count, r.Of)
}

// RateNote says when a rate is given as counts only.
func (v OutcomesView) RateNote(r measures.Rate) string {
	if !v.Summary.Small() && !r.Shown() {
		return "counts only: fewer than " + strconv.Itoa(measures.MinEpisodes)
	}
	return ""
}

// Median words the median number of attended appointments.
func (v OutcomesView) Median() string {
	return strconv.FormatFloat(v.Summary.MedianAttended, 'f', -1, 64)
}

// MinEpisodes is the small-number rule's threshold, for the page's words.
func (v OutcomesView) MinEpisodes() int { return measures.MinEpisodes }

// AllRates are the rows of the rates table: each questionnaire, then both together.
func (v OutcomesView) AllRates() []measures.Rates {
	return append(append([]measures.Rates(nil), v.Summary.Measures...), v.Summary.Overall)
}
