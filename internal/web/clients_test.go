package web_test

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/securebase/securebase/internal/store"
)

func TestCounsellorAddsAClientWithACodeAndSafeContactPreferences(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	form := url.Values{
		"first_name": {"Riley"}, "last_name": {"Stone"}, "preferred_name": {"Ri"}, "pronouns": {"they/them"},
		"date_of_birth": {"1994-05-02"}, "format": {"couples"}, "contact_method": {"email"}, "email": {"riley@example.org"},
		"neutral_messages": {"true"}, "safe_contact_note": {"Partner checks my phone"},
	}
	res := f.counsellor.Post("/clients", form)
	if res.Status != 303 || !strings.HasPrefix(res.Location, "/clients/") {
		t.Fatalf("add client: status %d location %q", res.Status, res.Location)
	}
	page := f.counsellor.Get(res.Location)
	mustContain(t, "client page", page.Body, "<h1>Ri <small>(Riley Stone)</small></h1>", "SB-0002", "Couples", "they/them", "Partner checks my phone", f.me.DisplayName)
	var cl store.Client
	if err := f.app.DB.App.Get(&cl, `SELECT practice_id, id, code, counsellor_id, first_name, last_name, preferred_name, pronouns,
		date_of_birth, email, phone, format, status, contact_method, neutral_messages, safe_contact_note, archived_at, version,
		created_at, updated_at, '' AS counsellor_name, false AS risk_flag_open FROM clients WHERE code = 'SB-0002'`); err != nil {
		t.Fatal(err)
	}
	if cl.CounsellorID != f.me.ID || cl.Status != "intake" || cl.ContactMethod != "email" || !cl.NeutralMessages || cl.DateOfBirth == nil {
		t.Fatalf("stored client: %+v", cl)
	}
	var created int
	if err := f.app.DB.App.Get(&created, `SELECT count(*) FROM audit_log WHERE action = 'client.create' AND client_id = $1`, cl.ID); err != nil || created != 1 {
		t.Fatalf("client.create audit rows %d (%v)", created, err)
	}
}

func TestClientFormValidationKeepsInput(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	cases := []struct {
		name  string
		form  url.Values
		field string
		msg   string
	}{
		{"no first name", url.Values{"last_name": {"Stone"}, "format": {"individual"}, "contact_method": {"neither"}}, "first_name", "required"},
		{"bad email", url.Values{"first_name": {"Kit"}, "last_name": {"Stone"}, "email": {"kit-at-home"}, "format": {"individual"}, "contact_method": {"neither"}}, "email", "email address"},
		{"email chosen but missing", url.Values{"first_name": {"Kit"}, "last_name": {"Stone"}, "format": {"individual"}, "contact_method": {"email"}}, "email", "Add an email"},
		{"future birth date", url.Values{"first_name": {"Kit"}, "last_name": {"Stone"}, "date_of_birth": {daysFromNow(3)}, "format": {"individual"}, "contact_method": {"neither"}}, "date_of_birth", "future"},
		{"impossible date", url.Values{"first_name": {"Kit"}, "last_name": {"Stone"}, "date_of_birth": {"1990-02-31"}, "format": {"individual"}, "contact_method": {"neither"}}, "date_of_birth", "real date"},
		{"unknown format", url.Values{"first_name": {"Kit"}, "last_name": {"Stone"}, "format": {"solo"}, "contact_method": {"neither"}}, "format", "individual, couples or group"},
		{"letters in phone", url.Values{"first_name": {"Kit"}, "last_name": {"Stone"}, "phone": {"call me"}, "format": {"individual"}, "contact_method": {"neither"}}, "phone", "digits"},
	}
	for _, tc := range cases {
		res := f.counsellor.Post("/clients", tc.form)
		if res.Status != 422 {
			t.Errorf("%s: status %d, want 422", tc.name, res.Status)
			continue
		}
		if msg := fieldError(res.Body, tc.field); !strings.Contains(msg, tc.msg) {
			t.Errorf("%s: message beside %s = %q, want %q", tc.name, tc.field, msg, tc.msg)
		}
		if v := tc.form.Get("last_name"); !strings.Contains(res.Body, `value="`+v+`"`) {
			t.Errorf("%s: the last name typed was lost", tc.name)
		}
	}
	var n int
	if err := f.app.DB.App.Get(&n, `SELECT count(*) FROM clients`); err != nil || n != 1 {
		t.Fatalf("clients after invalid submissions: %d", n)
	}
}

