package web_test

import (
	"context"
	"encoding/json"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/securebase/securebase/internal/homework"
	"github.com/securebase/securebase/internal/store"
)

var pickRef = regexp.MustCompile(`data-testid="pick-([a-z]+:[a-z0-9_]+)"`)

// picks returns the refs of the picker's templates in page order.
func picks(t *testing.T, body string) []string {
	t.Helper()
	var out []string
	for _, m := range pickRef.FindAllStringSubmatch(body, -1) {
		out = append(out, m[1])
	}
	if !strings.Contains(body, `data-testid="template-picker"`) {
		t.Fatal("no picker on the page")
	}
	return out
}

// TestPickerOrdersTemplatesByTheClientsConcernsAndGoals: the templates working on the client's
// intake concerns and their open goals' concerns and measures come first, the best matches
// first, each saying why; a closed goal counts for nothing; the filters keep only templates with
// the approach and marker asked for, and work as plain GET links.
func TestPickerOrdersTemplatesByTheClientsConcernsAndGoals(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	ctx := context.Background()
	newPage := f.path("/homework/new")

	// No intake, no goal: the library's order, nothing matched.
	var libraryOrder []string
	for _, b := range homework.BuiltIns() {
		libraryOrder = append(libraryOrder, "builtin:"+b.Key)
	}
	page := f.counsellor.Get(newPage)
	if got := picks(t, page.Body); !slices.Equal(got, libraryOrder) {
		t.Fatalf("order with nothing known:\n%v\nwant\n%v", got, libraryOrder)
	}
	if strings.Contains(page.Body, `data-testid="why"`) {
		t.Fatal("a template claims to match a client with no concerns")
	}

	// Intake: comparison on social media. An open goal on racing what-if thoughts, measured as
	// self-soothing practice; a discontinued goal on checking, which must not count.
	if _, _, err := f.app.Store.SaveIntake(ctx, f.practice.ID, f.client.ID, 0, "concerns", []byte(`{"concerns":["comparison"]}`), f.me.ID, nil,
		store.AuditEntry{Action: "test.seed"}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.app.Store.CreateGoal(ctx, f.practice.ID, f.client.ID, f.me.ID, store.GoalInput{Statement: "Settle myself",
		Concerns: []string{"what_if"}, MetricCode: "self_soothing"}, store.AuditEntry{Action: "test.seed"}); err != nil {
		t.Fatal(err)
	}
	closed, err := f.app.Store.CreateGoal(ctx, f.practice.ID, f.client.ID, f.me.ID, store.GoalInput{Statement: "Check less",
		Concerns: []string{"checking"}, MetricCode: "checking"}, store.AuditEntry{Action: "test.seed"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.app.DB.App.Exec(`UPDATE goals SET status = 'discontinued' WHERE id = $1`, closed); err != nil {
		t.Fatal(err)
	}
	page = f.counsellor.Get(newPage)
	got := picks(t, page.Body)
	// Two matches each (what-if and the self-soothing measure), in library order; then one match
	// each (what-if, or comparison); then the rest.
	want := []string{"builtin:mindfulness_log", "builtin:grounding_pause", "builtin:self_soothing",
		"builtin:thought_record", "builtin:comparison_check", "builtin:progress_notes"}
	if len(got) != len(libraryOrder) || !slices.Equal(got[:len(want)], want) {
		t.Fatalf("order:\n%v\nwant it to start\n%v", got, want)
	}
	mustContain(t, "picker", page.Body, "The first 6 templates match Jo",
		"matches: racing what-if thoughts, goal: self-soothing or calming practice", "matches: comparison on social media")
	if strings.Contains(page.Body, "goal: checking") {
		t.Fatal("a discontinued goal's measure counted")
	}
	// The select lists the templates in the same order.
	opts := regexp.MustCompile(`<option value="(builtin:[a-z_]+)"`).FindAllStringSubmatch(page.Body, -1)
	if len(opts) < 3 || opts[0][1] != want[0] || opts[2][1] != want[2] {
		t.Fatalf("select order %v", opts[:3])
	}

	// Filters: somatic approach only; CBT and the values marker together.
	somatic := picks(t, f.counsellor.Get(newPage+"?approach=somatic_trauma").Body)
	if !slices.Equal(somatic, []string{"builtin:grounding_pause", "builtin:self_soothing"}) {
		t.Fatalf("somatic filter %v", somatic)
	}
	both := picks(t, f.counsellor.Get(newPage+"?approach=cbt&marker=values_identity").Body)
	for _, ref := range both {
		b, _ := homework.BuiltInFor(ref)
		if !slices.Contains(b.Template.Tags.Approaches, "cbt") || !slices.Contains(b.Template.Tags.Markers, "values_identity") {
			t.Errorf("%s passed the filter", ref)
		}
	}
	if !slices.Contains(both, "builtin:core_belief") || len(both) >= len(libraryOrder) {
		t.Fatalf("cbt + values filter %v", both)
	}
	if all := picks(t, f.counsellor.Get(newPage+"?approach=astrology").Body); len(all) != len(libraryOrder) {
		t.Fatalf("an unknown approach filtered: %d", len(all))
	}

	// Choosing from the picker selects the template with its suggested cadence, and offers its phone preview.
	chosen := f.counsellor.Get(newPage + "?template=builtin%3Agrounding_pause&approach=somatic_trauma")
	mustContain(t, "chosen", chosen.Body, `<option value="builtin:grounding_pause" selected`, `value="daily" checked`,
		`href="/homework/templates/phone?ref=builtin%3agrounding_pause"`, "pause first: a few slow breaths")
}

// TestTemplateTagsAreEditedCheckedAndKept: a practice's own template takes tags from the
// vocabularies; a value outside them is refused beside its group, with what was ticked kept;
// a copy of a built-in starts with the built-in's tags.
func TestTemplateTagsAreEditedCheckedAndKept(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	bad := customTemplate()
	bad["tag_approaches"] = []string{"mindfulness", "astrology"}
	bad["tag_signs"] = []string{"what_if"}
	res := f.counsellor.Post("/homework/templates", bad)
	if res.Status != 422 || fieldError(res.Body, "tag_approaches") == "" {
		t.Fatalf("a made-up approach: %d %v", res.Status, fieldErrors(res.Body))
	}
	mustContain(t, "kept", res.Body, `name="tag_signs" value="what_if" checked`, `name="tag_approaches" value="mindfulness" checked`)

	good := customTemplate()
	good["tag_approaches"] = []string{"mindfulness", "somatic_trauma"}
	good["tag_signs"] = []string{"what_if"}
	good["tag_markers"] = []string{"no_panic"}
	good["tag_metrics"] = []string{"self_soothing"}
	if res := f.counsellor.Post("/homework/templates", good); res.Status != 303 {
		t.Fatalf("save: %d %v", res.Status, fieldErrors(res.Body))
	}
	var id string
	var raw []byte
	if err := f.app.DB.App.QueryRow(`SELECT id::text, definition FROM homework_templates WHERE title = 'Evening wind-down'`).Scan(&id, &raw); err != nil {
		t.Fatal(err)
	}
	var def homework.Template
	if err := json.Unmarshal(raw, &def); err != nil || !slices.Equal(def.Tags.Approaches, []string{"mindfulness", "somatic_trauma"}) ||
		!slices.Equal(def.Tags.Markers, []string{"no_panic"}) || !slices.Equal(def.Tags.Metrics, []string{"self_soothing"}) {
		t.Fatalf("stored tags %+v (%v)", def.Tags, err)
	}
	mustContain(t, "editor", f.counsellor.Get("/homework/templates/"+id+"/edit").Body, `name="tag_markers" value="no_panic" checked`)
	// The library shows the tags and filters by them.
	lib := f.counsellor.Get("/homework/templates?approach=somatic_trauma")
	mustContain(t, "filtered library", lib.Body, "Evening wind-down", "Grounding pause before acting on an urge", "Somatic · racing what-if thoughts")
	if strings.Contains(lib.Body, "Thought record") {
		t.Fatal("the filter let a CBT-only template through")
	}
	// A client with racing what-if thoughts sees the practice's template among the matches.
	if _, _, err := f.app.Store.SaveIntake(context.Background(), f.practice.ID, f.client.ID, 0, "concerns", []byte(`{"concerns":["what_if"]}`),
		f.me.ID, nil, store.AuditEntry{Action: "test.seed"}); err != nil {
		t.Fatal(err)
	}
	order := picks(t, f.counsellor.Get(f.path("/homework/new")).Body)
	if i := slices.Index(order, "practice:"+id); i < 0 || i > 8 {
		t.Fatalf("the practice's matching template is at %d of %v", i, order)
	}
	mustContain(t, "preview", f.counsellor.Get("/homework/templates/preview?ref=builtin:core_belief").Body, "Why it helps",
		"weighing the evidence both ways", "Suggested cadence", "CBT · Psychodynamic · fear of abandonment")
	copied := f.counsellor.Get("/homework/templates/new?from=builtin:core_belief")
	mustContain(t, "copy", copied.Body, `name="tag_approaches" value="cbt" checked`, `name="tag_markers" value="values_identity" checked`)
}

// between returns the text of s from the first from (excluded) to the next to after it.
func between(t *testing.T, what, s, from, to string) string {
	t.Helper()
	i := strings.Index(s, from)
	if i < 0 {
		t.Fatalf("%s: no %q", what, from)
	}
	rest := s[i+len(from):]
	j := strings.Index(rest, to)
	if j < 0 {
		t.Fatalf("%s: no %q after %q", what, to, from)
	}
	return rest[:j]
}

// TestPhonePreviewIsTheClientsForm: for every built-in, the phone preview's questions are the
// very markup of the client's own form (same wording, positional names, same controls), in the
// client's frame, with nothing to send.
func TestPhonePreviewIsTheClientsForm(t *testing.T) {
	t.Parallel()
	f := newCaseFixture(t)
	ctx := context.Background()
	for _, b := range homework.BuiltIns() {
		def, _ := json.Marshal(b.Template)
		aid, err := f.app.Store.CreateAssignment(ctx, f.practice.ID, f.client.ID, f.me.ID, store.AssignmentInput{
			TemplateRef: "builtin:" + b.Key, Title: b.Template.Title, Template: def, StartDate: dayAt(-1), DueDate: dayAt(5),
			Cadence: "once", RequestKey: newKey()}, store.AuditEntry{Action: "test.seed"})
		if err != nil {
			t.Fatal(err)
		}
		c := f.app.Browser()
		openLink(t, c, f.clientLink(t, f.client))
		c.Get("/h")
		c.Post("/h/pick", url.Values{"item": {"a:" + itoa(aid)}})
		client := c.Get("/h")
		phone := f.counsellor.Get("/homework/templates/phone?ref=builtin%3A" + b.Key)
		if phone.Status != 200 {
			t.Fatalf("%s: phone preview %d", b.Key, phone.Status)
		}
		want := between(t, b.Key+" client form", client.Body, `name="item" value="a:`+itoa(aid)+`">`, `<div class="grid">`)
		got := between(t, b.Key+" phone preview", phone.Body, `<fieldset disabled>`, `<div class="grid">`)
		if strings.TrimSpace(got) != strings.TrimSpace(want) || !strings.Contains(got, `name="q1"`) {
			t.Errorf("%s: the preview's questions differ from the client's form:\n%s\n---\n%s", b.Key, got, want)
		}
		mustContain(t, b.Key+" phone preview", phone.Body, `<body class="client">`, b.Template.ClientWorded().Title, "Quick exit")
		if strings.Contains(phone.Body, `action="/h/entry"`) {
			t.Errorf("%s: the preview can send", b.Key)
		}
	}
}

// dayAt is today (UTC) moved by n days.
func dayAt(n int) time.Time { return time.Now().UTC().Truncate(24*time.Hour).AddDate(0, 0, n) }
