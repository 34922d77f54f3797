// Package config reads the typed configuration of Secure Base from environment variables.
package config

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/gommon/bytes"
)

// Config is everything the server can be told from outside. Every field has a default.
type Config struct {
	DatabaseURL          string        // DATABASE_URL: the application's connection (role securebase_app or a member)
	MigrationDatabaseURL string        // MIGRATION_DATABASE_URL: the schema owner's connection; defaults to DatabaseURL
	ListenAddr           string        // LISTEN_ADDR
	PublicURL            *url.URL      // PUBLIC_URL: how browsers reach the app; https turns on Secure cookies and HSTS
	TrustedProxies       []*net.IPNet  // TRUSTED_PROXIES: CIDRs whose X-Forwarded-For is believed
	RateLimit            float64       // RATE_LIMIT: requests per second per client IP; 0 turns limiting off
	RateBurst            int           // RATE_BURST
	BodyLimit            int64         // BODY_LIMIT: largest request body in bytes, set as e.g. 1M
	SessionIdleTimeout   time.Duration // SESSION_IDLE_TIMEOUT
	SessionLifetime      time.Duration // SESSION_LIFETIME
	DBMaxConns           int           // DB_MAX_CONNS
	ShutdownTimeout      time.Duration // SHUTDOWN_TIMEOUT
	LogLevel             string        // LOG_LEVEL: debug, info, warn or error
	LinkGraceDays        int           // LINK_GRACE_DAYS: a client link expires this many days after the due date
	ClientSessionTTL     time.Duration // CLIENT_SESSION_LIFETIME: how long a client stays in after pressing the link's button
	ClientIdleTimeout    time.Duration // CLIENT_IDLE_TIMEOUT: a client session left idle this long ends
	EmergencyLine        string        // CLIENT_EMERGENCY_LINE: what to do in an emergency, on every client page
	QuickExitURL         *url.URL      // QUICK_EXIT_URL: the neutral site the quick-exit button leaves for
	SMTPAddr             string        // SMTP_ADDR: host:port of an SMTP server; empty turns email off
	SMTPFrom             string        // SMTP_FROM: the sender of link emails
	SMTPUsername         string        // SMTP_USERNAME: optional PLAIN auth
	SMTPPassword         string        // SMTP_PASSWORD
	SMTPTLS              string        // SMTP_TLS: starttls (required, the default), implicit (port 465) or none (loopback only)
	SMTPCAFile           string        // SMTP_CA_FILE: optional PEM of CAs to trust for the SMTP server instead of the system's
	ReminderEvery        time.Duration // REMINDER_SCAN_EVERY: how often reminders of due forms are looked for
	BenchCeiling         bool          // SECUREBASE_BENCH_CEILING=1: register GET /bench/ceiling (SELECT 1), for make bench-http only
	DebugAddr            string        // DEBUG_ADDR: a loopback host:port serving Go's pprof profiles; empty (the default) serves none
	EncryptionKeys       string        //nolint:gosec // ENCRYPTION_KEYS: "id:base64key" list sealing second-factor secrets; the first seals
	EncryptionKeysFile   string        // ENCRYPTION_KEYS_FILE: a file holding the same, one a line
	MetricsAddr          string        // METRICS_ADDR: host:port of the Prometheus listener; empty (the default) serves none
	MetricsAllowPublic   bool          // METRICS_ALLOW_PUBLIC=true: allow METRICS_ADDR on a non-loopback address
	ExportsPerPractice   int           // EXPORTS_PER_PRACTICE: exports one practice may run at once on one instance
}

// Secure reports whether the app is served over TLS, as PUBLIC_URL says.
func (c Config) Secure() bool { return c.PublicURL != nil && c.PublicURL.Scheme == "https" }

// FromEnv builds a Config from the process environment.
func FromEnv() (Config, error) { return FromLookup(os.LookupEnv) }

