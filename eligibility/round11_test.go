package eligibility_test

import (
	"slices"
	"testing"
)

// round11 are round 11's wordings, each written for this table: SPEC's
// decision on bounds that every name their own subgroup, and the precision
// pass over subgroup flags.
var round11 = []struct {
	text string
	want []string
}{
	// every bound names its own subgroup, the first with "in the absence
	// of" or "without": no main bound, the loosest is everyone's (SPEC 4.7)
	{"AST and ALT ≤ 2.5 × ULN in the absence of liver metastases or up to 5 × ULN in case of liver metastases",
		[]string{"ast <=2.5 xULN cond", "alt <=2.5 xULN cond", "ast <=5 xULN", "alt <=5 xULN"}},
	{"Total bilirubin ≤ 1.5 × ULN in subjects without liver metastases; ≤ 3 × ULN with liver metastases",
		[]string{"bilirubin <=1.5 xULN cond", "bilirubin <=3 xULN"}},
	{"Bilirubin ≤ 1.5 × ULN in absence of Gilbert's syndrome, ≤ 3 × ULN in Gilbert's syndrome",
		[]string{"bilirubin <=1.5 xULN cond", "bilirubin <=3 xULN"}},
	{"Bilirubin ≤ 1.5 mg/dL without liver metastases, ≤ 3 mg/dL with liver metastases",
		[]string{"bilirubin <=1.5 mg/dL cond", "bilirubin <=3 mg/dL"}},
	{"Bilirubin ≤ 1.5 × ULN without Gilbert syndrome, ≤ 3 × ULN for patients with Gilbert syndrome",
		[]string{"bilirubin <=1.5 xULN cond", "bilirubin <=3 xULN"}},
	{"E: ALT > 3 × ULN in the absence of hepatic metastases, or > 5 × ULN in their presence",
		[]string{"alt <=3 xULN cond", "alt <=5 xULN"}},
	// a single bound for the patients without: theirs alone (SPEC 4.7)
	{"ALT ≤ 2.5 × ULN in the absence of liver metastases", []string{"alt <=2.5 xULN cond"}},
	// a first bound with no subgroup of its own stays the main one (SPEC 4.5)
	{"AST ≤ 3 × ULN (≤ 5 × ULN in patients with liver metastases)", []string{"ast <=3 xULN", "ast <=5 xULN cond"}},
	{"ALT ≤ 2.5 × ULN or ≤ 5 × ULN if liver metastases are present", []string{"alt <=2.5 xULN", "alt <=5 xULN cond"}},
	// without anticoagulation the bound stays everyone's (SPEC 4.9); without
	// transfusion or growth factors says how the value is reached
	{"INR ≤ 1.5 in the absence of anticoagulation, or within therapeutic range if on anticoagulants", []string{"inr <=1.5 ratio"}},
	{"INR ≤ 1.5 without anticoagulation therapy", []string{"inr <=1.5 ratio"}},
	{"Platelets ≥ 75 × 10^9/L without transfusion within 7 days", []string{"platelets >=75 10^9/L"}},
	{"ANC ≥ 1.0 × 10^9/L without growth factor support", []string{"anc >=1 10^9/L"}},
	{"Hemoglobin ≥ 10 g/dL in the absence of transfusion within the last 2 weeks", []string{"hemoglobin >=10 g/dL"}},
	{"Platelets ≥ 75 × 10^9/L in the absence of platelet transfusions for 7 days", []string{"platelets >=75 10^9/L"}},

	// how the first value is measured, then a subgroup's own value
	{"Platelet count ≥ 50,000/mm3 independent of transfusion support within 7 days of screening, or ≥ 30,000/mm3 in patients with documented bone marrow involvement",
		[]string{"platelets >=50 10^9/L", "platelets >=30 10^9/L cond"}},
	{"Platelet count ≥ 50,000/mm3 within 7 days of screening, or ≥ 30,000/mm3 in patients with bone marrow involvement",
		[]string{"platelets >=50 10^9/L", "platelets >=30 10^9/L cond"}},
	{"ANC ≥ 1,000/µL without growth factor support for 7 days, or ≥ 500/µL if bone marrow involvement",
		[]string{"anc >=1 10^9/L", "anc >=0.5 10^9/L cond"}},
	{"Platelets ≥ 75 × 10^9/L without transfusion in the past 7 days (≥ 50 × 10^9/L if marrow infiltration)",
		[]string{"platelets >=75 10^9/L", "platelets >=50 10^9/L cond"}},
	{"ANC ≥ 1.5 × 10^9/L without growth factor support within 7 days, platelets ≥ 100 × 10^9/L",
		[]string{"anc >=1.5 10^9/L", "platelets >=100 10^9/L"}},

	// a country's own age in brackets, its unit left out: the main age
	// stays everyone's
	{"Age 18 years or older (19 in South Korea)", []string{"age >=18 years", "age >=19 years cond"}},
	{"Age ≥ 18 years (19 in Korea)", []string{"age >=18 years", "age >=19 years cond"}},
	{"Age 18 years or older (or 20 years in Japan)", []string{"age >=18 years", "age >=20 years cond"}},
	{"Age ≥ 18 years (or the legal age of consent in the jurisdiction)", []string{"age >=18 years"}},

	// a study part's label in brackets or after "for" (SPEC 4.7): the
	// loosest of the parts' bounds is everyone's
	{"Age ≥ 18 years (Phase 1) or ≥ 12 years (Phase 2)", []string{"age >=18 years cond", "age >=12 years"}},
	{"Creatinine clearance ≥ 60 mL/min (cisplatin cohort) or ≥ 30 mL/min (carboplatin cohort)",
		[]string{"creatinine_clearance >=60 mL/min cond", "creatinine_clearance >=30 mL/min"}},
	{"ECOG 0-1 (dose expansion) or 0-2 (dose escalation)", []string{"ecog [0,1] cond", "ecog [0,2]"}},
	{"Age ≥ 18 years for the dose-escalation part and ≥ 12 years for the expansion part", []string{"age >=18 years cond", "age >=12 years"}},
	{"ECOG (Eastern Cooperative Oncology Group) 0-1", []string{"ecog [0,1]"}},

	// a trigger that opens a bracket qualifies the bracket's own bound, not
	// the one before it (SPEC 4.5)
	{"ALT and AST ≤ 2.5 × ULN (for patients with liver metastases, ≤ 5 × ULN)",
		[]string{"ast <=2.5 xULN", "alt <=2.5 xULN", "ast <=5 xULN cond", "alt <=5 xULN cond"}},
	{"AST ≤ 2.5 × ULN (in patients with hepatic metastases AST must be ≤ 5 × ULN)", []string{"ast <=2.5 xULN", "ast <=5 xULN cond"}},
	{"Bilirubin ≤ 1.5 mg/dL (for subjects with Gilbert's syndrome, the bilirubin may be ≤ 3 mg/dL)",
		[]string{"bilirubin <=1.5 mg/dL", "bilirubin <=3 mg/dL cond"}},
	{"Platelets ≥ 100 × 10^9/L (if bone marrow involvement)", []string{"platelets >=100 10^9/L cond"}},

	// an exception's note that names the bound's own violation as its
	// condition leaves the bound everyone's
	{"Total bilirubin < 2x ULN (if thought to be > 2x ULN due to Gilbert's disease, must discuss with the sponsor)", []string{"bilirubin <2 xULN"}},

	// a glued "y" on the lower end of a sandwiched age; units spelt out and
	// abbreviated word by word
	{"18y≤Age≤65y, male or female", []string{"age [18,65] years"}},
	{"20yrs ≤ age ≤ 75yrs", []string{"age [20,75] years"}},
	{"Hemoglobin > 8.0 grams (g)/deciliter (dL)", []string{"hemoglobin >8 g/dL"}},
	{"Albumin ≥ 3 grams (g)/deciliter (dL)", []string{"albumin >=3 g/dL"}},

	// a bracket closed that was never opened ends the subgroup's aside
	{"Total bilirubin ≤ 1.5 × ULN. For subjects with Gilbert's syndrome, total bilirubin must be < 3 × ULN) INR ≤ 1.5 × ULN unless receiving anticoagulants",
		[]string{"bilirubin <=1.5 xULN", "bilirubin <3 xULN cond", "inr <=1.5 xULN"}},
	{"For patients with liver metastases: AST ≤ 5 × ULN) ALT ≤ 3 × ULN", []string{"ast <=5 xULN cond", "alt <=3 xULN"}},

	// a Greek or Cyrillic letter drawn like a Latin one, in a Latin word
	{"Κarnofsky performance status ≥ 60", []string{"karnofsky >=60"}},
	{"Κarnofsky ≥ 70", []string{"karnofsky >=70"}},
	{"Plаtelets ≥ 100 × 10^9/L", []string{"platelets >=100 10^9/L"}}, // Cyrillic а
	{"Κ ≥ 3.5 mmol/L", nil},

	// the value a supportive treatment is given to reach bounds no one
	{"Hemoglobin ≥ 7.0 g/dL (the use of erythropoietin or red blood cell transfusions to maintain hemoglobin levels above 7.0 g/dL is not an exclusion criterion)",
		[]string{"hemoglobin >=7 g/dL"}},
	{"Platelets ≥ 50 × 10^9/L; transfusion to keep platelets above 50 × 10^9/L is allowed", []string{"platelets >=50 10^9/L"}},

	// "(example, …)" gives an illustration, as "e.g." does (SPEC 4.16)
	{"E: Baseline prolongation of the rate corrected QT interval (QTc) (example, repeated demonstration of QTc interval > 480 ms)", nil},
	{"E: Baseline prolongation of QTc (examples: QTcF > 470 ms)", nil},

	// "maximum normal level" is the upper limit of normal
	{"E: Poor hepatic function (transaminases > 2.5 maximum normal level)", []string{"ast <=2.5 xULN", "alt <=2.5 xULN"}},
	{"ALT ≤ 3 times the maximum normal value", []string{"alt <=3 xULN"}},

	// the ages in brackets after a performance scale say whose scale it
	// is: no age requirement, and the scale's bound is that age group's
	{"Karnofsky (age ≥16 years) or Lansky (age < 16 years) performance status ≥ 50 at screening.", []string{"karnofsky >=50 cond", "lansky >=50 cond"}},
	{"Performance status: Karnofsky (> 16 years) or Lansky (≤ 16 years) ≥ 60", []string{"karnofsky >=60 cond", "lansky >=60 cond"}},
	{"Lansky (< 16 years), Karnofsky (≥ 16 years) ≥ 70", []string{"karnofsky >=70 cond", "lansky >=70 cond"}},
	{"Karnofsky or Lansky performance status ≥ 50", []string{"karnofsky >=50", "lansky >=50 cond"}}, // the second scale is the alternative (SPEC 4.4; round 18)
	{"ECOG (Eastern Cooperative Oncology Group) performance status ≤ 2", []string{"ecog <=2"}},
	{"Karnofsky ≥ 50 (age ≥ 16 years) or Lansky ≥ 50 (age < 16 years)", []string{"karnofsky >=50 cond", "lansky >=50 cond"}},
	{"Age ≥ 16 years (Karnofsky) ", []string{"age >=16 years"}},

	// an age at the diagnosis of a disease that has come back since is not
	// the age at entry
	{"All patients under 21 years of age at diagnosis with recurrent, advanced stage neuroblastoma shall be eligible", nil},
	{"Patients ≤ 30 years of age at diagnosis of relapsed ALL", nil},
	{"Age: 21 and under at diagnosis", []string{"age <=21 years"}},

	// a bracket that keeps some patients from one part of the treatment
	// bounds no one's entry
	{"Age 4 and over (patients 60 years of age and over are not eligible for TBI)", []string{"age >=4 years"}},
	{"Age ≥ 18 years (patients older than 70 are not eligible for the radiotherapy arm)", []string{"age >=18 years"}},
	{"Age ≥ 18 years (subjects over 75 years are ineligible for the intensive arm)", []string{"age >=18 years"}},
	{"Age ≥ 18 years (patients aged 70 or older are eligible for Arm B only)", []string{"age >=18 years", "age >=70 years cond"}},
}

