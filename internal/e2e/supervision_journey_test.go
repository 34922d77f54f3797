package e2e

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"

	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/testutil"
)

// TestJourneySupervisorDownloadsADeIdentifiedCaseload is journey 8: the admin links a
// supervisor to a counsellor on the Supervision page; the supervisor downloads the
// de-identified caseload export through the browser, and the file parses as CSV, lists the
// counsellor's client by code and names no client.
func TestJourneySupervisorDownloadsADeIdentifiedCaseload(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t)
	practice := app.Practice("Harbour")
	admin, adminPassword := app.User(practice.ID, store.RoleAdmin)
	counsellorUser, counsellorPassword := app.User(practice.ID, store.RoleCounsellor)
	supervisorUser, supervisorPassword := app.User(practice.ID, store.RoleSupervisor)

	counsellor := NewBrowser(t)
	signIn(counsellor, app.HTTP.URL, counsellorUser.Email, counsellorPassword)
	addClientAndGoal(t, counsellor, app.HTTP.URL) // Robin Hale, SB-0001

	adminB := NewBrowser(t)
	signIn(adminB, app.HTTP.URL, admin.Email, adminPassword)
	adminB.Do(chromedp.Navigate(app.HTTP.URL + "/admin/supervision"))
	form := fmt.Sprintf(`[data-testid="supervision-%d"]`, supervisorUser.ID)
	adminB.Do(chromedp.Click(chromedp.CSS(fmt.Sprintf(`%s input[name="counsellor_id"][value="%d"]`, form, counsellorUser.ID))))
	adminB.Submit(form + ` button[type="submit"]`)
	adminB.Screenshots("supervision-saved")
	var linked int
	if err := app.DB.App.Get(&linked, `SELECT count(*) FROM supervision WHERE practice_id = $1 AND supervisor_id = $2 AND counsellor_id = $3`,
		practice.ID, supervisorUser.ID, counsellorUser.ID); err != nil || linked != 1 {
		t.Fatalf("supervision rows after saving: %d, %v", linked, err)
	}

	sup := NewBrowser(t)
	signIn(sup, app.HTTP.URL, supervisorUser.Email, supervisorPassword)
	sup.Do(chromedp.Navigate(app.HTTP.URL+"/exports"), chromedp.SetValue(chromedp.CSS("#f-kind"), "caseload"))
	if strings.Contains(sup.HTML(), `data-testid="identified-form"`) {
		t.Fatal("a supervisor is offered the identified export")
	}
	sup.Screenshots("exports")
	data := sup.Download(`[data-testid="download"]`)

	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatalf("the downloaded file is not CSV: %v\n%s", err, data)
	}
	if len(rows) != 2 {
		t.Fatalf("%d rows in the caseload file, want a header and one client:\n%s", len(rows), data)
	}
	if i := slices.Index(rows[0], "client_code"); i < 0 || rows[1][i] != "SB-0001" {
		t.Fatalf("the client's code is not in its column: %v / %v", rows[0], rows[1])
	}
	for _, secret := range []string{"Robin", "Hale", counsellorUser.DisplayName, counsellorUser.Email} {
		if bytes.Contains(data, []byte(secret)) {
			t.Fatalf("the de-identified file names %q:\n%s", secret, data)
		}
	}
}

// Download clicks the element matching css, lets Chromium save the file into a temporary
// directory, waits until the download completes and returns the file's bytes.
func (b *Browser) Download(css string) []byte {
	b.t.Helper()
	dir := b.t.TempDir()
	root, err := os.OpenRoot(dir)
	if err != nil {
		b.t.Fatal(err)
	}
	defer func() { _ = root.Close() }()
	events := true
	if _, err = chromedp.Call(b.ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: dir, EventsEnabled: &events, //nolint:misspell // the protocol's field name
	}); err != nil {
		b.t.Fatalf("allow downloads: %v", err)
	}
	ctx, cancel := context.WithCancel(b.ctx)
	defer cancel()
	progress := chromedp.Events(ctx, browser.DownloadProgress)
	b.Do(chromedp.Click(chromedp.CSS(css)))
	for ev, err := range progress {
		if err != nil {
			b.t.Fatalf("waiting for the download: %v", err)
		}
		switch ev.State {
		case browser.DownloadProgressStateCompleted:
			data, err := root.ReadFile(ev.GUID) // inside the download directory, whatever the name
			if err != nil {
				b.t.Fatal(err)
			}
			return data
		case browser.DownloadProgressStateCanceled:
			b.t.Fatal("the download was cancelled")
		}
	}
	b.t.Fatal("the download never completed")
	return nil
}
