package testutil

import (
	"net"
	"testing"
)

// FreeLoopbackAddr returns 127.0.0.1 with a port that was free a moment ago.
func FreeLoopbackAddr(t testing.TB) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}
