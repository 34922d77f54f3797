package homework

import (
	"reflect"
	"strings"
	"testing"

	"github.com/securebase/securebase/internal/wording"
)

func TestBuiltInsAreSound(t *testing.T) {
	wantKeys := []string{"thought_record", "trigger_reflection", "reassurance_tally", "mindfulness_log", "i_statement",
		"bids_for_connection", "self_compassion_break", "boundary_practice", "own_life_plan", "daily_check_in",
		"grounding_pause", "self_soothing", "secure_habits", "gentle_start_up", "core_belief", "comparison_check",
		"values_compass", "validation_practice", "progress_notes"}
	var keys []string
	for _, b := range BuiltIns() {
		keys = append(keys, b.Key)
		if p := b.Template.Check(); len(p) != 0 {
			t.Errorf("%s: problems %q", b.Key, p)
		}
		seen := map[string]bool{}
		required := false
		for _, f := range b.Template.Fields {
			if seen[f.Key] {
				t.Errorf("%s: key %s twice", b.Key, f.Key)
			}
			seen[f.Key] = true
			required = required || f.Required
		}
		if !required {
			t.Errorf("%s: nothing is required, so an empty entry could be submitted", b.Key)
		}
		if b.Template.Purpose == "" || b.Template.Instructions == "" {
			t.Errorf("%s: needs a purpose and instructions", b.Key)
		}
		got, ok := BuiltInByKey(b.Key)
		if !ok || !reflect.DeepEqual(got, b.Template) {
			t.Errorf("BuiltInByKey(%s) differs", b.Key)
		}
	}
	if !reflect.DeepEqual(keys, wantKeys) {
		t.Errorf("keys %v, want %v", keys, wantKeys)
	}
	if _, ok := BuiltInByKey("free_form"); ok {
		t.Error("free_form is not a built-in")
	}
}

// TestBuiltInsAreNeutral guards the client's wording, which a partner might read over a client's shoulder.
// (American spellings in them are caught by make lint: misspell runs with the UK locale.)
func TestBuiltInsAreNeutral(t *testing.T) {
	banned := append(wording.Words(), "practice") // the practice must not be named, so the word stays off client pages
	for _, b := range BuiltIns() {
		for _, s := range append(b.Template.ClientTexts(), b.Template.Instructions) {
			for _, w := range banned {
				if strings.Contains(strings.ToLower(s), w) {
					t.Errorf("%s: %q mentions %q", b.Key, s, w)
				}
			}
		}
	}
}

func TestBuiltInFields(t *testing.T) {
	cases := []struct {
		key    string
		fields map[string]FieldType // key -> type the issue and DOMAIN.md fix
		goal   []string             // the numeric fields that can feed a goal, in order
		req    []string             // must be required
	}{
		{"thought_record", map[string]FieldType{"situation": LongText, "automatic_thought": LongText, "emotion": ShortText,
			"emotion_intensity": Rating100, "distortions": MultiChoice, "evidence_for": LongText, "evidence_against": LongText,
			"balanced_thought": LongText, "emotion_rerated": Rating100}, []string{"emotion_intensity", "emotion_rerated"}, nil},
		{"reassurance_tally", map[string]FieldType{"reassurance_requests": Count, "checks": Count, "urges_resisted": Count},
			[]string{"reassurance_requests", "checks", "urges_resisted"}, []string{"reassurance_requests", "checks"}},
		{"mindfulness_log", map[string]FieldType{"minutes": Minutes, "anxiety_before": Rating10, "anxiety_after": Rating10},
			[]string{"minutes", "anxiety_before", "anxiety_after"}, []string{"minutes"}},
		{"boundary_practice", map[string]FieldType{"guilt": Rating10}, []string{"guilt"}, nil},
		{"daily_check_in", map[string]FieldType{"did_check_in": YesNo, "connection": Rating10}, []string{"connection"}, nil},
		{"trigger_reflection", map[string]FieldType{"now_or_past": SingleChoice}, nil, nil},
	}
	for _, tc := range cases {
		tmpl, ok := BuiltInByKey(tc.key)
		if !ok {
			t.Fatalf("no built-in %s", tc.key)
		}
		for k, ft := range tc.fields {
			if f, ok := tmpl.Field(k); !ok || f.Type != ft {
				t.Errorf("%s.%s: %v %v, want type %s", tc.key, k, ok, f.Type, ft)
			}
		}
		var goal []string
		for _, f := range tmpl.NumericFields() {
			goal = append(goal, f.Key)
		}
		if !reflect.DeepEqual(goal, tc.goal) {
			t.Errorf("%s: numeric fields %v, want %v", tc.key, goal, tc.goal)
		}
		for _, k := range tc.req {
			if f, _ := tmpl.Field(k); !f.Required {
				t.Errorf("%s.%s should be required", tc.key, k)
			}
		}
	}
	tr, _ := BuiltInByKey("thought_record")
	d, _ := tr.Field("distortions")
	var values []string
	for _, c := range d.Choices {
		values = append(values, c.Value)
	}
	want := []string{"mind_reading", "catastrophising", "personalisation", "black_and_white", "emotional_reasoning",
		"fortune_telling", "discounting_positive", "should_statements"}
	if !reflect.DeepEqual(values, want) {
		t.Errorf("distortions %v, want %v", values, want)
	}
}

