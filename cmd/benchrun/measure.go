package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// row is one line of the results table.
type row struct {
	Name, Target string
	wrk          []wrkResult
	Ceiling      float64 // fraction of the ceiling's req/s wanted, 0 for none
	// exports
	times  []time.Duration
	growth []int64 // kB of peak RSS over the RSS before
	Lines  int
	IsCopy bool
	IsCeil bool
	// single is one request on its own, timed when no wrk request completed within a run
	single time.Duration
}

func measure(ctx context.Context, o options, srv *server, ownerURL string, r *report) error {
	only, err := regexp.Compile(o.only)
	if err != nil {
		return fmt.Errorf("-only: %w", err)
	}
	admin, err := signIn(srv.base, "bench-admin@example.org")
	if err != nil {
		return err
	}
	counsellor, err := signIn(srv.base, "bench-c01@example.org")
	if err != nil {
		return err
	}
	supervisor, err := signIn(srv.base, "bench-sup@example.org")
	if err != nil {
		return err
	}
	var clientID string
	if err := psqlScalar(ctx, ownerURL, `SELECT id FROM clients WHERE code = 'SB-00001'`, &clientID); err != nil {
		return err
	}
	links := make([]clientLink, o.links)
	for i := range links {
		if links[i], err = openLink(srv.base, i+1); err != nil {
			return err
		}
	}
	var days []string
	today := time.Now()
	for d := 29; d >= 0; d-- {
		days = append(days, today.AddDate(0, 0, -d).Format("2006-01-02"))
	}
	script, err := postScript(links, days)
	if err != nil {
		return err
	}
	defer os.Remove(script)
	pages := []struct {
		name, path, cookie, script, target string
		want                               float64
	}{
		{"Ceiling: signed-in SELECT 1 (GET /bench/ceiling)", "/bench/ceiling", counsellor, "", "", 0},
		{"Dashboard, counsellor with 40 clients (GET /)", "/", counsellor, "", "≥30% of ceiling, p99 < 50 ms", 0.30},
		{"Dashboard, practice admin (GET /)", "/", admin, "", "≥30% of ceiling, p99 < 50 ms", 0.30},
		{"Dashboard, supervisor of 5 counsellors (GET /)", "/", supervisor, "", "≥30% of ceiling, p99 < 50 ms", 0.30},
		{"Client page (GET /clients/:id)", "/clients/" + clientID, counsellor, "", "≥30% of ceiling, p99 < 50 ms", 0.30},
		{"Progress page with charts (GET /clients/:id/progress)", "/clients/" + clientID + "/progress", counsellor, "", "", 0},
		{"Client homework form (GET /h)", "/h", links[0].Cookie, "", "≥50% of ceiling", 0.50},
		{"Entry submission (POST /h/entry, fresh idempotency key)", "/h/entry", "", script, "", 0},
	}
	for _, p := range pages {
		if !strings.HasPrefix(p.name, "Ceiling") && !only.MatchString(p.name) {
			continue
		}
		rw := row{Name: p.name, Target: p.target, Ceiling: p.want, IsCeil: p.want == 0 && strings.HasPrefix(p.name, "Ceiling")}
		if status, _, err := get(srv.base+p.path, p.cookie); p.script == "" && (err != nil || status != http.StatusOK) {
			return fmt.Errorf("%s: status %d before the run (%v)", p.path, status, err)
		}
		if p.script != "" {
			if err := postEntry(srv.base, links[0], days[len(days)-1]); err != nil {
				return err
			}
		}
		for i := 0; i < o.runs; i++ {
			if p.script != "" {
				// Each run starts from no entries on the link assignments, so every POST is a new entry.
				if err := psqlExec(ctx, ownerURL, `DELETE FROM homework_entries WHERE assignment_id IN
					(SELECT id FROM assignments WHERE request_key LIKE 'bench-link-%');
					UPDATE assignments SET submitted_entries = 0, reviewed_entries = 0, draft_entries = 0
					WHERE request_key LIKE 'bench-link-%'`); err != nil {
					return err
				}
			}
			wait := func() error { return nil }
			if i == 0 {
				wait = profileDuring(o, srv, p.name)
			}
			res, err := runWrk(o, srv.base+p.path, p.cookie, p.script)
			if err != nil {
				return err
			}
			if err := wait(); err != nil {
				return err
			}
			fmt.Printf("%-60s run %d: %8.1f req/s p50 %v p99 %v errors %d\n", p.name, i+1, res.RPS, res.P50, res.P99, res.Errors)
			rw.wrk = append(rw.wrk, res)
		}
		if rps, _, _, _ := rw.medians(); rps == 0 && p.script == "" {
			began := time.Now()
			if status, _, err := get(srv.base+p.path, p.cookie); err != nil || status != http.StatusOK {
				return fmt.Errorf("%s: status %d (%v)", p.path, status, err)
			}
			rw.single = time.Since(began)
			fmt.Printf("%-60s one request alone: %v\n", p.name, rw.single)
		}
		r.Rows = append(r.Rows, rw)
	}
	// Exports: the caseload summary and a one-million-row homework export (the first five days
	// of entries: 40,000 assignments × 5 days × 5 numbers), then COPY of the same rows.
	var from string
	if err := psqlScalar(ctx, ownerURL, `SELECT (current_date - 60)::text`, &from); err != nil {
		return err
	}
	to := mustDate(from).AddDate(0, 0, 4).Format("2006-01-02")
	// De-identified exports round ranges to whole weeks, so the day range that makes exactly a
	// million rows is asked for as an identified export: a POST with the CSRF token.
	_, page, err := get(srv.base+"/exports", admin)
	if err != nil {
		return err
	}
	m := csrfField.FindStringSubmatch(page)
	if m == nil {
		return errors.New("no CSRF token on /exports")
	}
	million := url.Values{"_csrf": {m[1]}, "identified": {"1"}, "confirm": {"1"}, "from": {from}, "to": {to}}
	exports := []struct {
		name, path, target string
		form               url.Values
	}{
		{"Caseload summary export, whole practice, de-identified (GET /exports/caseload)", "/exports/caseload", "", nil},
		{"Homework export, 1,000,000 rows, identified (POST /exports/homework)", "/exports/homework", "≤1.5× COPY, RSS growth < 50 MB", million},
	}
	ran := false
	for _, e := range exports {
		if !only.MatchString(e.name) {
			continue
		}
		ran = ran || e.form != nil
		rw := row{Name: e.name, Target: e.target}
		for i := 0; i < o.runs; i++ {
			d, lines, growth, err := timeExport(srv, admin, e.path, e.form)
			if err != nil {
				return err
			}
			fmt.Printf("%-60s run %d: %v, %d lines, peak RSS +%d kB\n", e.name, i+1, d, lines, growth)
			rw.times, rw.growth, rw.Lines = append(rw.times, d), append(rw.growth, growth), lines
		}
		r.Rows = append(r.Rows, rw)
	}
	if !ran {
		return nil
	}
	cp := row{Name: "Ceiling: psql COPY (same query) TO STDOUT (FORMAT csv)", IsCopy: true}
	for i := 0; i < o.runs; i++ {
		d, lines, err := timeCopy(ctx, ownerURL, from, to)
		if err != nil {
			return err
		}
		fmt.Printf("%-60s run %d: %v, %d lines\n", cp.Name, i+1, d, lines)
		cp.times, cp.Lines = append(cp.times, d), lines
	}
	r.Rows = append(r.Rows, cp)
	return nil
}

