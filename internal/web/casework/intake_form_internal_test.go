package casework

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/securebase/securebase/internal/casework"
)

// fillEvery sets every field of the struct v points to a distinct non-zero value.
func fillEvery(t *testing.T, v any) {
	t.Helper()
	rv := reflect.ValueOf(v).Elem()
	for i := 0; i < rv.NumField(); i++ {
		f, name := rv.Field(i), rv.Type().Field(i).Name
		switch f.Kind() {
		case reflect.String:
			f.SetString("v-" + name)
		case reflect.Slice:
			f.Set(reflect.ValueOf([]string{"a-" + name, "b-" + name}))
		case reflect.Bool:
			f.SetBool(true)
		default:
			t.Fatalf("field %s of kind %s: teach fillEvery about it", name, f.Kind())
		}
	}
}

func TestTheIntakeFormRoundTripKeepsEveryField(t *testing.T) {
	var in casework.Intake
	fillEvery(t, &in)
	back := intakeFormOf(in).intake()
	model := reflect.TypeOf(in)
	for i := 0; i < model.NumField(); i++ {
		name := model.Field(i).Name
		got, want := reflect.ValueOf(back).Field(i).Interface(), reflect.ValueOf(in).Field(i).Interface()
		if name == "RiskScreenComplete" { // set by the save of the risk section, never posted
			if got != false {
				t.Errorf("a posted form marked the risk screen complete")
			}
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("model -> form -> model lost %s: %v, want %v", name, got, want)
		}
	}
	var f intakeForm
	fillEvery(t, &f)
	if again := intakeFormOf(f.intake()); !reflect.DeepEqual(again, f) {
		t.Errorf("form -> model -> form changed:\n%+v\nwant\n%+v", again, f)
	}
}

func TestTheIntakeFormPostsEveryModelFieldButTheSavesOwn(t *testing.T) {
	form := reflect.TypeOf(intakeForm{})
	var names []string
	for i := 0; i < form.NumField(); i++ {
		fld := form.Field(i)
		names = append(names, fld.Name)
		if tag := fld.Tag.Get("form"); tag == "" || tag == "-" {
			t.Errorf("form field %s has no form name", fld.Name)
		}
		if jsonName, ok := reflect.TypeOf(casework.Intake{}).FieldByName(fld.Name); !ok {
			t.Errorf("form field %s is not in the model", fld.Name)
		} else if j := strings.Split(jsonName.Tag.Get("json"), ",")[0]; j != fld.Tag.Get("form") {
			t.Errorf("%s is %q in the form but %q stored", fld.Name, fld.Tag.Get("form"), j)
		}
	}
	for _, s := range casework.IntakeSections() {
		for _, name := range intakeFormFields(s.Key) {
			if !slices.Contains(names, name) {
				t.Errorf("section %s names %s, which the form lacks", s.Key, name)
			}
		}
	}
	if slices.Contains(intakeFormFields("risk"), "RiskScreenComplete") {
		t.Error("the form would validate the risk screen's completion")
	}
}
