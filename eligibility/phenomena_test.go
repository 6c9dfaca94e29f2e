package eligibility_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/trials-app/trials/eligibility"
	"github.com/trials-app/trials/model"
)

// phenomena are further wordings, grouped by what makes them hard, each
// written to test a rule beyond the record that first showed it. "E:" puts
// the sentence in the exclusion criteria.
var phenomena = []struct {
	text string
	want []string
}{
	// typos read as meant (SPEC 4.14)
	{"E: Total bilirubin greater the upper limit of normal", []string{"bilirubin <=1 xULN"}},
	{"E: AST or ALT greater the 3 × ULN", []string{"ast <=3 xULN", "alt <=3 xULN"}},
	{"E: Serum creatinine higher the 1.5 mg/dL", []string{"creatinine <=1.5 mg/dL"}},
	{"Total bilirubin less the 2 × ULN", []string{"bilirubin <2 xULN"}},
	{"Cr ≤ 145.5 umul/L", []string{"creatinine <=1.646 mg/dL"}},
	{"Total bilirubin ≤ 34 umol/l", []string{"bilirubin <=1.988 mg/dL"}},
	{"Serum bilirubin < 25.5 umul/L", []string{"bilirubin <1.491 mg/dL"}},

	// units written other ways
	{"LVEF ≥ 0.50 by echocardiography", []string{"lvef >=50 %"}},
	{"E: Left ventricular ejection fraction < 0.45", []string{"lvef >=45 %"}},
	{"Ejection fraction (EF) of at least 0.55", []string{"lvef >=55 %"}},
	{"Creatinine clearance ≥ 1 mL/s", []string{"creatinine_clearance >=60 mL/min"}},
	{"Estimated creatinine clearance > 0.83 ml/s (Cockcroft-Gault)", []string{"creatinine_clearance >49.8 mL/min"}},
	{"eGFR ≥ 0.75 mL/s/1.73 m²", []string{"egfr >=45 mL/min/1.73m2"}},
	{"Total bilirubin ≤ 15 mg/L", []string{"bilirubin <=1.5 mg/dL"}},
	{"Serum creatinine < 20 mg/L", []string{"creatinine <2 mg/dL"}},
	{"Bilirubin total < 30 mg/l", []string{"bilirubin <3 mg/dL"}},
	{"Neonates older than 72 hours of age", []string{"age >0.008214 years"}},
	{"Age ≥ 48 hours at enrollment", []string{"age >=0.005476 years"}},
	{"Platelets (× 10^9/L) ≥ 100", []string{"platelets >=100 10^9/L"}},
	{"Serum creatinine (mg/dL) ≤ 1.5", []string{"creatinine <=1.5 mg/dL"}},
	{"Total bilirubin (µmol/L): ≤ 34", []string{"bilirubin <=1.988 mg/dL"}},
	{"Hemoglobin (g/dL) ≥ 9.0", []string{"hemoglobin >=9 g/dL"}},
	{"Creatinine (× ULN) ≤ 1.5", []string{"creatinine <=1.5 xULN"}},

	// BCLC named after the stage
	{"Hepatocellular carcinoma of stage B or C per BCLC", []string{"bclc_stage {B,C}"}},
	{"HCC stage C according to the BCLC staging system", []string{"bclc_stage {C}"}},
	{"Stage B (BCLC) hepatocellular carcinoma not amenable to TACE", []string{"bclc_stage {B}"}},
	{"E: Stage D according to BCLC classification", []string{"bclc_stage {0,A,B,C}"}},
	{"Stage IIIA NSCLC according to AJCC", nil},

	// respectively
	{"Hemoglobin and platelets ≥ 9 g/dL and 100 × 10^9/L, respectively", []string{"hemoglobin >=9 g/dL", "platelets >=100 10^9/L"}},
	{"ANC and platelet count ≥ 1.5 × 10^9/L and ≥ 75 × 10^9/L respectively", []string{"anc >=1.5 10^9/L", "platelets >=75 10^9/L"}},
	{"Total bilirubin and AST/ALT ≤ 1.5 and 2.5 times the ULN, respectively",
		[]string{"bilirubin <=1.5 xULN", "ast <=2.5 xULN", "alt <=2.5 xULN"}},
	{"E: Neutrophils or platelets below 1.0 × 10^9/L or 50 × 10^9/L respectively", []string{"anc >=1 10^9/L", "platelets >=50 10^9/L"}},

	// a subject separated from its bound
	{"Platelet count before the start of treatment ≥ 100 × 10^9/L", []string{"platelets >=100 10^9/L"}},
	{"Absolute neutrophil count without growth factor support ≥ 1.5 × 10^9/L", []string{"anc >=1.5 10^9/L"}},
	{"Hemoglobin independent of transfusion ≥ 9 g/dL", []string{"hemoglobin >=9 g/dL"}},
	{"Platelets within 7 days before enrolment ≥ 75 × 10^9/L", []string{"platelets >=75 10^9/L"}},
	{"Hemoglobin must not have dropped by more than 2 g/dL", nil},
	{"Platelet count drop of more than 50 × 10^9/L", nil},
	{"Hemoglobin decrease greater than 2 g/dL within a week", nil},

	// subgroups named in other words
	{"AST and ALT ≤ 3 × ULN, or ≤ 5 × ULN where hepatic metastases are present",
		[]string{"ast <=3 xULN", "alt <=3 xULN", "ast <=5 xULN cond", "alt <=5 xULN cond"}},
	{"ALT ≤ 5 × ULN in HCC", []string{"alt <=5 xULN cond"}},
	{"AST ≤ 5 × ULN in liver metastases", []string{"ast <=5 xULN cond"}},
	{"Patients aged 70 years or older: ECOG performance status 0-1", []string{"ecog [0,1] cond"}},
	{"Elderly patients (≥ 70 years): ECOG ≤ 1", []string{"ecog <=1 cond"}},
	{"Part B only: ECOG 0-1", []string{"ecog [0,1] cond"}},
	{"Cohort 2: creatinine clearance ≥ 30 mL/min", []string{"creatinine_clearance >=30 mL/min cond"}},
	{"Among patients with bone marrow infiltration, platelets ≥ 50 × 10^9/L", []string{"platelets >=50 10^9/L cond"}},
	{"Platelets ≥ 100 × 10^9/L; in case of bone marrow involvement ≥ 50 × 10^9/L",
		[]string{"platelets >=100 10^9/L", "platelets >=50 10^9/L cond"}},
	{"ECOG 0-2 (0-1 for patients 70 years or older)", []string{"ecog [0,2]", "ecog [0,1] cond"}},
	{"Japanese patients only: body weight ≥ 40 kg and ECOG 0-1", []string{"ecog [0,1] cond"}},
	{"Creatinine clearance ≥ 60 mL/min for cisplatin-eligible patients", []string{"creatinine_clearance >=60 mL/min cond"}},
	{"Women: hemoglobin ≥ 11 g/dL; men: hemoglobin ≥ 12 g/dL", []string{"hemoglobin >=11 g/dL", "hemoglobin >=12 g/dL cond"}},

	// exceptions and unless
	{"Total bilirubin ≤ 1.5 × ULN unless the patient has Gilbert's syndrome, in which case ≤ 3 × ULN",
		[]string{"bilirubin <=1.5 xULN", "bilirubin <=3 xULN cond"}},
	{"Bilirubin ≤ 1.5 mg/dL (except for Gilbert's: ≤ 3 mg/dL)", []string{"bilirubin <=1.5 mg/dL", "bilirubin <=3 mg/dL cond"}},
	{"AST ≤ 2.5 × ULN except in patients with liver metastases (≤ 5 × ULN)",
		[]string{"ast <=2.5 xULN", "ast <=5 xULN cond"}},
	{"E: ALT > 4 × ULN unless attributed to GVHD", []string{"alt <=4 xULN"}},
	{"E: Total bilirubin > 1.5 × ULN, except for patients with Gilbert's syndrome (> 3 × ULN)",
		[]string{"bilirubin <=1.5 xULN", "bilirubin <=3 xULN cond"}},

	// OR-alternatives and joint conditions
	{"Creatinine ≤ 1.5 × ULN or creatinine clearance ≥ 60 mL/min", []string{"creatinine <=1.5 xULN", "creatinine_clearance >=60 mL/min cond"}},
	{"Creatinine clearance ≥ 60 mL/min or serum creatinine ≤ 1.5 mg/dL", []string{"creatinine_clearance >=60 mL/min", "creatinine <=1.5 mg/dL cond"}},
	{"ANC ≥ 1.5 × 10^9/L or WBC ≥ 3.5 × 10^9/L", []string{"anc >=1.5 10^9/L", "wbc >=3.5 10^9/L cond"}},
	{"E: ALT > 3 × ULN and total bilirubin > 2 × ULN", nil},
	{"E: AST > 3 × ULN with concurrent total bilirubin > 2 × ULN", nil},
	{"E: Age more than 70 years and less than 40 years", []string{"age [40,70] years"}},
	{"E: ANC < 1.0 × 10^9/L, platelets < 75 × 10^9/L, and hemoglobin < 9 g/dL",
		[]string{"anc >=1 10^9/L", "platelets >=75 10^9/L", "hemoglobin >=9 g/dL"}},
	{"E: ANC < 1.0 × 10^9/L and/or platelets < 75 × 10^9/L", []string{"anc >=1 10^9/L", "platelets >=75 10^9/L"}},

	// self-contradictory or unsure
	{"Child-Pugh class A or B/Child score > 7; ECOG score < 2", []string{"ecog <=1"}},
	{"Child-Pugh score ≤ 7 (Child-Pugh C)", nil},
	{"ECOG 0-1 / ECOG 2-3", nil},
	{"Child score ≤ 7", []string{"child_pugh_score <=7"}},
	{"Child-Turcotte class A", []string{"child_pugh_score [5,6]"}},

	// kidney wordings
	{"Serum creatinine clearance calculated according to the Cockcroft-Gault formula ≥50 mL/min (Cockcroft and Gault 1976)",
		[]string{"creatinine_clearance >=50 mL/min"}},
	{"Plasma creatinine clearance ≥ 45 mL/min", []string{"creatinine_clearance >=45 mL/min"}},
}

func extractOne(text string) []string {
	el := model.Eligibility{}
	if rest, ok := strings.CutPrefix(text, "E: "); ok {
		el.Exclusion = []model.Criterion{{Text: rest}}
	} else {
		el.Inclusion = []model.Criterion{{Text: text}}
	}
	var got []string
	for _, r := range eligibility.Extract(&el) {
		got = append(got, compact(r))
	}
	return got
}

func TestPhenomena(t *testing.T) {
	for _, tc := range phenomena {
		got := extractOne(tc.text)
		if !slices.Equal(sorted(got), sorted(tc.want)) {
			t.Errorf("%s\n   got %q\n  want %q", tc.text, got, tc.want)
		}
	}
}
