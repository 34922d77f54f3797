package web

import (
	"context"
	"net/http"

	"github.com/labstack/echo/v4"
)

// headKey marks, in a request's context, a HEAD answered as GET.
type headKey struct{}

// headAsGet answers HEAD on every GET route as GET would, headers and status alike: monitors
// and link checkers send HEAD, and a 404 told them the service or the link was gone. The
// router sees a GET; net/http, which still holds the original HEAD request, drops the body.
// HEAD runs what GET runs and so changes what GET changes: nothing but its audit entries.
func headAsGet(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodHead {
			next.ServeHTTP(w, r)
			return
		}
		get := r.WithContext(context.WithValue(r.Context(), headKey{}, true))
		get.Method = http.MethodGet
		next.ServeHTTP(w, get)
	})
}

// requestMethod is the method the browser sent: HEAD for a HEAD answered as GET.
func requestMethod(c echo.Context) string {
	if head, _ := c.Request().Context().Value(headKey{}).(bool); head {
		return http.MethodHead
	}
	return c.Request().Method
}
