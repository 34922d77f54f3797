package e2e

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/securebase/securebase/internal/demo"
	"github.com/securebase/securebase/internal/testutil"
)

// demoStaffPages lists every staff page of the demo practice that takes no form input to
// reach: the practice's pages, and each client's record pages.
func demoStaffPages(t *testing.T, app *testutil.App) []string {
	t.Helper()
	pages := []string{"/", "/clients", "/account", "/account/sessions", "/account/two-factor", "/admin/users", "/admin/audit",
		"/admin/practice", "/admin/practice/exports", "/admin/practice/plans", "/admin/markers", "/admin/wording", "/admin/conventions", "/admin/supervision",
		"/homework/templates", "/homework/templates/new", "/homework/templates/preview?ref=builtin:thought_record",
		"/exports", "/exports?kind=caseload", "/exports?kind=goals", "/exports?kind=homework", "/exports?kind=scores", "/outcomes"}
	var record []string
	if err := app.DB.App.Select(&record, `SELECT p FROM (
		SELECT c.id, 1 AS o, '/clients/' || c.id AS p FROM clients c UNION ALL
		SELECT c.id, 2, '/clients/' || c.id || '/progress' FROM clients c UNION ALL
		SELECT c.id, 3, '/clients/' || c.id || '/intake' FROM clients c UNION ALL
		SELECT c.id, 4, '/clients/' || c.id || '/intake/risk' FROM clients c UNION ALL
		SELECT c.id, 5, '/clients/' || c.id || '/intake/versions' FROM clients c UNION ALL
		SELECT c.id, 6, '/clients/' || c.id || '/edit' FROM clients c UNION ALL
		SELECT c.id, 7, '/clients/' || c.id || '/link' FROM clients c UNION ALL
		SELECT c.id, 8, '/clients/' || c.id || '/homework/new' FROM clients c UNION ALL
		SELECT c.id, 9, '/clients/' || c.id || '/goals/new' FROM clients c UNION ALL
		SELECT c.id, 10, '/clients/' || c.id || '/appointments/new' FROM clients c UNION ALL
		SELECT c.id, 10, '/clients/' || c.id || '/plan' FROM clients c UNION ALL
		SELECT g.client_id, 11, '/clients/' || g.client_id || '/goals/' || g.id FROM goals g UNION ALL
		SELECT a.client_id, 12, '/clients/' || a.client_id || '/homework/' || a.id FROM assignments a UNION ALL
		SELECT p.client_id, 13, '/clients/' || p.client_id || '/appointments/' || p.id || '/edit' FROM appointments p
		) x ORDER BY id, o, p`); err != nil {
		t.Fatal(err)
	}
	return append(pages, record...)
}

// TestJourneyEveryStaffPageFitsAPhoneAndADesktop: the demo practice's admin
// and the supervisor open every staff page at 390 px and at 1366 px; no page is wider
// than the screen (tables scroll inside their own box, their first column kept in view), and
// no chart text is drawn under 12 px.
func TestJourneyEveryStaffPageFitsAPhoneAndADesktop(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t)
	seeded, err := demo.Seed(context.Background(), app.Store, app.Passwords)
	if err != nil {
		t.Fatal(err)
	}
	pages := demoStaffPages(t, app)
	for _, width := range []int64{390, 1366} {
		t.Run(strconv.FormatInt(width, 10), func(t *testing.T) {
			for _, who := range []demo.Account{seeded.Accounts[0], seeded.Accounts[3]} { // the admin opens every page a counsellor does
				b := NewBrowser(t)
				b.Do(chromedp.EmulateViewport(width, 900))
				signIn(b, app.HTTP.URL, who.Email, who.Password)
				for _, p := range pagesFor(who, pages) {
					b.Do(chromedp.Navigate(app.HTTP.URL + p))
					if strings.Contains(b.HTML(), `data-testid="error-page"`) {
						continue // a page this role may not open
					}
					if w := b.EvalInt(`document.documentElement.scrollWidth`); w > int(width) {
						t.Errorf("%s as %s: %d px wide on a %d px screen (widest: %s)", p, who.Role, w, width, b.EvalString(widestElement))
					}
					if small := b.EvalString(smallChartText); small != "" {
						t.Errorf("%s as %s at %d px: chart text under 12 px: %s", p, who.Role, width, small)
					}
				}
				if who.Role == seeded.Accounts[0].Role && width == 1366 {
					b.Do(chromedp.Navigate(app.HTTP.URL + busiestProgress(t, app)))
					b.Screenshots("progress") // E2E_SCREENSHOTS: docs/screenshots/progress-*.png
				}
			}
		})
	}
}

// busiestProgress is the progress page of the demo client with the most scores, ratings and notes.
func busiestProgress(t *testing.T, app *testutil.App) string {
	t.Helper()
	var id int64
	if err := app.DB.App.Get(&id, `SELECT c.id FROM clients c ORDER BY
		(SELECT count(*) FROM marker_ratings r WHERE r.client_id = c.id) + (SELECT count(*) FROM measure_results r WHERE r.client_id = c.id)
		+ (SELECT count(*) FROM event_notes e WHERE e.client_id = c.id) DESC, c.id LIMIT 1`); err != nil {
		t.Fatal(err)
	}
	return "/clients/" + strconv.FormatInt(id, 10) + "/progress"
}

// smallChartText lists the SVG text drawn under 12 px: its font size (getComputedStyle) times
// the scale its SVG is drawn at (getScreenCTM), for every text that is rendered (getBBox).
const smallChartText = `(() => { const out = [];
	for (const t of document.querySelectorAll('svg text')) {
		const m = t.getScreenCTM(), box = t.getBBox();
		if (!m || (box.width === 0 && box.height === 0) || !t.getClientRects().length) continue;
		const px = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
		if (px < 11.995) out.push('"' + t.textContent.trim().slice(0, 30) + '" ' + px.toFixed(1) + ' px');
	}
	return out.slice(0, 5).join('; ') + (out.length > 5 ? ' and ' + (out.length - 5) + ' more' : '');
})()`

// pagesFor keeps the pages a role opens: supervisors have no client records.
func pagesFor(who demo.Account, pages []string) []string {
	if who.Role != "supervisor" {
		return pages
	}
	var out []string
	for _, p := range pages {
		if !strings.HasPrefix(p, "/clients") && !strings.HasPrefix(p, "/admin") && !strings.HasPrefix(p, "/homework") {
			out = append(out, p)
		}
	}
	return out
}

// widestElement names the element that reaches furthest right, to say what to fix.
const widestElement = `(() => { let best = null, right = 0;
	for (const el of document.querySelectorAll('body *')) {
		const r = el.getBoundingClientRect().right;
		if (r > right + 0.5) { right = r; best = el; }
	}
	if (!best) return '';
	const id = best.id ? '#' + best.id : '';
	const cls = typeof best.className === 'string' && best.className ? '.' + best.className.trim().split(/\s+/).join('.') : '';
	return best.tagName.toLowerCase() + id + cls + ' right=' + Math.round(right) + ' "' + (best.textContent || '').trim().slice(0, 40) + '"';
})()`
