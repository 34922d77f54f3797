package testutil

import (
	"context"
	"fmt"
	"log/slog"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/alexedwards/argon2id"

	"github.com/securebase/securebase/internal/auth"
	"github.com/securebase/securebase/internal/config"
	"github.com/securebase/securebase/internal/keyring"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web"
)

// FastPasswordParams are real argon2id settings made cheap, so that suites which create
// many accounts stay quick. Production uses auth.DefaultParams.
var FastPasswordParams = argon2id.Params{Memory: 1024, Iterations: 1, Parallelism: 1, SaltLength: 16, KeyLength: 32}

// App is the whole application over a fresh database, served by httptest.
type App struct {
	T         testing.TB
	DB        *Database
	Store     *store.Store
	Server    *web.Server
	HTTP      *httptest.Server
	Clock     *Clock
	Passwords *auth.Passwords
	Config    config.Config
	Logs      *LogBuffer
	Keys      *keyring.Keyring // seals second factors: a fresh key per app
	seq       atomic.Int64
}

// NewApp builds the real server over a fresh database. Options adjust the configuration.
func NewApp(t testing.TB, opts ...func(*config.Config)) *App {
	t.Helper()
	return NewAppOn(t, NewDatabase(t), opts...)
}

// NewAppOn builds the real server over db, such as a database a test restored from a dump.
func NewAppOn(t testing.TB, db *Database, opts ...func(*config.Config)) *App {
	t.Helper()
	cfg, err := config.FromLookup(func(string) (string, bool) { return "", false })
	if err != nil {
		t.Fatal(err)
	}
	cfg.RateLimit = 0 // tests make many requests from one IP; rate limiting has its own test
	for _, o := range opts {
		o(&cfg)
	}
	pw, err := auth.NewPasswords(FastPasswordParams)
	if err != nil {
		t.Fatal(err)
	}
	logs := &LogBuffer{}
	line, err := keyring.Generate(time.Now())
	if err != nil {
		t.Fatal(err)
	}
	keys, err := keyring.Parse(line)
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.New(db.App)
	if err != nil {
		t.Fatal(err)
	}
	a := &App{T: t, DB: db, Store: st, Clock: &Clock{}, Passwords: pw, Config: cfg, Logs: logs, Keys: keys}
	a.Server, err = web.New(web.Options{
		Config: cfg, Store: a.Store, Passwords: pw, Now: a.Clock.Now, Version: "test", Keys: keys,
		Logger: slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
	})
	if err != nil {
		t.Fatal(err)
	}
	a.HTTP = httptest.NewServer(a.Server.Handler())
	t.Cleanup(a.HTTP.Close)
	return a
}

// Practice creates a practice with a unique name starting with name.
func (a *App) Practice(name string) store.Practice {
	a.T.Helper()
	p, err := a.Store.CreatePractice(context.Background(), fmt.Sprintf("%s %d", name, a.seq.Add(1)))
	if err != nil {
		a.T.Fatal(err)
	}
	return p
}

// User creates an active account of role in the practice and returns it with its password.
func (a *App) User(practiceID int64, role store.Role) (store.User, string) {
	a.T.Helper()
	n := a.seq.Add(1)
	password := fmt.Sprintf("correct horse battery %d", n)
	hash, err := a.Passwords.Hash(password)
	if err != nil {
		a.T.Fatal(err)
	}
	u, err := a.Store.CreateUser(context.Background(), practiceID, store.NewUser{
		Email: fmt.Sprintf("%s%d@test.example", role, n), DisplayName: fmt.Sprintf("Test %s %d", role, n), Role: role, PasswordHash: hash,
	})
	if err != nil {
		a.T.Fatal(err)
	}
	return u, password
}

// SignedIn creates a user of role in the practice and returns a client signed in as them.
func (a *App) SignedIn(practiceID int64, role store.Role) (*Browser, store.User) {
	a.T.Helper()
	u, password := a.User(practiceID, role)
	c := a.Browser()
	if res := c.Login(u.Email, password); res.Status != 303 || res.Location != "/" {
		a.T.Fatalf("sign in as %s: status %d, location %q", u.Email, res.Status, res.Location)
	}
	return c, u
}

// Clock is real time plus an offset that tests move forward.
type Clock struct {
	mu     sync.Mutex
	offset time.Duration
}

// Now returns real time plus every Advance so far.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return time.Now().Add(c.offset)
}

// Advance moves the clock forward by d.
func (c *Clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.offset += d
}

// LogBuffer collects log output so tests can assert what is (never) logged.
type LogBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

// Write appends p.
func (l *LogBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

// String returns everything logged so far.
func (l *LogBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
