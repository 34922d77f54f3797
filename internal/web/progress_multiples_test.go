package web_test

import (
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestProgressPageShowsSameDayScoresAndEventNotesAsTheChartsDo: two PHQ-9 scores given on one
// day are both drawn and both listed, the table and the summary agree on which is the latest
// (the last entered), event notes are numbered in one legend and listed in every table, and
// the markers' small charts share one date axis.
func TestProgressPageShowsSameDayScoresAndEventNotesAsTheChartsDo(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	ids := markerIDs(t, f)
	for _, sitting := range []url.Values{
		phq9(url.Values{"day": {daysFromNow(-21)}, "m_" + ids[0]: {"2"}}, "2", "0"), // 16
		phq9(url.Values{"day": {daysFromNow(-7)}, "m_" + ids[1]: {"5"}}, "2", "0"),  // 16, then the same day:
		phq9(url.Values{"day": {daysFromNow(-7)}}, "1", "1"),                        // 9, entered last
	} {
		sitting.Set("m_"+ids[2], "4") // every sitting rates a marker
		if res := f.counsellor.Post(f.path("/progress"), sitting); res.Status != 303 {
			t.Fatalf("sitting: %d %v", res.Status, fieldErrors(res.Body))
		}
	}
	for _, n := range []url.Values{
		{"note_day": {daysFromNow(-14)}, "note_text": {"Argument about the holiday plans with partner"}},
		{"note_day": {daysFromNow(-3)}, "note_text": {"Partner away for work"}},
	} {
		if res := f.counsellor.Post(f.path("/events"), n); res.Status != 303 {
			t.Fatalf("event note: %d %v", res.Status, fieldErrors(res.Body))
		}
	}
	body := f.counsellor.Get(f.path("/progress")).Body

	phq := regexp.MustCompile(`(?s)data-testid="chart-measure-phq9".*?</figure>`).FindString(body)
	want := daysFromNow(-21) + "=16 " + daysFromNow(-7) + "=16 " + daysFromNow(-7) + "=9"
	if pts := chartPoints(t, phq); strings.Join(pts, " ") != want {
		t.Fatalf("PHQ-9 chart draws %v, want every score: %s", pts, want)
	}
	if !strings.Contains(phq, `data-earlier="true" fill="#ffffff" data-date="`+daysFromNow(-7)+`" data-value="16"`) {
		t.Error("the day's first-entered 16 is not drawn as the earlier entry")
	}
	rows := regexp.MustCompile(`(?s)<tr>(.*?)</tr>`).FindAllStringSubmatch(regexp.MustCompile(`(?s)<tbody>.*?</tbody>`).FindString(phq), -1)
	var got []string
	for _, r := range rows {
		got = append(got, regexp.MustCompile(`<[^>]+>`).ReplaceAllString(r[1], "|"))
	}
	wantRows := []string{">16<", "Event 1: Argument about the holiday plans with partner", ">16<", ">9<", "Event 2: Partner away for work"}
	if len(got) != len(wantRows) {
		t.Fatalf("PHQ-9 table rows %q, want %d", got, len(wantRows))
	}
	for i, r := range rows {
		if !strings.Contains(r[1], wantRows[i]) {
			t.Errorf("PHQ-9 table row %d = %q, want %q", i, r[1], wantRows[i])
		}
	}
	if !strings.Contains(rows[2][1], "entry 1 of 2 that day") || !strings.Contains(rows[3][1], "latest of 2 that day") {
		t.Errorf("same-day rows do not say which is the latest: %q / %q", rows[2][1], rows[3][1])
	}
	latest := regexp.MustCompile(`(?s)data-testid="latest-phq9">(.*?)</td>`).FindStringSubmatch(body)
	if latest == nil || !strings.HasPrefix(strings.TrimSpace(latest[1]), "9 ") || !strings.Contains(latest[1], "the last entered of 2 that day") {
		t.Errorf("summary's latest PHQ-9 = %q, want 9, the last entered of 2 that day", latest)
	}
	mustContain(t, "event legend", body, `<li value="1">`+daysFromNowWords(-14)+`: Argument about the holiday plans with partner</li>`,
		`<li value="2">`+daysFromNowWords(-3)+`: Partner away for work</li>`)
	if strings.Contains(body, "Argument abou…") {
		t.Error("an event label is cut")
	}

	// Every marker chart shares one date axis: the same date labels at the same places.
	grid := regexp.MustCompile(`(?s)data-testid="marker-grid".*?</section>`).FindString(body)
	axes := regexp.MustCompile(`(?s)<g class="chart-x-axis">.*?</g>`).FindAllString(grid, -1)
	if len(axes) != len(ids) {
		t.Fatalf("%d marker charts with an axis, want %d", len(axes), len(ids))
	}
	for i, a := range axes {
		if a != axes[0] {
			t.Errorf("marker chart %d has another date axis:\n%s\nvs\n%s", i, a, axes[0])
		}
	}
	marker := regexp.MustCompile(`(?s)data-testid="chart-marker-` + ids[2] + `".*?</figure>`).FindString(body)
	if !strings.Contains(marker, "Event 2: Partner away for work") {
		t.Error("a marker chart's table lacks the event notes")
	}
}

// daysFromNowWords is daysFromNow as the page writes a day: "2 Jan 2006".
func daysFromNowWords(n int) string {
	d, err := time.Parse(time.DateOnly, daysFromNow(n))
	if err != nil {
		panic(err)
	}
	return d.Format("2 Jan 2006")
}
