package eligibility_test

import (
	"slices"
	"testing"

	"github.com/trials-app/trials/eligibility"
	"github.com/trials-app/trials/model"
)

// round10 are the wordings of round 9's leftovers and of the DEV7 and DEV8
// misses, each with wordings of our own.
var round10 = []struct {
	text string
	want []string
}{
	// a 'who' clause that picks patients by a treatment or an older (or
	// younger) age makes what they must have a subgroup's; its age bounds no one
	{"Patients who are to receive high dose IL-2 and who are 50 years old or greater must have a normal stress cardiac test with LVEF > 45%", []string{"lvef >45 % cond"}},
	{"Patients who are 60 years of age or older must have an LVEF ≥ 50% by MUGA or ECHO", []string{"lvef >=50 % cond"}},
	{"Subjects who have received prior anthracyclines must have LVEF ≥ 50%", []string{"lvef >=50 % cond"}},
	{"Participants who received prior trastuzumab must have an LVEF ≥ 55% by ECHO or MUGA", []string{"lvef >=55 % cond"}},
	{"Patients who are younger than 16 years must have Lansky ≥ 50", []string{"lansky >=50 cond"}},
	{"Patients who are 18 years or older must have ECOG 0-1", []string{"age >=18 years", "ecog [0,1]"}}, // the trial's population
	{"Patients who have LVEF < 50% must have a cardiology consult", nil},

	// "× 10^9/µL": 10^9/L or 10^3/µL meant, the same number either way
	{"Peripheral blood count recovery: Neutrophil count ≥ 1000 /µL, platelet count ≥ 50x 109 /µL without platelet transfusions", []string{"anc >=1 10^9/L", "platelets >=50 10^9/L"}},
	{"ANC ≥ 1.5 × 10^9/µL", []string{"anc >=1.5 10^9/L"}},
	{"WBC ≥ 3.0 x 109/uL", []string{"wbc >=3 10^9/L"}},

	// the disease names the patients whose age it is
	{"Breast cancer patient (age over 18), Cancer stage under 3, Android OS smartphone user", []string{"age >18 years"}},
	{"Lung cancer patients aged 18 to 75 years", []string{"age [18,75] years"}},
	{"Cancer patient (age ≥ 18)", []string{"age >=18 years"}},
	{"Cancer at age < 50 in a first-degree relative", nil},
	{"Prior cancer patients under 50 years", nil},

	// per-group grades after the first group's (SPEC 4.7): the loosest is everyone's
	{"Participant has an ECOG performance status of 0, 1 or 2 for dose escalation, and 0 or 1 for dose expansion.", []string{"ecog [0,2]", "ecog [0,1] cond"}},
	{"ECOG 0-2 for dose escalation and 0 or 1 for dose expansion", []string{"ecog [0,2]", "ecog [0,1] cond"}},
	{"ECOG 0-1 for Part A and 0-2 for Part B", []string{"ecog [0,2]", "ecog [0,1] cond"}},
	{"ECOG 0-1 for Cohorts 1 and 2", []string{"ecog [0,1] cond"}},

	// two ages that face each other joined by "or" are one range's ends
	{"Age：≤75 years, or ≥18 years;", []string{"age [18,75] years"}},
	{"Age: ≥ 18 years or ≤ 70 years", []string{"age [18,70] years"}},
	{"E: Age < 18 years or > 75 years", []string{"age [18,75] years"}},

	// those not anticoagulated keep the bound everyone's (SPEC 4.9)
	{"Patients who are not receiving anticoagulation must have INR ≤ 1.5", []string{"inr <=1.5 ratio"}},
	{"Patients who are not on warfarin must have an INR ≤ 1.5", []string{"inr <=1.5 ratio"}},
	{"Patients who are receiving warfarin must have INR ≤ 3", []string{"inr <=3 ratio cond"}},

	// "or longer" after a duration; "or better" on a performance scale
	{"Life expectancy of 3 months or longer at enrolment", []string{"life_expectancy >=13.035 weeks"}},
	{"Expected survival of 12 weeks or longer", []string{"life_expectancy >=12 weeks"}},
	{"ECOG performance status of 2 or better.", []string{"ecog <=2"}},
	{"Zubrod performance status 1 or better", []string{"ecog <=1"}},
	{"Karnofsky 70% or better", []string{"karnofsky >=70"}},
	{"Lansky 60 or better", []string{"lansky >=60"}},

	// "lifespan", plural "ejection fractions"
	{"KPS ≥ 70, lifespan > 6 months", []string{"karnofsky >=70", "life_expectancy >26.07 weeks"}},
	{"No other serious medical disease that would limit lifespan", nil},
	{"Left ventricular ejection fractions≥ 0.6 by echocardiography", []string{"lvef >=60 %"}},

	// "times of ULN", "folds of normal range"
	{"alanine aminotransferase/aspartate aminotransferase lower than 3 folds of normal range", []string{"ast <3 xULN", "alt <3 xULN"}},
	{"ALT ≤3 times of ULN", []string{"alt <=3 xULN"}},
	{"Total bilirubin ≤ 1.5 times of the upper limit of normal", []string{"bilirubin <=1.5 xULN"}},

	// a record's own abbreviation in brackets after a name
	{"Renal function: creatinine (CRE) and blood urea nitrogen (BUN)≤ 1.5 times ULN", []string{"creatinine <=1.5 xULN"}},
	{"Hemoglobin (HGB) ≥ 9 g/dL", []string{"hemoglobin >=9 g/dL"}},

	// the specimen and "is required" between a name and its value
	{"Renal function: Creatinine level of peripheral blood is required no greater than 133umol/L.", []string{"creatinine <=1.505 mg/dL"}},
	{"Serum creatinine is required to be ≤ 1.5 mg/dL", []string{"creatinine <=1.5 mg/dL"}},
	{"Bilirubin level of peripheral blood ≤ 1.5 mg/dL", []string{"bilirubin <=1.5 mg/dL"}},

	// a bare "score" whose scale is named after its value
	{"Patients enrolled must have an evaluated score above 60 with KPS.", []string{"karnofsky >=61"}},
	{"E: Patients are evaluated below 50 scores with KPS.", []string{"karnofsky >=50"}},
	{"A score of at least 70 on the Karnofsky scale", []string{"karnofsky >=70"}},
	{"Pain score above 4 with KPS ≥ 70", []string{"karnofsky >=70"}},

	// a relaxation for those on a medication is a subgroup's (SPEC 4.6)
	{"SGPT no greater than 2.5 times ULN (4.0 times ULN with antiepileptic or steroid medications)", []string{"alt <=2.5 xULN", "alt <=4 xULN cond"}},
	{"Bilirubin ≤ 1.5 mg/dL (≤ 3 mg/dL in patients on anticonvulsants)", []string{"bilirubin <=1.5 mg/dL", "bilirubin <=3 mg/dL cond"}},
	{"No steroid medications within 2 weeks", nil},

	// a bracket that gives its value to a quantity outside the list, and a
	// value whose subject is named after it with "for"
	{"Alkaline phosphatase (AP), alanine aminotransferase (ALT), and aspartate aminotransferase (AST) ≤ 2.5 x upper limit of normality (ULN) (≤ 5 in case of extensive skeletal involvement for AP exclusively) and < 5 x ULN for AST and ALT in case of liver metastasis.",
		[]string{"ast <=2.5 xULN", "alt <=2.5 xULN", "ast <5 xULN cond", "alt <5 xULN cond"}},
	{"AST and ALT ≤ 2.5 x ULN (≤ 5 x ULN for alkaline phosphatase)", []string{"ast <=2.5 xULN", "alt <=2.5 xULN"}},
	{"AST ≤ 2.5 x ULN (≤ 5 x ULN for patients with liver metastases)", []string{"ast <=2.5 xULN", "ast <=5 xULN cond"}},
	{"Bilirubin ≤ 1.5 x ULN and ≤ 3 x ULN for AST and ALT", []string{"bilirubin <=1.5 xULN", "ast <=3 xULN", "alt <=3 xULN"}},

	// a sandwich written high end first, and with two-character signs
	{"70 years>=Aged >=18 years", []string{"age [18,70] years"}},
	{"75 years > age > 18 years", []string{"age (18,75) years"}},
	{"18 <= age <= 70", []string{"age [18,70] years"}},
	{"1.5 ≥ creatinine ≥ 0.5 mg/dL", []string{"creatinine [0.5,1.5] mg/dL"}},

	// a second group's value after the first's label, its sign left out (SPEC 4.7)
	{"QTcF ≤ 450 ms (men) or 470 ms (women)", []string{"qtc <=470 ms", "qtc <=450 ms cond"}},
	{"Hemoglobin ≥ 12 g/dL (men) or 11 g/dL (women)", []string{"hemoglobin >=11 g/dL", "hemoglobin >=12 g/dL cond"}},
	{"Age over 12 (boys) or 16 (girls)", []string{"age >12 years", "age >16 years cond"}},
	{"Platelets ≥ 100 × 10^9/L (Part A) or 75 (see appendix)", []string{"platelets >=100 10^9/L cond"}},

	// a packed PDQ item is not cut between a modifier and its subject
	{"Renal: Creatinine no greater than 1.5 times normal OR Creatinine clearance or radioisotope GFR at least 70 mL/min per 1.73 square meters Pulmonary: No history of dyspnea at rest",
		[]string{"creatinine <=1.5 xULN", "creatinine_clearance >=70 mL/min cond", "egfr >=70 mL/min/1.73m2 cond"}},
	{"Hepatic: Bilirubin normal Renal: Creatinine clearance or radionuclide GFR at least 60 mL/min", []string{"creatinine_clearance >=60 mL/min", "egfr >=60 mL/min/1.73m2 cond"}},

	// a share, or a relative clause, inside the patients a trigger picks
	{"E: Platelet count <75 × 109/L in patients in whom <50% of bone marrow nucleated cells are plasma cells and <50x109/L in patients in whom more than 50% of bone marrow nucleated cells are plasma cells;",
		[]string{"platelets >=75 10^9/L cond", "platelets >=50 10^9/L"}},
	{"E: Platelet count <75 × 109/L in patients with < 50% plasma cells and <50 × 109/L in patients with ≥ 50% plasma cells",
		[]string{"platelets >=75 10^9/L cond", "platelets >=50 10^9/L"}},

	// the second half of an alternative joined by "and" (SPEC 4.8)
	{"Hepatic function: alanine transaminase (ALT) and aspartate transaminase (AST)≤ 1.5 times ULN; or ALT ≤ ULN and AST≤ 6 times ULN exclude possibility of heart disease",
		[]string{"ast <=1.5 xULN", "alt <=1.5 xULN", "alt <=1 xULN cond", "ast <=6 xULN cond"}},
	{"Creatinine ≤ 1.5 mg/dL or creatinine clearance ≥ 60 mL/min and bilirubin ≤ 2 mg/dL",
		[]string{"creatinine <=1.5 mg/dL", "creatinine_clearance >=60 mL/min cond", "bilirubin <=2 mg/dL"}},

	// only an abbreviation the record defined for an outside quantity gives
	// the bracket away; a group's own grades start at the scale's best
	{"AST ≤ 2.5 × ULN (≤ 5 × ULN for HCC only)", []string{"ast <=2.5 xULN", "ast <=5 xULN cond"}},
	{"ECOG 0-1, and 2 or 3 in patients with bone pain", []string{"ecog [0,1]"}},

	// 'ineligible for cisplatin' names what the disease allows, not who is excluded
	{"Patients ineligible for cisplatin based on any of the following criteria: Estimated or calculated creatinine clearance ≥ 30ml/min but < 60 ml/min", []string{"creatinine_clearance [30,60) mL/min cond"}},
}

