package e2e

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/securebase/securebase/internal/config"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/testutil"
)

// TestJourneyHomeworkThroughAPrivateLink is journeys 4 and 5: the counsellor assigns a
// daily tally linked to a goal and copies the link; the client, in a browser of their own,
// opens it, presses the button, fills three daily entries (meeting a validation error on
// the first), and uses the quick exit. Then the goal's progress has moved.
func TestJourneyHomeworkThroughAPrivateLink(t *testing.T) {
	t.Parallel()
	neutral := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		_, _ = w.Write([]byte("<!doctype html><title>Weather</title><p>Sunny spells."))
	}))
	t.Cleanup(neutral.Close)
	exitURL, _ := url.Parse(neutral.URL + "/weather")
	app := testutil.NewApp(t, func(c *config.Config) { c.QuickExitURL = exitURL })
	practice := app.Practice("Harbour")
	me, password := app.User(practice.ID, store.RoleCounsellor)
	counsellor := NewBrowser(t)
	signIn(counsellor, app.HTTP.URL, me.Email, password)
	cl := addClientAndGoal(t, counsellor, app.HTTP.URL)
	if counsellor.EvalInt(`document.querySelectorAll('[data-testid^="goal-"] progress').length`) != 0 {
		t.Fatal("the goal shows progress before any reading")
	}

	counsellor.Do(chromedp.Navigate(cl + "/homework/new"))
	counsellor.Do(
		chromedp.SetValue(chromedp.CSS("#f-template"), "builtin:reassurance_tally"),
		chromedp.SendKeys(chromedp.CSS("#f-instructions"), "Tally each evening, no judgement."),
		chromedp.SetValue(chromedp.CSS("#f-start_date"), time.Now().AddDate(0, 0, -2).Format("2006-01-02")),
		chromedp.SetValue(chromedp.CSS("#f-due_date"), time.Now().AddDate(0, 0, 5).Format("2006-01-02")),
		chromedp.Click(chromedp.CSS(`input[name="cadence"][value="daily"]`)),
		chromedp.SetValue(chromedp.CSS("#f-goal_field"), "reassurance_requests"),
	)
	counsellor.Do(chromedp.Evaluate[chromedp.Void](`document.querySelector('#f-goal_id').selectedIndex = 1`))
	counsellor.Submit(`[data-testid="assignment-form"] button[type="submit"]`)
	link := issueLink(t, counsellor, app.HTTP.URL, cl)
	counsellor.Screenshots("link-issued")

	client := NewBrowser(t) // a fresh profile: the client's own phone
	client.Do(chromedp.Navigate(link))
	if loc := client.Location(); strings.Contains(loc, link[strings.LastIndex(link, "/")+1:]) {
		t.Fatalf("the token is still in the address bar: %s", loc)
	}
	client.Screenshots("link-landing")
	client.Submit(`[data-testid="open-form"] button[type="submit"]`)
	if !strings.HasSuffix(client.Location(), "/h") {
		t.Fatalf("after the button the client is at %s, want /h", client.Location())
	}
	if title := client.Title(); title != "Your form" {
		t.Fatalf("client page title %q", title)
	}

	days := []string{time.Now().AddDate(0, 0, -2).Format("2006-01-02"), time.Now().AddDate(0, 0, -1).Format("2006-01-02"), time.Now().Format("2006-01-02")}
	for i, day := range days {
		client.Do(chromedp.SetValue(chromedp.CSS("#q-entry_date"), day))
		if i == 0 { // a validation error first: a count in words
			client.Do(chromedp.SendKeys(chromedp.CSS("#q-q1"), "-3"), chromedp.SendKeys(chromedp.CSS("#q-q2"), "2"))
			client.Submit(`[data-testid="send"]`)
			if msg := client.Text(`[data-testid="error-q1"]`); msg == "" {
				t.Fatal("no message beside the count")
			}
			if v := client.Value("#q-q2"); v != "2" {
				t.Fatalf("the other answer was lost: %q", v)
			}
			client.Screenshots("entry-error")
			client.Do(chromedp.Clear(chromedp.CSS("#q-q1")))
		}
		client.Do(chromedp.SendKeys(chromedp.CSS("#q-q1"), []string{"8", "6", "5"}[i]))
		if i > 0 {
			client.Do(chromedp.SendKeys(chromedp.CSS("#q-q2"), "1"))
		}
		client.Submit(`[data-testid="send"]`)
		if flash := client.Text(`[data-testid="flash"]`); flash != "Sent. Thank you." {
			t.Fatalf("entry %d: flash %q", i+1, flash)
		}
	}
	client.Screenshots("entries-sent")
	before := client.EvalInt(`window.history.length`)
	client.Do(chromedp.Click(chromedp.CSS(`[data-testid="quick-exit"]`)))
	var loc string
	for i := 0; i < 50 && !strings.HasPrefix(loc, neutral.URL); i++ {
		time.Sleep(100 * time.Millisecond)
		loc = client.Location()
	}
	if loc != exitURL.String() {
		t.Fatalf("quick exit went to %q, want %q", loc, exitURL)
	}
	if after := client.EvalInt(`window.history.length`); after != before {
		t.Fatalf("quick exit added a history entry (%d → %d): back would return to the form", before, after)
	}

	var sent []struct {
		Day   string `db:"day"`
		Count string `db:"count"`
	}
	if err := app.DB.App.Select(&sent, `SELECT to_char(entry_date, 'YYYY-MM-DD') AS day, answers->>'reassurance_requests' AS count
		FROM homework_entries WHERE practice_id = $1 AND status = 'submitted' ORDER BY entry_date`, practice.ID); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range sent {
		got = append(got, e.Day+"="+e.Count)
	}
	if want := days[0] + "=8 " + days[1] + "=6 " + days[2] + "=5"; strings.Join(got, " ") != want {
		t.Fatalf("submitted entries in the database: %v, want %s", got, want)
	}

	counsellor.Do(chromedp.Navigate(cl))
	if text := counsellor.Text(`[data-testid^="goal-"]`); !strings.Contains(text, "% of the way") {
		t.Fatalf("goal progress on the client page: %q", text)
	}
	if share := counsellor.EvalInt(`Math.round(document.querySelector('[data-testid^="goal-"] progress').value * 100)`); share <= 0 || share > 100 {
		t.Fatalf("after readings of 8, 6 and 5 against a baseline of 10 the goal is %d%% of the way", share)
	}
}

