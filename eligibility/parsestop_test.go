package eligibility_test

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/trials-app/trials/eligibility"
	"github.com/trials-app/trials/loader"
	"github.com/trials-app/trials/model"
)

// A parse that stops early (mayOwnBound), a leaf with no value left
// unparsed and months without their people left unread change no
// requirement: over the examples and the DEV sets present, and over fuzzed
// criteria trees, Extract answers as it does with every parse read to the
// end.
func TestParseStopExtract(t *testing.T) {
	trials := exampleTrials(t)
	if dirs, _ := filepath.Glob("../loader/testdata/ctgov/*"); len(dirs) > 0 {
		trials = append(trials, loader.Load(dirs...).Trials...)
	}
	if docs := filepath.Join(devDir(), "docs"); dirExists(docs) {
		trials = append(trials, loader.Load(docs).Trials...)
	}
	// the repository's development sets: real records of every layout
	if docs, _ := filepath.Glob("testdata/devsets/*/docs"); len(docs) > 0 {
		trials = append(trials, loader.Load(docs...).Trials...)
	}
	for _, tr := range trials {
		checkParseStopExtract(t, tr.ID, &tr.Eligibility)
	}
}

func FuzzParseStopExtract(f *testing.F) {
	for _, s := range []string{"Age ≥ 18 years\nEXCLUSION\nMyocardial infarction within 6 months",
		"Life expectancy:\n  At least 3 months\nOver 18 years", "Patients ≥ 18 years\n  within 2 years of diagnosis",
		"Age (Years) Maximum Serum Creatinine (mg/dL)\n1 to < 2 years; 0.6\nEXCLUSION\nChildren < 1 year",
		"Patients at least 6 months of age\nGI bleeding within the last 3 months", "Bilirubin ≤ ULN\nChild-Pugh A\nECOG zero or one"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 4000 {
			return
		}
		el := criteriaFromText(s)
		checkParseStopExtract(t, s, &el)
	})
}

func checkParseStopExtract(t *testing.T, name string, el *model.Eligibility) {
	t.Helper()
	got, want := eligibility.Extract(el), eligibility.ExtractParsingAll(el)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%q: Extract = %+v, with every parse whole %+v", name, got, want)
	}
}

func dirExists(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}
