package homework

import (
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	hw "github.com/securebase/securebase/internal/homework"
	"github.com/securebase/securebase/internal/web/kit"
	"github.com/securebase/securebase/templates/ui"
)

var nonSlug = regexp.MustCompile(`[^a-z0-9]+`)

// slug turns a choice label into a stable value.
func slug(label string) string {
	s := strings.Trim(nonSlug.ReplaceAllString(strings.ToLower(label), "_"), "_")
	if s == "" {
		s = "choice"
	}
	return s
}

// templateValues fills the editor's form from a template definition.
func templateValues(t hw.Template) url.Values {
	v := url.Values{"title": {t.Title}, "purpose": {t.Purpose}, "instructions": {t.Instructions},
		"client_title": {t.ClientTitle}, "client_purpose": {t.ClientPurpose}}
	for i, f := range t.Fields {
		pre := fmt.Sprintf("field_%d_", i)
		v.Set(pre+"key", f.Key)
		v.Set(pre+"label", f.Label)
		v.Set(pre+"help", f.Help)
		v.Set(pre+"type", string(f.Type))
		if f.Required {
			v.Set(pre+"required", "true")
		}
		v.Set(pre+"min", kit.FormatNumber(f.Min))
		v.Set(pre+"max", kit.FormatNumber(f.Max))
		var labels []string
		for _, ch := range f.Choices {
			labels = append(labels, ch.Label)
		}
		v.Set(pre+"choices", strings.Join(labels, "\n"))
		clientWordingValues(v, pre, f)
	}
	v["tag_approaches"], v["tag_signs"] = t.Tags.Approaches, t.Tags.Signs
	v["tag_markers"], v["tag_metrics"] = t.Tags.Markers, t.Tags.Metrics
	return v
}

// parseTemplateForm reads the editor: blank rows are skipped; messages about a field are
// put beside the row it came from. It reports whether what the client reads holds a revealing
// word (the form carries a warning then, unless the counsellor chose to keep it).
func parseTemplateForm(f *ui.Form) (hw.Template, bool) {
	v := f.Values
	t := hw.Template{Title: strings.TrimSpace(v.Get("title")), Purpose: strings.TrimSpace(v.Get("purpose")),
		Instructions: strings.TrimSpace(v.Get("instructions")), ClientTitle: strings.TrimSpace(v.Get("client_title")),
		ClientPurpose: strings.TrimSpace(v.Get("client_purpose")),
		Tags:          hw.Tags{Approaches: v["tag_approaches"], Signs: v["tag_signs"], Markers: v["tag_markers"], Metrics: v["tag_metrics"]}}
	var rowOf []int
	for i := 0; i < maxTemplateFields; i++ {
		pre := fmt.Sprintf("field_%d_", i)
		key, label := strings.TrimSpace(v.Get(pre+"key")), strings.TrimSpace(v.Get(pre+"label"))
		if key == "" && label == "" {
			continue
		}
		field := hw.Field{Key: key, Label: label, Help: strings.TrimSpace(v.Get(pre + "help")),
			Type: hw.FieldType(v.Get(pre + "type")), Required: v.Get(pre+"required") == "true",
			Min: kit.OptionalNumber(f, pre+"min", v.Get(pre+"min")), Max: kit.OptionalNumber(f, pre+"max", v.Get(pre+"max"))}
		for _, line := range lines(v.Get(pre + "choices")) {
			field.Choices = append(field.Choices, hw.Choice{Value: slug(line), Label: line})
		}
		parseClientWording(f, pre, &field)
		t.Fields = append(t.Fields, field)
		rowOf = append(rowOf, i)
	}
	for k, msg := range t.Check() {
		parts := strings.Split(k, ".")
		if len(parts) == 3 && parts[0] == "fields" {
			if n, err := strconv.Atoi(parts[1]); err == nil && n < len(rowOf) {
				f.Fail(fmt.Sprintf("field_%d_%s", rowOf[n], parts[2]), msg)
				continue
			}
		}
		f.Fail(strings.ReplaceAll(k, "tags.", "tag_"), msg)
	}
	return t, warnRevealingWording(f, t, rowOf)
}
