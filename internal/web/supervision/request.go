package supervision

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/casework"
	"github.com/securebase/securebase/internal/store"
	rules "github.com/securebase/securebase/internal/supervision"
	"github.com/securebase/securebase/internal/web/kit"
	"github.com/securebase/securebase/templates/ui"
)

// exportRequest is what an export is asked for.
type exportRequest struct {
	Kind       string
	Filter     store.ExportFilter
	FullDates  bool
	BOM        bool
	Identified bool
	ScopeName  string
	deid       deid // pseudonyms and chosen clients, for de-identified files
}

// readExportRequest reads the export form (query or body) and checks it against the user.
func (h *Handlers) readExportRequest(c echo.Context, values url.Values) (exportRequest, *ui.Form, error) {
	form := &ui.Form{Values: values}
	scope, scopeName, err := h.exportScope(c)
	if err != nil {
		return exportRequest{}, form, err
	}
	req := exportRequest{Kind: values.Get("kind"), Filter: store.ExportFilter{Scope: scope}, ScopeName: scopeName,
		FullDates: values.Get("full_dates") == "1", BOM: values.Get("bom") == "1", Identified: values.Get("identified") == "1"}
	if !rules.KnownKind(req.Kind) {
		form.Fail("kind", "Choose one of the files.")
	}
	if id := values.Get("counsellor"); id != "" {
		n, err := strconv.ParseInt(id, 10, 64)
		if err != nil {
			form.Fail("counsellor", "Choose a counsellor from the list.")
		}
		req.Filter.CounsellorID = n
		req.ScopeName = rules.CounsellorCode(n)
	}
	if st := values.Get("status"); st != "" {
		if !casework.ClientStatuses().Has(st) {
			form.Fail("status", "Choose a status from the list.")
		}
		req.Filter.Status = st
	}
	req.Identified = rules.Identifies(req.Identified, req.FullDates)
	if req.Identified {
		req.Filter.From = kit.OptionalDate(form, "from", values.Get("from"))
		req.Filter.To = kit.OptionalDate(form, "to", values.Get("to"))
	}
	failAll(form, rules.CheckRange(req.Identified, req.Filter.From, req.Filter.To, values.Get("from") != "" || values.Get("to") != ""))
	if req.Identified {
		failAll(form, rules.CheckIdentified(kit.CurrentUser(c).Role == store.RoleSupervisor, values.Get("confirm") == "1"))
		req.FullDates = true
		req.Filter.Identified = !form.HasErrors()
		return req, form, nil
	}
	if form.HasErrors() {
		return req, form, nil
	}
	if req.deid, err = h.prepareDeid(c, req.Filter, values.Get("clients")); err != nil {
		return req, form, err
	}
	if len(req.deid.unknown) > 0 {
		form.Fail("clients", "Not among the clients you may export: "+strings.Join(req.deid.unknown, " ")+".")
	}
	req.Filter.Clients = req.deid.clients
	req.ScopeName = rules.ScopeName(req.ScopeName, req.Filter.Scope.All && req.Filter.CounsellorID == 0)
	return req, form, nil
}

// failAll sets each problem's message on its field.
func failAll(form *ui.Form, problems []rules.Problem) {
	for _, p := range problems {
		form.Fail(p.Field, p.Message)
	}
}
