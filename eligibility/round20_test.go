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
	// a negation that reaches over a named heart failure or lymphoma
	{"No New York Heart Association class III-IV congestive heart failure or LVEF < 40% by MUGA", []string{"lvef >=40 %"}},
	{"No chronic lymphocytic lymphoma with absolute lymphocyte count > 5,000/mm³", []string{"lymphocytes <=5 10^9/L"}},
	// an age that picks whom a formula is for bounds no one
	{"Creatinine clearance ≥ 50 mL/min (MDRD formula for patients older than 65 years)", []string{"creatinine_clearance >=50 mL/min"}},
	{"Creatinine clearance ≥ 50 mL/min according to Cockcroft formula (or to MDRD formula for patients older than 65 years-old)",
		[]string{"creatinine_clearance >=50 mL/min"}},
	{"ECOG 0-2 (for patients ≥ 70 years)", []string{"ecog [0,2] cond"}},
	// an age after "who are" picks the patients a scale is for
	{"Performance status: Lansky ≥ 50 for patients who are ≤ 16 years old and Karnofsky ≥ 50% for patients who are > 16 years old.",
		[]string{"lansky >=50 cond", "karnofsky >=50 cond"}},
	{"Patients who are ≥ 18 years old", []string{"age >=18 years"}},
	// the sex that opens an item is required, not a subgroup
	{"Female patients, ≥ 18 years of age at the time of obtaining informed consent.", []string{"age >=18 years"}},
	{"Women aged ≥ 65 years", []string{"age >=65 years cond"}},
	// plural scores, a scale given to each age group, misspelt names
	{"Patients must have a performance status corresponding to Eastern Cooperative Oncology Group (ECOG) scores of 0 or 1 (>= 70% for Karnofsky/Lansky); use Karnofsky for patients > 16 years of age and Lansky for patients =< 16 years of age",
		[]string{"ecog [0,1]", "karnofsky >=70 cond", "lansky >=70 cond"}},
	{"Karnofsky ≥ 70% or Lansky ≥ 70%", []string{"karnofsky >=70", "lansky >=70 cond"}},
	{"Easter Cooperative Oncology Group status of 0, 1 or 2;", []string{"ecog [0,2]"}},
	{"Child's Pugh classification A or B", []string{"child_pugh_score [5,9]"}},
	// a disease's acronym after its own value
	{"Absolute neutrophil count ≥ 1000/mcL (≥ 500/mcL for MDS)", []string{"anc >=1 10^9/L", "anc >=0.5 10^9/L cond"}},
	{"Platelets ≥ 100,000/mcL (≥ 50,000/mcL in patients with CLL)", []string{"platelets >=100 10^9/L", "platelets >=50 10^9/L cond"}},
	// "each" or "both" between the subjects and their bound
	{"AST and ALT each ≤ 2.5 x ULN", []string{"ast <=2.5 xULN", "alt <=2.5 xULN"}},
	{"AST and ALT both ≤ 2.5 x ULN", []string{"ast <=2.5 xULN", "alt <=2.5 xULN"}},
	{"With normal coagulation function: INR and PTT, each ≤ 1.5 x ULN.", []string{"inr <=1.5 xULN"}},
	// a normal limit with no number as the alternative leaves the number
	// everyone's (SPEC 4.8), unless the lower of the two is asked for
	{"E: LVEF below the lower limit of normal or < 50%", []string{"lvef >=50 %"}},
	{"E: Corrected QT (cQT) interval ≥ 450 ms and left ventricular ejection fraction (LVEF) below the lower limit of normal or < 50%",
		[]string{"qtc <450 ms", "lvef >=50 %"}},
	{"LVEF ≥ LLN or ≥ 50%", []string{"lvef >=50 %"}},
	{"LVEF ≥ LLN or ≥ 50%, whichever is lower", nil},
	{"Creatinine within normal limits or ≤ 1.5 mg/dL", []string{"creatinine <=1.5 mg/dL"}},
	{"Total bilirubin within normal limits", nil},
	// a bare multiple in brackets without its limit: the subgroup's relaxation
	{"AST ≤ 3 times ULN (5 times if liver metastases)", []string{"ast <=3 xULN", "ast <=5 xULN cond"}},
	{"AST ≤ 3 × ULN (5 × if liver metastases)", []string{"ast <=3 xULN", "ast <=5 xULN cond"}},
	{"ECOG 0-1 (2 if due to bone pain)", []string{"ecog [0,1]", "ecog <=2 cond"}},
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

// round20Lists are whole lists.
var round20Lists = []struct {
	name  string
	items []string
	want  []string
}{
	{"one bound for each sex, item by item: the loosest is everyone's (SPEC 4.7)",
		[]string{"QTc < 450 msec (for male patients)", "QTc < 470 msec (for female patients)"},
		[]string{"qtc <450 ms cond", "qtc <470 ms"}},
	{"… unless a bound for everyone is stated",
		[]string{"QTcF ≤ 480 ms", "QTc < 450 msec (for male patients)", "QTc < 470 msec (for female patients)"},
		[]string{"qtc <=480 ms", "qtc <450 ms cond", "qtc <470 ms cond"}},
	{"… and never an age by sex",
		[]string{"men age ≥55 years", "women age ≥65 years"},
		[]string{"age >=55 years cond", "age >=65 years cond"}},
	{"a heading for the escalation and the expansion together is everyone's",
		[]string{"Dose Escalation and Dose Expansion Cohorts", "ECOG performance status 0 or 1", "Dose expansion Cohort - TNBC",
			"Life expectancy ≥ 12 weeks"},
		[]string{"ecog [0,1]", "life_expectancy >=12 weeks cond"}},
}

func TestRound20Lists(t *testing.T) {
	for _, tc := range round20Lists {
		got := extractList(tc.items)
		if !slices.Equal(sorted(got), sorted(tc.want)) {
			t.Errorf("%s\n   got %q\n  want %q", tc.name, got, tc.want)
		}
	}
}
