package supervision

import (
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/casework"
	"github.com/securebase/securebase/internal/store"
	rules "github.com/securebase/securebase/internal/supervision"
	"github.com/securebase/securebase/internal/web/kit"
	view "github.com/securebase/securebase/templates/supervision"
	"github.com/securebase/securebase/templates/ui"
)

// ExportsPage explains each file and offers the filters, with a preview of the first rows.
func (h *Handlers) ExportsPage(c echo.Context) error {
	values := c.QueryParams()
	if values.Get("kind") == "" {
		values.Set("kind", "caseload")
	}
	values.Del("identified") // a preview is never identified, nor in full dates
	values.Del("full_dates")
	req, form, err := h.readExportRequest(c, values)
	if err != nil {
		return err
	}
	req.Filter.Limit = 10
	var header []string
	var rows [][]string
	if !form.HasErrors() {
		header, err = h.produceExport(c, req, func(cells []rules.Cell) error {
			rows = append(rows, rules.PreviewRow(header, cells))
			return nil
		}, func(hd []string) error { header = hd; return nil })
		if err != nil {
			return err
		}
		if err := h.Audit(c, store.AuditEntry{Action: "export.preview", EntityType: "export", EntityID: req.Kind, Detail: exportDetail(req, len(rows))}); err != nil {
			return err
		}
	}
	v, err := h.exportsView(c, form, req.Kind)
	if err != nil {
		return err
	}
	v.Columns, v.Matched = previewColumns(header, rows), len(rows)
	status := http.StatusOK
	if form.HasErrors() {
		status = http.StatusUnprocessableEntity
	}
	return h.Render(c, status, view.Exports(v))
}

// exportsView is the exports page around form, without a preview.
func (h *Handlers) exportsView(c echo.Context, form *ui.Form, kind string) (view.ExportsView, error) {
	counsellors, err := h.exportCounsellors(c)
	if err != nil {
		return view.ExportsView{}, err
	}
	v := view.ExportsView{Page: h.Page(c, "Exports"), Form: form, Kind: rules.ValidKind(kind),
		Statuses:    append([]ui.Option{{Value: "", Label: "Any"}}, kit.Options(casework.ClientStatuses())...),
		CanIdentify: kit.CurrentUser(c).Role != store.RoleSupervisor}
	for _, k := range rules.Kinds() {
		v.Files = append(v.Files, view.File(k))
	}
	for _, u := range counsellors {
		v.Counsellors = append(v.Counsellors, ui.Option{Value: strconv.FormatInt(u.ID, 10), Label: u.DisplayName})
	}
	for _, name := range []string{"counsellor", "status", "bom"} { // carried over to the identified form
		if val := form.Value(name); val != "" {
			v.Carried = append(v.Carried, view.Hidden{Name: name, Value: val})
		}
	}
	return v, nil
}

// previewColumns explains each column of a file and shows its first few distinct values.
func previewColumns(header []string, rows [][]string) []view.Column {
	out := make([]view.Column, len(header))
	for i, name := range header {
		var seen []string
		for _, row := range rows {
			if v := row[i]; v != "" && !slices.Contains(seen, v) && len(seen) < 3 {
				seen = append(seen, v)
			}
		}
		out[i] = view.Column{Name: name, About: rules.AboutColumn(name), Examples: strings.Join(seen, ", ")}
	}
	return out
}
