package web_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/lib/pq"

	"github.com/securebase/securebase/internal/demo"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/testutil"
)

// homeworkExportBefore is the homework export's query before it worked out each client's first
// day once (not once per row) and shared one sort between its window and its order (issue 16).
// The export must give the same rows in the same order.
const homeworkExportBefore = `SELECT c.id AS client_id, c.code, coalesce((SELECT min(a.starts_at)::date FROM appointments a WHERE a.practice_id = c.practice_id
	AND a.client_id = c.id AND a.status <> 'cancelled'), c.created_at::date) AS first_day, a.id AS assignment_id,
	dense_rank() OVER (PARTITION BY a.client_id ORDER BY a.id) AS assignment_number, kv.n AS field_number,
	CASE WHEN $9 THEN a.title WHEN a.template_ref LIKE 'builtin:%' THEN a.template_ref ELSE 'practice_template' END AS template, e.entry_date, kv.key AS field_key,
	CASE WHEN jsonb_typeof(kv.value) = 'number' THEN (kv.value)::text::float8 END AS number,
	CASE WHEN jsonb_typeof(kv.value) <> 'number' THEN kv.value #>> '{}' END AS text,
	a.submitted_entries AS made, CASE a.cadence WHEN 'once' THEN 1 ELSE a.due_date - a.start_date + 1 END AS expected
FROM assignments a JOIN clients c ON c.practice_id = a.practice_id AND c.id = a.client_id
JOIN homework_entries e ON e.practice_id = a.practice_id AND e.assignment_id = a.id AND e.status = 'submitted'
CROSS JOIN LATERAL jsonb_each(e.answers) WITH ORDINALITY kv(key, value, n)
WHERE  c.practice_id = $1 AND ($2 OR c.counsellor_id = ANY($3)) AND ($4 = 0 OR c.counsellor_id = $4)
	AND ($5 = '' OR c.status = $5) AND ($8::bigint[] IS NULL OR c.id = ANY($8::bigint[]))  AND  ($6::date IS NULL OR e.entry_date >= $6::date) AND ($7::date IS NULL OR e.entry_date <= $7::date)  AND ($9 OR jsonb_typeof(kv.value) = 'number')
ORDER BY  array_position($8::bigint[], c.id), c.code , a.id, e.entry_date, kv.n
LIMIT $10`

func TestHomeworkExportGivesTheRowsOfTheQueryItReplaced(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t)
	ctx := context.Background()
	if _, err := demo.Seed(ctx, app.Store, app.Passwords); err != nil {
		t.Fatal(err)
	}
	db := app.DB.App
	var practiceID int64
	if err := db.Get(&practiceID, `SELECT practice_id FROM clients LIMIT 1`); err != nil {
		t.Fatal(err)
	}
	// A first appointment that was cancelled, and one that was not, so the first day is the
	// appointment's for some clients and the day the client was added for others.
	if _, err := db.Exec(`INSERT INTO appointments (practice_id, client_id, starts_at, duration_minutes, status, format, created_by)
		SELECT practice_id, id, created_at - interval '30 days', 50, 'cancelled', 'individual', counsellor_id FROM clients WHERE practice_id = $1
		UNION ALL SELECT practice_id, id, created_at - interval '10 days', 50, 'attended', 'individual', counsellor_id FROM clients
		WHERE practice_id = $1 AND id % 2 = 0`, practiceID); err != nil {
		t.Fatal(err)
	}
	var ids []int64
	if err := db.Select(&ids, `SELECT DISTINCT client_id FROM homework_entries WHERE practice_id = $1 AND status = 'submitted' ORDER BY 1`, practiceID); err != nil {
		t.Fatal(err)
	}
	if len(ids) < 2 {
		t.Fatalf("the demo practice has submitted entries of %d clients: the test would prove little", len(ids))
	}
	from, to := time.Now().AddDate(0, 0, -20).UTC().Truncate(24*time.Hour), time.Now().UTC().Truncate(24*time.Hour)
	reversed := slices.Clone(ids)
	slices.Reverse(reversed)
	for _, tc := range []struct {
		name     string
		f        store.ExportFilter
		withText bool
	}{
		{"whole practice, identified", store.ExportFilter{Scope: store.DashScope{All: true}, Identified: true}, true},
		{"whole practice, numbers only", store.ExportFilter{Scope: store.DashScope{All: true}}, false},
		{"clients in a given order, dates", store.ExportFilter{Scope: store.DashScope{All: true}, Clients: reversed, From: &from, To: &to}, false},
		{"one client, first rows", store.ExportFilter{Scope: store.DashScope{All: true}, Clients: ids[:1], Limit: 7}, true},
	} {
		var got []string
		err := app.Store.ExportHomework(ctx, practiceID, tc.f, tc.withText, func(r store.HomeworkExportRow) error {
			got = append(got, homeworkRowText(r))
			return nil
		})
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		var clients any
		if tc.f.Clients != nil {
			clients = pq.Int64Array(tc.f.Clients)
		}
		limit := any(nil)
		if tc.f.Limit > 0 {
			limit = tc.f.Limit
		}
		var want []store.HomeworkExportRow
		if err := db.Select(&want, homeworkExportBefore, practiceID, true, pq.Int64Array{}, 0, "", tc.f.From, tc.f.To, clients, tc.withText, limit); err != nil {
			t.Fatalf("%s: the query before: %v", tc.name, err)
		}
		if len(want) == 0 {
			t.Fatalf("%s: no rows before either: the case proves nothing", tc.name)
		}
		if len(got) != len(want) {
			t.Fatalf("%s: %d rows, the query before gave %d", tc.name, len(got), len(want))
		}
		for i, w := range want {
			if got[i] != homeworkRowText(w) {
				t.Fatalf("%s: row %d is\n%s\nthe query before gave\n%s", tc.name, i, got[i], homeworkRowText(w))
			}
		}
	}
}

func homeworkRowText(r store.HomeworkExportRow) string {
	num, text := "-", "-"
	if r.Number != nil {
		num = fmt.Sprint(*r.Number)
	}
	if r.Text != nil {
		text = *r.Text
	}
	return fmt.Sprintf("%d %s %s %d #%d f%d %s %s %s %s %s %d/%d", r.ClientID, r.Code, r.FirstDay.Format(time.DateOnly), r.AssignmentID,
		r.AssignmentNo, r.FieldNo, r.Template, r.EntryDate.Format(time.DateOnly), r.FieldKey, num, text, r.Made, r.Expected)
}
