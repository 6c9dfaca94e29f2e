package eligibility_test

import (
	"slices"
	"testing"

	"github.com/trials-app/trials/eligibility"
	"github.com/trials-app/trials/model"
)

// round8 are the wordings round 7 left unhandled, each with wordings of
// our own.
var round8 = []struct {
	text string
	want []string
}{
	// a country after a semicolon, written "in Japan" before its own value
	{"Age ≥ 18 years; in Japan ≥ 20 years", []string{"age >=18 years", "age >=20 years cond"}},
	{"Age ≥ 18 years; in Korea ≥ 19 years", []string{"age >=18 years", "age >=19 years cond"}},
	{"Aged ≥ 18 years (in Japan ≥ 20 years)", []string{"age >=18 years", "age >=20 years cond"}},
	{"Age ≥ 18 years, in Taiwan ≥ 20 years", []string{"age >=18 years", "age >=20 years cond"}},
	{"Age ≥ 18 years; in Japan patients must be adults", []string{"age >=18 years"}},

	// an age's lower end restated in days before "and" keeps its lower end
	{"≥ 6 months (≥ 183 days) and < 18 years of age", []string{"age [0.5,18) years"}},
	{"Patients must be ≥ 6 months (≥ 183 days) and < 18 years of age at enrollment", []string{"age [0.5,18) years"}},
	{"> 12 months (365 days) and < 21 years of age", []string{"age (1,21) years"}},
	{"Age ≥ 12 months (≥ 365 days) and ≤ 30 years at the time of enrollment", []string{"age [1,30] years"}},
	{"≥ 6 months (≥ 183 days) and < 18 years", nil},

	// French sentences: the names and the time units of the French records
	{"clairance de la créatinine ≥ 50 ml/min", []string{"creatinine_clearance >=50 mL/min"}},
	{"Clairance de la créatinine ≥ 60 mL/min (Cockcroft-Gault)", []string{"creatinine_clearance >=60 mL/min"}},
	{"Clairance de la creatinine > 30 ml/min", []string{"creatinine_clearance >30 mL/min"}},
	{"espérance de vie ≥ 3 mois", []string{"life_expectancy >=13.035 weeks"}},
	{"Espérance de vie > 12 semaines", []string{"life_expectancy >12 weeks"}},
	{"E: espérance de vie < 3 mois", []string{"life_expectancy >=13.035 weeks"}},
	{"âge ≥ 18 ans", []string{"age >=18 years"}},
	{"Âge ≥ 18 ans", []string{"age >=18 years"}},
	{"Durée de traitement ≥ 3 mois", nil},

	// "twice normal": "twice" is two times, "normal" its upper limit
	{"Bilirubin less than twice normal", []string{"bilirubin <2 xULN"}},
	{"Creatinine less than twice the normal value", []string{"creatinine <2 xULN"}},
	{"SGOT < twice normal", []string{"ast <2 xULN"}},
	{"E: AST or ALT more than twice normal", []string{"ast <=2 xULN", "alt <=2 xULN"}},
	{"Bilirubin is twice normal", nil},
	{"Bilirubin normal", nil},

	// older patients named before their own lab bound: the age picks them (SPEC 4.6, 4.7)
	{"Patients over 70 years with CrCl ≥ 30", []string{"creatinine_clearance >=30 mL/min cond"}},
	{"Patients aged > 70 years with creatinine clearance ≥ 30 mL/min", []string{"creatinine_clearance >=30 mL/min cond"}},
	{"Patients ≥ 65 years of age: creatinine clearance ≥ 40 mL/min", []string{"creatinine_clearance >=40 mL/min cond"}},
	{"Patients older than 70 years with a creatinine clearance of at least 30 ml/min", []string{"creatinine_clearance >=30 mL/min cond"}},
	{"Creatinine clearance ≥ 50 mL/min; patients over 70 years with CrCl ≥ 30 mL/min",
		[]string{"creatinine_clearance >=50 mL/min", "creatinine_clearance >=30 mL/min cond"}},
	{"CrCl ≥ 60 mL/min; patients ≥ 75 years with CrCl ≥ 45 mL/min are eligible",
		[]string{"creatinine_clearance >=60 mL/min", "creatinine_clearance >=45 mL/min cond"}},
	{"ECOG 0-1; patients ≥ 70 years with ECOG 0-2", []string{"ecog [0,1]", "ecog [0,2] cond"}},
	// … but an adult age, a performance status or a disease after it names the population
	{"Patients ≥ 18 years with CrCl ≥ 60 mL/min", []string{"age >=18 years", "creatinine_clearance >=60 mL/min"}},
	{"Patients over 70 years of age with ECOG 0-2", []string{"age >70 years", "ecog [0,2]"}},
	{"Patients ≥ 70 years with AML", []string{"age >=70 years"}},
}