func TestCaseloadSearchFilterSortAndPagination(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t) // Jordan Avery (SB-0001), the counsellor's
	for i := 0; i < 27; i++ {
		f.addClient(t, f.me.ID, fmt.Sprintf("Client%02d", i), "Zephyr", "")
	}
	mine := f.addClient(t, f.me.ID, "Morgan", "Blake", "")
	theirs := f.addClient(t, f.otherUser.ID, "Casey", "Other", "")
	ctx := context.Background()
	if err := f.app.Store.SetClientStatus(ctx, f.practice.ID, mine.ID, []string{"intake"}, "active", store.AuditEntry{Action: "test.seed"}); err != nil {
		t.Fatal(err)
	}

	page1 := f.counsellor.Get("/clients")
	mustContain(t, "caseload", page1.Body, "29 clients", "Avery, Jordan", `rel="next"`)
	if strings.Contains(page1.Body, "Casey") {
		t.Fatal("a counsellor sees another counsellor's client")
	}
	if n := strings.Count(page1.Body, `data-testid="client-row-`); n != 25 {
		t.Fatalf("rows on page 1 = %d, want 25", n)
	}
	page2 := f.counsellor.Get("/clients?page=2")
	if n := strings.Count(page2.Body, `data-testid="client-row-`); n != 4 {
		t.Fatalf("rows on page 2 = %d, want 4", n)
	}
	byName := f.counsellor.Get("/clients?q=blak")
	mustContain(t, "search by name", byName.Body, "1 client", "Blake, Morgan")
	byCode := f.counsellor.Get("/clients?q=" + url.QueryEscape(f.client.Code))
	mustContain(t, "search by code", byCode.Body, "1 client", "Avery, Jordan")
	if res := f.counsellor.Get("/clients?q=" + url.QueryEscape("%")); !strings.Contains(res.Body, "0 clients") {
		t.Error("a % in the search matched everything")
	}
	active := f.counsellor.Get("/clients?status=active")
	mustContain(t, "status filter", active.Body, "1 client", "Blake, Morgan")
	couples := f.counsellor.Get("/clients?format=couples")
	mustContain(t, "format filter", couples.Body, "0 clients")
	desc := f.counsellor.Get("/clients?sort=code&dir=desc")
	if first := strings.Index(desc.Body, "client-row-SB-0029"); first < 0 || first > strings.Index(desc.Body, "client-row-SB-0028") {
		t.Fatal("sorting by code descending does not put SB-0029 first")
	}
	if strings.Contains(f.counsellor.Get("/clients?sort=pg_sleep(1)").Body, "Something went wrong") {
		t.Fatal("an unknown sort key reached the database")
	}

	all := f.admin.Get("/clients?q=casey")
	mustContain(t, "admin caseload", all.Body, "1 client", "Other, Casey", f.otherUser.DisplayName)
	filtered := f.admin.Get("/clients?counsellor=" + itoa(f.otherUser.ID))
	mustContain(t, "admin counsellor filter", filtered.Body, "1 client")
	if f.supervisor.Get("/clients").Status != 403 {
		t.Fatal("a supervisor opened the identified caseload")
	}
	_ = theirs
}

