package homework

import (
	"reflect"
	"strings"
	"testing"

	"github.com/securebase/securebase/internal/casework"
	"github.com/securebase/securebase/internal/wording"
)

// TestEveryBuiltInIsTaggedAndVersioned: each built-in validates (tags included), has a
// version, a rationale and a suggested cadence, at least one approach and at least one sign or
// marker, and a client wording free of revealing words.
func TestEveryBuiltInIsTaggedAndVersioned(t *testing.T) {
	for _, b := range BuiltIns() {
		tm := b.Template
		if p := tm.Check(); len(p) != 0 {
			t.Errorf("%s: %v", b.Key, p)
		}
		if b.Version < 1 || tm.Version != b.Version {
			t.Errorf("%s: version %d, template's %d", b.Key, b.Version, tm.Version)
		}
		if b.Rationale == "" || len(b.Rationale) > 300 || b.Cadence != Once && b.Cadence != Daily {
			t.Errorf("%s: rationale %q cadence %q", b.Key, b.Rationale, b.Cadence)
		}
		if len(tm.Tags.Approaches) == 0 || len(tm.Tags.Signs)+len(tm.Tags.Markers) == 0 {
			t.Errorf("%s: tags %+v", b.Key, tm.Tags)
		}
		for _, s := range append(tm.ClientTexts(), tm.Instructions) {
			if words := wording.Revealing(s); len(words) > 0 {
				t.Errorf("%s: %q reveals %v", b.Key, s, words)
			}
		}
	}
}

// TestEveryMarkerAndApproachHasABuiltIn: the library leaves no progress marker and no approach
// without an exercise (issue 20: "Clear about own values" had none).
func TestEveryMarkerAndApproachHasABuiltIn(t *testing.T) {
	for _, list := range []struct {
		name string
		opts casework.Options
		of   func(Tags) []string
	}{
		{"marker", Markers(), func(t Tags) []string { return t.Markers }},
		{"approach", casework.Approaches(), func(t Tags) []string { return t.Approaches }},
	} {
		for _, o := range list.opts {
			found := false
			for _, b := range BuiltIns() {
				for _, v := range list.of(b.Template.Tags) {
					found = found || v == o.Value
				}
			}
			if !found {
				t.Errorf("no built-in for %s %q", list.name, o.Label)
			}
		}
	}
}

func TestShortLabelsCoverTheVocabularies(t *testing.T) {
	keys := func(o casework.Options) []string {
		var out []string
		for _, x := range o {
			out = append(out, x.Value)
		}
		return out
	}
	for _, c := range []struct{ short, full casework.Options }{
		{SignShort(), casework.PresentingConcerns()}, {ApproachShort(), casework.Approaches()}, {MarkerShort(), Markers()},
	} {
		if !reflect.DeepEqual(keys(c.short), keys(c.full)) {
			t.Errorf("short keys %v, want %v", keys(c.short), keys(c.full))
		}
	}
}

func TestTagsCheckAndMatch(t *testing.T) {
	bad := Template{Title: "x", Instructions: "y", Fields: []Field{{Key: "a", Label: "A", Type: ShortText}},
		Tags: Tags{Approaches: []string{"astrology"}, Signs: []string{"x"}, Markers: []string{"y"}, Metrics: []string{"z"}}}
	p := bad.Check()
	for _, k := range []string{"tags.approaches", "tags.signs", "tags.markers", "tags.metrics"} {
		if p[k] == "" {
			t.Errorf("no problem at %s: %v", k, p)
		}
	}
	tally, _ := BuiltInByKey("reassurance_tally")
	m := tally.Tags.MatchClient([]string{"jealousy", "checking", "reassurance"}, []string{"checking", "sleep"})
	if !reflect.DeepEqual(m.Signs, []string{"reassurance", "checking"}) || !reflect.DeepEqual(m.Metrics, []string{"checking"}) || m.Score() != 3 {
		t.Errorf("match %+v", m)
	}
	if why := m.Why(); !strings.HasPrefix(why, "matches: reassurance seeking, checking, goal: checking") {
		t.Errorf("why %q", why)
	}
	if (Match{}).Why() != "" {
		t.Error("an empty match says why")
	}
	if !tally.Tags.Has("cbt", "no_panic") || tally.Tags.Has("eft", "") || tally.Tags.Has("", "values_identity") {
		t.Error("Has filters wrongly")
	}
}
