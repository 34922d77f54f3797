package web_test

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/http"
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/testutil"
)

// BenchmarkHomeworkExport streams the long-form homework export of 100 thousand and of one
// million numbers, reporting the server's peak heap for each: memory must stay flat as the
// rows grow. Run it with `make bench`; it is never part of `make test`.
func BenchmarkHomeworkExport(b *testing.B) {
	app := testutil.NewApp(b)
	practice := app.Practice("Bench")
	counsellor, _ := app.SignedIn(practice.ID, store.RoleCounsellor)
	var me int64
	if err := app.DB.App.Get(&me, `SELECT id FROM users WHERE practice_id = $1`, practice.ID); err != nil {
		b.Fatal(err)
	}
	cl, err := app.Store.CreateClient(context.Background(), practice.ID, store.ClientInput{CounsellorID: me, FirstName: "Bench",
		LastName: "Client", Format: "individual", ContactMethod: "neither"}, store.AuditEntry{Action: "test.seed"})
	if err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	seed := []string{
		`INSERT INTO assignments (practice_id, client_id, template_ref, title, template, start_date, due_date, cadence, request_key, created_by)
			SELECT $1, $2, 'builtin:reassurance_tally', 'Daily tally', '{}', DATE '2025-01-01', DATE '2025-04-10', 'daily',
				md5(n::text), $3 FROM generate_series(1, 2500) n`,
		`INSERT INTO homework_entries (practice_id, assignment_id, client_id, entry_date, answers, status, idempotency_key, submitted_at)
			SELECT a.practice_id, a.id, a.client_id, a.start_date + d,
				jsonb_build_object('reassurance_requests', d % 11, 'checks', d % 7, 'urges_resisted', d % 5, 'minutes', d),
				'submitted', md5(a.id || '-' || d), now()
			FROM assignments a CROSS JOIN generate_series(0, 99) d WHERE a.practice_id = $1`,
		// The counts the store keeps as it writes, recounted after the raw inserts.
		`UPDATE assignments a SET submitted_entries = n.submitted
			FROM (SELECT assignment_id, count(*) AS submitted FROM homework_entries
				WHERE practice_id = $1 AND status = 'submitted' GROUP BY assignment_id) n
			WHERE a.practice_id = $1 AND a.id = n.assignment_id`,
	}
	for _, q := range seed {
		args := []any{practice.ID, cl.ID, me}
		if q != seed[0] {
			args = args[:1]
		}
		if _, err := app.DB.App.Exec(q, args...); err != nil {
			b.Fatal(err)
		}
	}
	// Statistics for the planner, as autovacuum would have gathered them on a real database.
	if _, err := app.DB.OpenAsAdmin(b).Exec(`ANALYSE assignments, homework_entries`); err != nil {
		b.Fatal(err)
	}
	b.Logf("seeded 1,000,000 numbers in %s", time.Since(start).Round(time.Millisecond))
	for _, tc := range []struct {
		name string
		to   string
		rows int
	}{
		// De-identified files no longer take a calendar range (issue 13), so the smaller case that
		// read twelve days of this seed is gone; the whole million is the case that matters.
		{"rows=1M", "", 1_000_000},
	} {
		b.Run(tc.name, func(b *testing.B) {
			path := "/exports/homework"
			if tc.to != "" {
				path += "?to=" + tc.to
			}
			for i := 0; i < b.N; i++ {
				runtime.GC()
				var peak atomic.Uint64
				done := make(chan struct{})
				go func() {
					var ms runtime.MemStats
					for {
						runtime.ReadMemStats(&ms)
						if ms.HeapInuse > peak.Load() {
							peak.Store(ms.HeapInuse)
						}
						select {
						case <-done:
							return
						case <-time.After(5 * time.Millisecond):
						}
					}
				}()
				began := time.Now()
				lines, firstByte := streamLines(b, counsellor, path)
				elapsed := time.Since(began)
				close(done)
				if lines != tc.rows+1 {
					b.Fatalf("%d lines, want %d rows and a header", lines, tc.rows)
				}
				b.ReportMetric(float64(peak.Load())/(1<<20), "peak-heap-MB")
				b.ReportMetric(float64(firstByte.Microseconds())/1000, "first-byte-ms")
				b.ReportMetric(float64(tc.rows)/elapsed.Seconds(), "rows/s")
			}
		})
	}
}

// streamLines downloads an export, counting lines without keeping them, and the time to the first byte.
func streamLines(b *testing.B, c *testutil.Browser, path string) (int, time.Duration) {
	b.Helper()
	began := time.Now()
	res, err := c.Raw(http.MethodGet, path)
	if err != nil {
		b.Fatal(err)
	}
	defer res.Body.Close()
	r := bufio.NewReaderSize(res.Body, 64<<10)
	if _, err := r.Peek(1); err != nil {
		b.Fatal(err)
	}
	first := time.Since(began)
	lines := 0
	for {
		_, err := r.ReadSlice('\n')
		if err == bufio.ErrBufferFull {
			continue
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			b.Fatal(fmt.Errorf("read export: %w", err))
		}
		lines++
	}
	return lines, first
}
