package homework

import (
	"reflect"
	"testing"
)

// fuzzTemplate has one field of each type, some with their own bounds.
func fuzzTemplate() Template {
	tmpl := Template{Title: "Every type"}
	for _, o := range FieldTypes() {
		f := Field{Key: string(o.Type), Label: o.Label, Type: o.Type, Required: true}
		switch o.Type {
		case SingleChoice, MultiChoice:
			f.Choices = []Choice{{Value: "a", Label: "A"}, {Value: "b", Label: "B"}, {Value: "c d", Label: "C D"}}
		case Number:
			f.Min, f.Max = fp(-2.5), fp(1e6)
		case Count:
			f.Max = fp(50)
		}
		tmpl.Fields = append(tmpl.Fields, f)
	}
	tmpl.Fields = append(tmpl.Fields, Field{Key: "free_number", Label: "Any number", Type: Number})
	return tmpl
}

func FuzzValidate(f *testing.F) {
	for _, seed := range []struct {
		a, b  string
		shape uint16
	}{
		{"10", "", 0}, {"2,5", "1e3", 1}, {"-0", "NaN", 2}, {"\xff", "a", 3}, {"2026-02-30", "24:00", 4},
		{"+Inf", "0x1p-2", 5}, {" 1440 ", "1441", 6}, {"a\x00b", "line\r\nline", 7}, {"99999999999999999999", "-1e400", 0xffff},
		{"9:05", "2024-02-29", 8}, {"yes", "NO", 9}, {"c d", "a", 10}, {".5", "5.", 11}, {"", " ", 12},
	} {
		f.Add(seed.a, seed.b, seed.shape)
	}
	tmpl := fuzzTemplate()
	f.Fuzz(func(t *testing.T, a, b string, shape uint16) {
		// shape decides, per field, whether it gets nothing, a, b, or both; and whether an unknown key comes along.
		values := map[string][]string{}
		for i, fld := range tmpl.Fields {
			switch (shape >> (i % 8 * 2)) & 3 {
			case 1:
				values[fld.Key] = []string{a}
			case 2:
				values[fld.Key] = []string{b}
			case 3:
				values[fld.Key] = []string{a, b}
			}
		}
		if shape&0x8000 != 0 {
			values[a] = []string{b}
		}
		for _, draft := range []bool{false, true} {
			answers, problems := tmpl.Validate(values, draft)
			for k := range problems {
				if _, ok := tmpl.Field(k); !ok && k != FormKey {
					t.Fatalf("problem under %q, which is neither a field nor %q", k, FormKey)
				}
				if _, ok := answers[k]; ok {
					t.Fatalf("%q has both an answer and a problem", k)
				}
			}
			for k, v := range answers {
				fld, ok := tmpl.Field(k)
				if !ok {
					t.Fatalf("answer for unknown key %q", k)
				}
				checkAnswerType(t, fld, v)
			}
			// A saved answer, sent back as a form would send it, is accepted unchanged.
			again, problems := tmpl.Validate(answers.Form(), true)
			if len(problems) != 0 || !reflect.DeepEqual(again, answers) {
				t.Fatalf("round trip of %#v gave %#v, %q", answers, again, problems)
			}
		}
	})
}

// checkAnswerType asserts the type of a normalised answer, and that a number lies within its field's Bounds.
func checkAnswerType(t *testing.T, fld Field, v any) {
	t.Helper()
	switch fld.Type {
	case MultiChoice:
		if ss, ok := v.([]string); !ok || len(ss) == 0 {
			t.Fatalf("%s: answer %#v, want a non-empty []string", fld.Key, v)
		}
	case Number, Count, Minutes, Rating10, Rating100:
		n, ok := v.(float64)
		lo, hi := fld.Bounds()
		if !ok || !(n >= lo && n <= hi) {
			t.Fatalf("%s: answer %#v outside %v..%v", fld.Key, v, lo, hi)
		}
		if fld.Type != Number && n != float64(int64(n)) {
			t.Fatalf("%s: answer %v is not whole", fld.Key, n)
		}
	default:
		if s, ok := v.(string); !ok || s == "" {
			t.Fatalf("%s: answer %#v, want a non-empty string", fld.Key, v)
		}
	}
}
