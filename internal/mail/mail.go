// Package mail sends the one kind of email Secure Base sends: a neutral line and a private
// link, never clinical content.
package mail

import (
	"context"
	"fmt"
	"net"
	"net/mail"
	"net/smtp"
	"strings"
	"time"
)

// Sender sends a plain-text email.
type Sender interface {
	Send(ctx context.Context, to, subject, body string) error
}

// SMTP sends through an SMTP server, upgrading to TLS when the server offers STARTTLS.
type SMTP struct {
	Addr     string // host:port
	From     string // e.g. "Forms <forms@example.org>"
	Username string // optional; PLAIN auth (only over TLS, or to localhost)
	Password string
}

// Send delivers one message. The subject and body are given by the caller and must be neutral.
func (s SMTP) Send(ctx context.Context, to, subject, body string) error {
	from, err := mail.ParseAddress(s.From)
	if err != nil {
		return fmt.Errorf("mail: from address: %w", err)
	}
	rcpt, err := mail.ParseAddress(to)
	if err != nil {
		return fmt.Errorf("mail: recipient: %w", err)
	}
	if strings.ContainsAny(subject, "\r\n") {
		return fmt.Errorf("mail: subject has a line break")
	}
	var auth smtp.Auth
	if s.Username != "" {
		host, _, _ := net.SplitHostPort(s.Addr)
		auth = smtp.PlainAuth("", s.Username, s.Password, host)
	}
	msg := strings.Join([]string{
		"From: " + from.String(),
		"To: " + rcpt.String(),
		"Subject: " + subject,
		"Date: " + time.Now().UTC().Format(time.RFC1123Z),
		"MIME-Version: 1.0",
		"Content-Type: text/plain; charset=utf-8",
		"Content-Transfer-Encoding: 8bit",
		"",
		strings.ReplaceAll(body, "\n", "\r\n"),
	}, "\r\n")
	done := make(chan error, 1)
	go func() { done <- smtp.SendMail(s.Addr, auth, from.Address, []string{rcpt.Address}, []byte(msg)) }()
	select {
	case err := <-done:
		if err != nil {
			return fmt.Errorf("mail: send: %w", err)
		}
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
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
