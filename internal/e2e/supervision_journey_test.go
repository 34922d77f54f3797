package e2e

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"

	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/testutil"
)

// TestJourneySupervisorDownloadsDeIdentifiedFiles is journey 8: the admin links a supervisor
// to a counsellor on the Supervision page; the supervisor downloads every de-identified file
// through the browser. Each parses as CSV, its header is exactly the list of columns in docs/exports.md,
// the client appears by pseudonym (never the working code), and no file names a client or
// holds a calendar date.
func TestJourneySupervisorDownloadsDeIdentifiedFiles(t *testing.T) {
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

	columns := readmeColumns(t)
	sup := NewBrowser(t)
	signIn(sup, app.HTTP.URL, supervisorUser.Email, supervisorPassword)
	for _, kind := range []string{"caseload", "goals", "homework", "scores"} {
		sup.Do(chromedp.Navigate(app.HTTP.URL+"/exports"), chromedp.SetValue(chromedp.CSS("#f-kind"), kind))
		if strings.Contains(sup.HTML(), `data-testid="identified-form"`) {
			t.Fatal("a supervisor is offered the identified export")
		}
		if kind == "caseload" {
			sup.Screenshots("exports")
		}
		data := sup.Download(`[data-testid="download"]`)
		rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
		if err != nil || len(rows) == 0 {
			t.Fatalf("the downloaded %s file is not CSV: %v\n%s", kind, err, data)
		}
		want, ok := columns[kind]
		if !ok {
			t.Fatalf("docs/exports.md lists no columns for %s", kind)
		}
		if got := matchColumns(rows[0], want); got != "" {
			t.Errorf("%s: %s\nheader %v\ndocs/exports.md %v", kind, got, rows[0], want)
		}
		if m := calendarDate.Find(data); m != nil {
			t.Errorf("the %s file holds a calendar date %q", kind, m)
		}
		for _, secret := range []string{"Robin", "Hale", "SB-0001", counsellorUser.DisplayName, counsellorUser.Email} {
			if bytes.Contains(data, []byte(secret)) {
				t.Errorf("the de-identified %s file holds %q:\n%s", kind, secret, data)
			}
		}
		if kind == "caseload" || kind == "goals" {
			if len(rows) != 2 || !strings.HasPrefix(rows[1][0], "C-") {
				t.Errorf("%s: want one row, the client by pseudonym: %v", kind, rows)
			}
		}
	}
}

// calendarDate is any calendar date or year in a file.
var calendarDate = regexp.MustCompile(`(?i)\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\b(19|20)\d{2}\b`)

// readmeColumn is one column of the list in docs/exports.md: optional ones may be absent, repeated ones
// stand for marker_1_…, marker_2_….
type readmeColumn struct {
	Name               string
	Optional, Repeated bool
}

// readmeColumns parses docs/exports.md's list of de-identified columns, the one source of truth.
func readmeColumns(t *testing.T) map[string][]readmeColumn {
	t.Helper()
	readme, err := os.ReadFile("../../docs/exports.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok1 := strings.Cut(string(readme), "<!-- deidentified-columns:start -->")
	section, _, ok2 := strings.Cut(rest, "<!-- deidentified-columns:end -->")
	if !ok1 || !ok2 {
		t.Fatal("docs/exports.md has no de-identified columns section")
	}
	out := map[string][]readmeColumn{}
	item := regexp.MustCompile("`([a-z0-9_N]+)`( \\((optional|repeated)\\))?")
	for _, line := range strings.Split(section, "\n") {
		kind, list, ok := strings.Cut(strings.TrimPrefix(strings.TrimSpace(line), "- "), ": ")
		if !ok {
			continue
		}
		for _, m := range item.FindAllStringSubmatch(list, -1) {
			out[kind] = append(out[kind], readmeColumn{Name: m[1], Optional: m[3] == "optional", Repeated: m[3] == "repeated"})
		}
	}
	return out
}

// matchColumns compares a header with the list in docs/exports.md, returning what differs or "".
func matchColumns(header []string, want []readmeColumn) string {
	number := regexp.MustCompile(`_\d+_`)
	var got []string
	for _, h := range header {
		n := number.ReplaceAllString(h, "_N_")
		if !slices.Contains(got, n) {
			got = append(got, n)
		} else if !slices.ContainsFunc(want, func(c readmeColumn) bool { return c.Name == n && c.Repeated }) {
			return "column " + h + " is repeated"
		}
	}
	var expect []string
	for _, c := range want {
		if (c.Optional || c.Repeated) && !slices.Contains(got, c.Name) {
			continue
		}
		expect = append(expect, c.Name)
	}
	if !slices.Equal(got, expect) {
		return fmt.Sprintf("columns %v, docs/exports.md says %v", got, expect)
	}
	return ""
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