// FromLookup builds a Config from any lookup function, so tests need not touch the environment.
func FromLookup(lookup func(string) (string, bool)) (Config, error) {
	r := reader{lookup: lookup}
	c := Config{
		DatabaseURL:        r.secret("DATABASE_URL", ""),
		ListenAddr:         r.str("LISTEN_ADDR", ":8080"),
		PublicURL:          r.url("PUBLIC_URL", "http://localhost:8080"),
		TrustedProxies:     r.cidrs("TRUSTED_PROXIES"),
		RateLimit:          r.float("RATE_LIMIT", 20),
		RateBurst:          r.int("RATE_BURST", 60),
		BodyLimit:          r.size("BODY_LIMIT", "1M"),
		SessionIdleTimeout: r.duration("SESSION_IDLE_TIMEOUT", 30*time.Minute),
		SessionLifetime:    r.duration("SESSION_LIFETIME", 12*time.Hour),
		DBMaxConns:         r.int("DB_MAX_CONNS", 20),
		ShutdownTimeout:    r.duration("SHUTDOWN_TIMEOUT", 20*time.Second),
		LogLevel:           r.str("LOG_LEVEL", "info"),
		LinkGraceDays:      r.int("LINK_GRACE_DAYS", 7),
		ClientSessionTTL:   r.duration("CLIENT_SESSION_LIFETIME", time.Hour),
		ClientIdleTimeout:  r.duration("CLIENT_IDLE_TIMEOUT", 15*time.Minute),
		EmergencyLine:      r.str("CLIENT_EMERGENCY_LINE", "If you are in danger now, or might act on thoughts of harming yourself, call 999 or go to A&E. Samaritans listen day or night on 116 123."),
		QuickExitURL:       r.url("QUICK_EXIT_URL", "https://www.bbc.co.uk/weather"),
		SMTPAddr:           r.str("SMTP_ADDR", ""),
		SMTPFrom:           r.str("SMTP_FROM", "Forms <forms@localhost>"),
		SMTPUsername:       r.str("SMTP_USERNAME", ""),
		SMTPPassword:       r.secret("SMTP_PASSWORD", ""),
		SMTPTLS:            r.str("SMTP_TLS", "starttls"),
		SMTPCAFile:         r.str("SMTP_CA_FILE", ""),
		ReminderEvery:      r.duration("REMINDER_SCAN_EVERY", 15*time.Minute),
		BenchCeiling:       r.str("SECUREBASE_BENCH_CEILING", "") == "1",
		DebugAddr:          r.str("DEBUG_ADDR", ""),
		EncryptionKeys:     r.str("ENCRYPTION_KEYS", ""),
		EncryptionKeysFile: r.str("ENCRYPTION_KEYS_FILE", ""),
		MetricsAddr:        r.str("METRICS_ADDR", ""),
		MetricsAllowPublic: r.str("METRICS_ALLOW_PUBLIC", "") == "true",
		ExportsPerPractice: r.int("EXPORTS_PER_PRACTICE", 4),
	}
	c.MigrationDatabaseURL = r.secret("MIGRATION_DATABASE_URL", c.DatabaseURL)
	if err := errors.Join(append(r.errs, c.Validate())...); err != nil {
		return Config{}, err
	}
	return c, nil
}

// Validate reports values that are present but unusable.
func (c Config) Validate() error {
	var errs []error
	if c.SessionIdleTimeout <= 0 || c.SessionLifetime < c.SessionIdleTimeout {
		errs = append(errs, errors.New("SESSION_LIFETIME must be at least SESSION_IDLE_TIMEOUT, both positive"))
	}
	if c.RateLimit < 0 || c.RateBurst < 1 {
		errs = append(errs, errors.New("RATE_LIMIT must be 0 or more and RATE_BURST at least 1"))
	}
	if c.LinkGraceDays < 0 || c.LinkGraceDays > 365 {
		errs = append(errs, errors.New("LINK_GRACE_DAYS must be between 0 and 365"))
	}
	if c.ClientIdleTimeout < time.Minute || c.ClientIdleTimeout > c.ClientSessionTTL {
		errs = append(errs, errors.New("CLIENT_IDLE_TIMEOUT must be at least 1m and no longer than CLIENT_SESSION_LIFETIME"))
	}
	if c.ClientSessionTTL < time.Minute || c.ClientSessionTTL > 24*time.Hour {
		errs = append(errs, errors.New("CLIENT_SESSION_LIFETIME must be between 1m and 24h"))
	}
	if c.DBMaxConns < 2 {
		errs = append(errs, errors.New("DB_MAX_CONNS must be at least 2"))
	}
	if c.ExportsPerPractice < 1 {
		errs = append(errs, errors.New("EXPORTS_PER_PRACTICE must be at least 1"))
	}
	if c.MetricsAddr != "" && !c.MetricsAllowPublic && !loopback(c.MetricsAddr) {
		errs = append(errs, fmt.Errorf("METRICS_ADDR %q: want a loopback host:port such as 127.0.0.1:9090, or set METRICS_ALLOW_PUBLIC=true to serve metrics to the network", c.MetricsAddr))
	}
	if c.DebugAddr != "" && !loopback(c.DebugAddr) {
		errs = append(errs, fmt.Errorf("DEBUG_ADDR %q: want a loopback host:port such as 127.0.0.1:6060 (profiles are never served to the network)", c.DebugAddr))
	}
	switch c.LogLevel {
	case "debug", "info", "warn", "error":
	default:
		errs = append(errs, fmt.Errorf("LOG_LEVEL %q: want debug, info, warn or error", c.LogLevel))
	}
	if err := c.checkSMTPTLS(); err != nil {
		errs = append(errs, err)
	}
	if c.ReminderEvery < time.Minute || c.ReminderEvery > 24*time.Hour {
		errs = append(errs, errors.New("REMINDER_SCAN_EVERY must be between 1m and 24h"))
	}
	return errors.Join(errs...)
}

