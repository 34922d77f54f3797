package web_test

import (
	"net/url"
	"strings"
	"testing"
	"time"
)

func TestAppointmentsAreRecordedAndSummarised(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	london, _ := time.LoadLocation("Europe/London")
	past := func(days int) string { return time.Now().In(london).AddDate(0, 0, days).Format("2006-01-02") }
	for _, a := range []url.Values{
		{"date": {past(-14)}, "time": {"10:00"}, "duration": {"50"}, "status": {"attended"}, "format": {"individual"}},
		{"date": {past(-7)}, "time": {"10:00"}, "duration": {"50"}, "status": {"no_show"}, "format": {"individual"}},
		{"date": {past(-3)}, "time": {"09:30"}, "duration": {"80"}, "status": {"attended"}, "format": {"couples"}, "note": {"Partner joined"}},
		{"date": {past(4)}, "time": {"11:15"}, "duration": {"50"}, "status": {"scheduled"}, "format": {"individual"}},
		{"date": {past(11)}, "time": {"11:15"}, "duration": {"50"}, "status": {"scheduled"}, "format": {"individual"}},
	} {
		if res := f.counsellor.Post(f.path("/appointments"), a); res.Status != 303 {
			t.Fatalf("record %v: status %d", a, res.Status)
		}
	}
	page := f.counsellor.Get(f.path(""))
	summary := page.Body[strings.Index(page.Body, `data-testid="appointment-summary"`):]
	summary = summary[:strings.Index(summary, "</p>")]
	mustContain(t, "summary", summary, "2 attended", "last "+time.Now().In(london).AddDate(0, 0, -3).Format("2 Jan 2006")+", 09:30",
		"next "+time.Now().In(london).AddDate(0, 0, 4).Format("2 Jan 2006")+", 11:15")
	mustContain(t, "appointments list", page.Body, "Partner joined", "No-show", "80 min")
	if f.auditCount(t, "appointment.create") != 5 {
		t.Fatal("appointments are not all audited")
	}
	caseload := f.counsellor.Get("/clients")
	mustContain(t, "caseload next appointment", caseload.Body, time.Now().In(london).AddDate(0, 0, 4).Format("2 Jan 2006"))
}

func TestAppointmentValidation(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	cases := []struct {
		name  string
		form  url.Values
		field string
		msg   string
	}{
		{"no date", url.Values{"time": {"10:00"}, "duration": {"50"}, "status": {"attended"}, "format": {"individual"}}, "date", "required"},
		{"impossible date", url.Values{"date": {"2026-02-30"}, "time": {"10:00"}, "duration": {"50"}, "status": {"attended"}, "format": {"individual"}}, "date", "real date"},
		{"no time", url.Values{"date": {daysFromNow(-1)}, "time": {"25:00"}, "duration": {"50"}, "status": {"attended"}, "format": {"individual"}}, "time", "time like"},
		{"duration in words", url.Values{"date": {daysFromNow(-1)}, "time": {"10:00"}, "duration": {"an hour"}, "status": {"attended"}, "format": {"individual"}}, "duration", "whole number"},
		{"too long", url.Values{"date": {daysFromNow(-1)}, "time": {"10:00"}, "duration": {"900"}, "status": {"attended"}, "format": {"individual"}}, "duration", "from 5 to 480"},
		{"attended in the future", url.Values{"date": {daysFromNow(3)}, "time": {"10:00"}, "duration": {"50"}, "status": {"attended"}, "format": {"individual"}}, "status", "cannot have been attended"},
		{"scheduled in the past", url.Values{"date": {daysFromNow(-9)}, "time": {"10:00"}, "duration": {"50"}, "status": {"scheduled"}, "format": {"individual"}}, "status", "in the past"},
		{"unknown status", url.Values{"date": {daysFromNow(-1)}, "time": {"10:00"}, "duration": {"50"}, "status": {"maybe"}, "format": {"individual"}}, "status", "Choose"},
	}
	for _, tc := range cases {
		tc.form.Set("note", "kept note "+tc.name)
		res := f.counsellor.Post(f.path("/appointments"), tc.form)
		if res.Status != 422 {
			t.Errorf("%s: status %d, want 422", tc.name, res.Status)
			continue
		}
		if msg := fieldError(res.Body, tc.field); !strings.Contains(msg, tc.msg) {
			t.Errorf("%s: message beside %s = %q, want %q", tc.name, tc.field, msg, tc.msg)
		}
		if !strings.Contains(res.Body, "kept note "+tc.name) {
			t.Errorf("%s: note lost", tc.name)
		}
	}
}

func TestAppointmentTimesShowInThePracticesTimeZone(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	if res := f.admin.Post("/admin/practice", url.Values{"time_zone": {"Australia/Sydney"}, "retention_years": {"0"}}); res.Status != 303 {
		t.Fatalf("time zone: status %d", res.Status)
	}
	sydney, err := time.LoadLocation("Australia/Sydney")
	if err != nil {
		t.Fatal(err)
	}
	day := time.Now().In(sydney).AddDate(0, 0, -2)
	form := url.Values{"date": {day.Format("2006-01-02")}, "time": {"10:00"}, "duration": {"50"}, "status": {"attended"}, "format": {"individual"}}
	if res := f.counsellor.Post(f.path("/appointments"), form); res.Status != 303 {
		t.Fatalf("record: status %d", res.Status)
	}
	var startsAt time.Time
	if err := f.app.DB.App.Get(&startsAt, `SELECT starts_at FROM appointments WHERE client_id = $1`, f.client.ID); err != nil {
		t.Fatal(err)
	}
	if got := startsAt.In(sydney).Format("15:04"); got != "10:00" {
		t.Fatalf("stored as %s in Sydney, want 10:00", got)
	}
	mustContain(t, "client page", f.counsellor.Get(f.path("")).Body, "last "+day.Format("2 Jan 2006")+", 10:00")
}
