package homework

import (
	"reflect"
	"strings"
	"testing"
)

func fp(v float64) *float64 { return &v }

func field(t FieldType) Field {
	f := Field{Key: "a", Label: "A", Type: t}
	if t == SingleChoice || t == MultiChoice {
		f.Choices = []Choice{{Value: "red", Label: "Red"}, {Value: "green", Label: "Green"}, {Value: "blue", Label: "Blue"}}
	}
	return f
}

func withBounds(f Field, min, max *float64) Field {
	f.Min, f.Max = min, max
	return f
}

// absentT marks a case whose field must have neither an answer nor a problem.
type absentT int

const absent absentT = 0

func TestValidateEachType(t *testing.T) {
	const (
		whole10   = "Choose a whole number from 0 to 10."
		decimal10 = "Please use a whole number from 0 to 10, without decimals."
	)
	cases := []struct {
		name  string
		field Field
		in    []string
		want  any    // the answer, or absent
		msg   string // the exact problem, when there is one
	}{
		// ratings 0-10
		{"rating10 at 0", field(Rating10), []string{"0"}, 0.0, ""},
		{"rating10 at 10", field(Rating10), []string{"10"}, 10.0, ""},
		{"rating10 trimmed", field(Rating10), []string{" 7 "}, 7.0, ""},
		{"rating10 above", field(Rating10), []string{"11"}, nil, whole10},
		{"rating10 below", field(Rating10), []string{"-1"}, nil, whole10},
		{"rating10 fraction", field(Rating10), []string{"2.5"}, nil, decimal10},
		{"rating10 comma fraction", field(Rating10), []string{"2,5"}, nil, "Please enter a whole number from 0 to 10."},
		{"rating10 words", field(Rating10), []string{"seven"}, nil, "Please enter a whole number from 0 to 10."},
		{"rating10 exponent", field(Rating10), []string{"1e1"}, nil, "Please enter a whole number from 0 to 10."},
		{"rating10 NaN", field(Rating10), []string{"NaN"}, nil, "Please enter a whole number from 0 to 10."},
		{"rating10 narrowed", withBounds(field(Rating10), fp(2), fp(8)), []string{"9"}, nil, "Choose a whole number from 2 to 8."},
		// ratings 0-100
		{"rating100 at 0", field(Rating100), []string{"0"}, 0.0, ""},
		{"rating100 at 100", field(Rating100), []string{"100"}, 100.0, ""},
		{"rating100 above", field(Rating100), []string{"101"}, nil, "Choose a whole number from 0 to 100."},
		{"rating100 below", field(Rating100), []string{"-1"}, nil, "Choose a whole number from 0 to 100."},
		{"rating100 fraction", field(Rating100), []string{"2.5"}, nil, "Please use a whole number from 0 to 100, without decimals."},
		// minutes
		{"minutes at 0", field(Minutes), []string{"0"}, 0.0, ""},
		{"minutes at 1440", field(Minutes), []string{"1440"}, 1440.0, ""},
		{"minutes above", field(Minutes), []string{"1441"}, nil, "Choose a whole number from 0 to 1440."},
		{"minutes below", field(Minutes), []string{"-1"}, nil, "Choose a whole number from 0 to 1440."},
		// counts
		{"count at 0", field(Count), []string{"0"}, 0.0, ""},
		{"count at default max", field(Count), []string{"1000"}, 1000.0, ""},
		{"count above default max", field(Count), []string{"1001"}, nil, "Choose a whole number from 0 to 1000."},
		{"count below", field(Count), []string{"-1"}, nil, "Choose a whole number from 0 to 1000."},
		{"count thousands separator", field(Count), []string{"1,000"}, nil, "Please enter a whole number from 0 to 1000."},
		{"count European thousands", field(Count), []string{"1.000"}, nil, "Please use a whole number from 0 to 1000, without decimals."},
		{"count own max", withBounds(field(Count), nil, fp(20)), []string{"21"}, nil, "Choose a whole number from 0 to 20."},
		{"count own max reached", withBounds(field(Count), nil, fp(20)), []string{"20"}, 20.0, ""},
		// numbers
		{"number decimal", field(Number), []string{"2.5"}, 2.5, ""},
		{"number comma decimal", field(Number), []string{"2,5"}, 2.5, ""},
		{"number negative", field(Number), []string{"-3.25"}, -3.25, ""},
		{"number negative zero", field(Number), []string{"-0"}, 0.0, ""},
		{"number two separators", field(Number), []string{"1,000.5"}, nil, "Please enter a number, for example 7 or 2.5."},
		{"number words", field(Number), []string{"lots"}, nil, "Please enter a number, for example 7 or 2.5."},
		{"number infinity", field(Number), []string{"Inf"}, nil, "Please enter a number, for example 7 or 2.5."},
		{"number huge", field(Number), []string{"99999999999"}, nil, "This number is too large to record."},
		{"number at min", withBounds(field(Number), fp(1.5), fp(4)), []string{"1,5"}, 1.5, ""},
		{"number below min", withBounds(field(Number), fp(1.5), fp(4)), []string{"1.4"}, nil, "Choose a number from 1.5 to 4."},
		{"number above max", withBounds(field(Number), fp(1.5), fp(4)), []string{"4.01"}, nil, "Choose a number from 1.5 to 4."},
		{"number min only", withBounds(field(Number), fp(1), nil), []string{"0"}, nil, "Choose a number of 1 or more."},
		{"number max only", withBounds(field(Number), nil, fp(5)), []string{"x"}, nil, "Please enter a number of 5 or less."},
		// short text
		{"short text trimmed", field(ShortText), []string{"  anxious \n"}, "anxious", ""},
		{"short text at limit", field(ShortText), []string{strings.Repeat("é", 200)}, strings.Repeat("é", 200), ""},
		{"short text too long", field(ShortText), []string{strings.Repeat("a", 201)}, nil, "Please keep this to 200 characters or fewer (it has 201)."},
		{"short text newline", field(ShortText), []string{"one\ntwo"}, nil, msgOneLine},
		{"short text tab", field(ShortText), []string{"one\ttwo"}, nil, msgOneLine},
		{"short text NUL", field(ShortText), []string{"a\x00b"}, nil, msgOneLine},
		{"short text invalid UTF-8", field(ShortText), []string{"\xff"}, nil, msgUnreadable},
		{"short text only spaces", field(ShortText), []string{"   "}, absent, ""},
		// long text
		{"long text keeps lines", field(LongText), []string{"one\r\n\ttwo\rthree"}, "one\n\ttwo\nthree", ""},
		{"long text at limit", field(LongText), []string{strings.Repeat("a", 5000)}, strings.Repeat("a", 5000), ""},
		{"long text too long", field(LongText), []string{strings.Repeat("a", 5001)}, nil, "Please keep this to 5000 characters or fewer (it has 5001)."},
		{"long text CRLF counts once", field(LongText), []string{strings.Repeat("\r\n", 2500) + "a"}, strings.Repeat("\n", 2500) + "a", ""},
		{"long text bell", field(LongText), []string{"ding\adong"}, nil, msgSpecial},
		{"long text escape", field(LongText), []string{"\x1b[31mred"}, nil, msgSpecial},
		{"long text invalid UTF-8", field(LongText), []string{"ok \xff"}, nil, msgUnreadable},
		{"long text blank", field(LongText), []string{" \r\n\t"}, absent, ""},
		// yes/no
		{"yes", field(YesNo), []string{"yes"}, "yes", ""},
		{"No normalised", field(YesNo), []string{" No "}, "no", ""},
		{"maybe", field(YesNo), []string{"maybe"}, nil, msgYesNo},
		// single choice
		{"choice known", field(SingleChoice), []string{"green"}, "green", ""},
		{"choice trimmed", field(SingleChoice), []string{" green "}, "green", ""},
		{"choice unknown", field(SingleChoice), []string{"purple"}, nil, msgChoice},
		{"choice by label", field(SingleChoice), []string{"Green"}, nil, msgChoice},
		{"choice invalid UTF-8", field(SingleChoice), []string{"\xff"}, nil, msgUnreadable},
		// multiple choice
		{"multi in choice order", field(MultiChoice), []string{"blue", "red"}, []string{"red", "blue"}, ""},
		{"multi repeats once", field(MultiChoice), []string{"red", "red"}, []string{"red"}, ""},
		{"multi ignores empty marker", field(MultiChoice), []string{"", "green"}, []string{"green"}, ""},
		{"multi only empty", field(MultiChoice), []string{""}, absent, ""},
		{"multi unknown", field(MultiChoice), []string{"red", "purple"}, nil, msgChoice},
		{"multi invalid UTF-8", field(MultiChoice), []string{"\xff"}, nil, msgUnreadable},
		// dates
		{"date", field(Date), []string{"2026-03-15"}, "2026-03-15", ""},
		{"date leap day", field(Date), []string{"2024-02-29"}, "2024-02-29", ""},
		{"date not a leap year", field(Date), []string{"2026-02-29"}, nil, msgDateMissing},
		{"date impossible", field(Date), []string{"2026-02-30"}, nil, msgDateMissing},
		{"date month 13", field(Date), []string{"2026-13-01"}, nil, msgDateMissing},
		{"date day 0", field(Date), []string{"2026-01-00"}, nil, msgDateMissing},
		{"date first year", field(Date), []string{"1900-01-01"}, "1900-01-01", ""},
		{"date last year", field(Date), []string{"2200-12-31"}, "2200-12-31", ""},
		{"date too early", field(Date), []string{"1899-12-31"}, nil, "Please choose a date between the years 1900 and 2200."},
		{"date too late", field(Date), []string{"2201-01-01"}, nil, "Please choose a date between the years 1900 and 2200."},
		{"date British order", field(Date), []string{"15/03/2026"}, nil, msgDateFormat},
		{"date short parts", field(Date), []string{"2026-3-15"}, nil, msgDateFormat},
		{"date with time", field(Date), []string{"2026-03-15T10:00"}, nil, msgDateFormat},
		// times
		{"time last minute", field(Time), []string{"23:59"}, "23:59", ""},
		{"time midnight", field(Time), []string{"00:00"}, "00:00", ""},
		{"time one-digit hour", field(Time), []string{"9:05"}, "09:05", ""},
		{"time 24:00", field(Time), []string{"24:00"}, nil, msgTime},
		{"time 60 minutes", field(Time), []string{"12:60"}, nil, msgTime},
		{"time seconds", field(Time), []string{"12:30:00"}, nil, msgTime},
		{"time twelve-hour", field(Time), []string{"6:30pm"}, nil, msgTime},
		{"time signed", field(Time), []string{"+1:30"}, nil, msgTime},
		// more than one value for single-valued fields
		{"two ratings", field(Rating10), []string{"1", "2"}, nil, msgOneValue},
		{"two texts", field(ShortText), []string{"a", "b"}, nil, msgOneValue},
		{"two single choices", field(SingleChoice), []string{"red", "green"}, nil, msgOneValue},
		{"two dates", field(Date), []string{"2026-01-01", "2026-01-02"}, nil, msgOneValue},
		// unknown type
		{"unknown type", field("colour"), []string{"red"}, nil, msgNotSetUp},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tmpl := Template{Fields: []Field{tc.field}}
			ans, probs := tmpl.Validate(map[string][]string{"a": tc.in}, false)
			got, answered := ans["a"]
			switch {
			case tc.msg != "":
				if probs["a"] != tc.msg || answered {
					t.Fatalf("problems %q, answer %#v; want problem %q and no answer", probs, got, tc.msg)
				}
			case tc.want == absent:
				if answered || len(probs) != 0 {
					t.Fatalf("answer %#v, problems %q; want neither", got, probs)
				}
			default:
				if len(probs) != 0 || !reflect.DeepEqual(got, tc.want) {
					t.Fatalf("answer %#v, problems %q; want %#v", got, probs, tc.want)
				}
			}
		})
	}
}

