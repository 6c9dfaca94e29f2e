package eligibility_test

import (
	"slices"
	"testing"
)

// round14 are round 14's wordings, each written for this table: the
// misses of DEV16, a set nobody had tuned to.
var round14 = []struct {
	text string
	want []string
}{
	// the institution's, the laboratory's ULN is the ULN
	{"Total bilirubin ≤ 1.5 x institution's upper limit of normal", []string{"bilirubin <=1.5 xULN"}},
	{"AST and ALT < 3 x institution's ULN", []string{"ast <3 xULN", "alt <3 xULN"}},
	{"Serum creatinine ≤ 1.5 × the laboratory's ULN", []string{"creatinine <=1.5 xULN"}},
	{"ALT ≤ 2.5 times the site's upper limit of normal (ULN)", []string{"alt <=2.5 xULN"}},
	{"Total bilirubin ≤ 1.5 × the hospital's ULN", []string{"bilirubin <=1.5 xULN"}},
	{"Serum creatinine ≤ 1.5 × age-adjusted upper limit of normal", []string{"creatinine <=1.5 xULN"}},
	{"Creatinine < 2 × the age-appropriate ULN", []string{"creatinine <2 xULN"}},
	// an estimated survival duration is a life expectancy
	{"Estimated survival duration of at least 12 weeks", []string{"life_expectancy >=12 weeks"}},
	{"Expected duration of survival > 6 months", []string{"life_expectancy >26.07 weeks"}},
	{"Expected life time ≥ 3 months", []string{"life_expectancy >=13.035 weeks"}},
	{"Survival expectation of more than 12 weeks", []string{"life_expectancy >12 weeks"}},
	{"Projected survival of at least 6 months", []string{"life_expectancy >=26.07 weeks"}},
	{"Expected overall survival ≥ 3 months", []string{"life_expectancy >=13.035 weeks"}},
	// after a comma, a value on its variable's usual side is required, not
	// one more thing a "no" denies; on the other side it stays denied
	{"Adequate cardiac function (no significant heart disease, LVEF ≥ 50% by ECHO)", []string{"lvef >=50 %"}},
	{"No uncontrolled arrhythmia, QTcF ≤ 470 ms", []string{"qtc <=470 ms"}},
	{"No history of arrhythmia, QTcF > 470 ms", []string{"qtc <=470 ms"}},
	{"No history of QTc prolongation (QTcF > 480 ms)", []string{"qtc <=480 ms"}},
	// a table of the highest creatinine by age, flattened into one item:
	// the loosest value everyone's, each stricter one a subgroup's
	{"Serum creatinine by age: Age Maximum Serum Creatinine (mg/dL) Male Female 1 month to < 6 months 0.4 0.4 6 months to < 1 year 0.5 0.5 1 to < 2 years 0.6 0.6 2 to < 6 years 0.8 0.8 6 to < 10 years 1 1 10 to < 13 years 1.2 1.2 13 to < 16 years 1.5 1.4 ≥ 16 years 1.7 1.4",
		[]string{"creatinine <=1.7 mg/dL", "creatinine <=0.4 mg/dL cond", "creatinine <=0.5 mg/dL cond", "creatinine <=0.6 mg/dL cond",
			"creatinine <=0.8 mg/dL cond", "creatinine <=1 mg/dL cond", "creatinine <=1.2 mg/dL cond", "creatinine <=1.5 mg/dL cond",
			"creatinine <=1.4 mg/dL cond"}},
	{"Maximum creatinine (mg/dL) by age: ≤ 5 years: 0.8; 6 to 10 years: 1.0; 11 to 15 years: 1.2; > 15 years: 1.5",
		[]string{"creatinine <=1.5 mg/dL", "creatinine <=0.8 mg/dL cond", "creatinine <=1 mg/dL cond", "creatinine <=1.2 mg/dL cond"}},
	{"Maximum serum creatinine (µmol/L): 1 to < 6 years 53; 6 to < 13 years 88; ≥ 13 years 133",
		[]string{"creatinine <=1.505 mg/dL", "creatinine <=0.5995 mg/dL cond", "creatinine <=0.9955 mg/dL cond"}},
	// offered as an alternative to a clearance, every value of it is one
	{"Creatinine clearance ≥ 70 mL/min/1.73 m2 or a serum creatinine based on age: Maximum Serum Creatinine (mg/dL) 1 to < 2 years 0.6 2 to < 6 years 0.8 6 to < 10 years 1.0 ≥ 10 years 1.2",
		[]string{"creatinine_clearance >=70 mL/min", "creatinine <=0.6 mg/dL cond", "creatinine <=0.8 mg/dL cond",
			"creatinine <=1 mg/dL cond", "creatinine <=1.2 mg/dL cond"}},
	// an exception that qualifies the bound before it ends at the comma:
	// the next variable's bound is everyone's
	{"Total bilirubin ≤ 1.5 × ULN unless the elevation is due to Gilbert's syndrome, and ALT ≤ 3 × ULN",
		[]string{"bilirubin <=1.5 xULN", "alt <=3 xULN"}},
	{"Bilirubin < 2 mg/dL unless due to hemolysis or leukemic infiltration, and creatinine < 1.5 mg/dL",
		[]string{"bilirubin <2 mg/dL", "creatinine <1.5 mg/dL"}},
	{"AST ≤ 3 × ULN unless liver metastases, in which case ≤ 5 × ULN", []string{"ast <=3 xULN", "ast <=5 xULN cond"}},
	{"Except in patients with liver metastases, AST ≤ 2.5 × ULN", []string{"ast <=2.5 xULN cond"}},
	// an age range whose ends are taken at different times: only the end
	// taken at entry bounds today's age
	{"Age 1 year at the time of enrollment to age 25 years at the time of original diagnosis", []string{"age >=1 years"}},
	{"Age 6 months at the time of consent to age 18 years at the time of consent", []string{"age [0.5,18] years"}},
	{"Age 10 at the time of diagnosis to age 39 at the time of diagnosis", nil},
	{"E: Age 3 at the time of screening to age 21 at the time of diagnosis", nil},
	// a capitalised variable with a comparison of its own right after
	// another thing's name starts a new statement (a record that lost its
	// line breaks); "CD4 lymphocytes" stays one name
	{"Bone marrow with < 30% plasma cells Hemoglobin ≥ 8 g/dL", []string{"hemoglobin >=8 g/dL"}},
	{"CD4 lymphocytes ≥ 200/µL", nil},
	{"HBV DNA < 2000 IU/mL", nil},
	// what a percentage is of is no subject listed with the next variable
	{"Platelets ≥ 75,000/µL if < 50% of marrow plasma cells and platelets ≥ 30,000/µL if ≥ 50% of marrow plasma cells",
		[]string{"platelets >=75 10^9/L cond", "platelets >=30 10^9/L"}},
	{"Alkaline phosphatase and AST ≤ 2.5 × ULN", []string{"ast <=2.5 xULN"}},
	// an INR offered after a clotting time stays what it would be alone:
	// the PT and aPTT are not read (SPEC 4.9)
	{"PT ≤ 1.5 × ULN or INR ≤ 1.5", []string{"inr <=1.5 ratio"}},
	{"aPTT/PT ≤ 1.5 × ULN or INR < 1.5 × ULN unless on anticoagulants", []string{"inr <1.5 xULN"}},
	{"Shortening fraction ≥ 28% or LVEF ≥ 50%", []string{"lvef >=50 % cond"}},
	// "for ages …" right after a value is the band's subgroup: bounds
	// given only per band make the loosest everyone's (SPEC 4.7)
	{"Serum creatinine ≤ 0.8 mg/dL for ages ≤ 5 years, ≤ 1.0 mg/dL for ages 6-10 years, ≤ 1.5 mg/dL for ages > 10 years",
		[]string{"creatinine <=0.8 mg/dL cond", "creatinine <=1 mg/dL cond", "creatinine <=1.5 mg/dL"}},
	{"Creatinine ≤ 1.2 mg/dL for age under 12 years", []string{"creatinine <=1.2 mg/dL cond"}},
	// an age in brackets after a value with no sign is that value's band,
	// no one's age bound (the values themselves lack an operator: SPEC 4.16)
	{"Creatinine based on age: 0.8 mg/dL (age 5 and under), 1.0 mg/dL (age 6 to 10), 1.5 mg/dL (over age 10)", nil},
	{"Age ≥ 18 years (≥ 20 years in Japan)", []string{"age >=18 years", "age >=20 years cond"}},
	{"Criterion 12 applies only to patients aged 70 years or older", nil},
	// two rows are no table; a maximum of something else is not read
	{"Maximum serum creatinine (mg/dL): 1 to < 10 years 0.8; ≥ 10 years 1.2", nil},
	{"Maximum dose of prior anthracycline 300 mg/m2 over 2 years", nil},
}

