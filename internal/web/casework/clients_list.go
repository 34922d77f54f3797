package casework

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/casework"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web/kit"
	view "github.com/securebase/securebase/templates/casework"
	"github.com/securebase/securebase/templates/ui"
)

const caseloadPerPage = 25

// Caseload lists the clients a user may see, searchable, filterable, sortable and paginated.
func (h *Handlers) Caseload(c echo.Context) error {
	ctx := c.Request().Context()
	u := kit.CurrentUser(c)
	q := c.QueryParams()
	f := store.ClientFilter{Scope: kit.ScopeOf(u), Query: q.Get("q"), Sort: q.Get("sort"), Desc: q.Get("dir") == "desc",
		Archived: q.Get("archived") == "1", Limit: caseloadPerPage}
	if casework.ClientStatuses().Has(q.Get("status")) {
		f.Status = q.Get("status")
	}
	if casework.Formats().Has(q.Get("format")) {
		f.Format = q.Get("format")
	}
	if id, err := strconv.ParseInt(q.Get("counsellor"), 10, 64); err == nil && u.Role == store.RoleAdmin {
		f.CounsellorID = id
	}
	if _, ok := store.ClientSorts()[f.Sort]; !ok {
		f.Sort = "name"
	}
	f.Query = strings.ToValidUTF8(f.Query, "")
	if r := []rune(f.Query); len(r) > 100 {
		f.Query = string(r[:100])
	}
	page, _ := strconv.Atoi(q.Get("page"))
	page = max(1, min(page, 100000))
	f.Offset = (page - 1) * caseloadPerPage
	rows, total, err := h.Store.Caseload(ctx, u.PracticeID, f)
	if err != nil {
		return err
	}
	if err := h.Audit(c, store.AuditEntry{Action: "caseload.view", Detail: fmt.Sprintf("rows=%d page=%d", len(rows), page)}); err != nil {
		return err
	}
	v := view.CaseloadView{Page: h.Page(c, "Caseload"), Form: &ui.Form{Values: q}, Total: total,
		Pager: ui.NewPager("/clients", q, page, caseloadPerPage, total), Sort: f.Sort, Desc: f.Desc,
		Statuses: kit.Options(casework.ClientStatuses()), Formats: kit.Options(casework.Formats()),
		Name: sortHeadFor(q, "name", "Name", f), Code: sortHeadFor(q, "code", "Code", f),
		Status: sortHeadFor(q, "status", "Status", f), Next: sortHeadFor(q, "next", "Next appointment", f)}
	if u.Role == store.RoleAdmin {
		if v.Counsellors, err = h.counsellorOptions(c); err != nil {
			return err
		}
	}
	for _, r := range rows {
		row := view.CaseloadRow{Client: clientView(r.Client), NextAppointment: "—"}
		if r.NextAppointment != nil {
			row.NextAppointment = r.NextAppointment.UTC().Format("2 Jan 2006")
		}
		v.Rows = append(v.Rows, row)
	}
	return h.Render(c, http.StatusOK, view.Caseload(v))
}

// sortHeadFor links a column header to sorting by key, flipping the direction when the
// caseload is already sorted by it ascending.
func sortHeadFor(q url.Values, key, label string, f store.ClientFilter) view.SortHead {
	v := url.Values{}
	for k, vs := range q {
		v[k] = vs
	}
	v.Set("sort", key)
	v.Del("page")
	v.Del("dir")
	active := f.Sort == key
	if active && !f.Desc {
		v.Set("dir", "desc")
	}
	return view.SortHead{Label: label, URL: "/clients?" + v.Encode(), Active: active, Desc: active && f.Desc}
}

// counsellorOptions lists the practice's active counsellors, for choosing one.
func (h *Handlers) counsellorOptions(c echo.Context) ([]ui.Option, error) {
	counsellors, err := h.Store.Counsellors(c.Request().Context(), kit.CurrentUser(c).PracticeID)
	if err != nil {
		return nil, err
	}
	out := make([]ui.Option, len(counsellors))
	for i, u := range counsellors {
		out[i] = ui.Option{Value: strconv.FormatInt(u.ID, 10), Label: u.DisplayName}
	}
	return out, nil
}