func TestRequiredAndDraft(t *testing.T) {
	tmpl := Template{Fields: []Field{
		{Key: "mood", Label: "Mood", Type: Rating10, Required: true},
		{Key: "note", Label: "Note", Type: LongText},
		{Key: "tags", Label: "Tags", Type: MultiChoice, Required: true, Choices: []Choice{{Value: "a", Label: "A"}, {Value: "b", Label: "B"}}},
	}}
	cases := []struct {
		name   string
		in     map[string][]string
		draft  bool
		probs  map[string]string
		answer Answers
	}{
		{"submit with nothing", nil, false,
			map[string]string{"mood": msgRequired, "tags": msgRequired}, Answers{}},
		{"submit with blanks", map[string][]string{"mood": {" "}, "note": {""}, "tags": {""}}, false,
			map[string]string{"mood": msgRequired, "tags": msgRequired}, Answers{}},
		{"draft with nothing", nil, true, map[string]string{}, Answers{}},
		{"draft with only a note", map[string][]string{"note": {"half done"}}, true,
			map[string]string{}, Answers{"note": "half done"}},
		{"draft still checks what is there", map[string][]string{"mood": {"11"}, "note": {"x"}}, true,
			map[string]string{"mood": "Choose a whole number from 0 to 10."}, Answers{"note": "x"}},
		{"submit complete, optional missing", map[string][]string{"mood": {"4"}, "tags": {"b"}}, false,
			map[string]string{}, Answers{"mood": 4.0, "tags": []string{"b"}}},
	}
	for _, tc := range cases {
		ans, probs := tmpl.Validate(tc.in, tc.draft)
		if !reflect.DeepEqual(probs, tc.probs) || !reflect.DeepEqual(ans, tc.answer) {
			t.Errorf("%s: got %#v %q; want %#v %q", tc.name, ans, probs, tc.answer, tc.probs)
		}
	}
}

