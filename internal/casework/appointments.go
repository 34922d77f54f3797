package casework

import "time"

// Limits of an appointment's length, in minutes.
const (
	ShortestAppointment = 5
	LongestAppointment  = 480
)

// AppointmentDayInRange reports whether an appointment's day is plausible: from the year 2000
// to five years after now.
func AppointmentDayInRange(day, now time.Time) bool {
	return day.Year() >= 2000 && !day.After(now.AddDate(5, 0, 0))
}

// AppointmentLengthOK reports whether minutes is an appointment's length the practice records.
func AppointmentLengthOK(minutes int) bool {
	return minutes >= ShortestAppointment && minutes <= LongestAppointment
}

// AppointmentStatusProblem judges an appointment's status against its start (known: the date
// and time were read) and now: a known status; one scheduled more than a day ago must be
// recorded as what happened; one in the future cannot have been attended. "" when fine.
func AppointmentStatusProblem(status string, starts time.Time, known bool, now time.Time) string {
	switch {
	case !AppointmentStatuses().Has(status):
		return "Choose what happened."
	case status == "scheduled" && known && starts.Before(now.Add(-24*time.Hour)):
		return "This appointment is in the past: record whether it was attended, cancelled or a no-show."
	case status == "attended" && known && starts.After(now):
		return "An appointment in the future cannot have been attended yet."
	}
	return ""
}
