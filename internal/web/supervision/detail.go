package supervision

import (
	"fmt"
	"strconv"
)

// exportDetail is the audit detail of an export: its filters and, when known, its rows.
func exportDetail(req exportRequest, rows int) string {
	f := req.Filter
	d := fmt.Sprintf("identified=%t full_dates=%t counsellor=%d status=%s", req.Identified, req.FullDates, f.CounsellorID, f.Status)
	if !f.Scope.All {
		d += fmt.Sprintf(" scope=%v", f.Scope.Counsellors) // whose caseloads, as they were at the time
	}
	if f.From != nil {
		d += " from=" + f.From.Format("2006-01-02")
	}
	if f.To != nil {
		d += " to=" + f.To.Format("2006-01-02")
	}
	if f.Clients != nil {
		d += " clients=" + strconv.Itoa(len(f.Clients))
	}
	if rows >= 0 {
		d += " rows=" + strconv.Itoa(rows)
	}
	return d
}
