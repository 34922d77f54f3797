package homework

import (
	"math"
	"strings"
	"testing"
)

func soundTemplate() Template {
	return Template{
		Title:        "Evening notes",
		Purpose:      "A quiet look back at the day.",
		Instructions: "Fill this in before bed.\nA few words is enough.",
		Fields: []Field{
			{Key: "mood", Label: "How was today?", Type: Rating10, Required: true},
			{Key: "place", Label: "Where were you?", Type: SingleChoice, Choices: []Choice{{Value: "home", Label: "Home"}, {Value: "out", Label: "Out"}}},
			{Key: "steps", Label: "Steps walked", Type: Count, Max: fp(50000)},
			{Key: "weight_kg", Label: "Weight", Type: Number, Min: fp(30.5), Max: fp(250)},
		},
	}
}

func TestCheck(t *testing.T) {
	many := make([]Field, 31)
	for i := range many {
		many[i] = Field{Key: "q" + strings.Repeat("x", i), Label: "Q", Type: ShortText}
	}
	cases := []struct {
		name string
		edit func(*Template)
		key  string
	}{
		{"no title", func(t *Template) { t.Title = "  " }, "title"},
		{"long title", func(t *Template) { t.Title = strings.Repeat("a", 121) }, "title"},
		{"title with newline", func(t *Template) { t.Title = "a\nb" }, "title"},
		{"long purpose", func(t *Template) { t.Purpose = strings.Repeat("a", 301) }, "purpose"},
		{"long instructions", func(t *Template) { t.Instructions = strings.Repeat("a", 3001) }, "instructions"},
		{"unreadable instructions", func(t *Template) { t.Instructions = "\xff" }, "instructions"},
		{"no fields", func(t *Template) { t.Fields = nil }, "fields"},
		{"too many fields", func(t *Template) { t.Fields = many }, "fields"},
		{"key with capitals", func(t *Template) { t.Fields[0].Key = "Mood" }, "fields.0.key"},
		{"key starting with a digit", func(t *Template) { t.Fields[0].Key = "1mood" }, "fields.0.key"},
		{"key with a dash", func(t *Template) { t.Fields[0].Key = "my-mood" }, "fields.0.key"},
		{"empty key", func(t *Template) { t.Fields[0].Key = "" }, "fields.0.key"},
		{"key too long", func(t *Template) { t.Fields[0].Key = "a" + strings.Repeat("b", 40) }, "fields.0.key"},
		{"form key", func(t *Template) { t.Fields[0].Key = FormKey }, "fields.0.key"},
		{"duplicate key", func(t *Template) { t.Fields[2].Key = "mood" }, "fields.2.key"},
		{"empty label", func(t *Template) { t.Fields[1].Label = "" }, "fields.1.label"},
		{"long label", func(t *Template) { t.Fields[1].Label = strings.Repeat("a", 201) }, "fields.1.label"},
		{"long help", func(t *Template) { t.Fields[1].Help = strings.Repeat("a", 501) }, "fields.1.help"},
		{"unknown type", func(t *Template) { t.Fields[0].Type = "slider" }, "fields.0.type"},
		{"no type", func(t *Template) { t.Fields[0].Type = "" }, "fields.0.type"},
		{"one choice", func(t *Template) { t.Fields[1].Choices = t.Fields[1].Choices[:1] }, "fields.1.choices"},
		{"no choices", func(t *Template) { t.Fields[1].Choices = nil }, "fields.1.choices"},
		{"multi with one choice", func(t *Template) {
			t.Fields[1].Type = MultiChoice
			t.Fields[1].Choices = t.Fields[1].Choices[:1]
		}, "fields.1.choices"},
		{"duplicate choice value", func(t *Template) { t.Fields[1].Choices[1].Value = "home" }, "fields.1.choices"},
		{"empty choice value", func(t *Template) { t.Fields[1].Choices[1].Value = " " }, "fields.1.choices"},
		{"choice value with spaces around", func(t *Template) { t.Fields[1].Choices[1].Value = "out " }, "fields.1.choices"},
		{"empty choice label", func(t *Template) { t.Fields[1].Choices[1].Label = "" }, "fields.1.choices"},
		{"choices on a rating", func(t *Template) { t.Fields[0].Choices = []Choice{{Value: "a", Label: "A"}, {Value: "b", Label: "B"}} }, "fields.0.choices"},
		{"min above max", func(t *Template) { t.Fields[3].Min = fp(300); t.Fields[3].Max = fp(250) }, "fields.3.min"},
		{"min above default count max", func(t *Template) { t.Fields[2].Min = fp(2000); t.Fields[2].Max = nil }, "fields.2.min"},
		{"min on text", func(t *Template) { t.Fields[1].Min = fp(1) }, "fields.1.min"},
		{"max on text", func(t *Template) { t.Fields[1].Max = fp(1) }, "fields.1.max"},
		{"rating max beyond 10", func(t *Template) { t.Fields[0].Max = fp(11) }, "fields.0.max"},
		{"rating min below 0", func(t *Template) { t.Fields[0].Min = fp(-1) }, "fields.0.min"},
		{"rating min a fraction", func(t *Template) { t.Fields[0].Min = fp(2.5) }, "fields.0.min"},
		{"count max beyond the limit", func(t *Template) { t.Fields[2].Max = fp(CountLimit + 1) }, "fields.2.max"},
		{"number max NaN", func(t *Template) { t.Fields[3].Max = fp(math.NaN()) }, "fields.3.max"},
		{"number min minus infinity", func(t *Template) { t.Fields[3].Min = fp(math.Inf(-1)) }, "fields.3.min"},
	}
	if p := soundTemplate().Check(); len(p) != 0 {
		t.Fatalf("a sound template has problems: %q", p)
	}
	for _, tc := range cases {
		tmpl := soundTemplate()
		tc.edit(&tmpl)
		p := tmpl.Check()
		if msg, ok := p[tc.key]; !ok || len(p) != 1 || msg == "" || !strings.HasSuffix(msg, ".") {
			t.Errorf("%s: problems %q, want exactly one sentence on %s", tc.name, p, tc.key)
		}
	}
}

