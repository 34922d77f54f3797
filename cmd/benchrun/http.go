package main

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
)

var (
	csrfField   = regexp.MustCompile(`name="_csrf" value="([^"]+)"`)
	linkIDField = regexp.MustCompile(`name="link_id" value="([0-9]+)"`)
	// answerField finds the client form's questions: positional names (q1, q2…), never the template's keys.
	answerField = regexp.MustCompile(`name="(q[0-9]+)"`)
)

// browser is one cookie jar that does not follow redirects.
type browser struct {
	base string
	c    *http.Client
}

func newBrowser(base string) *browser {
	jar, _ := cookiejar.New(nil)
	return &browser{base: base, c: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

func (b *browser) get(path string) (int, string, error) {
	res, err := b.c.Get(b.base + path)
	if err != nil {
		return 0, "", err
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	return res.StatusCode, string(body), err
}

func (b *browser) post(path string, form url.Values) (int, string, error) {
	res, err := b.c.PostForm(b.base+path, form)
	if err != nil {
		return 0, "", err
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	return res.StatusCode, string(body), err
}

// cookie is the Cookie header the jar would send to path, for wrk. The client session's
// cookie is scoped to /h.
func (b *browser) cookie(path string) string {
	u, _ := url.Parse(b.base + path)
	var parts []string
	for _, c := range b.c.Jar.Cookies(u) {
		parts = append(parts, c.Name+"="+c.Value)
	}
	return strings.Join(parts, "; ")
}

func get(u, cookie string) (int, string, error) {
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		return 0, "", err
	}
	if cookie != "" {
		req.Header.Set("Cookie", cookie)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, "", err
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	return res.StatusCode, string(body), err
}

// signIn signs a staff member in as a browser would: the CSRF token from GET /login, then
// POST /login. It returns the session's Cookie header.
func signIn(base, email string) (string, error) {
	b := newBrowser(base)
	_, page, err := b.get("/login")
	if err != nil {
		return "", err
	}
	m := csrfField.FindStringSubmatch(page)
	if m == nil {
		return "", errors.New("no CSRF token on /login")
	}
	status, _, err := b.post("/login", url.Values{"_csrf": {m[1]}, "email": {email}, "password": {benchPassword}})
	if err != nil {
		return "", err
	}
	if status != http.StatusSeeOther {
		return "", fmt.Errorf("sign in as %s: status %d", email, status)
	}
	if status, _, err := b.get("/"); err != nil || status != http.StatusOK {
		return "", fmt.Errorf("sign in as %s: dashboard status %d (%v)", email, status, err)
	}
	return b.cookie("/"), nil
}

// clientLink is a client's session opened by a private link, with the form's hidden fields
// and the names of its questions.
type clientLink struct {
	Cookie, CSRF, LinkID string
	Answers              []string
}

// openLink opens private link n as a client would: GET /h/TOKEN, then its button.
func openLink(base string, n int) (clientLink, error) {
	b := newBrowser(base)
	token := linkToken(n)
	_, page, err := b.get("/h/" + token)
	if err != nil {
		return clientLink{}, err
	}
	m := csrfField.FindStringSubmatch(page)
	if m == nil {
		return clientLink{}, fmt.Errorf("link %d: no CSRF token on the opening page", n)
	}
	if status, _, err := b.post("/h/open", url.Values{"_csrf": {m[1]}, "token": {token}}); err != nil || status != http.StatusSeeOther {
		return clientLink{}, fmt.Errorf("link %d: open: status %d (%v)", n, status, err)
	}
	status, form, err := b.get("/h")
	if err != nil || status != http.StatusOK {
		return clientLink{}, fmt.Errorf("link %d: form: status %d (%v)", n, status, err)
	}
	c, l := csrfField.FindStringSubmatch(form), linkIDField.FindStringSubmatch(form)
	if c == nil || l == nil {
		return clientLink{}, fmt.Errorf("link %d: the form has no _csrf or link_id", n)
	}
	var answers []string
	seen := map[string]bool{}
	for _, m := range answerField.FindAllStringSubmatch(form, -1) {
		if !seen[m[1]] {
			seen[m[1]] = true
			answers = append(answers, m[1])
		}
	}
	if len(answers) == 0 {
		return clientLink{}, fmt.Errorf("link %d: the form has no questions", n)
	}
	return clientLink{Cookie: b.cookie("/h/entry"), CSRF: c[1], LinkID: l[1], Answers: answers}, nil
}

// postEntry sends one entry of link l for day as the lua script does, and fails unless the
// server takes it (303 to the client's page): a script the form no longer accepts would
// otherwise measure only error pages.
func postEntry(base string, l clientLink, day string) error {
	body := url.Values{"_csrf": {l.CSRF}, "link_id": {l.LinkID}, "idempotency_key": {strings.Repeat("0", 32)},
		"entry_date": {day}, "action": {"submit"}}
	for _, q := range l.Answers {
		body.Set(q, "2")
	}
	req, err := http.NewRequest(http.MethodPost, base+"/h/entry", strings.NewReader(body.Encode()))
	if err != nil {
		return err
	}
	req.Header.Set("Cookie", l.Cookie)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := c.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusSeeOther {
		return fmt.Errorf("POST /h/entry: status %d, not 303: the benchmark's entries are refused", res.StatusCode)
	}
	return nil
}
