package web_test

import (
	"fmt"
	"net/url"
	"testing"
)

// marker_trends (kept by the store in the sitting's transaction since migration 0017) always
// equals a recount of each client's last three ratings of each marker: after ratings through
// the form, two sittings on one day, and a client's deletion, which cascades through ratings
// and trends alike. Raw SQL writers (an edit, deletions, a bulk insert) recount as
// bench/seed.sql does.
func TestMarkerTrendsFollowEveryChange(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	admin := f.app.DB.OpenAsAdmin(t)
	check := func(step string, wantRows int) {
		t.Helper()
		var kept, recounted []string
		if err := admin.Select(&kept, `SELECT format('%s/%s/%s: %s %s %s %s', practice_id, client_id, marker_id, ratings, oldest, newest, newest_on)
			FROM marker_trends ORDER BY 1`); err != nil {
			t.Fatal(err)
		}
		if err := admin.Select(&recounted, `SELECT format('%s/%s/%s: %s %s %s %s', practice_id, client_id, marker_id, count(*),
				(array_agg(value ORDER BY rated_on, id))[1], (array_agg(value ORDER BY rated_on DESC, id DESC))[1], max(rated_on))
			FROM (SELECT *, row_number() OVER (PARTITION BY practice_id, client_id, marker_id ORDER BY rated_on DESC, id DESC) AS rn
				FROM marker_ratings) r WHERE rn <= 3 GROUP BY practice_id, client_id, marker_id ORDER BY 1`); err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(kept) != fmt.Sprint(recounted) {
			t.Fatalf("%s: marker_trends\n%v\nrecounted from the ratings\n%v", step, kept, recounted)
		}
		if len(kept) != wantRows {
			t.Fatalf("%s: %d trend rows, want %d", step, len(kept), wantRows)
		}
	}
	ids := markerIDs(t, f)
	check("no ratings", 0)
	for i, v := range []string{"8", "7", "5", "6"} {
		if res := f.counsellor.Post(f.path("/progress"), url.Values{"day": {daysFromNow(i - 4)}, "m_" + ids[0]: {v}, "m_" + ids[1]: {"3"}}); res.Status != 303 {
			t.Fatalf("ratings: %d", res.Status)
		}
		check(fmt.Sprintf("after sitting %d", i+1), 2)
	}
	other := f.addClient(t, f.me.ID, "Riley", "Stone", "")
	if res := f.counsellor.Post(fmt.Sprintf("/clients/%d/progress", other.ID), url.Values{"day": {daysFromNow(0)}, "m_" + ids[0]: {"9"}}); res.Status != 303 {
		t.Fatalf("other client's rating: %d", res.Status)
	}
	check("a second client", 3)
	for _, v := range []string{"2", "1"} {
		if res := f.counsellor.Post(f.path("/progress"), url.Values{"day": {daysFromNow(0)}, "m_" + ids[0]: {v}}); res.Status != 303 {
			t.Fatalf("a second sitting today: %d", res.Status)
		}
	}
	check("two sittings on one day", 3)
	if _, err := admin.Exec(`UPDATE marker_ratings SET value = 1 WHERE client_id = $1 AND rated_on = (SELECT max(rated_on) FROM marker_ratings WHERE client_id = $1)`, f.client.ID); err != nil {
		t.Fatal(err)
	}
	recountKept(t, admin)
	check("the newest edited", 3)
	if _, err := admin.Exec(`DELETE FROM marker_ratings WHERE client_id = $1 AND marker_id = $2`, f.client.ID, ids[1]); err != nil {
		t.Fatal(err)
	}
	recountKept(t, admin)
	check("one marker's ratings deleted", 2)
	if _, err := admin.Exec(`INSERT INTO marker_ratings (practice_id, client_id, marker_id, rated_on, value, source, recorded_by)
		SELECT practice_id, id, $2, current_date - d, d, 'counsellor', counsellor_id FROM clients, generate_series(1, 5) d
		WHERE practice_id = $1`, f.practice.ID, ids[2]); err != nil {
		t.Fatal(err)
	}
	recountKept(t, admin)
	check("five ratings for every client in one statement", 4)
	if _, err := admin.Exec(`DELETE FROM clients WHERE id = $1`, other.ID); err != nil {
		t.Fatal(err)
	}
	check("a client deleted", 2)
}
