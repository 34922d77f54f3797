package main

import (
	"bytes"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// wrkResult is what one wrk run reports.
type wrkResult struct {
	RPS      float64
	P50, P99 time.Duration
	Errors   int // non-2xx/3xx responses and socket errors
}

var (
	rpsLine    = regexp.MustCompile(`Requests/sec:\s+([0-9.]+)`)
	pctLine    = regexp.MustCompile(`(?m)^\s+(50|99)%\s+([0-9.]+)(us|ms|s)\s*$`)
	non2xxLine = regexp.MustCompile(`Non-2xx or 3xx responses: ([0-9]+)`)
	sockLine   = regexp.MustCompile(`Socket errors: connect ([0-9]+), read ([0-9]+), write ([0-9]+), timeout ([0-9]+)`)
)

// runWrk runs wrk -c16 -t2 --latency against url with the cookie and an optional lua script.
// The timeout is the run's length (wrk's default is 2s), so a slow page shows its latency
// rather than only timeouts.
func runWrk(o options, url, cookie, script string) (wrkResult, error) {
	args := []string{"-c16", "-t2", "-d" + o.duration.String(), "--timeout", o.duration.String(), "--latency", "-H", "Cookie: " + cookie}
	if script != "" {
		args = append(args, "-s", script)
	}
	out, err := exec.Command(o.wrk, append(args, url)...).CombinedOutput() //nolint:gosec // wrk with our own arguments
	if err != nil {
		return wrkResult{}, fmt.Errorf("wrk %s: %w\n%s", url, err, out)
	}
	return parseWrk(out)
}

func parseWrk(out []byte) (wrkResult, error) {
	var r wrkResult
	m := rpsLine.FindSubmatch(out)
	if m == nil {
		return r, fmt.Errorf("no Requests/sec in wrk output:\n%s", out)
	}
	r.RPS, _ = strconv.ParseFloat(string(m[1]), 64)
	for _, p := range pctLine.FindAllSubmatch(out, -1) {
		v, _ := strconv.ParseFloat(string(p[2]), 64)
		unit := map[string]time.Duration{"us": time.Microsecond, "ms": time.Millisecond, "s": time.Second}[string(p[3])]
		d := time.Duration(v * float64(unit))
		if bytes.Equal(p[1], []byte("50")) {
			r.P50 = d
		} else {
			r.P99 = d
		}
	}
	if m := non2xxLine.FindSubmatch(out); m != nil {
		r.Errors, _ = strconv.Atoi(string(m[1]))
	}
	if m := sockLine.FindSubmatch(out); m != nil {
		for _, x := range m[1:] {
			n, _ := strconv.Atoi(string(x))
			r.Errors += n
		}
	}
	return r, nil
}

// postScript writes the lua script of the entry submission: each request takes the next
// (link, day) pair, so every POST is a new entry with a fresh idempotency key.
func postScript(links []clientLink, days []string) (string, error) {
	var b strings.Builder
	b.WriteString("links = {\n")
	for _, l := range links {
		// Each question of the form (all counts in the seeded template) answered 2.
		var answers strings.Builder
		for _, q := range l.Answers {
			answers.WriteString("&" + q + "=2")
		}
		fmt.Fprintf(&b, "  {%q, %q, %q, %q},\n", l.Cookie, url.QueryEscape(l.CSRF), l.LinkID, answers.String())
	}
	b.WriteString("}\ndays = {\n")
	for _, d := range days {
		fmt.Fprintf(&b, "  %q,\n", d)
	}
	b.WriteString(`}
local threads = 0
function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end
function init(args)
  n = tid
  math.randomseed(os.time() + tid * 7919)
end
function request()
  local l = links[(n % #links) + 1]
  local day = days[(math.floor(n / #links) % #days) + 1]
  n = n + 2
  local key = ""
  for i = 1, 8 do key = key .. string.format("%04x", math.random(0, 65535)) end
  local body = "_csrf=" .. l[2] .. "&link_id=" .. l[3] .. "&idempotency_key=" .. key .. "&entry_date=" .. day ..
    "&action=submit" .. l[4]
  return wrk.format("POST", "/h/entry", {["Cookie"] = l[1], ["Content-Type"] = "application/x-www-form-urlencoded"}, body)
end
`)
	f, err := os.CreateTemp("", "benchrun-*.lua")
	if err != nil {
		return "", err
	}
	defer f.Close()
	_, err = f.WriteString(b.String())
	return f.Name(), err
}