// round14Trees are lead-ins with their items.
var round14Trees = []struct {
	lead     string
	children []string
	want     []string
}{
	// a footnote naming the patients the starred values are for makes them
	// that subgroup's; one on anything else changes nothing
	{"Hematologic:", []string{"ANC ≥ 1,500/µL*", "Platelets ≥ 75,000/µL*", "*for patients without bone marrow involvement", "Hemoglobin ≥ 9 g/dL"},
		[]string{"anc >=1.5 10^9/L cond", "platelets >=75 10^9/L cond", "hemoglobin >=9 g/dL"}},
	{"Hematologic:", []string{"ANC ≥ 1,500/µL*", "Hemoglobin ≥ 9 g/dL* NOTE: *transfusion allowed"},
		[]string{"anc >=1.5 10^9/L", "hemoglobin >=9 g/dL"}},
	{"Hepatic:", []string{"Bilirubin ≤ 1.5 × ULN* *unless due to leukemic infiltration", "AST ≤ 3 × ULN*"},
		[]string{"bilirubin <=1.5 xULN", "ast <=3 xULN"}},
	{"Laboratory:", []string{"Platelets ≥ 100 × 10^9/L* (*in patients without marrow involvement)", "Creatinine ≤ 1.5 mg/dL"},
		[]string{"platelets >=100 10^9/L cond", "creatinine <=1.5 mg/dL"}},
	{"Laboratory:", []string{"Platelets ≥ 50 × 10^9/L*", "* for all patients, transfusion independent"},
		[]string{"platelets >=50 10^9/L"}},
	{"Hematology:", []string{"Hemoglobin ≥ 9 g/dL", "ANC ≥ 1,000/mm3**", "**Only patients without leukemic marrow infiltration"},
		[]string{"hemoglobin >=9 g/dL", "anc >=1 10^9/L cond"}},
	{"Hematology:", []string{"ANC ≥ 1,500/µL†", "Platelets ≥ 100,000/µL†", "† Not required for patients with bone marrow involvement", "Hemoglobin ≥ 9 g/dL"},
		[]string{"anc >=1.5 10^9/L cond", "platelets >=100 10^9/L cond", "hemoglobin >=9 g/dL"}},
	{"Hematology:", []string{"ANC ≥ 1,500/µL (*)", "Creatinine ≤ 1.5 mg/dL", "(*) in patients without marrow infiltration"},
		[]string{"anc >=1.5 10^9/L cond", "creatinine <=1.5 mg/dL"}},
	{"Hematology:", []string{"ANC ≥ 1,500/µL*", "*For patients with marrow involvement: ANC ≥ 1,000/µL"},
		[]string{"anc >=1.5 10^9/L", "anc >=1 10^9/L cond"}},
	// the table's header an item of its own, its rows the items after it
	{"Renal function defined as:", []string{"Maximum Serum Creatinine (mg/dL). Age Male Female",
		"1 to < 2 years 0.6 0.6 2 to < 6 years 0.8 0.8 6 to < 10 years 1.0 1.0", "≥ 10 years 1.2 1.1.", "Bilirubin < 2.0 mg/dL."},
		[]string{"creatinine <=1.2 mg/dL", "creatinine <=0.6 mg/dL cond", "creatinine <=0.8 mg/dL cond", "creatinine <=1 mg/dL cond",
			"creatinine <=1.1 mg/dL cond", "bilirubin <2 mg/dL"}},
	{"Renal function defined as:", []string{"Maximum serum creatinine (mg/dL) by age:", "< 6 years 0.8", "6 to < 10 years see protocol", "≥ 10 years 1.2"},
		nil},
	// a table under a restricting lead-in is that subgroup's, every value;
	// the lead-in's age picks the subgroup, it bounds no one
	{"The following applies only to patients under 18 years:", []string{"Maximum Serum Creatinine (mg/dL) 1 to < 2 years 0.6 2 to < 6 years 0.8 ≥ 6 years 1.0", "Bilirubin ≤ 1.5 × ULN"},
		[]string{"creatinine <=1 mg/dL cond", "creatinine <=0.6 mg/dL cond", "creatinine <=0.8 mg/dL cond", "bilirubin <=1.5 xULN cond"}},
	// a flat item that only says the next is the alternative, and when
	{"Renal:", []string{"Serum creatinine ≤ 1.5 × ULN", "Or, if above 1.5 × ULN:", "Creatinine clearance ≥ 60 mL/min", "Bilirubin ≤ 1.5 × ULN"},
		[]string{"creatinine <=1.5 xULN", "creatinine_clearance >=60 mL/min cond", "bilirubin <=1.5 xULN"}},
	{"Renal:", []string{"Creatinine ≤ 1.5 mg/dL", "OR:", "CrCl ≥ 50 mL/min"},
		[]string{"creatinine <=1.5 mg/dL", "creatinine_clearance >=50 mL/min cond"}},
	{"Renal:", []string{"Creatinine ≤ 1.5 mg/dL", "Organ function:", "CrCl ≥ 50 mL/min"},
		[]string{"creatinine <=1.5 mg/dL", "creatinine_clearance >=50 mL/min"}},
}

func TestRound14(t *testing.T) {
	for _, tc := range round14Trees {
		got := extractTree(tc.lead, tc.children)
		if !slices.Equal(sorted(got), sorted(tc.want)) {
			t.Errorf("%s %q\n   got %q\n  want %q", tc.lead, tc.children, got, tc.want)
		}
	}
	for _, tc := range round14 {
		got := extractOne(tc.text)
		if !slices.Equal(sorted(got), sorted(tc.want)) {
			t.Errorf("%s\n   got %q\n  want %q", tc.text, got, tc.want)
		}
	}
}
