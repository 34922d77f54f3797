package web_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/securebase/securebase/internal/config"
	"github.com/securebase/securebase/internal/testutil"
)

// series is one scraped sample: its name, labels and value.
type series struct {
	name   string
	labels map[string]string
	value  float64
}

var (
	sampleLine = regexp.MustCompile(`^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$`)
	labelPair  = regexp.MustCompile(`([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"`)
)

// scrape reads the app's Prometheus series from its metrics handler (what METRICS_ADDR serves).
func scrape(t *testing.T, app *testutil.App) []series {
	t.Helper()
	srv := httptest.NewServer(app.Server.MetricsHandler())
	defer srv.Close()
	res, err := http.Get(srv.URL) //nolint:gosec // the loopback test server
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = res.Body.Close() }()
	body, err := io.ReadAll(res.Body)
	if err != nil || res.StatusCode != 200 {
		t.Fatalf("scrape: %d %v", res.StatusCode, err)
	}
	var out []series
	for _, line := range strings.Split(string(body), "\n") {
		m := sampleLine.FindStringSubmatch(line)
		if m == nil || strings.HasPrefix(line, "#") {
			continue
		}
		s := series{name: m[1], labels: map[string]string{}}
		for _, p := range labelPair.FindAllStringSubmatch(m[2], -1) {
			s.labels[p[1]] = p[2]
		}
		s.value, _ = strconv.ParseFloat(m[3], 64)
		out = append(out, s)
	}
	return out
}

// gauge returns the value of the first series named name, or -2 if there is none.
func gauge(all []series, name string) float64 {
	for _, s := range all {
		if s.name == name {
			return s.value
		}
	}
	return -2
}

// Metrics are off by default (no METRICS_ADDR, and never on the app's own address), and every
// request is counted by its route pattern: no label holds a link token or a number from a path.
func TestMetricsByRoutePatternNeverByPath(t *testing.T) {
	t.Parallel()
	if c, err := config.FromLookup(func(string) (string, bool) { return "", false }); err != nil || c.MetricsAddr != "" {
		t.Fatalf("METRICS_ADDR defaults to %q (%v): want empty, no listener", c.MetricsAddr, err)
	}
	f := newCaseFixture(t)
	if res := f.app.Browser().Get("/metrics"); res.Status != 404 {
		t.Fatalf("/metrics on the application's address: %d, want 404", res.Status)
	}
	_, token := f.assign(t, f.client, "daily", nil)
	c := opened(t, f, token)
	c.Get("/h")
	c.Get("/h/" + token) // the link again, now spent or still live: its path holds the token
	f.app.Browser().Get("/h/" + strings.Repeat("Q", 43))
	id := strconv.FormatInt(f.client.ID, 10)
	if res := f.counsellor.Get("/clients/" + id); res.Status != 200 {
		t.Fatalf("client page: %d", res.Status)
	}
	f.counsellor.Get("/clients/987654321")
	f.counsellor.Get("/no/such/page/55501")
	f.counsellor.Do("BREW", "/clients/"+id, nil, nil)

	all := scrape(t, f.app)
	routes := map[string]bool{"other": true}
	for _, r := range f.app.Server.Routes() {
		routes[r.Path] = true
	}
	seen := map[string]float64{}
	digits := regexp.MustCompile(`[0-9]`)
	for _, s := range all {
		for k, v := range s.labels {
			for _, secret := range []string{token, strings.Repeat("Q", 43), "987654321", "55501", "/clients/" + id} {
				if strings.Contains(v, secret) {
					t.Errorf("%s: label %s=%q holds %q from a path", s.name, k, v, secret)
				}
			}
		}
		if !strings.HasPrefix(s.name, "securebase_http_") {
			continue
		}
		route := s.labels["route"]
		if !routes[route] && !strings.HasPrefix(route, "/assets/") {
			t.Errorf("%s: route label %q is not a registered pattern", s.name, route)
		}
		if digits.MatchString(route) || digits.MatchString(s.labels["method"]) {
			t.Errorf("%s: a number in route or method label: %v", s.name, s.labels)
		}
		if s.name == "securebase_http_requests_total" {
			seen[s.labels["method"]+" "+route+" "+s.labels["code"]] += s.value
		}
	}
	for _, want := range []string{"GET /clients/:id 200", "GET /clients/:id 404", "GET other 404", "other other 404"} {
		if seen[want] < 1 {
			t.Errorf("no count for %q; counted %v", want, seen)
		}
	}
	for _, name := range []string{"securebase_exports_in_flight", "securebase_attention_items_open", "securebase_jobs_waiting", "go_sql_open_connections", "go_sql_max_open_connections"} {
		if gauge(all, name) < 0 {
			t.Errorf("series %s missing or failed: %v", name, gauge(all, name))
		}
	}
	if gauge(all, "securebase_attention_items_open") < 1 {
		t.Error("the attention queue's depth reads 0 with an assignment out (its link expires)")
	}
}
