package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/securebase/securebase/internal/testutil"
)

// TestJourneySupervisorReadsOutcomesWithNoNameNorFreeText: on a 390 px phone, the supervisor
// opens Outcomes from the dashboard, chooses the discharges of March 2026, and sees the rates
// and a Jacobson-Truax plot per questionnaire with a point per paired client of the counsellors
// they supervise (text at 12 px or more, no sideways scroll); no client's name, no note and no
// client of a counsellor they do not supervise appears anywhere on the page.
func TestJourneySupervisorReadsOutcomesWithNoNameNorFreeText(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t)
	s := app.SeedOutcomes()
	b := NewBrowser(t)
	b.Do(chromedp.EmulateViewport(390, 844))
	signIn(b, app.HTTP.URL, s.Supervisor.Email, s.SupervisorPW)
	b.Submit(`[data-testid="dash-outcomes"]`)
	if loc := b.Location(); !strings.HasSuffix(loc, "/outcomes") {
		t.Fatalf("the dashboard's outcomes link went to %s", loc)
	}
	b.Do(chromedp.Click(chromedp.CSS(`input[name="period"][value="range"]`)),
		chromedp.SetValue(chromedp.CSS("#f-from"), testutil.OutcomeFrom), chromedp.SetValue(chromedp.CSS("#f-to"), testutil.OutcomeTo))
	b.Submit(`[data-testid="outcomes-form"] button[type="submit"]`)
	b.Screenshots("outcomes")

	// PHQ-9: SB-1001 to 1004, 1006, 2001 and 2002 are paired; GAD-7: 1001 to 1003, 1006 and 2001.
	for chart, want := range map[string]int{"outcome-phq9": 7, "outcome-gad7": 5} {
		sel := `document.querySelectorAll('[data-testid="chart-` + chart + `"] svg.chart-scatter circle').length`
		if got := b.EvalInt(sel); got != want {
			t.Errorf("%s: %d points, want %d", chart, got, want)
		}
	}
	if n := b.EvalInt(`document.querySelectorAll('svg.chart-scatter .scatter-diagonal, svg.chart-scatter .scatter-band').length`); n != 4 {
		t.Errorf("diagonals and reliable-change bands: %d, want 4", n)
	}
	// The smallest chart text as drawn, in CSS pixels (font size times the SVG's scale).
	smallest := b.EvalInt(`Math.floor(100 * Math.min(...[...document.querySelectorAll('svg.chart-scatter')].flatMap(svg => {
		const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
		return [...svg.querySelectorAll('text')].map(t => parseFloat(getComputedStyle(t).fontSize) * scale);
	})))`)
	if smallest < 1200 {
		t.Errorf("the smallest chart text draws at %.2f px at 390 px, want 12 or more", float64(smallest)/100)
	}
	if over := b.EvalInt(`document.documentElement.scrollWidth - document.documentElement.clientWidth`); over > 0 {
		t.Errorf("the outcomes page scrolls sideways by %d px at 390 px", over)
	}
	if got := b.Text(`[data-testid="n-episodes"]`); got != "8" {
		t.Errorf("episodes of the counsellors supervised: %q, want 8", got)
	}
	page := b.HTML() + b.EvalString(`document.body.innerText`)
	for _, secret := range append(s.Names, testutil.OutcomeNote, "SB-3001") {
		if strings.Contains(page, secret) {
			t.Errorf("the supervisor's outcomes page shows %q", secret)
		}
	}
	if !strings.Contains(page, "SB-1001") {
		t.Error("clients do not appear by code")
	}
}