func mustDate(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// timeExport downloads an export, counting lines, and reads the server's peak RSS growth:
// the peak (VmHWM) is reset through clear_refs first, so it is this download's own.
func timeExport(srv *server, cookie, path string, form url.Values) (time.Duration, int, int64, error) {
	pid := srv.cmd.Process.Pid
	_ = os.WriteFile(fmt.Sprintf("/proc/%d/clear_refs", pid), []byte("5"), 0o600)
	before, _ := procStatus(pid, "VmRSS")
	began := time.Now()
	method, body := http.MethodGet, io.Reader(nil)
	if form != nil {
		method, body = http.MethodPost, strings.NewReader(form.Encode())
	}
	req, err := http.NewRequest(method, srv.base+path, body)
	if err != nil {
		return 0, 0, 0, err
	}
	req.Header.Set("Cookie", cookie)
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, 0, 0, err
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return 0, 0, 0, fmt.Errorf("%s: status %d", path, res.StatusCode)
	}
	lines, err := countLines(res.Body)
	if err != nil {
		return 0, 0, 0, err
	}
	d := time.Since(began)
	peak, _ := procStatus(pid, "VmHWM")
	return d, lines, peak - before, nil
}

func countLines(r io.Reader) (int, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	n := 0
	buf := make([]byte, 64<<10)
	for {
		k, err := br.Read(buf)
		n += bytes.Count(buf[:k], []byte{'\n'})
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return n, err
		}
	}
}

