package testutil

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"

	"github.com/securebase/securebase/internal/pg"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web"
)

// Instance serves a second server over the same database, as a second instance behind a load
// balancer would: its own connection pool and prepared statements, and state that lives only
// in memory is not shared with a.
func (a *App) Instance() *App {
	a.T.Helper()
	pool, err := pg.Open(context.Background(), a.DB.AppURL, 10)
	if err != nil {
		a.T.Fatal(err)
	}
	a.T.Cleanup(func() { _ = pool.Close() })
	st, err := store.New(pool)
	if err != nil {
		a.T.Fatal(err)
	}
	a.T.Cleanup(func() { _ = st.Close() })
	b := &App{T: a.T, DB: a.DB, Store: st, Clock: a.Clock, Passwords: a.Passwords, Config: a.Config, Logs: &LogBuffer{}, Keys: a.Keys}
	b.Server, err = web.New(web.Options{
		Config: a.Config, Store: st, Passwords: a.Passwords, Now: a.Clock.Now, Version: "test", Keys: a.Keys,
		Logger: slog.New(slog.NewJSONHandler(b.Logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
	})
	if err != nil {
		a.T.Fatal(err)
	}
	b.HTTP = httptest.NewServer(b.Server.Handler())
	a.T.Cleanup(b.HTTP.Close)
	return b
}

// Against returns a browser that shares c's cookies and CSRF token but sends its requests to
// another instance (cookies do not tell ports apart, as browsers do not).
func (br *Browser) Against(a *App) *Browser {
	d := *br
	d.base = a.HTTP.URL
	return &d
}

// CookieAt returns the value of the named cookie the browser sends with requests for path, or "".
func (br *Browser) CookieAt(path, name string) string {
	u, _ := url.Parse(br.base + path)
	for _, ck := range br.http.Jar.Cookies(u) {
		if ck.Name == name {
			return ck.Value
		}
	}
	return ""
}

// SetCookieAt sets the named cookie for path, e.g. to replay a client session's old token.
func (br *Browser) SetCookieAt(path, name, value string) {
	u, _ := url.Parse(br.base + path)
	br.http.Jar.SetCookies(u, []*http.Cookie{{Name: name, Value: value, Path: path}})
}
