package supervision

import (
	"bytes"
	"slices"
	"testing"
	"time"
)

func testPseudonymiser(t *testing.T) Pseudonymiser {
	t.Helper()
	p, err := NewPseudonymiser(bytes.Repeat([]byte{7}, KeySize))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestChooseClientsSortsByPseudonymAndNamesTheUnknown(t *testing.T) {
	p := testPseudonymiser(t)
	ids := []int64{1, 2, 3, 4}
	all, unknown := ChooseClients(p, ids, "")
	if len(all) != 4 || unknown != nil {
		t.Fatalf("no choice: %v %v, want every client", all, unknown)
	}
	for i := 1; i < len(all); i++ {
		if p.Client(all[i-1]) > p.Client(all[i]) {
			t.Fatalf("not sorted by pseudonym: %v", all)
		}
	}
	two := p.Client(2)
	cases := []struct {
		chosen      string
		want        []int64
		wantUnknown []string
	}{
		{two, []int64{2}, nil},
		{"  " + toLower(two) + ",\n", []int64{2}, nil},
		{two + " C-ZZZZZZZZ, X", []int64{2}, []string{"C-ZZZZZZZZ", "X"}},
		{"C-ZZZZZZZZ", []int64{}, []string{"C-ZZZZZZZZ"}},
	}
	for _, tc := range cases {
		got, unk := ChooseClients(p, ids, tc.chosen)
		if !slices.Equal(got, tc.want) || !slices.Equal(unk, tc.wantUnknown) {
			t.Errorf("ChooseClients(%q) = %v %v, want %v %v", tc.chosen, got, unk, tc.want, tc.wantUnknown)
		}
		if got == nil {
			t.Errorf("ChooseClients(%q) returned nil, which the store reads as every client", tc.chosen)
		}
	}
}

func toLower(s string) string { return string(bytes.ToLower([]byte(s))) }

func TestRequestRules(t *testing.T) {
	d1, d2 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)
	if !Identifies(false, true) || !Identifies(true, false) || Identifies(false, false) {
		t.Fatal("full dates must make an identified file")
	}
	ranges := []struct {
		identified bool
		from, to   *time.Time
		given      bool
		want       string // field refused, or ""
	}{
		{true, &d1, &d2, true, ""},
		{true, &d2, &d1, true, "to"},
		{true, nil, &d1, true, ""},
		{false, nil, nil, false, ""},
		{false, nil, nil, true, "from"}, // even an unreadable date: no range in a de-identified file
	}
	for _, tc := range ranges {
		got := ""
		if ps := CheckRange(tc.identified, tc.from, tc.to, tc.given); len(ps) > 0 {
			got = ps[0].Field
		}
		if got != tc.want {
			t.Errorf("CheckRange(%+v) refused %q, want %q", tc, got, tc.want)
		}
	}
	ident := []struct {
		supervisor, confirmed bool
		want                  string
	}{{true, true, "identified"}, {true, false, "identified"}, {false, false, "confirm"}, {false, true, ""}}
	for _, tc := range ident {
		got := ""
		if ps := CheckIdentified(tc.supervisor, tc.confirmed); len(ps) > 0 {
			got = ps[0].Field
		}
		if got != tc.want {
			t.Errorf("CheckIdentified(%v, %v) refused %q, want %q", tc.supervisor, tc.confirmed, got, tc.want)
		}
	}
}

func TestScopeYearAndKinds(t *testing.T) {
	if ScopeName("C007", false) != "deidentified" || ScopeName("practice", true) != "practice" {
		t.Fatal("a de-identified file named after a counsellor's row id")
	}
	for n, want := range map[int]bool{0: false, 10: false, MinClientsForYear: true, 40: true} {
		if WithYear(true, n) != want || WithYear(false, n) {
			t.Errorf("WithYear(_, %d): want %v with the setting, false without", n, want)
		}
	}
	if ValidKind("nope") != "caseload" || ValidKind("scores") != "scores" || KnownKind("") {
		t.Fatal("kinds")
	}
	if CounsellorCode(7) != "C007" {
		t.Fatal(CounsellorCode(7))
	}
}

func TestPreviewRowHidesPseudonyms(t *testing.T) {
	got := PreviewRow([]string{"client", "counsellor", "status"}, []Cell{Text("C-AAAA"), Text("T-BBBB"), Text("=open")})
	if want := []string{"(in the file)", "(in the file)", "'=open"}; !slices.Equal(got, want) {
		t.Fatalf("preview %v, want %v", got, want)
	}
}
