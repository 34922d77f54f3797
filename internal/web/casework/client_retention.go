package casework

import (
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/securebase/securebase/internal/casework"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/web/kit"
)

// retentionOf turns the stored facts into the retention rule's terms.
func retentionOf(r store.ClientRetention) casework.Retention {
	return casework.Retention{Discharged: r.EndOfCare.Valid, EndOfCare: r.EndOfCare.Time, Years: r.RetentionYears}
}

// refusalMessage says why the record may not be deleted, and when it may; "" when it may.
func refusalMessage(err error, cl store.Client, r store.ClientRetention, loc *time.Location) string {
	var running casework.RetentionRunning
	switch {
	case err == nil:
		return ""
	case errors.Is(err, casework.ErrInCare):
		return cl.Code + " is still in care. Discharge the client first (and archive them if you wish): a record can be deleted " +
			"only once care has ended and the practice's retention period has run."
	case errors.As(err, &running):
		return fmt.Sprintf("The practice keeps records for %s after care ends. %s's care ended on %s, so the record can be deleted "+
			"from %s. This applies to an erasure request too: while the retention period runs, the duty to keep clinical records comes first.",
			years(r.RetentionYears), cl.Code, r.EndOfCare.Time.In(loc).Format("2 Jan 2006"), running.Until.In(loc).Format(kit.MomentLayout))
	}
	return "The record cannot be deleted now."
}

// refusalKind names a refusal for the audit log.
func refusalKind(err error) string {
	if errors.Is(err, casework.ErrInCare) {
		return "in_care"
	}
	return "retention"
}

// years writes n years, with an s unless n is 1.
func years(n int) string {
	if n == 1 {
		return "1 year"
	}
	return strconv.Itoa(n) + " years"
}