func TestUnknownKeys(t *testing.T) {
	tmpl := Template{Fields: []Field{{Key: "mood", Label: "Mood", Type: Rating10}}}
	for _, draft := range []bool{false, true} {
		ans, probs := tmpl.Validate(map[string][]string{"mood": {"3"}, "csrf": {"x"}, "extra": nil}, draft)
		if len(probs) != 1 || probs[FormKey] != "This form has fields we do not recognise." {
			t.Errorf("draft=%v: problems %q, want only the form problem", draft, probs)
		}
		if v, ok := ans.Number("mood"); !ok || v != 3 {
			t.Errorf("draft=%v: mood %v %v, want 3", draft, v, ok)
		}
	}
}

func TestValidateSurvivesOddTemplates(t *testing.T) {
	tmpl := Template{Fields: []Field{
		{Key: "a", Type: Rating10, Min: fp(8), Max: fp(2)},    // crossed bounds
		{Key: "a", Type: ShortText},                           // duplicate key: the first wins
		{Key: "b", Type: SingleChoice},                        // no choices
		{Key: "c", Type: Number, Min: fp(0), Max: fp(-1e300)}, // impossible
	}}
	ans, probs := tmpl.Validate(map[string][]string{"a": {"5"}, "b": {"x"}, "c": {"0"}}, false)
	if len(ans) != 0 || probs["a"] == "" || probs["b"] != msgChoice || probs["c"] == "" {
		t.Fatalf("got %#v %q", ans, probs)
	}
}

func TestAnswersNumberAndForm(t *testing.T) {
	a := Answers{"n": 2.5, "s": "2.5", "m": []string{"x", "y"}, "j": []any{"p", 1.0, "q"}}
	if v, ok := a.Number("n"); !ok || v != 2.5 {
		t.Errorf("Number(n) = %v %v", v, ok)
	}
	if _, ok := a.Number("s"); ok {
		t.Error("a text answer is not a number")
	}
	if _, ok := a.Number("missing"); ok {
		t.Error("a missing answer is not a number")
	}
	want := map[string][]string{"n": {"2.5"}, "s": {"2.5"}, "m": {"x", "y"}, "j": {"p", "q"}}
	if got := a.Form(); !reflect.DeepEqual(got, want) {
		t.Errorf("Form() = %q, want %q", got, want)
	}
}
