package testutil

import (
	"bufio"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"io"
	"math/big"
	"mime/quotedprintable"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/securebase/securebase/internal/config"
)

// SMTPMessage is one message an SMTPServer received.
type SMTPMessage struct {
	From string
	To   []string
	Data string
	TLS  bool // the message came over a connection upgraded with STARTTLS
}

// SMTPServer is a small SMTP server on loopback that records what it receives, so tests
// of email go through a real SMTP conversation. It offers STARTTLS with a certificate of
// its own (CAFile trusts it) unless made with NewPlainSMTPServer.
type SMTPServer struct {
	Addr   string
	CAFile string // PEM of the server's self-signed certificate; empty for a plain server
	tls    *tls.Config
	mu     sync.Mutex
	msgs   []SMTPMessage
	fail   int // how many DATA commands to refuse with a temporary error
}

// NewSMTPServer starts a recording SMTP server that offers STARTTLS, closed when the test ends.
func NewSMTPServer(t testing.TB) *SMTPServer {
	t.Helper()
	s := listenSMTP(t)
	cert, pemBytes := selfSigned(t)
	s.tls = &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
	s.CAFile = filepath.Join(t.TempDir(), "smtp-ca.pem")
	if err := os.WriteFile(s.CAFile, pemBytes, 0o600); err != nil {
		t.Fatal(err)
	}
	return s
}

// NewPlainSMTPServer starts a recording SMTP server that does not offer STARTTLS.
func NewPlainSMTPServer(t testing.TB) *SMTPServer {
	t.Helper()
	return listenSMTP(t)
}

// Configure points c at this server, trusting its certificate (STARTTLS required).
func (s *SMTPServer) Configure(c *config.Config) {
	c.SMTPAddr, c.SMTPCAFile, c.SMTPTLS = s.Addr, s.CAFile, "starttls"
}

// FailNext makes the server refuse the next n messages with a temporary error (451).
func (s *SMTPServer) FailNext(n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.fail = n
}

func listenSMTP(t testing.TB) *SMTPServer {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &SMTPServer{Addr: l.Addr().String()}
	t.Cleanup(func() { _ = l.Close() })
	go func() {
		for {
			conn, err := l.Accept()
			if err != nil {
				return
			}
			go s.serve(conn)
		}
	}()
	return s
}

// selfSigned makes a certificate for 127.0.0.1 and localhost, and its PEM.
func selfSigned(t testing.TB) (tls.Certificate, []byte) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "test smtp"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour),
		IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)}, DNSNames: []string{"localhost"},
		KeyUsage: x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true, IsCA: true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
}

// Messages returns what was received so far.
func (s *SMTPServer) Messages() []SMTPMessage {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]SMTPMessage(nil), s.msgs...)
}

// accept records msg, or refuses it while failures are due.
func (s *SMTPServer) accept(msg SMTPMessage) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.fail > 0 {
		s.fail--
		return false
	}
	s.msgs = append(s.msgs, msg)
	return true
}

// decodeBody undoes a quoted-printable body (as a mail client shows it), keeping the headers.
func decodeBody(data string) string {
	head, body, ok := strings.Cut(data, "\r\n\r\n")
	if !ok || !strings.Contains(strings.ToLower(head), "content-transfer-encoding: quoted-printable") {
		return data
	}
	decoded, err := io.ReadAll(quotedprintable.NewReader(strings.NewReader(body)))
	if err != nil {
		return data
	}
	return head + "\r\n\r\n" + string(decoded)
}

func (s *SMTPServer) serve(conn net.Conn) {
	defer func() { _ = conn.Close() }()
	r := bufio.NewReader(conn)
	reply := func(line string) { _, _ = conn.Write([]byte(line + "\r\n")) }
	reply("220 localhost ESMTP test")
	var msg SMTPMessage
	secure := false
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return
		}
		cmd := strings.ToUpper(strings.TrimSpace(line))
		switch {
		case strings.HasPrefix(cmd, "EHLO") && s.tls != nil && !secure:
			reply("250-localhost")
			reply("250 STARTTLS")
		case strings.HasPrefix(cmd, "EHLO"), strings.HasPrefix(cmd, "HELO"):
			reply("250 localhost")
		case cmd == "STARTTLS" && s.tls != nil && !secure:
			reply("220 ready")
			tc := tls.Server(conn, s.tls)
			if err := tc.Handshake(); err != nil {
				return
			}
			conn, r, secure = tc, bufio.NewReader(tc), true
		case strings.HasPrefix(cmd, "MAIL FROM:"):
			msg = SMTPMessage{From: strings.TrimSpace(line[len("MAIL FROM:"):]), TLS: secure}
			reply("250 OK")
		case strings.HasPrefix(cmd, "RCPT TO:"):
			msg.To = append(msg.To, strings.TrimSpace(line[len("RCPT TO:"):]))
			reply("250 OK")
		case cmd == "DATA":
			reply("354 go ahead")
			var data strings.Builder
			for {
				l, err := r.ReadString('\n')
				if err != nil {
					return
				}
				if l == ".\r\n" {
					break
				}
				data.WriteString(l)
			}
			msg.Data = decodeBody(data.String())
			if s.accept(msg) {
				reply("250 queued")
			} else {
				reply("451 try again later")
			}
		case cmd == "QUIT":
			reply("221 bye")
			return
		default:
			reply("250 OK")
		}
	}
}
