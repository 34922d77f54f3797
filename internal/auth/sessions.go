package auth

import (
	"context"
	"crypto/sha256"
	"errors"
	"net/http"
	"time"

	"github.com/alexedwards/scs/v2"

	"github.com/securebase/securebase/internal/store"
)

// Session data keys.
const (
	KeyUserID     = "user_id"
	KeyPracticeID = "practice_id"
	KeySignedInAt = "signed_in_at" // Unix seconds
	KeySeenAt     = "seen_at"      // Unix seconds
	KeyFlash      = "flash"
)

// SessionCookieName names the sign-in session cookie.
const SessionCookieName = "sb_session"

// HostPrefix starts the name of every cookie served over https: the browser then accepts it
// only from this host, over TLS, with Path=/ and no Domain, so a sibling subdomain or a plain
// http page cannot plant or overwrite it.
const HostPrefix = "__Host-"

// SessionOptions configures the session manager.
type SessionOptions struct {
	Lifetime time.Duration // absolute lifetime from sign-in
	Secure   bool          // cookie only over TLS
}

// NewSessionManager returns an scs manager that keeps sessions in PostgreSQL, storing
// only the SHA-256 of each token. Idle timeout is enforced by the web layer with a
// last-seen time written at most once a minute, not by scs (which would rewrite the row
// on every request).
func NewSessionManager(st *store.Store, opts SessionOptions) *scs.SessionManager {
	sm := scs.New()
	sm.Store = &SessionStore{st: st}
	sm.Lifetime = opts.Lifetime
	sm.Cookie.Name = SessionCookieName
	sm.Cookie.HttpOnly = true
	sm.Cookie.SameSite = http.SameSiteLaxMode
	sm.Cookie.Secure = opts.Secure
	sm.Cookie.Path = "/"
	sm.Cookie.Persist = false // gone when the browser closes: kinder on a shared computer
	if opts.Secure {
		sm.Cookie.Name = HostPrefix + SessionCookieName
	}
	return sm
}

// ClientCookieName names the cookie of a client's link session.
const ClientCookieName = "sb_link"

// SeenWriteInterval bounds how often a session's last-seen time (KeySeenAt) is written back:
// a page that changes nothing else in the session then saves no session row.
const SeenWriteInterval = time.Minute

// NewClientSessionManager returns the manager of the short-lived sessions that a private
// link opens: bound to one link, kept in the same table, ended after lifetime or after idle
// without a request. The idle timeout is enforced by the web layer with a last-seen time
// (KeySeenAt) written at most once every SeenWriteInterval, and by the row's expiry, which
// each save sets to at most idle from then: not by scs, which would rewrite the row on
// every request.
func NewClientSessionManager(st *store.Store, lifetime, idle time.Duration, secure bool) *scs.SessionManager {
	sm := scs.New()
	sm.Store = &SessionStore{st: st, idle: idle}
	sm.Lifetime = lifetime
	sm.Cookie.Name = ClientCookieName
	sm.Cookie.HttpOnly = true
	sm.Cookie.SameSite = http.SameSiteLaxMode
	sm.Cookie.Secure = secure
	sm.Cookie.Path = "/h"
	sm.Cookie.Persist = false
	if secure {
		// __Host- cookies must have Path=/; the cookie is read only by the client's routes.
		sm.Cookie.Name, sm.Cookie.Path = HostPrefix+ClientCookieName, "/"
	}
	return sm
}

// HashToken returns the SHA-256 of a session token, as stored.
func HashToken(token string) []byte {
	sum := sha256.Sum256([]byte(token))
	return sum[:]
}

// SessionStore adapts the store's sessions table to scs.CtxStore.
type SessionStore struct {
	st    *store.Store
	codec scs.GobCodec
	idle  time.Duration // a saved row expires at most this long after the save; 0: at its lifetime
}

// FindCtx returns a live session's data.
func (s *SessionStore) FindCtx(ctx context.Context, token string) ([]byte, bool, error) {
	b, err := s.st.FindSession(ctx, HashToken(token))
	if errors.Is(err, store.ErrNotFound) {
		return nil, false, nil
	}
	return b, err == nil, err
}

// CommitCtx saves a session, copying the signed-in user out of its data.
func (s *SessionStore) CommitCtx(ctx context.Context, token string, b []byte, expiry time.Time) error {
	if s.idle > 0 {
		if ie := time.Now().Add(s.idle).UTC(); ie.Before(expiry) {
			expiry = ie
		}
	}
	row := store.SessionRow{TokenHash: HashToken(token), Data: b, Expiry: expiry}
	if _, values, err := s.codec.Decode(b); err == nil {
		row.UserID, _ = values[KeyUserID].(int64)
		row.PracticeID, _ = values[KeyPracticeID].(int64)
	}
	return s.st.SaveSession(ctx, row)
}

// DeleteCtx removes a session.
func (s *SessionStore) DeleteCtx(ctx context.Context, token string) error {
	return s.st.DeleteSession(ctx, HashToken(token))
}

// Find is FindCtx without a context.
func (s *SessionStore) Find(token string) ([]byte, bool, error) {
	return s.FindCtx(context.Background(), token)
}

// Commit is CommitCtx without a context.
func (s *SessionStore) Commit(token string, b []byte, expiry time.Time) error {
	return s.CommitCtx(context.Background(), token, b, expiry)
}

// Delete is DeleteCtx without a context.
func (s *SessionStore) Delete(token string) error {
	return s.DeleteCtx(context.Background(), token)
}
