package eligibility_test

import (
	"encoding/json"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/trials-app/trials/eligibility"
	"github.com/trials-app/trials/model"
)

type expectedVerdict struct {
	Patient           string            `json:"patient"`
	Trial             string            `json:"trial"`
	Overall           string            `json:"overall"`
	NotMet            []string          `json:"not_met"`
	Unknown           []string          `json:"unknown"`
	UnknownCount      int               `json:"unknown_count"`
	Variables         map[string]string `json:"variables"`
	RequirementStatus []string          `json:"requirement_status"`
}

type patientsFile struct {
	Patients []json.RawMessage `json:"patients"`
	Expected struct {
		Verdicts []expectedVerdict `json:"verdicts"`
	} `json:"expected"`
}

func readPatients(t *testing.T) (map[string]eligibility.Patient, []expectedVerdict) {
	t.Helper()
	b, err := os.ReadFile("testdata/examples_patients.json")
	if err != nil {
		t.Fatal(err)
	}
	var f patientsFile
	if err := json.Unmarshal(b, &f); err != nil {
		t.Fatal(err)
	}
	ps := map[string]eligibility.Patient{}
	for _, raw := range f.Patients {
		p, err := eligibility.ReadPatient(strings.NewReader(string(raw)))
		if err != nil {
			t.Fatalf("patient %s: %v", raw, err)
		}
		ps[p.ID] = p
	}
	if len(ps) != 4 || len(f.Expected.Verdicts) != 72 {
		t.Fatalf("%d patients, %d verdicts; want 4 and 72", len(ps), len(f.Expected.Verdicts))
	}
	return ps, f.Expected.Verdicts
}

func variables(res eligibility.Result) map[string]string {
	m := map[string]string{}
	for _, v := range res.Variables {
		m[v.Variable] = string(v.Status)
	}
	return m
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// Against the hand-made requirements of examples.json: exactly the
// expected verdicts, per trial, per variable and per requirement.
func TestScreenExamples(t *testing.T) {
	patients, verdicts := readPatients(t)
	truth := map[string][]model.Requirement{}
	b, _ := os.ReadFile("testdata/examples.json")
	var ex []struct {
		ID           string              `json:"id"`
		Requirements []model.Requirement `json:"requirements"`
	}
	if err := json.Unmarshal(b, &ex); err != nil {
		t.Fatal(err)
	}
	for _, e := range ex {
		truth[e.ID] = e.Requirements
	}
	for _, v := range verdicts {
		res := eligibility.ScreenRequirements(truth[v.Trial], patients[v.Patient])
		name := v.Patient + "×" + v.Trial
		if string(res.Verdict) != v.Overall {
			t.Errorf("%s: verdict %s, want %s", name, res.Verdict, v.Overall)
		}
		if !slices.Equal(sorted(nonNil(res.NotMet)), sorted(v.NotMet)) || !slices.Equal(sorted(nonNil(res.Unknown)), sorted(v.Unknown)) {
			t.Errorf("%s: not met %v unknown %v, want %v %v", name, res.NotMet, res.Unknown, v.NotMet, v.Unknown)
		}
		if res.UnknownCount() != v.UnknownCount {
			t.Errorf("%s: %d unknown, want %d", name, res.UnknownCount(), v.UnknownCount)
		}
		if got := variables(res); !maps.Equal(got, v.Variables) {
			t.Errorf("%s: variables %v, want %v", name, got, v.Variables)
		}
		var st []string
		for _, c := range res.Requirements {
			st = append(st, string(c.Status))
		}
		if !slices.Equal(st, v.RequirementStatus) {
			t.Errorf("%s: statuses %v, want %v", name, st, v.RequirementStatus)
		}
	}
}

// Against the trials themselves, read from their documents: the same
// verdicts, with the registry's age range and sex deciding too. Where the
// registry excludes the patient the expected verdict (computed from the
// criteria alone) turns to excluded; the test names those cases.
func TestScreenLoadedTrials(t *testing.T) {
	patients, verdicts := readPatients(t)
	trials := map[string]*model.Trial{}
	for _, tr := range exampleTrials(t) {
		trials[scoreID(tr)] = tr
	}
	registryExcludes := map[string]string{
		"E1×NCT01126879": "sex", // a woman, and a trial for men (prostate cancer)
	}
	for _, v := range verdicts {
		tr := trials[v.Trial]
		if tr == nil {
			t.Fatalf("trial %s not loaded", v.Trial)
		}
		name := v.Patient + "×" + v.Trial
		res := eligibility.Screen(tr, patients[v.Patient])
		if !slices.Equal(sorted(nonNil(res.NotMet)), sorted(v.NotMet)) || !slices.Equal(sorted(nonNil(res.Unknown)), sorted(v.Unknown)) {
			t.Errorf("%s: not met %v unknown %v, want %v %v", name, res.NotMet, res.Unknown, v.NotMet, v.Unknown)
		}
		if got := variables(res); !maps.Equal(got, v.Variables) {
			t.Errorf("%s: variables %v, want %v", name, got, v.Variables)
		}
		var failed []string
		for _, s := range res.Structured {
			if s.Status == eligibility.NotMet {
				failed = append(failed, s.Field)
			}
		}
		want := v.Overall
		if f, ok := registryExcludes[name]; ok {
			if !slices.Equal(failed, []string{f}) {
				t.Errorf("%s: registry fields not met %v, want [%s]", name, failed, f)
			}
			want = "excluded"
		} else if len(failed) > 0 && v.Overall == "possible" {
			t.Errorf("%s: the registry's %v excludes the patient; name the case in registryExcludes if that is right", name, failed)
		}
		if string(res.Verdict) != want {
			t.Errorf("%s: verdict %s, want %s", name, res.Verdict, want)
		}
	}
}
