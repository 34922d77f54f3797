package supervision

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// Kind is one export file, with plain words for the export page.
type Kind struct{ Key, Title, About string }

// Kinds are the files a practice can export, the first being the default.
func Kinds() []Kind {
	return []Kind{
		{"caseload", "Caseload summary", "One row per client: appointments, goals by status, homework completion, first and latest PHQ-9 and GAD-7 with reliable change, first and latest of each marker, risk level and whether a flag is open."},
		{"goals", "Goals", "One row per goal: the measurable parts (metric, unit, direction, baseline, target, dates, status), the latest reading and the progress toward the target."},
		{"homework", "Homework", "One row per number a client entered (long form), with the completion of its assignment."},
		{"scores", "Measures and markers", "One row per questionnaire item, questionnaire total and marker rating (long form)."},
	}
}

// KnownKind reports whether key names an export file.
func KnownKind(key string) bool {
	for _, k := range Kinds() {
		if k.Key == key {
			return true
		}
	}
	return false
}

// ValidKind returns key when it is a known export, else the first one.
func ValidKind(key string) string {
	if KnownKind(key) {
		return key
	}
	return Kinds()[0].Key
}

// MinClientsForYear is the fewest clients a de-identified file must cover before the year of
// each client's first appointment may go in it: with fewer, a year narrows a client down.
const MinClientsForYear = 11

// WithYear reports whether a de-identified file of n clients carries the year of the first
// appointment, the practice having turned it on.
func WithYear(on bool, n int) bool { return on && n >= MinClientsForYear }

// CounsellorCode stands in for a counsellor's identity in file names and identified files.
func CounsellorCode(id int64) string { return fmt.Sprintf("C%03d", id) }

// Problem is one refused part of an export request: the form field and the words to show.
type Problem struct{ Field, Message string }

// Identifies reports whether a request makes an identified file: full calendar dates identify,
// so they come only with an identified export and its rules.
func Identifies(identified, fullDates bool) bool { return identified || fullDates }

// CheckRange judges a calendar range: an identified file's range must not end before it
// starts; a de-identified file takes none (given: a from or to was sent), since a calendar
// range would recover the dates that weeks of treatment hide.
func CheckRange(identified bool, from, to *time.Time, given bool) []Problem {
	switch {
	case identified && from != nil && to != nil && to.Before(*from):
		return []Problem{{"to", "The end of the range must be on or after its start."}}
	case !identified && given:
		return []Problem{{"from", "De-identified files choose clients, not dates: leave the dates empty, or ask for an identified export."}}
	}
	return nil
}

// CheckIdentified judges a request for an identified file: never for a supervisor, and only
// with the confirmation ticked.
func CheckIdentified(supervisor, confirmed bool) []Problem {
	switch {
	case supervisor:
		return []Problem{{"identified", "Supervisors receive de-identified exports only: weeks of treatment, never full dates."}}
	case !confirmed:
		return []Problem{{"confirm", "Tick to confirm that you need names and full dates, and will keep the file safe."}}
	}
	return nil
}

// ScopeName is the file name's scope of a de-identified file: a name holding a row id would
// lead back to a person, so only the whole practice keeps its name.
func ScopeName(name string, wholePractice bool) string {
	if wholePractice {
		return name
	}
	return "deidentified"
}

// ChooseClients resolves the clients of a de-identified file among those in scope: every one,
// or those named by pseudonym in chosen (spaces, commas or new lines between them), sorted by
// pseudonym, never by working code or row id. Unknown lists the pseudonyms asked for that are
// not in scope, sorted.
func ChooseClients(p Pseudonymiser, inScope []int64, chosen string) (clients []int64, unknown []string) {
	want := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToUpper(chosen), func(r rune) bool { return r == ',' || r == ' ' || r == '\n' || r == '\r' || r == '\t' }) {
		want[w] = true
	}
	choosing := len(want) > 0
	byCode := map[string]int64{}
	codes := make([]string, 0, len(inScope))
	for _, id := range inScope {
		code := p.Client(id)
		if choosing && !want[code] {
			continue
		}
		delete(want, code)
		byCode[code] = id
		codes = append(codes, code)
	}
	sort.Strings(codes)
	clients = make([]int64, 0, len(codes))
	for _, code := range codes {
		clients = append(clients, byCode[code])
	}
	for w := range want {
		unknown = append(unknown, w)
	}
	sort.Strings(unknown)
	return clients, unknown
}

// PseudonymColumn reports whether column i of a file holds a pseudonym.
func PseudonymColumn(header []string, i int) bool {
	return i < len(header) && (header[i] == "client" || header[i] == "counsellor")
}

// PreviewRow is a row as the export page shows it: pseudonyms never show on a staff screen.
func PreviewRow(header []string, cells []Cell) []string {
	row := make([]string, len(cells))
	for i, cell := range cells {
		row[i] = cell.Value()
		if PseudonymColumn(header, i) {
			row[i] = "(in the file)"
		}
	}
	return row
}
