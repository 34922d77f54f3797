// Package demo seeds an empty database with a small practice, so a newcomer running
// `make run` signs in to something that looks alive.
package demo

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/securebase/securebase/internal/auth"
	"github.com/securebase/securebase/internal/store"
)

// PracticeName names the demo practice.
const PracticeName = "Harbour Street Counselling (demo)"

// Account is one demo sign-in, with its generated password.
type Account struct {
	Name, Email string
	Role        store.Role
	Password    string
}

var staff = []Account{
	{Name: "Alex Morgan", Email: "admin@harbour.example", Role: store.RoleAdmin},
	{Name: "Maya Okafor", Email: "maya@harbour.example", Role: store.RoleCounsellor},
	{Name: "Sam Reid", Email: "sam@harbour.example", Role: store.RoleCounsellor},
	{Name: "Priya Shah", Email: "priya@harbour.example", Role: store.RoleSupervisor},
}

// Seeded is what a newcomer needs to try the demo: the staff sign-ins, and one client's
// private link to see the client side.
type Seeded struct {
	Accounts   []Account
	ClientName string // the demo client the link belongs to
	ClientLink string // the link's path, "/h/" and its token
}

// Seed creates the demo practice when the database has no practice at all, and returns
// the accounts with their passwords and a client's link (nil when the database was not empty).
func Seed(ctx context.Context, st *store.Store, pw *auth.Passwords) (*Seeded, error) {
	n, err := st.CountPractices(ctx)
	if err != nil || n > 0 {
		return nil, err
	}
	practice, err := st.CreatePractice(ctx, PracticeName)
	if err != nil {
		return nil, fmt.Errorf("demo: %w", err)
	}
	accounts := make([]Account, len(staff))
	var counsellors []store.User
	var supervisorID int64
	for i, a := range staff {
		if a.Password, err = auth.GeneratePassword(); err != nil {
			return nil, err
		}
		hash, err := pw.Hash(a.Password)
		if err != nil {
			return nil, err
		}
		u, err := st.CreateUser(ctx, practice.ID, store.NewUser{Email: a.Email, DisplayName: a.Name, Role: a.Role, PasswordHash: hash})
		if err != nil {
			return nil, fmt.Errorf("demo: %w", err)
		}
		switch u.Role {
		case store.RoleCounsellor:
			counsellors = append(counsellors, u)
		case store.RoleSupervisor:
			supervisorID = u.ID
		}
		accounts[i] = a
	}
	now := time.Now()
	clients, err := seedCasework(ctx, st, practice.ID, counsellors, now)
	if err != nil {
		return nil, fmt.Errorf("demo: %w", err)
	}
	if err := seedHomework(ctx, st, practice.ID, time.Now(), 7); err != nil {
		return nil, fmt.Errorf("demo homework: %w", err)
	}
	if err := seedProgress(ctx, st, practice.ID, supervisorID, counsellors, time.Now()); err != nil {
		return nil, fmt.Errorf("demo progress: %w", err)
	}
	jo := clients[0]
	token, err := issueClientLink(ctx, st, practice.ID, jo, now)
	if err != nil {
		return nil, err
	}
	return &Seeded{Accounts: accounts, ClientName: jo.FirstName + " " + jo.LastName, ClientLink: "/h/" + token}, nil
}

// Print writes the sign-in details and the client's link for the person at the terminal
// (never to the log); `securebase demo reset` prints them again for a fresh demo.
func Print(w io.Writer, baseURL string, d *Seeded) {
	base := strings.TrimSuffix(baseURL, "/")
	fmt.Fprintf(w, "\nDemo practice %q is ready. Sign in at %s/login with one of these:\n\n", PracticeName, base)
	for _, a := range d.Accounts {
		fmt.Fprintf(w, "  %-11s %-24s %s\n", a.Role, a.Email, a.Password)
	}
	fmt.Fprintf(w, "\nTo see the client side, open %s's private link (best in a phone-sized window):\n\n  %s%s\n", d.ClientName, base, d.ClientLink)
	fmt.Fprintf(w, "\nThese are shown only now. To start the demo afresh and see them again: make demo-reset\n\n")
}
