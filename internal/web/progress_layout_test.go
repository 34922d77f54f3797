package web_test

import (
	"net/url"
	"strings"
	"testing"
)

// TestProgressPutsTheCheckinFirstWithADueDateAndEachFormsProblemsAboveIt: the check-in form
// opens the page, due a week from today unless the counsellor says otherwise, and a refused
// form's "please check" notice sits in that form's own section, beside the marked fields.
func TestProgressPutsTheCheckinFirstWithADueDateAndEachFormsProblemsAboveIt(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	page := f.counsellor.Get(f.path("/progress")).Body
	form, charts := strings.Index(page, `data-testid="checkin-create-form"`), strings.Index(page, `id="charts-h"`)
	if form < 0 || charts < 0 || form > charts {
		t.Fatalf("the check-in form (at %d) should come before the charts (at %d)", form, charts)
	}
	if week := daysFromNow(7); !strings.Contains(page, `name="ck_due" type="date" value="`+week+`"`) && !strings.Contains(page, `value="`+week+`"`) {
		t.Fatalf("the check-in's due date does not default to %s", week)
	}
	if strings.Contains(page, `data-testid="form-errors"`) {
		t.Fatal("a fresh page announces problems")
	}

	section := func(body, heading string) string {
		start := strings.Index(body, `id="`+heading+`"`)
		if start < 0 {
			return ""
		}
		end := strings.Index(body[start:], "</section>")
		return body[start : start+end]
	}
	for _, tc := range []struct {
		path, heading string
		form          url.Values
	}{
		{"/checkins", "checkin-h", url.Values{"ck_due": {daysFromNow(7)}, "request_key": {"0123456789abcdef0123456789abcdef"}}},
		{"/events", "events-h", url.Values{"note_day": {daysFromNow(0)}, "note_text": {""}}},
		{"/progress", "sitting-h", url.Values{"day": {"not a date"}, "request_key": {"0123456789abcdef0123456789abcdef"}}},
	} {
		res := f.counsellor.Post(f.path(tc.path), tc.form)
		if res.Status != 422 {
			t.Fatalf("POST %s: status %d, want 422", tc.path, res.Status)
		}
		if strings.Count(res.Body, `data-testid="form-errors"`) != 1 || !strings.Contains(section(res.Body, tc.heading), `data-testid="form-errors"`) {
			t.Errorf("POST %s: the problems are not announced in its own section (%s)", tc.path, tc.heading)
		}
	}
	// A refused check-in keeps what was typed, the due date too.
	res := f.counsellor.Post(f.path("/checkins"), url.Values{"ck_due": {daysFromNow(3)}, "request_key": {"0123456789abcdef0123456789abcdef"}})
	if !strings.Contains(section(res.Body, "checkin-h"), `value="`+daysFromNow(3)+`"`) {
		t.Error("a refused check-in lost its due date")
	}
}