// round10Trees are the tree-shaped cases: a lead-in and its sub-items.
var round10Trees = []struct {
	lead     string
	children []string
	want     []string
}{
	{"Patients ineligible for cisplatin based on any of the following criteria:",
		[]string{"Estimated or calculated creatinine clearance ≥ 30ml/min but < 60 ml/min", "Grade 2 or above audiometric hearing loss"},
		[]string{"creatinine_clearance [30,60) mL/min cond"}},
	{"Ineligible for cisplatin-based chemotherapy, defined by at least one of the following:",
		[]string{"Creatinine clearance < 60 mL/min", "ECOG performance status 2"},
		[]string{"creatinine_clearance <60 mL/min cond"}},
	// under a risk class, "1 of the following" lists ways to qualify: all
	// conditional; a lead-in naming one variable gives its subject
	{"Classified as high risk:", []string{"Meets criteria for 1 of the following:"}, nil},
	{"Patients are ineligible for the study if any of the following:",
		[]string{"Creatinine clearance < 30 mL/min"},
		[]string{"creatinine_clearance >=30 mL/min"}},
}

// round10Deep are three-level trees: a lead-in, a lead-in under it, and
// the items under that.
var round10Deep = []struct {
	lead, sub string
	children  []string
	want      []string
}{
	{"Classified as high risk:", "Meets criteria for 1 of the following:",
		[]string{"Any age with WBC > 100,000/mm^3", "Age over 12 (boys) or 16 (girls)"},
		[]string{"wbc >100 10^9/L cond", "age >12 years cond", "age >16 years cond"}},
	{"High-risk disease:", "If younger, WBC must be 1 of the following:",
		[]string{"Greater than 80,000/mm^3 (for boys age 8 or girls age 12)", "Greater than 60,000/mm^3 (for boys age 9 or girls age 13)"},
		[]string{"wbc >80 10^9/L cond", "wbc >60 10^9/L cond"}},
	{"Adequate organ function:", "Must meet one of the following:",
		[]string{"Creatinine ≤ 1.5 mg/dL", "Creatinine clearance ≥ 60 mL/min"},
		[]string{"creatinine <=1.5 mg/dL", "creatinine_clearance >=60 mL/min cond"}},
}

