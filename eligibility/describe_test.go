package eligibility_test

import (
	"testing"

	"github.com/trials-app/trials/eligibility"
	"github.com/trials-app/trials/model"
)

func TestDescribe(t *testing.T) {
	cases := map[string]string{
		"ECOG performance status 0-1":              "ECOG ≤ 1",
		"Karnofsky ≥ 70%":                          "Karnofsky ≥ 70",
		"Platelet count ≥ 75,000/µL":               "platelets ≥ 75 ×10^9/L",
		"Total bilirubin ≤ 1.5 × ULN":              "total bilirubin ≤ 1.5 × ULN",
		"QTcF < 470 ms":                            "QTc < 470 ms",
		"BCLC stage B or C":                        "BCLC B or C",
		"BCLC stage 0, A or B":                     "BCLC 0, A or B",
		"Age 18-75 years":                          "age 18–75 years",
		"Age ≥ 6 months":                           "age ≥ 6 months",
		"Age > 18 and < 75 years":                  "age > 18 and < 75 years",
		"Child-Pugh class A":                       "Child-Pugh ≤ 6 (A)",
		"Child-Pugh A or B":                        "Child-Pugh ≤ 9 (A–B)",
		"Child-Pugh score ≤ 7":                     "Child-Pugh ≤ 7",
		"Life expectancy ≥ 3 months":               "life expectancy ≥ 3 months",
		"Life expectancy of at least 12 weeks":     "life expectancy ≥ 12 weeks",
		"INR ≤ 1.5":                                "INR ≤ 1.5",
		"eGFR ≥ 60 mL/min/1.73 m2":                 "eGFR ≥ 60 mL/min/1.73 m²",
		"LVEF ≥ 50%":                               "LVEF ≥ 50%",
		"Creatinine clearance ≥ 60 mL/min":         "creatinine clearance ≥ 60 mL/min",
		"Hemoglobin ≥ 9 g/dL":                      "hemoglobin ≥ 9 g/dL",
		"Absolute neutrophil count ≥ 1.5 × 10^9/L": "ANC ≥ 1.5 ×10^9/L",
	}
	for text, want := range cases {
		reqs := eligibility.Extract(&model.Eligibility{Inclusion: []model.Criterion{{Text: text}}})
		if len(reqs) != 1 {
			t.Errorf("%s: %d requirements", text, len(reqs))
			continue
		}
		if got := eligibility.Describe(reqs[0]); got != want {
			t.Errorf("%s: %q, want %q", text, got, want)
		}
	}
	names := map[string]string{"ecog": "ECOG", "child_pugh_score": "Child-Pugh", "platelets": "platelets",
		"bilirubin": "total bilirubin", "creatinine_clearance": "creatinine clearance", "nope": "nope"}
	for v, want := range names {
		if got := eligibility.DisplayName(v); got != want {
			t.Errorf("DisplayName(%s) = %q, want %q", v, got, want)
		}
	}
	if len(eligibility.Variables()) != 22 {
		t.Errorf("%d variables, want the 22 of SPEC.md §2", len(eligibility.Variables()))
	}
}
