package web_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"github.com/securebase/securebase/internal/store"
)

// The client's details form holds their contact hours and "no messages": the edit form
// shows what is saved, a save keeps what was chosen, and hours that end before they start
// are refused beside the field with the input kept.
func TestClientFormSavesContactHoursAndNoMessages(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	page := f.counsellor.Get(f.path("/edit"))
	mustContain(t, "edit form", page.Body, `name="contact_from"`, `name="contact_until"`, `name="no_messages"`,
		`<option value="9" selected`, `<option value="18" selected`)
	form := url.Values{"first_name": {"Jordan"}, "last_name": {"Avery"}, "format": {"individual"}, "contact_method": {"email"},
		"email": {"jordan@example.org"}, "contact_from": {"17"}, "contact_until": {"20"}, "no_messages": {"true"}, "version": {"1"}}
	if res := f.counsellor.Post(f.path(""), form); res.Status != 303 {
		t.Fatalf("save: status %d", res.Status)
	}
	got, err := f.app.Store.Client(context.Background(), f.practice.ID, store.Scope{}, f.client.ID)
	if err != nil || got.ContactFrom != 17 || got.ContactUntil != 20 || !got.NoMessages {
		t.Fatalf("saved %d to %d, no messages %v (%v)", got.ContactFrom, got.ContactUntil, got.NoMessages, err)
	}
	page = f.counsellor.Get(f.path("/edit"))
	mustContain(t, "edit form after save", page.Body, `<option value="17" selected`, `<option value="20" selected`, `name="no_messages" value="true" checked`)

	form.Set("version", "2")
	form.Set("contact_from", "20")
	form.Set("contact_until", "8")
	res := f.counsellor.Post(f.path(""), form)
	if res.Status != 422 || !strings.Contains(res.Body, "Choose an end after the start") || !strings.Contains(res.Body, `<option value="8" selected`) {
		t.Fatalf("hours ending before they start: status %d", res.Status)
	}
}

// An admin turns on links in reminders (off by default); the change is saved and audited.
func TestThePracticeMayPutLinksInReminders(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	ctx := context.Background()
	if ps, err := f.app.Store.Settings(ctx, f.practice.ID); err != nil || ps.LinksInReminders {
		t.Fatalf("links in reminders on by default (%v)", err)
	}
	mustContain(t, "settings page", f.admin.Get("/admin/practice").Body, `name="links_in_reminders"`)
	if res := f.admin.Post("/admin/practice", url.Values{"time_zone": {"Europe/London"}, "retention_years": {"0"},
		"links_in_reminders": {"true"}}); res.Status != 303 {
		t.Fatalf("save the setting: %d", res.Status)
	}
	if ps, err := f.app.Store.Settings(ctx, f.practice.ID); err != nil || !ps.LinksInReminders {
		t.Fatalf("the setting was not saved (%v)", err)
	}
	var n int
	if err := f.app.DB.App.Get(&n, `SELECT count(*) FROM audit_log WHERE practice_id = $1 AND action = 'practice.update'
		AND detail LIKE '%links_in_reminders=true%'`, f.practice.ID); err != nil || n != 1 {
		t.Fatalf("%d audit rows (%v)", n, err)
	}
}