func TestBuiltInTallyTakesADay(t *testing.T) {
	tally, _ := BuiltInByKey("reassurance_tally")
	ans, probs := tally.Validate(map[string][]string{"reassurance_requests": {"9"}, "checks": {"4"}}, false)
	if len(probs) != 0 {
		t.Fatalf("problems %q", probs)
	}
	if v, ok := ans.Number("reassurance_requests"); !ok || v != 9 {
		t.Errorf("reassurance_requests = %v %v", v, ok)
	}
	if _, probs := tally.Validate(map[string][]string{"checks": {"4"}}, false); probs["reassurance_requests"] != msgRequired {
		t.Errorf("missing count: %q", probs)
	}
}

func TestBuiltInsAreFreshCopies(t *testing.T) {
	a := BuiltIns()
	a[0].Template.Fields[0].Label = "changed"
	a[0].Template.Fields[4].Choices[0].Label = "changed"
	b, _ := BuiltInByKey(a[0].Key)
	if b.Fields[0].Label == "changed" || b.Fields[4].Choices[0].Label == "changed" {
		t.Fatal("editing one copy changed the built-ins")
	}
}

// TestBuiltInsKeepTheClinicalWordingForStaff: staff read the clinical words of DOMAIN.md,
// and every question, hint and option has a client wording of its own.
func TestBuiltInsKeepTheClinicalWordingForStaff(t *testing.T) {
	tally, _ := BuiltInByKey("reassurance_tally")
	if tally.Title != "Reassurance and checking tally" || tally.ClientWorded().Title != "Daily tally" {
		t.Errorf("tally titles %q / %q", tally.Title, tally.ClientWorded().Title)
	}
	if f, _ := tally.Field("reassurance_requests"); !strings.Contains(f.Label, "reassurance") {
		t.Errorf("staff label %q", f.Label)
	}
	mind, _ := BuiltInByKey("mindfulness_log")
	if f, _ := mind.Field("anxiety_before"); !strings.Contains(f.Label, "Anxiety") {
		t.Errorf("staff label %q", f.Label)
	}
	clinical := 0
	for _, b := range BuiltIns() {
		for _, f := range b.Template.Fields {
			if f.ClientLabel == "" || f.ClientHelp == "" {
				t.Errorf("%s.%s has no client wording", b.Key, f.Key)
			}
			for _, c := range f.Choices {
				if c.ClientLabel == "" {
					t.Errorf("%s.%s.%s has no client wording", b.Key, f.Key, c.Value)
				}
			}
		}
		texts := []string{b.Template.Title, b.Template.Purpose}
		for _, f := range b.Template.Fields {
			texts = append(texts, f.Label, f.Help)
		}
		if len(wording.Revealing(strings.Join(texts, " "))) > 0 {
			clinical++
		}
	}
	if clinical < 5 {
		t.Errorf("only %d built-ins use clinical words for staff", clinical)
	}
}

// TestForClientNamesQuestionsByPosition: the client's form names questions q1, q2… and
// options 1, 2…; answers map back to the template's keys and values.
func TestForClientNamesQuestionsByPosition(t *testing.T) {
	tr, _ := BuiltInByKey("thought_record")
	ct := tr.ForClient()
	for i, f := range ct.Fields {
		if f.Key != ClientKey(i) || f.Label != tr.Fields[i].ClientLabel {
			t.Errorf("field %d: %q %q", i, f.Key, f.Label)
		}
	}
	in := map[string][]string{"q1": {"a"}, "q2": {"b"}, "q3": {"c"}, "q4": {"40"}, "q5": {"2", "8"}}
	a, probs := ct.Validate(in, false)
	if len(probs) != 0 {
		t.Fatalf("problems %q", probs)
	}
	back := tr.FromClient(a)
	if got := back["distortions"]; !reflect.DeepEqual(got, []string{"catastrophising", "should_statements"}) {
		t.Errorf("distortions %v", got)
	}
	if back["situation"] != "a" || back["emotion_intensity"] != 40.0 {
		t.Errorf("answers %v", back)
	}
	if _, probs := ct.Validate(map[string][]string{"q5": {"9"}}, true); probs["q5"] == "" {
		t.Error("an option number past the last was accepted")
	}
	if got := tr.ToClient(back.Form()); !reflect.DeepEqual(got["q5"], []string{"2", "8"}) || got["q1"][0] != "a" {
		t.Errorf("to client %v", got)
	}
}

func TestWithWordingReplacesOnlyTheNamedTexts(t *testing.T) {
	tr, _ := BuiltInByKey("trigger_reflection")
	texts := tr.Texts()
	if texts[0].Path != "title" || texts[0].Staff != "Trigger reflection" || texts[0].Client != "Looking back at a hard moment" {
		t.Fatalf("first text %+v", texts[0])
	}
	w := Wording{"fields.now_or_past.choices.past": {"Historical", "From before"}, "fields.gone.label": {"x", "y"},
		"title": {"Trigger log", "A look back"}}
	got := tr.WithWording(w)
	f, _ := got.Field("now_or_past")
	if got.Title != "Trigger log" || got.ClientTitle != "A look back" || f.Choices[1].Label != "Historical" ||
		f.Choices[1].ClientLabel != "From before" || f.Choices[1].Value != "past" || f.Choices[0].Label != "About now" {
		t.Fatalf("with wording: %+v", got)
	}
	if orig, _ := tr.Field("now_or_past"); orig.Choices[1].Label != "Rooted in the past" {
		t.Fatal("WithWording changed the original")
	}
	if len(got.Texts()) != len(texts) {
		t.Fatal("the texts changed in number")
	}
}
