// Package mail sends the few kinds of email Secure Base sends: a neutral line and, at most,
// a private link, never clinical content. It sends through github.com/wneessen/go-mail over
// TLS: implicit TLS (port 465) or STARTTLS that fails if the server refuses it; plain text
// only to a relay on the loopback interface, and only when asked for.
package mail

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"os"
	"strconv"
	"strings"
	"time"

	gomail "github.com/wneessen/go-mail"
)

// Sender sends a plain-text email.
type Sender interface {
	Send(ctx context.Context, to, subject, body string) error
}

// TLS modes of an SMTP server.
const (
	TLSStartTLS = "starttls" // STARTTLS required: a server that does not offer it is refused
	TLSImplicit = "implicit" // TLS from the first byte (SMTPS, usually port 465)
	TLSNone     = "none"     // plain text: only to a relay on the loopback interface
)

// SMTP sends through an SMTP server, always over TLS unless TLS is TLSNone to loopback.
type SMTP struct {
	Addr     string         // host:port
	From     string         // e.g. "Forms <forms@example.org>"
	Username string         // optional; PLAIN auth, only ever over TLS
	Password string         // with Username
	TLS      string         // TLSStartTLS (when empty), TLSImplicit or TLSNone
	RootCAs  *x509.CertPool // optional: the CAs to trust instead of the system's
	Timeout  time.Duration  // per connection; 30 s when zero
}

// CheckTLS reports whether mode may be used with addr: a known mode, and no plain text
// beyond the loopback interface.
func CheckTLS(addr, mode string) error {
	switch mode {
	case "", TLSStartTLS, TLSImplicit:
		return nil
	case TLSNone:
		host, _, err := net.SplitHostPort(addr)
		if err != nil {
			return err
		}
		if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
			return fmt.Errorf("plain-text SMTP is allowed only to a relay on loopback, not %s", host)
		}
		return nil
	}
	return fmt.Errorf("unknown TLS mode %q (starttls, implicit or none)", mode)
}

// LoadCAs reads a PEM file of certificates to trust for the SMTP server.
func LoadCAs(path string) (*x509.CertPool, error) {
	b, err := os.ReadFile(path) //nolint:gosec // an operator-given path
	if err != nil {
		return nil, err
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(b) {
		return nil, errors.New("no PEM certificate in " + path)
	}
	return pool, nil
}

// client builds the go-mail client for one send.
func (s SMTP) client() (*gomail.Client, error) {
	if err := CheckTLS(s.Addr, s.TLS); err != nil {
		return nil, fmt.Errorf("mail: %w", err)
	}
	host, portText, err := net.SplitHostPort(s.Addr)
	if err != nil {
		return nil, fmt.Errorf("mail: address: %w", err)
	}
	port, err := strconv.Atoi(portText)
	if err != nil {
		return nil, fmt.Errorf("mail: port: %w", err)
	}
	timeout := s.Timeout
	if timeout == 0 {
		timeout = 30 * time.Second
	}
	opts := []gomail.Option{gomail.WithPort(port), gomail.WithTimeout(timeout),
		gomail.WithTLSConfig(&tls.Config{ServerName: host, RootCAs: s.RootCAs, MinVersion: tls.VersionTLS12})}
	switch s.TLS {
	case TLSImplicit:
		opts = append(opts, gomail.WithSSL())
	case TLSNone:
		opts = append(opts, gomail.WithTLSPolicy(gomail.NoTLS))
	default:
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSMandatory))
	}
	if s.Username != "" {
		if s.TLS == TLSNone {
			return nil, errors.New("mail: no password is sent without TLS")
		}
		opts = append(opts, gomail.WithSMTPAuth(gomail.SMTPAuthPlain), gomail.WithUsername(s.Username), gomail.WithPassword(s.Password))
	}
	return gomail.NewClient(host, opts...)
}

// Send delivers one message. The subject and body are given by the caller and must be neutral.
func (s SMTP) Send(ctx context.Context, to, subject, body string) error {
	if strings.ContainsAny(subject, "\r\n") {
		return errors.New("mail: subject has a line break")
	}
	m := gomail.NewMsg(gomail.WithNoDefaultUserAgent()) // no X-Mailer or User-Agent header
	if err := m.From(s.From); err != nil {
		return fmt.Errorf("mail: from address: %w", err)
	}
	if err := m.To(to); err != nil {
		return errors.New("mail: the recipient's address is not valid") // the address itself stays out of errors and logs
	}
	m.Subject(subject)
	m.SetDate()
	m.SetBodyString(gomail.TypeTextPlain, body)
	c, err := s.client()
	if err != nil {
		return err
	}
	if err := c.DialAndSendWithContext(ctx, m); err != nil {
		return redact(err)
	}
	return nil
}

// redact drops the recipients that go-mail's send errors list: what is returned may be
// logged, and River keeps a failed job's error in its table.
func redact(err error) error {
	var se *gomail.SendError
	if errors.As(err, &se) {
		return fmt.Errorf("mail: send: %s (SMTP %d %s, temporary: %t)", se.Reason, se.ErrorCode(), se.EnhancedStatusCode(), se.IsTemp())
	}
	return fmt.Errorf("mail: send: %w", err)
}

// LinkMessage is the neutral message that carries a client's link; until is the moment
// the link stops working, so the last day it works is the day before when until is a midnight.
func LinkMessage(link string, until time.Time) (subject, body string) {
	last := until.Add(-time.Nanosecond)
	return "Your form", fmt.Sprintf("Here is your form:\n\n%s\n\nThe link works until the end of %s.\n", link, last.Format("2 January 2006"))
}

// AlertMessage is the counsellor's note that something on the dashboard needs them now: a
// neutral subject and no client data, only where to look.
func AlertMessage(dashboard string) (subject, body string) {
	return "Please sign in", fmt.Sprintf("Something in Secure Base needs your attention today.\n\nPlease sign in and look at your dashboard:\n\n%s\n", dashboard)
}

// ReminderMessage is the client's reminder that a form is waiting: neutral words that name
// no practice and no field of work, and a link only when link is not empty (the practice
// allows links by email).
func ReminderMessage(link string) (subject, body string) {
	body = "Hello,\n\nYou have a form to fill in.\n"
	if link != "" {
		body += "\nIt is here:\n\n" + link + "\n"
	} else {
		body += "\nPlease open it the usual way.\n"
	}
	return "A reminder", body
}

// NewSMTP builds the SMTP sender of the settings, reading caFile (when given) for the CAs
// to trust.
func NewSMTP(addr, from, username, password, mode, caFile string) (SMTP, error) {
	s := SMTP{Addr: addr, From: from, Username: username, Password: password, TLS: mode}
	if err := CheckTLS(addr, mode); err != nil {
		return s, err
	}
	if caFile != "" {
		pool, err := LoadCAs(caFile)
		if err != nil {
			return s, fmt.Errorf("SMTP_CA_FILE: %w", err)
		}
		s.RootCAs = pool
	}
	return s, nil
}