func TestRound8(t *testing.T) {
	for _, tc := range round8 {
		got := extractOne(tc.text)
		if !slices.Equal(sorted(got), sorted(tc.want)) {
			t.Errorf("%s\n   got %q\n  want %q", tc.text, got, tc.want)
		}
	}
}

// round8Trees are the COG creatinine tables whose header is the first row,
// a sibling of the rows rather than their lead-in.
var round8Trees = []struct {
	name string
	el   model.Eligibility
	want []string
}{
	{"the header row names the rows' subject, not the lead-in's creatinine clearance: every cell an alternative",
		model.Eligibility{Inclusion: []model.Criterion{
			kids("Creatinine clearance or radioisotope GFR >= 70 mL/min/1.73 m^2 or a serum creatinine based on age as follows:",
				item("Age (Years) Maximum Serum Creatinine (mg/dL)"),
				item("Less than or equal to 5; 0.8"), item("6 to 10; 1.0"), item("Greater than 15; 1.5"))}},
		[]string{"creatinine_clearance >=70 mL/min", "egfr >=70 mL/min/1.73m2 cond", "creatinine <=0.8 mg/dL cond",
			"creatinine <=1 mg/dL cond", "creatinine <=1.5 mg/dL cond"}},
	{"rows written with bars under a header row",
		model.Eligibility{Inclusion: []model.Criterion{
			kids("Creatinine clearance or radioisotope GFR >= 70 mL/min/1.73 m^2 or a serum creatinine based on age/gender as follows:",
				item("Age | Maximum Serum Creatinine (mg/dL)"), item("1 month to < 6 months | 0.4"), item(">= 16 years | 1.7"))}},
		[]string{"creatinine_clearance >=70 mL/min", "egfr >=70 mL/min/1.73m2 cond", "creatinine <=0.4 mg/dL cond", "creatinine <=1.7 mg/dL cond"}},
	{"the table as the only renal criterion: the loosest row is everyone's (SPEC 4.7)",
		model.Eligibility{Inclusion: []model.Criterion{
			kids("Adequate renal function defined as:",
				item("Age (Years) Maximum Serum Creatinine (mg/dL)"),
				item("Less than or equal to 5; 0.8"), item("6 to 10; 1.0"), item("Greater than 15; 1.5"))}},
		[]string{"creatinine <=0.8 mg/dL cond", "creatinine <=1 mg/dL cond", "creatinine <=1.5 mg/dL"}},
	{"a row that is no age band ends the table",
		model.Eligibility{Inclusion: []model.Criterion{
			kids("Adequate renal function defined as:",
				item("Age (Years) Maximum Serum Creatinine (mg/dL)"), item("6 to 10; 1.0"),
				item("Number of prior lines: 3"), item("Greater than 15; 1.5"))}},
		[]string{"creatinine <=1 mg/dL cond"}}, // one band alone is a subgroup's (SPEC 4.7)
}

func TestRound8Trees(t *testing.T) {
	for _, tc := range round8Trees {
		var got []string
		for _, r := range eligibility.Extract(&tc.el) {
			got = append(got, compact(r))
		}
		if !slices.Equal(sorted(got), sorted(tc.want)) {
			t.Errorf("%s\n   got %q\n  want %q", tc.name, got, tc.want)
		}
	}
}
