package eligibility_test

import (
	"slices"
	"testing"

	"github.com/trials-app/trials/eligibility"
	"github.com/trials-app/trials/model"
)

// round12 are round 12's wordings, each written for this table: the
// precision pass (values that are not a requirement on the value at entry)
// and DEV11/DEV12.
var round12 = []struct {
	text string
	want []string
}{
	// an event on earlier treatment, or a change, measures the past: no
	// bound on today's value, inverted or not
	{"E: Grade ≥ 3 thrombocytopenia (platelets < 50,000/mm3) on prior therapy", nil},
	{"Grade ≥ 3 thrombocytopenia (platelets < 50,000/mm3) on prior therapy", nil},
	{"E: Patients who experienced ANC < 0.5 × 10^9/L for more than 7 days during prior chemotherapy", nil},
	{"E: Patients with AST > 3 × ULN during prior checkpoint inhibitor therapy", nil},
	{"E: QTc prolongation > 500 ms while on a previous treatment with a tyrosine kinase inhibitor", nil},
	{"E: Patients who developed ALT > 5 × ULN on earlier immunotherapy", nil},
	{"Decrease in LVEF of more than 10% from baseline", nil},
	{"E: Increase in serum creatinine of ≥ 0.3 mg/dL within 48 hours", nil},
	{"E: Drop in hemoglobin of 2 g/dL or more within the last 4 weeks", nil},
	{"E: Absolute decrease in LVEF of ≥ 10 points from baseline to < 55%", nil},
	// the same words that only time the test, or pick a subgroup, keep the bound
	{"Platelets ≥ 100 × 10^9/L within 7 days prior to registration", []string{"platelets >=100 10^9/L"}},
	{"ANC ≥ 1.5 × 10^9/L (≥ 1.0 × 10^9/L for patients with prior chemotherapy)", []string{"anc >=1.5 10^9/L", "anc >=1 10^9/L cond"}},
	{"Hemoglobin ≥ 9 g/dL (patients may have received prior transfusion)", []string{"hemoglobin >=9 g/dL"}},
	{"E: Baseline LVEF < 50%", []string{"lvef >=50 %"}},
	{"E: QTcF > 470 ms during screening", []string{"qtc <=470 ms"}},

	// recovery after earlier treatment is today's value
	{"Patients must have recovered to ANC ≥ 1.0 × 10^9/L after prior chemotherapy", []string{"anc >=1 10^9/L"}},
	// strata are not bounds
	{"Stratified by ECOG (0 vs 1) and age (< 65 vs ≥ 65)", nil},
	{"Randomisation stratified by age (≥ 70 versus < 70 years)", nil},
	// a value a treatment is given to bring the count to
	{"Leukapheresis or hydroxyurea is permitted to reduce WBC to < 50,000/µL", nil},
	{"Hydroxyurea may be used to bring the white blood cell count to < 25 × 10^9/L", nil},
	// someone else the trial enrols
	{"E: Caregiver younger than 18 years", nil},
	{"Partner aged 18 years or older willing to take part", nil},

	// from DEV11: ineligible for a treatment names the trial's patients,
	// and their ways to qualify are not inverted
	{"E: GFR < 30 ml/min. GFR calculated by Cockroft-Gault.", []string{"creatinine_clearance >=30 mL/min"}},
	{"E: Glomerular filtration rate (GFR) < 30ml/min. GFR calculated by Cockroft-Gault (not eGFR).", []string{"creatinine_clearance >=30 mL/min"}},
	// a Cockcroft-Gault sentence with a value of its own, or another
	// formula named, leaves the GFR a GFR
	{"E: eGFR < 45 mL/min/1.73 m2. Creatinine clearance by Cockcroft-Gault ≥ 50 mL/min is also acceptable.", []string{"egfr >=45 mL/min/1.73m2"}},
	{"E: eGFR < 45 mL/min/1.73 m2 (CKD-EPI). Cockcroft-Gault is not used.", []string{"egfr >=45 mL/min/1.73m2"}},

	// the multiple written after the limit, an abbreviation's full stop
	// before the sign
	{"AST and ALT <= upper limit of normal (ULN)*2.5 (<= ULN*5 in case of liver metastasis)",
		[]string{"ast <=2.5 xULN", "alt <=2.5 xULN", "ast <=5 xULN cond", "alt <=5 xULN cond"}},
	{"Serum creatinine <= upper limit of normal (ULN) *1.5", []string{"creatinine <=1.5 xULN"}},
	{"Bilirubin ≤ ULN x 1.5", []string{"bilirubin <=1.5 xULN"}},
	{"T-bil. <= upper limit of normal (ULN)*1.5", []string{"bilirubin <=1.5 xULN"}},
	{"Hb. >= 9.0 g/dL", []string{"hemoglobin >=9 g/dL"}},
	{"Bilirubin ≤ ULN", []string{"bilirubin <=1 xULN"}},
	{"Hemoglobin ≥ 9 g/dL. ≤ 2 prior regimens", []string{"hemoglobin >=9 g/dL"}},

	// a bracket on what to do when the value is high, with no number of
	// its own, is no subgroup (SPEC 4.8's non-numeric alternative)
	{"Total bilirubin ≤ 2.0 mg/dL (If total is elevated check direct and if normal patient is eligible.)", []string{"bilirubin <=2 mg/dL"}},
	{"Bilirubin ≤ 1.5 × ULN (if elevated, fractionation is required)", []string{"bilirubin <=1.5 xULN"}},
	{"Bilirubin ≤ 1.5 × ULN (≤ 3 × ULN if elevated due to Gilbert's syndrome)", []string{"bilirubin <=1.5 xULN", "bilirubin <=3 xULN cond"}},
	{"Bilirubin ≤ 1.5 × ULN (if liver metastases, ≤ 3 × ULN)", []string{"bilirubin <=1.5 xULN", "bilirubin <=3 xULN cond"}},
	// a cause other than the disease picks whom the bound is for
	{"E: Patients with life expectancy of < 6 months for reasons other than their underlying hematologic/oncologic disorder.",
		[]string{"life_expectancy >=26.07 weeks cond"}},
	{"E: Life expectancy < 3 months", []string{"life_expectancy >=13.035 weeks"}},

	// "pts." is an abbreviation, not a full stop; a Karnofsky bound
	// labelled the adults' beside the children's Lansky bound is one age
	// group's, as each is (SPEC 4.6)
	{"Performance (adults): Karnofsky score must be at least 60; for pts. under 16, Lansky score must be at least 60.",
		[]string{"karnofsky >=60 cond", "lansky >=60 cond"}},
	{"Karnofsky ≥ 60 (adults) or Lansky ≥ 60 (children)", []string{"karnofsky >=60 cond", "lansky >=60 cond"}},
	{"Karnofsky score must be at least 60; for patients under 16, Lansky score must be at least 60.",
		[]string{"karnofsky >=60", "lansky >=60 cond"}},
	{"Platelets ≥ 75 × 10^9/L for pts. with marrow involvement", []string{"platelets >=75 10^9/L cond"}},

	// "AP" is the alkaline phosphatase: a quantity of its own in the list
	{"ALT, AST and AP ≤3 × ULN or <5 × ULN in cases of documented liver involvement by lymphoma",
		[]string{"ast <=3 xULN", "alt <=3 xULN", "ast <5 xULN cond", "alt <5 xULN cond"}},
	{"AP ≤ 2.5 × ULN", nil},

	// an ECOG grade written with "=" for a subgroup: that group's; the
	// other group's bound, the loosest, is everyone's (SPEC 4.7)
	{"ECOG PS < 2 if age < 70 years, ECOG PS = 0 if age = 71-75 years", []string{"ecog <=1", "ecog [0,0] cond"}},
	{"ECOG = 1", nil},
	{"ECOG PS = 0 or 1", []string{"ecog [0,1]"}},

	// a transplant donor's values are not the patient's
	{"E: Donors with hemoglobin < 12 g/dL", nil},
	{"Donor: age 18-60 years with platelets ≥ 150 × 10^9/L", nil},
	{"Related donor's creatinine ≤ 1.5 mg/dL", nil},
	{"Age ≤ 70 years (≤ 65 if a matched unrelated donor is used)", []string{"age <=70 years", "age <=65 years cond"}},
	{"Patients with a matched sibling donor must have ECOG 0-1", []string{"ecog [0,1]"}},
}