func TestAdminReassignsAClientAndItIsAudited(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	res := f.admin.Post(f.path("/reassign"), url.Values{"counsellor_id": {itoa(f.otherUser.ID)}})
	if res.Status != 303 {
		t.Fatalf("reassign: status %d", res.Status)
	}
	if f.counsellor.Get(f.path("")).Status != 404 {
		t.Fatal("the previous counsellor still opens the client")
	}
	if f.other.Get(f.path("")).Status != 200 {
		t.Fatal("the new counsellor cannot open the client")
	}
	var detail string
	if err := f.app.DB.App.Get(&detail, `SELECT detail FROM audit_log WHERE action = 'client.reassign' AND client_id = $1`, f.client.ID); err != nil {
		t.Fatal(err)
	}
	if detail != fmt.Sprintf("counsellor %d->%d", f.me.ID, f.otherUser.ID) {
		t.Fatalf("reassignment audit detail %q", detail)
	}
	// Only to an active counsellor of the practice, and only by an admin.
	if res := f.admin.Post(f.path("/reassign"), url.Values{"counsellor_id": {itoa(f.me.ID + 1000)}}); res.Status != 303 {
		t.Fatalf("reassign to a stranger: status %d", res.Status)
	}
	if got, _ := f.app.Store.Client(context.Background(), f.practice.ID, store.Scope{}, f.client.ID); got.CounsellorID != f.otherUser.ID {
		t.Fatal("a client was reassigned to someone who is not a counsellor here")
	}
	if res := f.other.Post(f.path("/reassign"), url.Values{"counsellor_id": {itoa(f.me.ID)}}); res.Status != 403 {
		t.Fatalf("a counsellor reassigning: status %d, want 403", res.Status)
	}
}

func TestClientStatusPauseDischargeArchive(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	step := func(action, want string) {
		t.Helper()
		if res := f.counsellor.Post(f.path("/status"), url.Values{"action": {action}}); res.Status != 303 {
			t.Fatalf("%s: status %d", action, res.Status)
		}
		got, _ := f.app.Store.Client(context.Background(), f.practice.ID, store.Scope{}, f.client.ID)
		if got.Status != want {
			t.Fatalf("after %s: status %s, want %s", action, got.Status, want)
		}
	}
	step("pause", "intake") // refused: an intake client is not active
	step("activate", "active")
	step("pause", "paused")
	step("activate", "active")
	if res := f.counsellor.Post(f.path("/archive"), nil); res.Status != 303 {
		t.Fatal("archive request failed")
	}
	if got, _ := f.app.Store.Client(context.Background(), f.practice.ID, store.Scope{}, f.client.ID); got.ArchivedAt != nil {
		t.Fatal("an active client was archived")
	}
	step("discharge", "discharged")
	f.counsellor.Post(f.path("/archive"), nil)
	if strings.Contains(f.counsellor.Get("/clients").Body, "Avery") {
		t.Fatal("an archived client still shows in the caseload")
	}
	mustContain(t, "archive view", f.counsellor.Get("/clients?archived=1").Body, "Avery, Jordan")
	f.counsellor.Post(f.path("/archive"), url.Values{"action": {"restore"}})
	mustContain(t, "caseload after restore", f.counsellor.Get("/clients").Body, "Avery, Jordan")
	step("reopen", "active")
	if n := f.auditCount(t, "client.status"); n != 5 {
		t.Fatalf("client.status audit rows = %d, want 5", n)
	}
	if f.counsellor.Post(f.path("/status"), url.Values{"action": {"explode"}}).Status != 400 {
		t.Fatal("an unknown status action was not refused")
	}
}

func TestEditingAClientDetectsAConcurrentEdit(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	base := url.Values{"first_name": {"Jordan"}, "last_name": {"Avery"}, "format": {"individual"}, "contact_method": {"neither"}, "version": {"1"}}
	first := url.Values{}
	for k, v := range base {
		first[k] = v
	}
	first.Set("pronouns", "she/her")
	if res := f.counsellor.Post(f.path(""), first); res.Status != 303 {
		t.Fatalf("first edit: status %d", res.Status)
	}
	second := url.Values{}
	for k, v := range base {
		second[k] = v
	}
	second.Set("pronouns", "they/them")
	res := f.admin.Post(f.path(""), second)
	if res.Status != 409 || !strings.Contains(res.Body, "Someone else changed") || !strings.Contains(res.Body, `value="they/them"`) {
		t.Fatalf("stale edit: status %d; want 409 with the typed value kept", res.Status)
	}
	got, _ := f.app.Store.Client(context.Background(), f.practice.ID, store.Scope{}, f.client.ID)
	if got.Pronouns != "she/her" {
		t.Fatalf("pronouns %q: the stale edit overwrote the first", got.Pronouns)
	}
}
