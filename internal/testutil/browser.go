package testutil

import (
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// Browser is a browser-like HTTP client: it keeps cookies, does not follow redirects, and
// sends the CSRF token it last saw in a page with every POST.
type Browser struct {
	t    testing.TB
	base string
	http *http.Client
	csrf string
}

// Response is what a request returned, read whole.
type Response struct {
	Status   int
	Header   http.Header
	Body     string
	Location string
}

var csrfField = regexp.MustCompile(`name="_csrf" value="([^"]+)"`)

// Browser returns a new browser with an empty cookie jar.
func (a *App) Browser() *Browser {
	jar, _ := cookiejar.New(nil)
	return &Browser{t: a.T, base: a.HTTP.URL, http: &http.Client{
		Jar:           jar,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}}
}

// Get requests path.
func (br *Browser) Get(path string) *Response {
	br.t.Helper()
	return br.Do(http.MethodGet, path, nil, nil)
}

// Post submits form to path with the CSRF token, fetching a page first when none is known.
func (br *Browser) Post(path string, form url.Values) *Response {
	br.t.Helper()
	if br.csrf == "" {
		br.Get("/login")
	}
	f := url.Values{}
	for k, v := range form {
		f[k] = v
	}
	if _, ok := f["_csrf"]; !ok {
		f.Set("_csrf", br.csrf)
	}
	return br.PostRaw(path, f)
}

// PostRaw submits form exactly as given: no CSRF token is added.
func (br *Browser) PostRaw(path string, form url.Values) *Response {
	br.t.Helper()
	return br.Do(http.MethodPost, path, strings.NewReader(form.Encode()), http.Header{"Content-Type": {"application/x-www-form-urlencoded"}})
}

// Do sends any request and remembers a CSRF token found in the page.
func (br *Browser) Do(method, path string, body io.Reader, header http.Header) *Response {
	br.t.Helper()
	req, err := http.NewRequest(method, br.base+path, body)
	if err != nil {
		br.t.Fatal(err)
	}
	for k, v := range header {
		req.Header[k] = v
	}
	res, err := br.http.Do(req)
	if err != nil {
		br.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		br.t.Fatal(err)
	}
	r := &Response{Status: res.StatusCode, Header: res.Header, Body: string(b), Location: res.Header.Get("Location")}
	if m := csrfField.FindStringSubmatch(r.Body); m != nil {
		br.csrf = m[1]
	}
	return r
}

// Login posts the sign-in form and, like a browser, follows a successful redirect (which
// also picks up the fresh CSRF token a sign-in issues). It returns the sign-in response.
func (br *Browser) Login(email, password string) *Response {
	br.t.Helper()
	br.Get("/login")
	res := br.Post("/login", url.Values{"email": {email}, "password": {password}})
	if res.Status == 303 && strings.HasPrefix(res.Location, "/") {
		br.Get(res.Location)
	}
	return res
}

// Cookie returns the value of the named cookie the browser holds for the app, or "".
func (br *Browser) Cookie(name string) string {
	u, _ := url.Parse(br.base)
	for _, ck := range br.http.Jar.Cookies(u) {
		if ck.Name == name {
			return ck.Value
		}
	}
	return ""
}

// SetCookie replaces the named cookie, e.g. to replay an old session token.
func (br *Browser) SetCookie(name, value string) {
	u, _ := url.Parse(br.base)
	br.http.Jar.SetCookies(u, []*http.Cookie{{Name: name, Value: value, Path: "/"}})
}

// Raw sends a request and returns the response unread, for streaming tests and benchmarks.
// The caller closes the body.
func (br *Browser) Raw(method, path string) (*http.Response, error) {
	req, err := http.NewRequest(method, br.base+path, nil)
	if err != nil {
		return nil, err
	}
	return br.http.Do(req)
}
