package kit

import (
	"bytes"
	"fmt"
	"net/http"

	"github.com/a-h/templ"
	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/auth"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/templates/layout"
	"github.com/securebase/securebase/templates/ui"
)

// Client session keys the client frame reads.
const (
	KeyClientFlash = "flash"
	KeyHelpOpen    = "help_open" // the next client page shows "Need help now?" open
)

// Page starts the staff frame of a page: viewer, CSRF token, flash and request id.
func (k *Kit) Page(c echo.Context, title string) layout.Page {
	return layout.Page{
		Title:     title,
		Viewer:    viewerOf(CurrentUser(c)),
		CSRF:      k.CSRFToken(c),
		Flash:     k.Sessions.PopString(c.Request().Context(), auth.KeyFlash),
		RequestID: RequestID(c),
		Assets:    k.Assets,
	}
}

// ClientPage starts the client frame of a page: neutral title, quick exit, help.
func (k *Kit) ClientPage(c echo.Context, title string) layout.ClientPage {
	ctx := c.Request().Context()
	return layout.ClientPage{
		Title:         title,
		CSRF:          k.CSRFToken(c),
		Flash:         k.ClientSessions.PopString(ctx, KeyClientFlash),
		HelpOpen:      k.ClientSessions.PopBool(ctx, KeyHelpOpen),
		QuickExitURL:  k.Config.QuickExitURL.String(),
		EmergencyLine: k.Config.EmergencyLine,
		Assets:        k.Assets,
	}
}

// Viewer is the signed-in staff member as the frame shows them; nil when nobody is.
func (k *Kit) Viewer(c echo.Context) *layout.Viewer { return viewerOf(CurrentUser(c)) }

func viewerOf(u *store.User) *layout.Viewer {
	if u == nil {
		return nil
	}
	return &layout.Viewer{Name: u.DisplayName, Role: string(u.Role)}
}

// Render writes a page into a buffer first, so a rendering error becomes a clean 500
// instead of half a page.
func (k *Kit) Render(c echo.Context, status int, page templ.Component) error {
	var buf bytes.Buffer
	if err := page.Render(c.Request().Context(), &buf); err != nil {
		return fmt.Errorf("render %s: %w", c.Path(), err)
	}
	return c.HTMLBlob(status, buf.Bytes())
}

// Flash stores a message for the next staff page and redirects there (post/redirect/get).
func (k *Kit) Flash(c echo.Context, to, message string) error {
	k.Sessions.Put(c.Request().Context(), auth.KeyFlash, message)
	return c.Redirect(http.StatusSeeOther, to)
}

// Options turns a vocabulary list into the choices a select or radio group shows.
func Options[T ~struct{ Value, Label string }](list []T) []ui.Option {
	out := make([]ui.Option, len(list))
	for i, o := range list {
		out[i] = ui.Option(o)
	}
	return out
}
