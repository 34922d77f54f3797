package web_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/securebase/securebase/internal/testutil"
)

// A request whose browser has gone (its context cancelled) is not a server failure: it is
// logged as abandoned, not as an error with a 500, while a real failure still is.
func TestARequestAbandonedByTheClientIsNotLoggedAsAFailure(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	// A session cookie makes the request read the database, which the cancelled context stops.
	req := httptest.NewRequest(http.MethodGet, "/", nil).WithContext(ctx)
	req.AddCookie(&http.Cookie{Name: "sb_session", Value: "any-session-token-0123456789abcdef"})
	app.Server.Handler().ServeHTTP(httptest.NewRecorder(), req)
	logs := app.Logs.String()
	if strings.Contains(logs, "request failed") || strings.Contains(logs, `"level":"ERROR"`) {
		t.Fatalf("an abandoned request was logged as a failure: %s", logs)
	}
	if !strings.Contains(logs, "request abandoned by the client") {
		t.Fatalf("the abandoned request is not in the log: %s", logs)
	}
}
