package eligibility_test

import (
	"slices"
	"testing"
)

// round22 are round 22's wordings (DEV38, DEV39, DEV41's misses), each
// written for this table, with the negatives that keep each rule from
// reaching further.
var round22 = []struct {
	text string
	want []string
}{
	// the PDQ age with its "Age:" label lost
	{"18 and over", []string{"age >=18 years"}},
	{"70 and under", []string{"age <=70 years"}},
	{"65 and older.", []string{"age >=65 years"}},
	{"E: 18 and over", nil},
	{"18 and over with measurable disease", nil},
	{"0.5 and over", nil},
	// the best performance grade alone
	{"Performance status (PS) 0", []string{"ecog <=0"}},
	{"ECOG 0.", []string{"ecog <=0"}},
	{"ECOG performance status 0 (see appendix B)", []string{"ecog <=0"}},
	{"ECOG PS 2", nil},
	{"ECOG 0 at baseline after 2 cycles", nil},
	// "Performance Index", a name of the scale
	{"E: WHO Performance Index 3 or 4", []string{"ecog <=2"}},
	{"Karnofsky performance index ≥ 70", []string{"karnofsky >=70"}},
	// survival anticipated
	{"Anticipation of more than 3 months survival", []string{"life_expectancy >13.035 weeks"}},
	{"Expectation of at least 12 weeks survival", []string{"life_expectancy >=12 weeks"}},
	{"No anticipation of surgery within 3 months", nil},
	// a decimal point spaced out, before a laboratory unit only
	{"Neutrophils ≥ 1. 5 G/L", []string{"anc >=1.5 10^9/L"}},
	{"ANC ≥ 1. 5 x 10^9/L", []string{"anc >=1.5 10^9/L"}},
	{"Bilirubin ≤ 1. 5 times ULN", []string{"bilirubin <=1.5 xULN"}},
	{"ECOG 0-1. 2 prior regimens allowed", []string{"ecog [0,1]"}},
	// an age in brackets after a scale's name picks whom the value is for
	{"Karnofsky (age ≥ 16 years) ≥ 50%", []string{"karnofsky >=50 cond"}},
}

func TestRound22(t *testing.T) {
	for _, tc := range round22 {
		got := extractOne(tc.text)
		if !slices.Equal(sorted(got), sorted(tc.want)) {
			t.Errorf("%s\n   got %q\n  want %q", tc.text, got, tc.want)
		}
	}
}

// round22b are DEV42's wordings, each written for this table.
var round22b = []struct {
	text string
	want []string
}{
	// a run of dashes parts two clauses
	{"AST ≤ 3 × ULN ---patients with metastatic disease in the liver ≤ 5 × ULN",
		[]string{"ast <=3 xULN", "ast <=5 xULN cond"}},
	{"ECOG 0-2 --see appendix", []string{"ecog [0,2]"}},
	// the count's slash lost; "/microL"
	{"Absolute neutrophil count (ANC) ≥ 1500 mm3", []string{"anc >=1.5 10^9/L"}},
	{"Platelets ≥ 100,000 mm³", []string{"platelets >=100 10^9/L"}},
	{"Platelets greater than or equal to 100,000/microL", []string{"platelets >=100 10^9/L"}},
	{"Tumour volume ≥ 1000 mm3", nil},
	// how the QTc is measured, "pre-entry"
	{"E: Prolonged QTc interval on pre-entry electrocardiogram (> 450 msec)", []string{"qtc <=450 ms"}},
	// a second "with" before the subgroup's own bound
	{"Total bilirubin ≤ 1.5 × ULN (patients with Gilbert's syndrome with total bilirubin ≤ 3 mg/dL may be enrolled)",
		[]string{"bilirubin <=1.5 xULN", "bilirubin <=3 mg/dL cond"}},
	{"Total bilirubin ≤ 2.0 × ULN (we will allow patients with Gilbert's syndrome with total bilirubin up to 2.5 mg/dL)",
		[]string{"bilirubin <=2 xULN", "bilirubin <=2.5 mg/dL cond"}},
	{"CrCl ≥ 60 mL/min for patients with creatinine > 1.5 mg/dL", []string{"creatinine_clearance >=60 mL/min cond"}},
}

func TestRound22b(t *testing.T) {
	for _, tc := range round22b {
		got := extractOne(tc.text)
		if !slices.Equal(sorted(got), sorted(tc.want)) {
			t.Errorf("%s\n   got %q\n  want %q", tc.text, got, tc.want)
		}
	}
}

// round22Trees are lead-ins over their children.
var round22Trees = []struct {
	name     string
	lead     string
	children []string
	want     []string
}{
	{"a reproductive status met by one of the following: the ages under it define it",
		"Postmenopausal by 1 of the following criteria:",
		[]string{"60 years of age and over", "45 years of age and over with amenorrhea more than 12 months"},
		nil},
	{"… an age requirement's list is not",
		"Patients must meet all of the following:",
		[]string{"60 years of age and over", "ECOG 0-1"},
		[]string{"age >=60 years", "ecog [0,1]"}},
}

func TestRound22Trees(t *testing.T) {
	for _, tc := range round22Trees {
		got := extractTree(tc.lead, tc.children)
		if !slices.Equal(sorted(got), sorted(tc.want)) {
			t.Errorf("%s\n   got %q\n  want %q", tc.name, got, tc.want)
		}
	}
}