func TestRound10(t *testing.T) {
	for _, tc := range round10Deep {
		sub := model.Criterion{Text: tc.sub}
		for _, ch := range tc.children {
			sub.Children = append(sub.Children, model.Criterion{Text: ch})
		}
		el := model.Eligibility{Inclusion: []model.Criterion{{Text: tc.lead, Children: []model.Criterion{sub}}}}
		var got []string
		for _, r := range eligibility.Extract(&el) {
			got = append(got, compact(r))
		}
		if !slices.Equal(sorted(got), sorted(tc.want)) {
			t.Errorf("%s / %s %q\n   got %q\n  want %q", tc.lead, tc.sub, tc.children, got, tc.want)
		}
	}
	for _, tc := range round10 {
		got := extractOne(tc.text)
		if !slices.Equal(sorted(got), sorted(tc.want)) {
			t.Errorf("%s\n   got %q\n  want %q", tc.text, got, tc.want)
		}
	}
	for _, tc := range round10Trees {
		got := extractTree(tc.lead, tc.children)
		if !slices.Equal(sorted(got), sorted(tc.want)) {
			t.Errorf("%s %q\n   got %q\n  want %q", tc.lead, tc.children, got, tc.want)
		}
	}
}

// extractTree extracts an inclusion lead-in with its sub-items.
func extractTree(lead string, children []string) []string {
	c := model.Criterion{Text: lead}
	for _, ch := range children {
		c.Children = append(c.Children, model.Criterion{Text: ch})
	}
	var got []string
	for _, r := range eligibility.Extract(&model.Eligibility{Inclusion: []model.Criterion{c}}) {
		got = append(got, compact(r))
	}
	return got
}
