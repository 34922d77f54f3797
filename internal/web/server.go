// Package web is everything that knows Echo: the router, middleware, templates and handlers.
package web

import (
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/alexedwards/scs/v2"
	"github.com/go-playground/validator/v10"
	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/auth"
	"github.com/securebase/securebase/internal/config"
	"github.com/securebase/securebase/internal/keyring"
	"github.com/securebase/securebase/internal/mail"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web/kit"
)

// Options are the parts a Server is built from.
type Options struct {
	Config    config.Config
	Store     *store.Store
	Logger    *slog.Logger
	Passwords *auth.Passwords
	Now       func() time.Time // the clock; time.Now when nil (tests move it forward)
	Mailer    mail.Sender      // sends link emails; nil: SMTP from the config when SMTP_ADDR is set, else none
	Keys      *keyring.Keyring // seals second-factor secrets; nil: second factors cannot be stored
	Version   string
}

// Server holds every dependency of the handlers; nothing is global.
type Server struct {
	cfg       config.Config
	store     *store.Store
	log       *slog.Logger
	passwords *auth.Passwords
	sessions  *scs.SessionManager
	// clientSessions are opened by private links: no account, one assignment each.
	clientSessions *scs.SessionManager
	assets         *assetSet
	now            func() time.Time
	version        string
	mailer         mail.Sender
	keys           *keyring.Keyring
	echo           *echo.Echo
	routes         []Route
	kit            *kit.Kit // what the feature packages share
	validate       *validator.Validate
	queryRules     map[string][]QueryParam // "METHOD path" → the query parameters the route reads
	exports        *kit.ExportGate         // exports streaming now, limited per practice
	metrics        *metrics                // request counts and latency by route pattern
}

// New builds the server: templates are parsed and routes registered here, so a missing
// template fails the boot rather than a request.
func New(opts Options) (*Server, error) {
	s := &Server{
		queryRules: queryRules(),
		cfg:        opts.Config,
		store:      opts.Store,
		log:        opts.Logger,
		passwords:  opts.Passwords,
		now:        opts.Now,
		version:    opts.Version,
		keys:       opts.Keys,
		mailer:     opts.Mailer,
		validate:   kit.NewValidator(),
	}
	if s.cfg.ExportsPerPractice < 1 {
		s.cfg.ExportsPerPractice = 4
	}
	s.exports = kit.NewExportGate(s.cfg.ExportsPerPractice)
	if s.now == nil {
		s.now = time.Now
	}
	if s.mailer == nil && s.cfg.SMTPAddr != "" {
		m, err := mail.NewSMTP(s.cfg.SMTPAddr, s.cfg.SMTPFrom, s.cfg.SMTPUsername, s.cfg.SMTPPassword, s.cfg.SMTPTLS, s.cfg.SMTPCAFile)
		if err != nil {
			return nil, fmt.Errorf("web: %w", err)
		}
		s.mailer = m
	}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	var err error
	if s.assets, err = loadAssets(); err != nil {
		return nil, fmt.Errorf("web: assets: %w", err)
	}
	s.sessions = auth.NewSessionManager(s.store, auth.SessionOptions{Lifetime: s.cfg.SessionLifetime, Secure: s.cfg.Secure()})
	s.sessions.ErrorFunc = func(w http.ResponseWriter, _ *http.Request, err error) {
		s.log.Error("session", "err", err)
		http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
	}
	s.clientSessions = auth.NewClientSessionManager(s.store, s.cfg.ClientSessionTTL, s.cfg.ClientIdleTimeout, s.cfg.Secure())
	s.clientSessions.ErrorFunc = s.sessions.ErrorFunc
	if s.kit, err = s.newKit(); err != nil {
		return nil, err
	}
	s.metrics = s.newMetrics()
	s.echo = s.newEcho()
	if err := s.registerRoutes(); err != nil {
		return nil, err
	}
	s.metrics.learnRoutes(s.echo)
	return s, nil
}

// Handler returns the HTTP handler of the whole application.
func (s *Server) Handler() http.Handler { return headAsGet(s.echo) }

// HTTPServer returns an http.Server for addr with timeouts suited to a form-based app.
func (s *Server) HTTPServer(addr string) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           s.Handler(),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      5 * time.Minute, // large exports stream for a while
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
}

func (s *Server) newEcho() *echo.Echo {
	e := echo.New()
	e.HideBanner = true
	e.HidePort = true
	e.HTTPErrorHandler = s.handleError
	e.IPExtractor = ipExtractor(s.cfg.TrustedProxies)
	e.Use(s.metrics.observe, s.requestID, s.logRequests, s.recoverPanic, s.securityHeaders)
	e.Use(bodyLimit(s.cfg.BodyLimit), s.guardInput, s.guardQuery)
	if s.cfg.RateLimit > 0 {
		e.Use(rateLimiter(s.cfg.RateLimit, s.cfg.RateBurst))
	}
	return e
}
