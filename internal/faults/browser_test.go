//go:build faults

package faults

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"time"
)

// browser is a cookie-keeping HTTP client that does not follow redirects and sends the
// CSRF token of the last page it saw with every POST, like testutil.Browser. Unlike it,
// it returns errors instead of failing the test, so goroutines may use it.
type browser struct {
	base string
	hc   *http.Client
	mu   sync.Mutex
	csrf string
}

// reply is a response read whole.
type reply struct {
	status   int
	body     string
	location string
	header   http.Header
}

var csrfField = regexp.MustCompile(`name="_csrf" value="([^"]+)"`)

func newBrowser(base string, tr http.RoundTripper) *browser {
	jar, _ := cookiejar.New(nil)
	return &browser{base: base, hc: &http.Client{
		Jar:           jar,
		Transport:     tr,
		Timeout:       10 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}}
}

func (b *browser) get(ctx context.Context, path string) (reply, error) {
	return b.do(ctx, http.MethodGet, path, nil)
}

// post submits form with the CSRF token last seen (unless the form carries one).
func (b *browser) post(ctx context.Context, path string, form url.Values) (reply, error) {
	f := url.Values{}
	for k, v := range form {
		f[k] = v
	}
	if f.Get("_csrf") == "" {
		f.Set("_csrf", b.token())
	}
	return b.do(ctx, http.MethodPost, path, f)
}

func (b *browser) token() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.csrf
}

func (b *browser) do(ctx context.Context, method, path string, form url.Values) (reply, error) {
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequestWithContext(ctx, method, b.base+path, body)
	if err != nil {
		return reply{}, err
	}
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	res, err := b.hc.Do(req)
	if err != nil {
		return reply{}, err
	}
	defer res.Body.Close()
	data, err := io.ReadAll(res.Body)
	r := reply{status: res.StatusCode, body: string(data), location: res.Header.Get("Location"), header: res.Header}
	if m := csrfField.FindStringSubmatch(r.body); m != nil {
		b.mu.Lock()
		b.csrf = m[1]
		b.mu.Unlock()
	}
	return r, err
}

// cookieHeader returns the Cookie header the browser would send to the app.
func (b *browser) cookieHeader() string {
	u, _ := url.Parse(b.base)
	var parts []string
	for _, c := range b.hc.Jar.Cookies(u) {
		parts = append(parts, c.Name+"="+c.Value)
	}
	return strings.Join(parts, "; ")
}

// signIn signs in as a person would: load the form, post it, follow the redirect.
func (b *browser) signIn(ctx context.Context, email, password string) error {
	if _, err := b.get(ctx, "/login"); err != nil {
		return err
	}
	res, err := b.post(ctx, "/login", url.Values{"email": {email}, "password": {password}})
	if err != nil {
		return err
	}
	if res.status != http.StatusSeeOther || res.location != "/" {
		return fmt.Errorf("sign in as %s: status %d, location %q", email, res.status, res.location)
	}
	_, err = b.get(ctx, "/")
	return err
}
