package eligibility_test

import (
	"slices"
	"testing"
)

// round20 are round 20's wordings, each written for this table: subgroup
// labels written in brackets or before their own value, found by asking
// independent labellers how they would label them (SPEC 4.5, 4.7), with
// the negatives that keep each rule from reaching further.
var round20 = []struct {
	text string
	want []string
}{
	// "(patients without …)" and "(patients with …)" after their own
	// values: every bound has its subgroup, the loosest is everyone's
	{"Bilirubin ≤ 1.5 × ULN (patients without Gilbert's syndrome) or ≤ 3 × ULN (patients with Gilbert's syndrome)",
		[]string{"bilirubin <=1.5 xULN cond", "bilirubin <=3 xULN"}},
	{"Bilirubin ≤ 1.5 × ULN (patients without liver metastases) or ≤ 3 × ULN (patients with liver metastases)",
		[]string{"bilirubin <=1.5 xULN cond", "bilirubin <=3 xULN"}},
	// a bracket that names only a condition, after its value
	{"AST/ALT ≤ 2.5 × ULN (no liver metastases) or ≤ 5 × ULN (liver metastases)",
		[]string{"ast <=2.5 xULN cond", "alt <=2.5 xULN cond", "ast <=5 xULN", "alt <=5 xULN"}},
	// a condition named before its own value, in a bracket or after a comma
	{"AST ≤ 3 × ULN (liver metastases: ≤ 5 × ULN)", []string{"ast <=3 xULN", "ast <=5 xULN cond"}},
	{"AST and ALT ≤ 2.5 × ULN (hepatic metastases ≤ 5 × ULN)",
		[]string{"ast <=2.5 xULN", "alt <=2.5 xULN", "ast <=5 xULN cond", "alt <=5 xULN cond"}},
	{"ALT ≤ 3 × ULN, liver metastases ≤ 5 × ULN", []string{"alt <=3 xULN", "alt <=5 xULN cond"}},
	{"ALT ≤ 3 × ULN; liver involvement: ≤ 5 × ULN", []string{"alt <=3 xULN", "alt <=5 xULN cond"}},
	// a bracket that says more than a condition's name stays as it was
	{"Life expectancy ≥ 12 weeks (excluding patients on dialysis)", []string{"life_expectancy >=12 weeks"}},
	{"Bilirubin ≤ 1.5 × ULN (patients with Gilbert's syndrome are eligible)", []string{"bilirubin <=1.5 xULN"}},
	{"Hemoglobin ≥ 9 g/dL (patients with bone marrow involvement: ≥ 8 g/dL)",
		[]string{"hemoglobin >=9 g/dL", "hemoglobin >=8 g/dL cond"}},
	// a bracket of method or timing names no one
	{"Creatinine clearance ≥ 50 mL/min (Cockcroft-Gault)", []string{"creatinine_clearance >=50 mL/min"}},
	{"Platelets ≥ 100 × 10^9/L (without transfusion)", []string{"platelets >=100 10^9/L"}},
	{"INR ≤ 1.5 (no anticoagulation)", []string{"inr <=1.5 ratio"}},
	// words around the condition that are not a condition's
	{"ANC ≥ 1.5 × 10^9/L, marrow cellularity ≥ 20%", []string{"anc >=1.5 10^9/L"}},
}

func TestRound20(t *testing.T) {
	for _, tc := range round20 {
		got := extractOne(tc.text)
		if !slices.Equal(sorted(got), sorted(tc.want)) {
			t.Errorf("%s\n   got %q\n  want %q", tc.text, got, tc.want)
		}
	}
}