// round11Trees are lead-ins whose items are each one way to qualify.
var round11Trees = []struct {
	lead     string
	children []string
	want     []string
}{
	{"Autologous transplant chosen for any of the following reasons:", []string{"Over 60 years of age", "No HLA-matched donor"},
		[]string{"age >60 years cond"}},
	{"High-risk disease, with any of the following:", []string{"LDH > 2 × ULN", "ECOG 2 or 3"},
		[]string{"ecog [2,3] cond"}},
	// a sentence on whom the trial enrols, the items nested under it
	{"Male and female subjects with CD19+ B-ALL in patients with no available curative treatment options will be enrolled",
		[]string{"Age 1 to 60 years.", "Bilirubin <2.0 mg/dl"}, []string{"age [1,60] years", "bilirubin <2 mg/dL"}},
	{"Patients with bone marrow involvement are eligible", []string{"Platelets ≥ 50 × 10^9/L"}, []string{"platelets >=50 10^9/L cond"}},
	{"Adequate organ function, defined as all of the following:", []string{"ANC ≥ 1.5 × 10^9/L", "Platelets ≥ 100 × 10^9/L"},
		[]string{"anc >=1.5 10^9/L", "platelets >=100 10^9/L"}},
}

func TestRound11(t *testing.T) {
	for _, tc := range round11Trees {
		got := extractTree(tc.lead, tc.children)
		if !slices.Equal(sorted(got), sorted(tc.want)) {
			t.Errorf("%s %q\n   got %q\n  want %q", tc.lead, tc.children, got, tc.want)
		}
	}
	for _, tc := range round11 {
		got := extractOne(tc.text)
		if !slices.Equal(sorted(got), sorted(tc.want)) {
			t.Errorf("%s\n   got %q\n  want %q", tc.text, got, tc.want)
		}
	}
}
