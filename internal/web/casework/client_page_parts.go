package casework

import (
	"fmt"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/casework"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web/kit"
	view "github.com/securebase/securebase/templates/casework"
)

// appointmentsSummary words the client's appointment counts and the latest ten.
func (h *Handlers) appointmentsSummary(c echo.Context, summary store.AppointmentSummary, appointments []store.Appointment) (view.AppointmentsSummary, error) {
	var out view.AppointmentsSummary
	loc, err := h.PracticeLocation(c)
	if err != nil {
		return out, err
	}
	zoned := func(t time.Time) string { return t.In(loc).Format(kit.MomentLayout) }
	out.Attended = summary.Attended
	if summary.Last != nil {
		out.Last = zoned(*summary.Last)
	}
	if summary.Next != nil {
		out.Next = zoned(*summary.Next)
	}
	for i, a := range appointments {
		if i == 10 {
			break
		}
		out.Recent = append(out.Recent, view.AppointmentRow{ID: a.ID, When: zoned(a.StartsAt), Minutes: a.DurationMinutes,
			Status: casework.AppointmentStatuses().Label(a.Status), Format: casework.Formats().Label(a.Format), Note: a.Note})
	}
	return out, nil
}

// linkSummary words the state of the client's private links.
func linkSummary(st store.LinkState, moment func(time.Time) string) view.LinkSummary {
	l := view.LinkSummary{Older: st.Older}
	if st.Current != nil {
		l.HasCurrent, l.CurrentUntil, l.Locked = true, moment(st.Current.ExpiresAt), st.Current.PINLockedAt != nil
	}
	if st.OlderUntil != nil {
		l.OlderUntil = moment(*st.OlderUntil)
	}
	return l
}

// percent shows a share as a whole percentage.
func percent(f float64) string { return fmt.Sprintf("%.0f%%", f*100) }
