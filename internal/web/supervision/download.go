package supervision

import (
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/store"
	rules "github.com/securebase/securebase/internal/supervision"
	"github.com/securebase/securebase/internal/web/kit"
	view "github.com/securebase/securebase/templates/supervision"
)

// Download streams a CSV file as rows come from the database. De-identified files may be
// fetched with GET; identified ones only by POST with the CSRF token and a confirmation.
func (h *Handlers) Download(c echo.Context) error {
	values := c.QueryParams()
	if c.Request().Method == http.MethodPost {
		if err := kit.OnlyFields(c, "identified", "confirm", "full_dates", "bom", "counsellor", "status", "from", "to", "kind", "clients"); err != nil {
			return err
		}
		form, err := c.FormParams()
		if err != nil {
			return echo.ErrBadRequest
		}
		values = form
	}
	if values.Get("kind") == "" {
		values.Set("kind", c.Param("kind"))
	}
	req, form, err := h.readExportRequest(c, values)
	if err != nil {
		return err
	}
	if req.Identified && c.Request().Method != http.MethodPost {
		form.Fail("identified", "Ask for an identified export with the form below.")
	}
	if form.HasErrors() {
		v, err := h.exportsView(c, form, req.Kind)
		if err != nil {
			return err
		}
		return h.Render(c, http.StatusUnprocessableEntity, view.Exports(v))
	}
	if g := h.Exports; g != nil {
		practice := kit.CurrentUser(c).PracticeID
		if !g.Enter(practice) {
			return kit.ErrExportsBusy
		}
		defer g.Leave(practice)
	}
	// Audited before the first byte (an export that cannot be audited does not start) and
	// again with the row count when it ends.
	entry := store.AuditEntry{Action: "export.start", EntityType: "export", EntityID: req.Kind, Detail: exportDetail(req, -1)}
	if err := h.Audit(c, entry); err != nil {
		return err
	}
	return h.stream(c, req, entry)
}

// stream writes the file of req; entry is the start's audit entry, written again when it ends.
func (h *Handlers) stream(c echo.Context, req exportRequest, entry store.AuditEntry) error {
	today, _, err := h.PracticeToday(c)
	if err != nil {
		return err
	}
	name := req.Kind
	if req.Identified {
		name += "-identified"
	}
	hd := c.Response().Header()
	hd.Set(echo.HeaderContentType, "text/csv; charset=utf-8")
	hd.Set(echo.HeaderContentDisposition, fmt.Sprintf(`attachment; filename="%s"`, rules.Filename(name, req.ScopeName, today)))
	c.Response().WriteHeader(http.StatusOK)
	w, err := rules.NewWriter(c.Response(), req.BOM)
	if err != nil {
		return err
	}
	headerDone := false
	header, err := h.produceExport(c, req, func(cells []rules.Cell) error { return w.Row(cells...) }, func(cols []string) error {
		headerDone = true
		if err := w.Header(cols...); err != nil {
			return err
		}
		c.Response().Flush() // the first byte leaves now, before the first row is read
		return nil
	})
	if err == nil && !headerDone {
		err = w.Header(header...)
	}
	if err == nil {
		err = w.Close()
	}
	entry.Action, entry.Detail = "export.done", exportDetail(req, w.Rows())
	if err != nil {
		entry.Outcome = store.OutcomeFailure
	}
	if aerr := h.Audit(c, entry); aerr != nil {
		h.Log.Error("audit export", "request_id", kit.RequestID(c), "err", aerr)
	}
	if err != nil {
		h.Log.Error("export failed", "request_id", kit.RequestID(c), "export", req.Kind, "err", err)
		// The file has started: cut the connection so the browser marks the download failed,
		// rather than end it cleanly and leave a complete-looking, truncated file.
		panic(http.ErrAbortHandler)
	}
	return nil
}
