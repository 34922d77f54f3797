package e2e

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/securebase/securebase/internal/auth"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/testutil"
)

// seedOverview gives the seeded record's client three sittings (every marker, PHQ-9 and
// GAD-7, the last raising a risk flag), an active goal half way to its target and three
// attended appointments, and a live link, so every panel of the overview has something to show.
func seedOverview(t *testing.T, app *testutil.App, practiceID, counsellorID int64, rec record) {
	t.Helper()
	ctx := context.Background()
	seed := store.AuditEntry{Action: "test.seed"}
	var markers []int64
	if err := app.DB.App.Select(&markers, `SELECT id FROM markers WHERE practice_id = $1 AND active ORDER BY sort_order`, practiceID); err != nil {
		t.Fatal(err)
	}
	today := time.Now().UTC().Truncate(24 * time.Hour)
	for i, s := range []struct{ days, phq, gad int }{{-42, 17, 13}, {-21, 12, 9}, {-3, 8, 6}} {
		ratings := map[int64]int{}
		for j, m := range markers {
			ratings[m] = min(10, 2+i*2+j%3)
		}
		in := store.ProgressInput{Day: today.AddDate(0, 0, s.days), Source: "counsellor", RecordedBy: counsellorID,
			RequestKey: "overview-sitting-" + strconv.Itoa(i) + strings.Repeat("0", 16), Ratings: ratings, RiskAudit: seed,
			Results: []store.ResultInput{{MeasureKey: "phq9", Total: s.phq, Answers: []byte(`{}`), RiskRaised: i == 2, RiskNote: "Item 9 answered: several days"},
				{MeasureKey: "gad7", Total: s.gad, Answers: []byte(`{}`)}}}
		if _, err := app.Store.RecordProgress(ctx, practiceID, rec.client, in, seed); err != nil {
			t.Fatal(err)
		}
	}
	base, target, baseDay, targetDay := 10.0, 2.0, today.AddDate(0, 0, -45), today.AddDate(0, 0, 60)
	goal, err := app.Store.CreateGoal(ctx, practiceID, rec.client, counsellorID, store.GoalInput{Statement: "Text him less when he is out",
		What: "Reassurance texts", Metric: "Reassurance texts", Unit: "per evening", Direction: "decrease", BaselineValue: &base, BaselineDate: &baseDay,
		TargetValue: &target, TargetDate: &targetDay, MeasureHow: "Tally", MeasureOften: "Daily", Steps: "Wait ten minutes",
		MetricCode: "reassurance_seeking", UnitCode: "times_per_day", Concerns: []string{"reassurance"}}, seed)
	if err != nil {
		t.Fatal(err)
	}
	if err := app.Store.TransitionGoal(ctx, practiceID, rec.client, goal, counsellorID, 1, "draft", "active", "", seed); err != nil {
		t.Fatal(err)
	}
	if err := app.Store.AddGoalReading(ctx, practiceID, rec.client, goal, counsellorID, today.AddDate(0, 0, -2), 6, "", seed); err != nil {
		t.Fatal(err)
	}
	// A live link, so the seeded homework counts as due rather than expired.
	_, hash, err := auth.NewLinkToken()
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := app.Store.IssueClientLink(ctx, practiceID, rec.client, counsellorID, store.LinkInput{TokenHash: hash, ExpiresAt: time.Now().AddDate(0, 0, 11)},
		seed, func(_, _ int64) string { return "" }); err != nil {
		t.Fatal(err)
	}
	for _, d := range []int{-21, -14, -7} {
		if _, err := app.Store.CreateAppointment(ctx, practiceID, rec.client, counsellorID, store.AppointmentInput{
			StartsAt: today.AddDate(0, 0, d).Add(10 * time.Hour), DurationMinutes: 50, Status: "attended", Format: "individual"}, seed); err != nil {
			t.Fatal(err)
		}
	}
}

