package kit

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// ErrNoKey refuses to store a second factor on a server with no encryption key; the shell
// answers it with a page that says so.
var ErrNoKey = echo.NewHTTPError(http.StatusServiceUnavailable, "no encryption key")
