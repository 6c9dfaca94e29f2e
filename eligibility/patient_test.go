package eligibility_test

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/trials-app/trials/eligibility"
	"github.com/trials-app/trials/model"
)

// A patient is read and written in exactly the shape of
// examples_patients.json.
func TestPatientJSONRoundTrip(t *testing.T) {
	b, err := os.ReadFile("testdata/examples_patients.json")
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		Patients []map[string]any `json:"patients"`
	}
	if err := json.Unmarshal(b, &f); err != nil {
		t.Fatal(err)
	}
	for _, want := range f.Patients {
		raw, _ := json.Marshal(want)
		p, err := eligibility.ReadPatient(bytes.NewReader(raw))
		if err != nil {
			t.Fatalf("%s: %v", raw, err)
		}
		var out bytes.Buffer
		if err := eligibility.WritePatient(&out, p); err != nil {
			t.Fatal(err)
		}
		var got map[string]any
		if err := json.Unmarshal(out.Bytes(), &got); err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) {
			t.Errorf("%v: %d keys written, want %d", want["id"], len(got), len(want))
		}
		for k, v := range want {
			if gv, ok := got[k]; !ok || gv != v {
				t.Errorf("%v: %s = %v, want %v", want["id"], k, gv, v)
			}
		}
	}
}

func TestPatientRefusesBadFiles(t *testing.T) {
	cases := map[string]string{
		`{"platlets": 80}`:           "unknown field",
		`{"ecog": 7}`:                "ECOG must be 0–5",
		`{"ecog": 1.5}`:              "ECOG must be 0–5",
		`{"platelets": -1}`:          "platelets must be a number ≥ 0",
		`{"platelets": 80000}`:       "80,000/µL is 80",
		`{"sex": "other"}`:           `sex must be "female" or "male"`,
		`{"bclc_stage": "E"}`:        "BCLC stage must be 0, A, B, C or D",
		`{"child_pugh_score": 4}`:    "Child-Pugh score must be 5–15",
		`{"age": 67} {"age": 68}`:    "more than one",
		`[1, 2]`:                     "not a patient profile",
		`{"ecog": 1, "ecog": "one"}`: "not a patient profile",
	}
	for in, want := range cases {
		_, err := eligibility.ReadPatient(strings.NewReader(in))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: error %v, want one saying %q", in, err, want)
		}
	}
	// every problem is named, not only the first
	_, err := eligibility.ReadPatient(strings.NewReader(`{"ecog": 9, "platelets": -2}`))
	if err == nil || !strings.Contains(err.Error(), "ECOG") || !strings.Contains(err.Error(), "platelets") {
		t.Errorf("two bad fields: %v", err)
	}
}

func TestFieldSet(t *testing.T) {
	type refused string
	cases := []struct {
		key, in string
		want    any // nil: cleared; refused: the message
	}{
		{"ecog", "1", 1.0},
		{"ecog", " 2 ", 2.0},
		{"ecog", "6", refused("ECOG must be 0–5")},
		{"ecog", "one", refused("ECOG must be 0–5")},
		{"sex", "x", refused(`sex must be "female" or "male"`)},
		{"child-pugh", "B7", 7.0},
		{"child_pugh_score", "a5", 5.0},
		{"sex", "F", "female"},
		{"sex", "Male", "male"},
		{"bclc", "c", "C"},
		{"platelets", "80", 80.0},
		{"platelets", "unknown", nil},
		{"platelets", "", nil},
		{"age", "67", 67.0},
		{"age", "200", refused("age must be a number from 0 to 120")},
		{"inr", "NaN", refused("INR must be")},
	}
	for _, tc := range cases {
		f, ok := eligibility.FieldByKey(tc.key)
		if !ok {
			t.Fatalf("no field %q", tc.key)
		}
		p := eligibility.Patient{}
		err := f.Set(&p, tc.in)
		if msg, isErr := tc.want.(refused); isErr {
			if err == nil || !strings.Contains(err.Error(), string(msg)) {
				t.Errorf("%s=%q: error %v, want %q", tc.key, tc.in, err, msg)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s=%q: %v", tc.key, tc.in, err)
			continue
		}
		if got := f.Value(&p); got != tc.want {
			t.Errorf("%s=%q: %v, want %v", tc.key, tc.in, got, tc.want)
		}
	}
	for _, f := range eligibility.Fields {
		if f.Label == "" || f.Key == "" || f.Flag == "" {
			t.Errorf("field %+v lacks a label, key or flag", f)
		}
	}
}

func TestStructuredChecks(t *testing.T) {
	age := func(v float64) eligibility.Patient { return eligibility.Patient{Age: &v} }
	sex := func(s string) eligibility.Patient { return eligibility.Patient{Sex: &s} }
	tr := func(min, max string, s model.Sex) *model.Trial {
		return &model.Trial{Eligibility: model.Eligibility{MinAge: min, MaxAge: max, Sex: s}}
	}
	cases := []struct {
		name  string
		t     *model.Trial
		p     eligibility.Patient
		field string
		want  eligibility.Status
	}{
		{"at the minimum", tr("18 Years", "", ""), age(18), "age", eligibility.Met},
		{"below the minimum", tr("18 Years", "", ""), age(17.9), "age", eligibility.NotMet},
		{"75 and some months under a maximum of 75 years", tr("", "75 Years", ""), age(75.5), "age", eligibility.Met},
		{"above the maximum", tr("", "75 Years", ""), age(76), "age", eligibility.NotMet},
		{"a maximum in months", tr("", "18 Months", ""), age(1.4), "age", eligibility.Met},
		{"age unknown", tr("18 Years", "", ""), eligibility.Patient{}, "age", eligibility.Unknown},
		{"a woman in a trial for men", tr("", "", model.SexMale), sex("female"), "sex", eligibility.NotMet},
		{"a man in a trial for men", tr("", "", model.SexMale), sex("male"), "sex", eligibility.Met},
		{"sex unknown", tr("", "", model.SexFemale), eligibility.Patient{}, "sex", eligibility.Unknown},
		{"all sexes", tr("", "", model.SexAll), eligibility.Patient{}, "sex", eligibility.Met},
	}
	for _, tc := range cases {
		res := eligibility.Screen(tc.t, tc.p)
		var got eligibility.Status
		for _, s := range res.Structured {
			if s.Field == tc.field {
				got = s.Status
			}
		}
		if got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
		if excluded := res.Verdict == eligibility.Excluded; excluded != (tc.want == eligibility.NotMet) {
			t.Errorf("%s: verdict %s", tc.name, res.Verdict)
		}
	}
}
