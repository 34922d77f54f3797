package admin

import (
	"strings"
	"testing"
)

func TestAuditEntriesAreWordedWithoutInternalCodes(t *testing.T) {
	for detail, want := range map[string]string{
		"source=phq9_item9":                 "source: PHQ-9 question 9",
		"source=phq9_item9 incomplete form": "incomplete form",
		"section=concerns":                  "section: Presenting concerns",
		"role=supervisor":                   "role: Supervisor",
		"export_first_year=true":            "export first year: true",
		"by an admin; sessions ended":       "by an admin; sessions ended",
		"source=intake":                     "source: Intake risk screen",
	} {
		got := detailWords(detail)
		if !strings.Contains(got, want) || strings.Contains(got, "phq9_item9") || strings.Contains(got, "=") {
			t.Errorf("detailWords(%q) = %q, want it to hold %q and no code", detail, got, want)
		}
	}
	for code, want := range map[string]string{"risk.raise": "Raised a risk flag", "link.pin_lock": "A link was locked after wrong PINs",
		"something.new_here": "Something new here"} {
		if got := actionWords(code); got != want {
			t.Errorf("actionWords(%q) = %q, want %q", code, got, want)
		}
	}
}