func TestCheckAllowsTheLimits(t *testing.T) {
	tmpl := soundTemplate()
	tmpl.Title = strings.Repeat("é", 120)
	tmpl.Purpose = ""
	tmpl.Instructions = strings.Repeat("a", 3000)
	tmpl.Fields[0].Key = "a" + strings.Repeat("b", 39)
	tmpl.Fields[0].Min, tmpl.Fields[0].Max = fp(0), fp(10)
	tmpl.Fields[1].Label = strings.Repeat("a", 200)
	tmpl.Fields[1].Help = strings.Repeat("a", 500)
	tmpl.Fields[2].Min, tmpl.Fields[2].Max = fp(5), fp(5)
	for len(tmpl.Fields) < MaxFields {
		tmpl.Fields = append(tmpl.Fields, Field{Key: "x" + strings.Repeat("y", len(tmpl.Fields)), Label: "Q", Type: Time})
	}
	if p := tmpl.Check(); len(p) != 0 {
		t.Fatalf("problems at the limits: %q", p)
	}
}

func TestBoundsAndNumeric(t *testing.T) {
	cases := []struct {
		f        Field
		numeric  bool
		min, max float64
	}{
		{field(Rating10), true, 0, 10},
		{field(Rating100), true, 0, 100},
		{field(Minutes), true, 0, 1440},
		{field(Count), true, 0, CountDefault},
		{withBounds(field(Count), fp(3), fp(5000)), true, 3, 5000},
		{withBounds(field(Count), nil, fp(2e6)), true, 0, CountLimit},
		{field(Number), true, -NumberLimit, NumberLimit},
		{withBounds(field(Number), fp(-2.5), fp(2.5)), true, -2.5, 2.5},
		{withBounds(field(Rating10), fp(-5), fp(20)), true, 0, 10},
		{withBounds(field(Rating10), fp(1.5), fp(8.5)), true, 2, 8},
		{field(ShortText), false, 0, 0},
		{field(YesNo), false, 0, 0},
		{field(MultiChoice), false, 0, 0},
	}
	for _, tc := range cases {
		if tc.f.Numeric() != tc.numeric {
			t.Errorf("%s: Numeric() = %v", tc.f.Type, !tc.numeric)
		}
		if min, max := tc.f.Bounds(); min != tc.min || max != tc.max {
			t.Errorf("%s %v %v: Bounds() = %v, %v; want %v, %v", tc.f.Type, tc.f.Min, tc.f.Max, min, max, tc.min, tc.max)
		}
	}
}

func TestTemplateLookups(t *testing.T) {
	tmpl := soundTemplate()
	var keys []string
	for _, f := range tmpl.NumericFields() {
		keys = append(keys, f.Key)
	}
	if strings.Join(keys, ",") != "mood,steps,weight_kg" {
		t.Errorf("NumericFields = %v", keys)
	}
	if f, ok := tmpl.Field("place"); !ok || f.Type != SingleChoice {
		t.Errorf("Field(place) = %v, %v", f, ok)
	}
	if _, ok := tmpl.Field("nope"); ok {
		t.Error("Field(nope) found")
	}
}

func TestFieldTypes(t *testing.T) {
	all := []FieldType{ShortText, LongText, Number, Count, Minutes, Rating10, Rating100, SingleChoice, MultiChoice, YesNo, Date, Time}
	opts := FieldTypes()
	if len(opts) != len(all) {
		t.Fatalf("%d options for %d types", len(opts), len(all))
	}
	for _, ft := range all {
		if !ft.Valid() || ft.Label() == string(ft) || ft.Label() == "" {
			t.Errorf("%s: valid %v, label %q", ft, ft.Valid(), ft.Label())
		}
	}
	if FieldType("slider").Valid() {
		t.Error("slider is not a type")
	}
}

func TestQuestionsCannotUseTheFormsOwnFieldNames(t *testing.T) {
	for _, key := range []string{"action", "entry_date", "idempotency_key", "link_id"} {
		tpl := Template{Title: "Form", Fields: []Field{{Key: key, Label: "Question", Type: ShortText}}}
		if _, ok := tpl.Check()["fields.0.key"]; !ok {
			t.Errorf("key %q accepted", key)
		}
	}
}
