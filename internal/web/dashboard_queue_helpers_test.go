package web_test

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/securebase/securebase/internal/store"
)

// queueItem opens an attention item for the client directly in SQL, due at due, for the
// dashboard's read tests: the store's writers are tested apart. It returns the item's id.
func queueItem(t *testing.T, f *caseFixture, cl store.Client, kind, label string, ref int64, due time.Time) int64 {
	t.Helper()
	var id int64
	if err := f.app.DB.App.Get(&id, `INSERT INTO attention_items (practice_id, counsellor_id, client_id, kind, ref_id, label, due_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`, cl.PracticeID, cl.CounsellorID, cl.ID, kind, ref, label, due); err != nil {
		t.Fatal(err)
	}
	return id
}

// queueRows returns the dashboard's queue rows in order, each as its text with spaces folded.
func queueRows(body string) []string {
	var out []string
	for _, m := range regexp.MustCompile(`(?s)<li data-testid="queue-row".*?</ul></li>`).FindAllString(body, -1) {
		out = append(out, foldText(m))
	}
	return out
}

// queueRow is the row of the client with code, as HTML; "" when the client has none.
func queueRow(body, code string) string {
	return regexp.MustCompile(`(?s)<li data-testid="queue-row" data-client="` + regexp.QuoteMeta(code) + `">.*?</ul></li>`).FindString(body)
}

// kindCount is the count the page shows for kind at the top.
func kindCount(body, kind string) string {
	m := regexp.MustCompile(`<li data-kind="` + kind + `">[^<]*<strong>(\d+)</strong>`).FindStringSubmatch(body)
	if m == nil {
		return ""
	}
	return m[1]
}

// foldText strips tags (and the snooze forms) and folds white space.
func foldText(html string) string {
	html = regexp.MustCompile(`(?s)<details.*?</details>`).ReplaceAllString(html, "")
	text := regexp.MustCompile(`<[^>]*>`).ReplaceAllString(html, " ")
	return strings.Join(strings.Fields(text), " ")
}
