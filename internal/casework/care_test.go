package casework

import (
	"testing"
	"time"
)

func TestClientStatusMoves(t *testing.T) {
	cases := []struct {
		action, from string
		to           string // "" when the move does not start from there
	}{
		{"activate", "intake", "active"}, {"activate", "paused", "active"}, {"activate", "active", ""},
		{"pause", "active", "paused"}, {"pause", "intake", ""},
		{"discharge", "intake", "discharged"}, {"discharge", "paused", "discharged"}, {"discharge", "discharged", ""},
		{"reopen", "discharged", "active"}, {"reopen", "active", ""},
	}
	for _, tc := range cases {
		m, ok := ClientStatusMove(tc.action)
		if !ok {
			t.Fatalf("no move %s", tc.action)
		}
		got := ""
		for _, f := range m.From {
			if f == tc.from {
				got = m.To
			}
		}
		if got != tc.to || m.Done == "" {
			t.Errorf("%s from %s leads to %q, want %q", tc.action, tc.from, got, tc.to)
		}
	}
	if _, ok := ClientStatusMove("delete"); ok {
		t.Error("an unknown action moved a client")
	}
}

func TestContactProblems(t *testing.T) {
	now := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	past, future := now.AddDate(-30, 0, 0), now.AddDate(0, 0, 1)
	ok := Contact{Format: "individual", Method: "email", Email: "a@example.org", Phone: "+44 (0)20 7946-0000"}
	cases := []struct {
		name string
		edit func(*Contact)
		want string // field refused, or ""
	}{
		{"fine", func(*Contact) {}, ""},
		{"born in the past", func(c *Contact) { c.DateOfBirth = &past }, ""},
		{"born tomorrow", func(c *Contact) { c.DateOfBirth = &future }, "date_of_birth"},
		{"unknown format", func(c *Contact) { c.Format = "family" }, "format"},
		{"unknown method", func(c *Contact) { c.Method = "pigeon" }, "contact_method"},
		{"letters in the phone", func(c *Contact) { c.Phone = "call me" }, "phone"},
		{"email without an address", func(c *Contact) { c.Email = "" }, "email"},
		{"phone without a number", func(c *Contact) { c.Method, c.Phone = "phone", "" }, "phone"},
	}
	for _, tc := range cases {
		c := ok
		tc.edit(&c)
		got := c.Problems(now)
		if tc.want == "" && len(got) > 0 || tc.want != "" && (len(got) != 1 || got[tc.want] == "") {
			t.Errorf("%s: %v, want only %q", tc.name, got, tc.want)
		}
	}
	bad := Contact{Format: "individual", Method: "phone", Phone: "x"}
	if got := bad.Problems(now)["phone"]; got != "Use digits, spaces and + ( ) - only." {
		t.Errorf("the first phone message gave way: %q", got)
	}
}
