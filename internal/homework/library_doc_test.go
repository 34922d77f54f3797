package homework

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/securebase/securebase/internal/casework"
)

// TestLibraryDocMatchesTheBuiltIns: docs/homework-library.md lists every built-in under each of
// its approaches, with the signs and markers its tags name, and nothing else.
func TestLibraryDocMatchesTheBuiltIns(t *testing.T) {
	raw, err := os.ReadFile("../../docs/homework-library.md")
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, a := range casework.Approaches() {
		for _, b := range BuiltIns() {
			tg := b.Template.Tags
			if slices.Contains(tg.Approaches, a.Value) {
				want = append(want, fmt.Sprintf("| %s | %s | %s | %s | %s |", a.Label, b.Template.Title,
					strings.Join(SignShort().Labels(tg.Signs), ", "), strings.Join(Markers().Labels(tg.Markers), "; "), b.SuggestedCadence()))
			}
		}
	}
	var got []string
	for _, line := range strings.Split(string(raw), "\n") {
		if strings.HasPrefix(line, "| ") && !strings.HasPrefix(line, "| Approach ") {
			got = append(got, line)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("docs/homework-library.md's table is out of step with the built-ins; it should read:\n%s", strings.Join(want, "\n"))
	}
	if !strings.Contains(string(raw), fmt.Sprintf("ships %d built-in", len(BuiltIns()))) {
		t.Errorf("the doc miscounts the built-ins (%d)", len(BuiltIns()))
	}
}
