package loader

import (
	"reflect"
	"strings"
	"testing"

	"github.com/trials-app/trials/model"
)

// fill sets every string a value can hold — making one element of every
// list and map, and allocating every pointer — to s, and reports the path
// of each string set.
func fill(v reflect.Value, s, path string, seen map[reflect.Type]int, paths *[]string) {
	switch v.Kind() {
	case reflect.String:
		v.SetString(s)
		*paths = append(*paths, path)
	case reflect.Struct:
		if seen[v.Type()] > 1 {
			return // Criterion's children: two levels are enough
		}
		seen[v.Type()]++
		defer func() { seen[v.Type()]-- }()
		for i := range v.NumField() {
			if f := v.Type().Field(i); f.IsExported() {
				fill(v.Field(i), s, path+"."+f.Name, seen, paths)
			}
		}
	case reflect.Slice:
		if seen[v.Type().Elem()] > 1 {
			return
		}
		v.Set(reflect.MakeSlice(v.Type(), 1, 1))
		fill(v.Index(0), s, path+"[0]", seen, paths)
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(v.Elem(), s, path, seen, paths)
	}
}

// TestEveryFieldIsCleaned: whatever the model holds — including fields
// added after this test was written — leaves finish without escape
// sequences or the invisible characters that would hide a word from search
// ("Pem\u200bbrolizumab" is found by "pembrolizumab").
func TestEveryFieldIsCleaned(t *testing.T) {
	var tr model.Trial
	var paths []string
	fill(reflect.ValueOf(&tr).Elem(), " Pem\u200bbro\u2060li\ufeffzu\u00admab\x1b[31m\u202e ", "trial", map[reflect.Type]int{}, &paths)
	tr.NCTID = ""
	cleanStrings(&tr)
	var check func(v reflect.Value, path string)
	check = func(v reflect.Value, path string) {
		switch v.Kind() {
		case reflect.String:
			if strings.HasPrefix(path, "trial.Source.") {
				return
			}
			if v.String() != "Pembrolizumab" && path != "trial.NCTID" {
				t.Errorf("%s = %q", path, v.String())
			}
		case reflect.Struct:
			for i := range v.NumField() {
				if f := v.Type().Field(i); f.IsExported() {
					check(v.Field(i), path+"."+f.Name)
				}
			}
		case reflect.Slice:
			for i := range v.Len() {
				check(v.Index(i), path+"[0]")
			}
		case reflect.Pointer:
			if !v.IsNil() {
				check(v.Elem(), path)
			}
		}
	}
	check(reflect.ValueOf(&tr).Elem(), "trial")
	if len(paths) < 80 {
		t.Errorf("only %d strings filled: the walk missed the model", len(paths))
	}
	if tr.Source.Path == "Pembrolizumab" {
		t.Error("the source path was rewritten: it could no longer be read again")
	}
}

// TestCriterionAboveTheHeading: a criterion a mirror page prints between
// its boilerplate and "Inclusion Criteria" is read as an inclusion
// criterion, not dropped.
func TestCriterionAboveTheHeading(t *testing.T) {
	for _, format := range []model.Format{model.FormatMirrorLabelled, model.FormatMirrorBare} {
		data := string(mustRead(t, seedFiles[format]))
		blurb := "Check the participation requirements, including inclusion and exclusion rules, age limits, and whether healthy volunteers are accepted."
		if !strings.Contains(data, blurb) {
			t.Fatalf("%s: no eligibility blurb", format)
		}
		data = strings.Replace(data, blurb, blurb+"\nPatients must be able to swallow tablets", 1)
		trials, err := Parse("page.txt", []byte(data))
		if err != nil {
			t.Fatal(err)
		}
		e := trials[0].Eligibility
		if len(e.Inclusion) == 0 || e.Inclusion[0].Text != "Patients must be able to swallow tablets" || !strings.Contains(e.Raw, "swallow tablets") {
			t.Errorf("%s: inclusion starts %+v", format, e.Inclusion[:min(1, len(e.Inclusion))])
		}
	}
}
