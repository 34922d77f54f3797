package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/testutil"
)

// signIn signs a browser in through the real form.
func signIn(b *Browser, base, email, password string) {
	b.t.Helper()
	b.Do(chromedp.Navigate(base+"/login"), chromedp.SendKeys(chromedp.CSS("#f-email"), email), chromedp.SendKeys(chromedp.CSS("#f-password"), password))
	b.Submit(`[data-testid="login-form"] button[type="submit"]`)
}

// TestJourneyCounsellorRecordsACaseWithRiskAndAGoal is journeys 2 and 3: the counsellor
// adds a client, completes an intake with a raised risk, sees the flag and clears it, then
// adds a SMART goal, meeting validation errors first, and activates it.
func TestJourneyCounsellorRecordsACaseWithRiskAndAGoal(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t)
	practice := app.Practice("Harbour")
	me, password := app.User(practice.ID, store.RoleCounsellor)
	b := NewBrowser(t)
	signIn(b, app.HTTP.URL, me.Email, password)

	b.Do(chromedp.Navigate(app.HTTP.URL + "/clients/new"))
	b.Do(
		chromedp.SendKeys(chromedp.CSS("#f-first_name"), "Alexis"),
		chromedp.SendKeys(chromedp.CSS("#f-last_name"), "Moreau"),
		chromedp.SendKeys(chromedp.CSS("#f-preferred_name"), "Lexi"),
		chromedp.SendKeys(chromedp.CSS("#f-safe_contact_note"), "Partner reads my messages"),
	)
	b.Submit(`[data-testid="client-form"] button[type="submit"]`)
	if code := b.Text(`[data-testid="client-code"]`); code != "SB-0001" {
		t.Fatalf("client code %q", code)
	}
	b.Screenshots("client-page-new")
	clientURL := b.Location()

	b.Do(chromedp.Navigate(clientURL + "/intake/risk"))
	b.Do(
		chromedp.Click(chromedp.CSS(`input[name="risk_self_harm"][value="none"]`)),
		chromedp.Click(chromedp.CSS(`input[name="risk_to_others"][value="none"]`)),
		chromedp.Click(chromedp.CSS(`input[name="risk_ipv"][value="serious"]`)),
		chromedp.Click(chromedp.CSS(`input[name="risk_substance"][value="none"]`)),
		chromedp.Click(chromedp.CSS(`input[name="risk_own_control"][value="none"]`)),
		chromedp.Click(chromedp.CSS(`input[name="risk_ipv_signs"][value="monitored"]`)),
		chromedp.Click(chromedp.CSS(`input[name="overall_risk"][value="high"]`)),
		chromedp.SendKeys(chromedp.CSS("#f-risk_ipv_notes"), "Partner tracks her phone"),
	)
	b.Submit(`[data-testid="intake-risk"] button[type="submit"]`)
	if msg := b.Text(`[data-testid="error-safety_plan"]`); !strings.Contains(msg, "safety plan") {
		t.Fatalf("message beside the safety plan: %q", msg)
	}
	if v := b.Value("#f-risk_ipv_notes"); v != "Partner tracks her phone" {
		t.Fatalf("typed notes lost on the validation error: %q", v)
	}
	b.Screenshots("intake-risk-error")
	b.Do(chromedp.SendKeys(chromedp.CSS("#f-safety_plan"), "Helpline saved under a friend's name"))
	b.Submit(`[data-testid="intake-risk"] button[type="submit"]`)

	b.Do(chromedp.Navigate(clientURL))
	if flag := b.Text(`[data-testid="risk-flag"]`); !strings.Contains(flag, "Risk flag") {
		t.Fatalf("no risk flag on the client page: %q", flag)
	}
	b.Screenshots("client-page-flagged")
	b.Do(chromedp.SendKeys(chromedp.CSS("textarea[name=review_note]"), "Safety plan reviewed; code word agreed."))
	b.Submit(`[data-testid="open-flag"] button[type="submit"]`)
	if strings.Contains(b.HTML(), `data-testid="risk-flag"`) {
		t.Fatal("the flag is still shown after review")
	}
	var cleared struct {
		Source string `db:"source"`
		Note   string `db:"review_note"`
		By     *int64 `db:"cleared_by"`
	}
	if err := app.DB.App.Get(&cleared, `SELECT source, review_note, cleared_by FROM risk_flags WHERE practice_id = $1`, practice.ID); err != nil ||
		cleared.Source != "intake" || cleared.By == nil || *cleared.By != me.ID || !strings.Contains(cleared.Note, "code word") {
		t.Fatalf("the intake's flag in the database: %+v, %v", cleared, err)
	}

	b.Do(chromedp.Navigate(clientURL + "/goals/new"))
	b.Do(
		chromedp.SendKeys(chromedp.CSS("#f-statement"), "Reduce reassurance requests"),
		chromedp.SendKeys(chromedp.CSS("#f-metric"), "Reassurance requests"),
		chromedp.SendKeys(chromedp.CSS("#f-unit"), "per day"),
		chromedp.SetValue(chromedp.CSS("#f-metric_code"), "reassurance_seeking"),
		chromedp.SetValue(chromedp.CSS("#f-unit_code"), "times_per_day"),
		chromedp.Click(chromedp.CSS(`input[name="direction"][value="decrease"]`)),
		chromedp.SendKeys(chromedp.CSS("#f-baseline_value"), "10"),
		chromedp.SendKeys(chromedp.CSS("#f-target_value"), "12"),
	)
	b.Submit(`[data-testid="goal-form"] button[type="submit"]`)
	if msg := b.Text(`[data-testid="error-target_value"]`); !strings.Contains(msg, "below the baseline") {
		t.Fatalf("message beside the target: %q", msg)
	}
	b.Screenshots("goal-error")
	if v := b.Value("#f-statement"); v != "Reduce reassurance requests" {
		t.Fatalf("the typed statement was lost on the validation error: %q", v)
	}
	if v := b.Value("#f-target_value"); v != "12" {
		t.Fatalf("the typed target was lost on the validation error: %q", v)
	}
	target := time.Now().AddDate(0, 2, 0)
	b.Do(
		chromedp.Clear(chromedp.CSS("#f-target_value")),
		chromedp.SendKeys(chromedp.CSS("#f-target_value"), "2"),
		chromedp.SendKeys(chromedp.CSS("#f-what"), "How often I ask my partner for reassurance"),
		chromedp.SendKeys(chromedp.CSS("#f-measure_how"), "Daily tally"),
		chromedp.SendKeys(chromedp.CSS("#f-measure_often"), "Daily"),
		chromedp.SendKeys(chromedp.CSS("#f-steps"), "Notice the urge, wait ten minutes, write it down"),
		chromedp.Click(chromedp.CSS(`input[name="concerns"][value="reassurance"]`)),
		chromedp.SetValue(chromedp.CSS("#f-target_date"), target.Format("2006-01-02")),
	)
	b.Submit(`[data-testid="goal-form"] button[type="submit"]`)
	b.Do(chromedp.Click(chromedp.CSS(`input[name="to"][value="active"]`)))
	b.Submit(`[data-testid="goal-status-form"] button[type="submit"]`)
	if status := b.Text(`[data-testid="goal-status"]`); status != "Active" {
		t.Fatalf("goal status %q, want Active", status)
	}
	b.Screenshots("goal-active")
	var goal struct {
		Statement string `db:"statement"`
		Status    string `db:"status"`
	}
	if err := app.DB.App.Get(&goal, `SELECT statement, status FROM goals WHERE practice_id = $1`, practice.ID); err != nil ||
		goal.Statement != "Reduce reassurance requests" || goal.Status != "active" {
		t.Fatalf("the goal in the database: %+v, %v", goal, err)
	}
}
