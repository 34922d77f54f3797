package casework

import (
	"errors"
	"time"
)

// MaxRetentionYears is the longest retention period a practice may set.
const MaxRetentionYears = 30

// Reasons an admin may give for deleting a client's record.
const (
	DeleteRetentionEnded = "retention_ended"
	DeleteErasureRequest = "erasure_request"
)

// DeletionReasons lists why a record may be deleted.
func DeletionReasons() Options {
	return Options{
		{DeleteRetentionEnded, "The practice's retention period has ended"},
		{DeleteErasureRequest, "The client asked for their data to be erased"},
	}
}

// ErrInCare refuses to delete the record of a client who has not been discharged.
var ErrInCare = errors.New("client still in care")

// Retention is what decides whether a client's record may be deleted: whether care has
// ended, when, and for how many years the practice keeps records after that.
type Retention struct {
	Discharged bool
	EndOfCare  time.Time // the latest of the discharge, the archiving and the last attended appointment
	Years      int
}

// DeletableFrom is when the retention period ends: Years after the end of care.
func (r Retention) DeletableFrom() time.Time { return r.EndOfCare.AddDate(r.Years, 0, 0) }

// RetentionRunning refuses a deletion before the retention period has ended, whatever the
// reason given: an erasure request does not override the duty to keep clinical records.
type RetentionRunning struct{ Until time.Time }

func (e RetentionRunning) Error() string {
	return "retention period runs until " + e.Until.Format(time.RFC3339)
}

// CheckDeletion returns nil when the record may be deleted at now, ErrInCare while the
// client is in care, and RetentionRunning while the retention period runs.
func CheckDeletion(r Retention, now time.Time) error {
	if !r.Discharged {
		return ErrInCare
	}
	if until := r.DeletableFrom(); now.Before(until) {
		return RetentionRunning{Until: until}
	}
	return nil
}