// checkSMTPTLS refuses an unknown SMTP_TLS, and plain text to anything but loopback.
func (c Config) checkSMTPTLS() error {
	switch c.SMTPTLS {
	case "starttls", "implicit":
		return nil
	case "none":
		host, _, err := net.SplitHostPort(c.SMTPAddr)
		if c.SMTPAddr == "" || err == nil && (host == "localhost" || net.ParseIP(host) != nil && net.ParseIP(host).IsLoopback()) {
			return nil
		}
		return fmt.Errorf("SMTP_TLS=none: plain-text SMTP is allowed only to a relay on loopback, not %q", c.SMTPAddr)
	}
	return fmt.Errorf("SMTP_TLS %q: want starttls, implicit or none", c.SMTPTLS)
}

// loopback reports whether addr is host:port with a loopback IP or "localhost" as its host.
func loopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

type reader struct {
	lookup func(string) (string, bool)
	errs   []error
}

func (r *reader) str(key, def string) string {
	if v, ok := r.lookup(key); ok && strings.TrimSpace(v) != "" {
		return strings.TrimSpace(v)
	}
	return def
}

func (r *reader) fail(key, v string, err error) {
	r.errs = append(r.errs, fmt.Errorf("%s=%q: %w", key, v, err))
}

func (r *reader) int(key string, def int) int {
	v := r.str(key, "")
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		r.fail(key, v, err)
	}
	return n
}

// size reads a byte count written as Echo writes them: 512K, 1M, 2MB.
func (r *reader) size(key, def string) int64 {
	v := r.str(key, def)
	n, err := bytes.Parse(v)
	if err == nil && n <= 0 {
		err = errors.New("must be more than zero")
	}
	if err != nil {
		r.fail(key, v, err)
	}
	return n
}

func (r *reader) float(key string, def float64) float64 {
	v := r.str(key, "")
	if v == "" {
		return def
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil {
		r.fail(key, v, err)
	}
	return f
}

func (r *reader) duration(key string, def time.Duration) time.Duration {
	v := r.str(key, "")
	if v == "" {
		return def
	}
	d, err := time.ParseDuration(v)
	if err != nil {
		r.fail(key, v, err)
	}
	return d
}

func (r *reader) url(key, def string) *url.URL {
	v := r.str(key, def)
	u, err := url.Parse(v)
	if err == nil && (u.Scheme != "http" && u.Scheme != "https" || u.Host == "") {
		err = errors.New("want an absolute http or https URL")
	}
	if err != nil {
		r.fail(key, v, err)
		return nil
	}
	return u
}

func (r *reader) cidrs(key string) []*net.IPNet {
	var nets []*net.IPNet
	for _, part := range strings.Split(r.str(key, ""), ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		if !strings.Contains(part, "/") {
			if strings.Contains(part, ":") {
				part += "/128"
			} else {
				part += "/32"
			}
		}
		_, n, err := net.ParseCIDR(part)
		if err != nil {
			r.fail(key, part, err)
			continue
		}
		nets = append(nets, n)
	}
	return nets
}
