package web_test

import (
	"context"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/securebase/securebase/internal/store"
)

// TestTheClientOverviewShowsEachPanelsData: seeded scores, ratings, a goal, homework and
// appointments come out on the client page's panels as words and numbers: the band and
// reliable-change badge of each questionnaire (the progress page says the same), each
// marker's latest rating by its name, the goal's progress, the homework counts, the last
// three appointments newest first, the next and last appointment in the header, the open
// risk flag in words, and no internal key anywhere in the panels.
func TestTheClientOverviewShowsEachPanelsData(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	ctx := context.Background()
	seed := store.AuditEntry{Action: "test.seed"}
	day := func(n int) time.Time { return time.Now().UTC().Truncate(24*time.Hour).AddDate(0, 0, n) }
	markers := markerIDs(t, f)
	var firstMarker string
	if err := f.app.DB.App.Get(&firstMarker, `SELECT label FROM markers WHERE id = $1`, markers[0]); err != nil {
		t.Fatal(err)
	}
	first := mustInt64(t, markers[0])
	for i, s := range []struct {
		days, phq, gad, rating int
		risk                   bool
	}{{-40, 18, 6, 3, false}, {-20, 12, 9, 5, false}, {-5, 9, 12, 7, true}} {
		in := store.ProgressInput{Day: day(s.days), Source: "counsellor", RecordedBy: f.me.ID, RequestKey: newKey(),
			Ratings: map[int64]int{first: s.rating}, RiskAudit: seed,
			Results: []store.ResultInput{{MeasureKey: "phq9", Total: s.phq, Answers: []byte(`{}`), RiskRaised: s.risk, RiskNote: "Thoughts of self-harm on several days"},
				{MeasureKey: "gad7", Total: s.gad, Answers: []byte(`{}`)}}}
		if _, err := f.app.Store.RecordProgress(ctx, f.practice.ID, f.client.ID, in, seed); err != nil {
			t.Fatalf("sitting %d: %v", i, err)
		}
	}
	// A goal from 10 to 2 whose latest reading is 6: half way.
	res := f.counsellor.Post(f.path("/goals"), completeGoalForm())
	if res.Status != 303 {
		t.Fatalf("goal: status %d", res.Status)
	}
	if res := f.counsellor.Post(res.Location+"/status", url.Values{"to": {"active"}}); res.Status != 303 {
		t.Fatalf("activate: status %d", res.Status)
	}
	if res := f.counsellor.Post(res.Location+"/readings", url.Values{"reading_date": {daysFromNow(-3)}, "value": {"6"}}); res.Status != 303 {
		t.Fatalf("reading: status %d", res.Status)
	}
	// Homework: one daily tally with a submitted entry not yet reviewed, one left undone.
	tally, _ := f.assign(t, f.client, "daily", nil)
	f.submitEntry(t, f.client, tally, `{"reassurance_requests": 4, "checks": 2, "note": ""}`)
	f.assign(t, f.client, "once", nil)
	// Appointments: four attended, a week apart, and one booked.
	at := func(days int) time.Time { return day(days).Add(10 * time.Hour) }
	for _, d := range []int{-28, -21, -14, -7, 6} {
		status := "attended"
		if d > 0 {
			status = "scheduled"
		}
		if _, err := f.app.Store.CreateAppointment(ctx, f.practice.ID, f.client.ID, f.me.ID,
			store.AppointmentInput{StartsAt: at(d), DurationMinutes: 50, Status: status, Format: "individual"}, seed); err != nil {
			t.Fatal(err)
		}
	}
	practice, err := f.app.Store.Practice(ctx, f.practice.ID)
	if err != nil {
		t.Fatal(err)
	}
	loc, err := time.LoadLocation(practice.TimeZone)
	if err != nil {
		t.Fatal(err)
	}
	moment := func(days int) string { return at(days).In(loc).Format("2 Jan 2006, 15:04") }

	body := f.counsellor.Get(f.path("")).Body
	testid := func(id string) string {
		m := regexp.MustCompile(`data-testid="` + regexp.QuoteMeta(id) + `"[^>]*>([^<]*)<`).FindStringSubmatch(body)
		if m == nil {
			t.Fatalf("no %s on the client page", id)
		}
		return strings.TrimSpace(m[1])
	}
	for id, want := range map[string]string{
		"glance-phq9-latest": "9 of 27", "glance-phq9-band": "Mild", "glance-phq9-change": "Reliable recovery",
		"glance-gad7-latest": "12 of 21", "glance-gad7-band": "Moderate", "glance-gad7-change": "Reliably deteriorated",
		"glance-homework-due": "2 assignments due", "glance-homework-awaiting": "1 assignment with entries awaiting review",
	} {
		if got := testid(id); got != want {
			t.Errorf("%s: %q, want %q", id, got, want)
		}
	}
	mustContain(t, "badges", body, `class="badge badge-good" data-testid="glance-phq9-change"`, `class="badge badge-bad" data-testid="glance-gad7-change"`)
	progress := f.counsellor.Get(f.path("/progress")).Body
	mustContain(t, "progress page (the same verdicts)", progress, "Reliable recovery", "Reliably deteriorated")

	overview := between(t, "overview", body, `id="overview"`, `id="risk"`)
	mustContain(t, "marker strip", overview, `<span class="marker-value">7 of 10</span> <span class="marker-name">`+firstMarker+`</span>`,
		"18, 12, 9", "6, 9, 12", "3, 5, 7")
	if n := strings.Count(overview, `data-testid="glance-marker"`); n != 7 {
		t.Errorf("marker strip: %d markers, want the seven", n)
	}
	if !regexp.MustCompile(`<progress value="0.5" max="1" aria-label="Progress toward target: Ask for reassurance less often">`).MatchString(overview) {
		t.Error("the goal's progress bar is missing or not half way")
	}
	appts := regexp.MustCompile(`data-testid="glance-appointment">([^<]*)<`).FindAllStringSubmatch(overview, -1)
	var got []string
	for _, a := range appts {
		got = append(got, a[1])
	}
	want := []string{moment(-7) + " · Attended · Individual", moment(-14) + " · Attended · Individual", moment(-21) + " · Attended · Individual"}
	if strings.Join(got, " | ") != strings.Join(want, " | ") {
		t.Errorf("last appointments:\n got %q\nwant %q", got, want)
	}
	when := between(t, "header", body, `data-testid="client-when"`, `</p>`)
	mustContain(t, "header", when, "Next appointment: <strong>"+moment(6)+"</strong>", "Last attended: <strong>"+moment(-7)+"</strong>")
	banner := between(t, "risk banner", body, `data-testid="risk-banner"`, `</div>`)
	mustContain(t, "risk banner", banner, "1 open risk flag", "Thoughts of self-harm on several days", `href="#risk"`)
	for _, anchor := range []string{"overview", "details", "intake", "goals", "homework", "progress", "appointments", "risk"} {
		if !strings.Contains(body, `href="#`+anchor+`"`) || !strings.Contains(body, `id="`+anchor+`"`) {
			t.Errorf("no in-page link to a section %q", anchor)
		}
	}
	text := regexp.MustCompile(`<[^>]*>`).ReplaceAllString(overview, " ")
	if k := regexp.MustCompile(`\b(phq9|gad7|[a-z]+_[a-z_]+)\b`).FindString(text); k != "" {
		t.Errorf("the panels show an internal key: %q", k)
	}
}

func mustInt64(t *testing.T, s string) int64 {
	t.Helper()
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	return n
}