// TestJourneyTheClientOverviewReadsAtAGlanceOnAPhoneAndADesktop: the counsellor opens a client
// with scores, ratings, a goal, homework and appointments at 390 px and 1366 px. The page is
// never wider than the screen, its sparklines carry no text and no text in its panels is under
// 12 px, every panel is there, each part is reached by an in-page link with no script, and
// axe-core and the Nu checker pass (the browser checks every page it lands on).
// With E2E_SCREENSHOTS set it keeps client-overview-390.png and client-overview-1366.png.
func TestJourneyTheClientOverviewReadsAtAGlanceOnAPhoneAndADesktop(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t)
	practice := app.Practice("Harbour")
	me, password := app.User(practice.ID, store.RoleCounsellor)
	rec := seedRecord(t, app, practice.ID, me.ID)
	seedOverview(t, app, practice.ID, me.ID, rec)
	url := app.HTTP.URL + "/clients/" + strconv.FormatInt(rec.client, 10)
	b := NewBrowser(t)
	signIn(b, app.HTTP.URL, me.Email, password)
	for _, width := range []int64{390, 1366} {
		b.Do(chromedp.EmulateViewport(width, 900), chromedp.Navigate(url))
		if w := b.EvalInt(`document.documentElement.scrollWidth`); w > int(width) {
			t.Errorf("at %d px the client page is %d px wide (widest: %s)", width, w, b.EvalString(widestElement))
		}
		if n := b.EvalInt(`document.querySelectorAll('#overview svg.sparkline').length`); n != 9 {
			t.Errorf("at %d px: %d sparklines, want 9 (two questionnaires, seven markers)", width, n)
		}
		if n := b.EvalInt(`document.querySelectorAll('#overview svg text').length`); n != 0 {
			t.Errorf("at %d px: %d text elements inside the sparklines", width, n)
		}
		if small := b.EvalString(smallestPanelText); small != "" {
			t.Errorf("at %d px: panel text under 12 px: %s", width, small)
		}
		for _, id := range []string{"glance-questionnaires", "glance-goals", "glance-homework", "glance-appointments", "glance-markers", "risk-banner"} {
			if b.EvalInt(`document.querySelectorAll('[data-testid="`+id+`"]').length`) != 1 {
				t.Errorf("at %d px: no %s", width, id)
			}
		}
		if got := b.Text(`[data-testid="glance-phq9-change"]`); got != "Reliable recovery" {
			t.Errorf("PHQ-9 badge %q, want Reliable recovery (17 to 8)", got)
		}
		if got := b.Text(`[data-testid="glance-homework-due"]`); got != "1 assignment due" {
			t.Errorf("homework panel %q, want 1 assignment due", got)
		}
		if width == 390 {
			// Each part is an anchor away, with no script needed: following the link lands on it.
			b.Do(chromedp.Click(chromedp.CSS(`[data-testid="client-sections"] a[href="#appointments"]`)))
			waitFor(t, func() bool { return strings.HasSuffix(b.Location(), "#appointments") })
			if top := b.EvalInt(`Math.round(document.getElementById('appointments').getBoundingClientRect().top)`); top < -2 || top > 200 {
				t.Errorf("after following the link to the appointments, they are %d px from the top", top)
			}
			b.Do(chromedp.Navigate(url))
		}
		keepScreenshot(t, b, width, "client-overview-"+strconv.FormatInt(width, 10)+".png")
	}
}

// smallestPanelText names the first piece of text in the overview drawn under 12 px, or "".
const smallestPanelText = `(() => {
	const walk = document.createTreeWalker(document.getElementById('overview'), NodeFilter.SHOW_TEXT);
	for (let n = walk.nextNode(); n; n = walk.nextNode()) {
		if (!n.textContent.trim()) continue;
		const el = n.parentElement, size = parseFloat(getComputedStyle(el).fontSize);
		if (size < 12 && el.getClientRects().length) return el.tagName.toLowerCase() + ' ' + size + 'px "' + n.textContent.trim().slice(0, 30) + '"';
	}
	return '';
})()`

// keepScreenshot saves the top 1,500 px of the page at width, under E2E_SCREENSHOTS, when set.
func keepScreenshot(t *testing.T, b *Browser, width int64, name string) {
	t.Helper()
	dir := os.Getenv("E2E_SCREENSHOTS")
	if dir == "" {
		return
	}
	b.Do(chromedp.EmulateViewport(width, 1500), chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`),
		chromedp.Evaluate[chromedp.Void](`new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))`, chromedp.EvalAwaitPromise))
	png, err := chromedp.Run(b.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dir, 0o750); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), png, 0o600); err != nil {
		t.Fatal(err)
	}
}
