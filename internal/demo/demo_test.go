package demo_test

import (
	"context"
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
	accounts, err := demo.Seed(ctx, app.Store, app.Passwords)
	if err != nil {
		t.Fatal(err)
	}
	roles := map[store.Role]int{}
	for _, a := range accounts {
		roles[a.Role]++
	}
	if roles[store.RoleAdmin] != 1 || roles[store.RoleCounsellor] != 2 || roles[store.RoleSupervisor] != 1 {
		t.Fatalf("demo roles = %v, want an admin, two counsellors and a supervisor", roles)
	}
	for _, a := range accounts {
		if res := app.Client().Login(a.Email, a.Password); res.Status != 303 {
			t.Errorf("demo sign-in %s: status %d", a.Email, res.Status)
		}
	}
	var out strings.Builder
	demo.Print(&out, "http://localhost:8080", accounts)
	if !strings.Contains(out.String(), accounts[0].Password) || !strings.Contains(out.String(), "http://localhost:8080/login") {
		t.Fatal("the printed sign-in details lack a password or the address")
	}
	again, err := demo.Seed(ctx, app.Store, app.Passwords)
	if err != nil || again != nil {
		t.Fatalf("second seed = %v, %v; want nothing done", again, err)
	}
	if n, _ := app.Store.CountPractices(ctx); n != 1 {
		t.Fatalf("practices after two seeds = %d, want 1", n)
	}
}