// round12Trees are lead-ins with the items nested under them.
var round12Trees = []struct {
	lead     string
	children []string
	want     []string
}{
	{"Cohort 2: Transplant not eligible subjects with DLBCL", []string{"Patients have to meet one of the following criteria: age ≥ 70 years, ECOG performance status ≥ 2, impaired cardiac function (LVEF < 50%) or impaired hepatic function (AST/ALT > 2x ULN)"},
		[]string{"age >=70 years cond", "ecog >=2 cond", "lvef <50 % cond", "ast >2 xULN cond", "alt >2 xULN cond"}},
	{"Patients deemed ineligible for high-dose chemotherapy:", []string{"Age ≥ 65 years"}, []string{"age >=65 years"}},
	{"Patients not eligible for this study:", []string{"Age ≥ 65 years"}, []string{"age <65 years"}},
	{"Donor inclusion criteria:", []string{"Age 18 to 60 years", "Hemoglobin ≥ 12 g/dL"}, nil},
	{"DONOR CHARACTERISTICS:", []string{"Age: 18 to 65", "WBC at least 3,500/mm^3"}, nil},
	{"Stem cell donors:", []string{"ECOG 0-1", "Creatinine ≤ 1.5 mg/dL"}, nil},
	{"Recipient criteria:", []string{"Age 18 to 75", "ECOG 0-2"}, []string{"age [18,75] years", "ecog [0,2]"}},
	{"Patients with an HLA-matched sibling donor:", []string{"Age ≤ 65 years"}, []string{"age <=65 years"}},
}

