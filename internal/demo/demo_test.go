package demo_test

import (
	"context"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/securebase/securebase/internal/demo"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/testutil"
)

func TestSeedCreatesADemoPracticeOnceAndItsSignInsWork(t *testing.T) {
	t.Parallel()
	app := testutil.NewApp(t)
	ctx := context.Background()
	seeded, err := demo.Seed(ctx, app.Store, app.Passwords)
	if err != nil {
		t.Fatal(err)
	}
	accounts := seeded.Accounts
	roles := map[store.Role]int{}
	for _, a := range accounts {
		roles[a.Role]++
	}
	if roles[store.RoleAdmin] != 1 || roles[store.RoleCounsellor] != 2 || roles[store.RoleSupervisor] != 1 {
		t.Fatalf("demo roles = %v, want an admin, two counsellors and a supervisor", roles)
	}
	for _, a := range accounts {
		if res := app.Browser().Login(a.Email, a.Password); res.Status != 303 {
			t.Errorf("demo sign-in %s: status %d", a.Email, res.Status)
		}
	}
	// Each counsellor has a living caseload: clients, an intake, goals with readings, appointments.
	var clients, flagged, goals, readings, attended int
	db := app.DB.App
	for q, dst := range map[string]*int{
		`SELECT count(*) FROM clients`: &clients, `SELECT count(*) FROM risk_flags WHERE cleared_at IS NULL`: &flagged,
		`SELECT count(*) FROM goals WHERE status = 'active'`: &goals, `SELECT count(*) FROM goal_readings`: &readings,
		`SELECT count(*) FROM appointments WHERE status = 'attended'`: &attended,
	} {
		if err := db.Get(dst, q); err != nil {
			t.Fatal(err)
		}
	}
	if clients != 5 || flagged != 1 || goals != 3 || readings != 14 || attended < 20 {
		t.Fatalf("demo casework: %d clients, %d flags, %d goals, %d readings, %d attended", clients, flagged, goals, readings, attended)
	}
	// Every demo page opens for the demo counsellors and admin.
	var pages []string
	if err := db.Select(&pages, `SELECT '/clients/' || c.id FROM clients c UNION ALL
		SELECT '/clients/' || g.client_id || '/goals/' || g.id FROM goals g UNION ALL
		SELECT '/clients/' || c.id || '/intake' FROM clients c UNION ALL
		SELECT '/clients/' || a.client_id || '/homework/' || a.id FROM assignments a UNION ALL
		SELECT '/clients/' || c.id || '/progress' FROM clients c`); err != nil {
		t.Fatal(err)
	}
	admin := app.Browser()
	admin.Login(accounts[0].Email, accounts[0].Password)
	for _, p := range append(pages, "/", "/clients", "/admin/users", "/admin/audit", "/admin/markers", "/admin/conventions", "/admin/supervision") {
		if res := admin.Get(p); res.Status != 200 {
			t.Errorf("demo page %s: status %d", p, res.Status)
		}
	}
	// The demo supervisor supervises the first counsellor, whose client Sam is slipping.
	sup := app.Browser()
	sup.Login(accounts[3].Email, accounts[3].Password)
	// Its row comes from the attention queue the store wrote as the demo was seeded: SB-0002
	// by code, a score reliably worse, and no name anywhere on the supervisor's page.
	home := sup.Get("/")
	row := regexp.MustCompile(`(?s)<li data-testid="queue-row" data-client="SB-0002">.*?</ul></li>`).FindString(home.Body)
	if home.Status != 200 || !strings.Contains(row, `data-kind="deterioration"`) || strings.Contains(home.Body, "Okoro") {
		t.Errorf("the demo supervisor's dashboard: status %d, SB-0002's row %q; want its deterioration by code and no name", home.Status, row)
	}
	var out strings.Builder
	demo.Print(&out, "http://localhost:8080/", seeded)
	for _, want := range []string{accounts[0].Password, accounts[3].Password, "http://localhost:8080/login", "http://localhost:8080" + seeded.ClientLink, "make demo-reset"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the printed demo details lack %q:\n%s", want, out.String())
		}
	}
	// The printed client link opens the client side: Jordan's forms, with the way to earlier entries.
	var live int
	if err := db.Get(&live, `SELECT count(*) FROM client_links l JOIN clients c ON c.practice_id = l.practice_id AND c.id = l.client_id
		WHERE c.first_name = 'Jordan' AND l.revoked_at IS NULL AND l.expires_at > now()`); err != nil || live != 1 {
		t.Fatalf("Jordan's live links = %d, %v; want the one printed", live, err)
	}
	client := app.Browser()
	if res := client.Get(seeded.ClientLink); res.Status != 200 {
		t.Fatalf("the printed client link: status %d", res.Status)
	}
	client.Post("/h/open", url.Values{"token": {strings.TrimPrefix(seeded.ClientLink, "/h/")}})
	if res := client.Get("/h"); res.Status != 200 || !strings.Contains(res.Body, `data-testid="due-list"`) || !strings.Contains(res.Body, `data-testid="entry-form"`) || !strings.Contains(res.Body, "Hello, Jo.") {
		t.Fatalf("the client page from the printed link: status %d, no due forms:\n%s", res.Status, res.Body[strings.Index(res.Body, "<main"):])
	}
	again, err := demo.Seed(ctx, app.Store, app.Passwords)
	if err != nil || again != nil {
		t.Fatalf("second seed = %v, %v; want nothing done", again, err)
	}
	if n, _ := app.Store.CountPractices(ctx); n != 1 {
		t.Fatalf("practices after two seeds = %d, want 1", n)
	}
}