// addClientAndGoal adds a client with an active goal through the pages and returns the client's URL.
func addClientAndGoal(t *testing.T, b *Browser, base string) string {
	t.Helper()
	b.Do(chromedp.Navigate(base+"/clients/new"),
		chromedp.SendKeys(chromedp.CSS("#f-first_name"), "Robin"),
		chromedp.SendKeys(chromedp.CSS("#f-last_name"), "Hale"))
	b.Submit(`[data-testid="client-form"] button[type="submit"]`)
	clientURL := b.Location()
	b.Do(chromedp.Navigate(clientURL+"/goals/new"),
		chromedp.SendKeys(chromedp.CSS("#f-statement"), "Ask for reassurance less"),
		chromedp.SendKeys(chromedp.CSS("#f-what"), "Reassurance requests"),
		chromedp.SendKeys(chromedp.CSS("#f-metric"), "Reassurance requests"),
		chromedp.SendKeys(chromedp.CSS("#f-unit"), "per day"),
		chromedp.SetValue(chromedp.CSS("#f-metric_code"), "reassurance_seeking"),
		chromedp.SetValue(chromedp.CSS("#f-unit_code"), "times_per_day"),
		chromedp.Click(chromedp.CSS(`input[name="direction"][value="decrease"]`)),
		chromedp.SendKeys(chromedp.CSS("#f-baseline_value"), "10"),
		chromedp.SetValue(chromedp.CSS("#f-baseline_date"), time.Now().AddDate(0, 0, -7).Format("2006-01-02")),
		chromedp.SendKeys(chromedp.CSS("#f-target_value"), "2"),
		chromedp.SendKeys(chromedp.CSS("#f-measure_how"), "Daily tally"),
		chromedp.SendKeys(chromedp.CSS("#f-measure_often"), "Daily"),
		chromedp.SendKeys(chromedp.CSS("#f-steps"), "Wait ten minutes"),
		chromedp.Click(chromedp.CSS(`input[name="concerns"][value="reassurance"]`)),
		chromedp.SetValue(chromedp.CSS("#f-target_date"), time.Now().AddDate(0, 2, 0).Format("2006-01-02")))
	b.Submit(`[data-testid="goal-form"] button[type="submit"]`)
	b.Do(chromedp.Click(chromedp.CSS(`input[name="to"][value="active"]`)))
	b.Submit(`[data-testid="goal-status-form"] button[type="submit"]`)
	return clientURL
}