// round12Flat are flat lists: a heading governs the items after it, up to
// the next heading.
var round12Flat = []struct {
	items []string
	want  []string
}{
	{[]string{"Recipient inclusion criteria:", "Age 18 to 70", "Donor inclusion criteria:", "Age 18 to 60", "Hemoglobin ≥ 12 g/dL"},
		[]string{"age [18,70] years"}},
	{[]string{"Donor inclusion criteria:", "Age 18 to 60", "Recipient inclusion criteria:", "Platelets ≥ 50 × 10^9/L"},
		[]string{"platelets >=50 10^9/L"}},
	// each item names the disease of its patients: the loosest bound is
	// everyone's (SPEC 4.7)
	{[]string{"AML patients must be at least 55 years of age at the time of informed consent signature",
		"MDS/ICUS patients must be at least 18 years of age at the time of informed consent signature"},
		[]string{"age >=55 years cond", "age >=18 years"}},
	{[]string{"All patients must be at least 18 years of age", "Female patients must have a negative pregnancy test"},
		[]string{"age >=18 years"}},
	{[]string{"AML patients must be at least 18 years of age", "MDS patients must have platelets ≥ 50 × 10^9/L"},
		[]string{"age >=18 years", "platelets >=50 10^9/L"}},
}

func TestRound12(t *testing.T) {
	for _, tc := range round12Trees {
		got := extractTree(tc.lead, tc.children)
		if !slices.Equal(sorted(got), sorted(tc.want)) {
			t.Errorf("%s %q\n   got %q\n  want %q", tc.lead, tc.children, got, tc.want)
		}
	}
	for _, tc := range round12Flat {
		var el model.Eligibility
		for _, it := range tc.items {
			el.Inclusion = append(el.Inclusion, model.Criterion{Text: it})
		}
		var got []string
		for _, r := range eligibility.Extract(&el) {
			got = append(got, compact(r))
		}
		if !slices.Equal(sorted(got), sorted(tc.want)) {
			t.Errorf("%q\n   got %q\n  want %q", tc.items, got, tc.want)
		}
	}
	for _, tc := range round12 {
		got := extractOne(tc.text)
		if !slices.Equal(sorted(got), sorted(tc.want)) {
			t.Errorf("%s\n   got %q\n  want %q", tc.text, got, tc.want)
		}
	}
}