// procStatus reads a kB figure from /proc/PID/status.
func procStatus(pid int, key string) (int64, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, key+":"); ok {
			return strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
		}
	}
	return 0, fmt.Errorf("no %s in /proc/%d/status", key, pid)
}

// copyQuery is store.ExportHomework's rows with the admin's whole-practice, identified
// arguments written in, for psql: each client's first day worked out once, as the export does.
const copyQuery = `COPY (WITH cl AS MATERIALIZED (SELECT c.id, c.code, coalesce(fd.first_day, c.created_at::date) AS first_day
	FROM clients c LEFT JOIN LATERAL (SELECT min(a.starts_at)::date AS first_day FROM appointments a
		WHERE a.practice_id = c.practice_id AND a.client_id = c.id AND a.status <> 'cancelled') fd ON true
	WHERE c.practice_id = (SELECT id FROM practices WHERE name = 'Bench Practice'))
SELECT cl.code, cl.first_day, a.id AS assignment_id,
	a.title AS template, e.entry_date, kv.key AS field_key,
	CASE WHEN jsonb_typeof(kv.value) = 'number' THEN (kv.value)::text::float8 END AS number,
	CASE WHEN jsonb_typeof(kv.value) <> 'number' THEN kv.value #>> '{}' END AS text,
	a.submitted_entries AS made, CASE a.cadence WHEN 'once' THEN 1 ELSE a.due_date - a.start_date + 1 END AS expected
FROM cl JOIN assignments a ON a.client_id = cl.id
JOIN homework_entries e ON e.practice_id = a.practice_id AND e.assignment_id = a.id AND e.status = 'submitted'
CROSS JOIN LATERAL jsonb_each(e.answers) kv
WHERE e.entry_date >= DATE '%s' AND e.entry_date <= DATE '%s'
ORDER BY a.id, e.entry_date) TO STDOUT (FORMAT csv)`

func timeCopy(ctx context.Context, dbURL, from, to string) (time.Duration, int, error) {
	// The dates come from the database (current_date), never from outside.
	cmd := exec.CommandContext(ctx, "psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", dbURL, "-c", fmt.Sprintf(copyQuery, from, to)) //nolint:gosec // see above
	out, err := cmd.StdoutPipe()
	if err != nil {
		return 0, 0, err
	}
	cmd.Stderr = os.Stderr
	began := time.Now()
	if err := cmd.Start(); err != nil {
		return 0, 0, err
	}
	lines, err := countLines(out)
	if werr := cmd.Wait(); err == nil {
		err = werr
	}
	return time.Since(began), lines, err
}

func psqlExec(ctx context.Context, dbURL, q string) error {
	out, err := exec.CommandContext(ctx, "psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", dbURL, "-c", q).CombinedOutput()
	if err != nil {
		return fmt.Errorf("psql: %w: %s", err, out)
	}
	return nil
}

func psqlScalar(ctx context.Context, dbURL, q string, dst *string) error {
	out, err := exec.CommandContext(ctx, "psql", "-X", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", dbURL, "-c", q).Output()
	if err != nil {
		return fmt.Errorf("psql %q: %w", q, err)
	}
	*dst = strings.TrimSpace(string(out))
	return nil
}

func medianDur(xs []time.Duration) time.Duration {
	s := append([]time.Duration(nil), xs...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[len(s)/2]
}
