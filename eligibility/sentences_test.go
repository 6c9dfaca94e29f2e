package eligibility_test

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/trials-app/trials/eligibility"
	"github.com/trials-app/trials/model"
)

// compact writes a requirement as "platelets >=100 10^9/L", "ecog [0,1]",
// "qtc <470 ms cond", "bclc_stage {B,C}".
func compact(r model.Requirement) string {
	f := func(p *float64) string { return strconv.FormatFloat(*p, 'f', -1, 64) }
	var rng string
	switch {
	case r.Variable == "bclc_stage":
		rng = "{" + strings.Join(r.Values, ",") + "}"
	case r.Min != nil && r.Max != nil:
		l, h := "(", ")"
		if *r.MinInclusive {
			l = "["
		}
		if *r.MaxInclusive {
			h = "]"
		}
		rng = l + f(r.Min) + "," + f(r.Max) + h
	case r.Min != nil:
		rng = ">" + f(r.Min)
		if *r.MinInclusive {
			rng = ">=" + f(r.Min)
		}
	case r.Max != nil:
		rng = "<" + f(r.Max)
		if *r.MaxInclusive {
			rng = "<=" + f(r.Max)
		}
	}
	s := r.Variable + " " + rng
	if r.Unit != "" {
		s += " " + string(r.Unit)
	}
	if r.Conditional {
		s += " cond"
	}
	return s
}

// The wordings real records use, each with what SPEC.md asks for. "E:"
// before a sentence puts it in the exclusion criteria.
var sentences = []struct {
	text string
	want []string
}{
	// performance status
	{"ECOG performance status 0-1", []string{"ecog [0,1]"}},
	{"ECOG PS =< 2", []string{"ecog <=2"}},
	{"Eastern Cooperative Oncology Group (ECOG) performance status of 0, 1, or 2", []string{"ecog [0,2]"}},
	{"WHO performance status 0 or 1", []string{"ecog [0,1]"}},
	{"Performance status 0-2", []string{"ecog [0,2]"}},
	{"ECOG PS ≦ 1", []string{"ecog <=1"}},
	{"ECOG performance status of 0 to 1", []string{"ecog [0,1]"}},
	{"ECOG < 3", []string{"ecog <=2"}},
	{"ECOG PS 2", nil}, // no comparison
	{"E: ECOG performance status ≥ 2", []string{"ecog <=1"}},
	{"E: ECOG performance status 3 or 4", []string{"ecog <=2"}},
	{"Karnofsky performance status (KPS) ≥ 70%", []string{"karnofsky >=70"}},
	{"Karnofsky > 70%", []string{"karnofsky >=71"}},
	{"KPS of 60-100", []string{"karnofsky [60,100]"}},
	{"Lansky play-performance score ≥ 50 for patients < 16 years of age", []string{"lansky >=50 cond"}},
	{"ECOG performance status ≤ 1 or Karnofsky ≥ 70%", []string{"ecog <=1", "karnofsky >=70 cond"}},
	{"ECOG 0–1 (Karnofsky ≥ 70)", []string{"ecog [0,1]", "karnofsky >=70"}},
	{"ECOG 0-1 in Part A, 0-2 in Part B", []string{"ecog [0,1] cond", "ecog [0,2]"}},

	// liver scores and stages
	{"Child-Pugh class A", []string{"child_pugh_score [5,6]"}},
	{"Child-Pugh A or B7", []string{"child_pugh_score [5,7]"}},
	{"Child-Pugh score ≤ 7", []string{"child_pugh_score <=7"}},
	{"Liver function Child-Pugh class A or B", []string{"child_pugh_score [5,9]"}},
	{"Child-Pugh score of 5 or 6", []string{"child_pugh_score [5,6]"}},
	{"E: Child-Pugh class B or C", []string{"child_pugh_score <=6"}},
	{"E: Child-Pugh score > 7", []string{"child_pugh_score <=7"}},
	{"Child-Pugh A or a subset of Child-Pugh B", nil},
	{"BCLC stage B or C", []string{"bclc_stage {B,C}"}},
	{"Advanced HCC (BCLC-C)", []string{"bclc_stage {C}"}},
	{"Intermediate (BCLC B) or advanced (BCLC C) hepatocellular carcinoma", []string{"bclc_stage {B,C}"}},
	{"E: BCLC stage D", []string{"bclc_stage {0,A,B,C}"}},
	{"CNLC stage IIb-IIIa or BCLC stage B", nil},
	{"Intermediate or advanced HCC not amenable to curative treatment", nil},

	// blood counts
	{"Absolute neutrophil count ≥ 1.5 × 10^9/L", []string{"anc >=1.5 10^9/L"}},
	{"ANC ≥ 1,500/mm³", []string{"anc >=1.5 10^9/L"}},
	{"ANC >= 1500/mcL", []string{"anc >=1.5 10^9/L"}},
	{"Neutrophils ≥1.0×10E9/L", []string{"anc >=1 10^9/L"}},
	{"ANC ≥ 1.5 x 10^9/l", []string{"anc >=1.5 10^9/L"}},
	{"Absolute neutrophil count ≥ 1500/mL", []string{"anc >=1.5 10^9/L"}},
	{"ANC ≥ 1.5 G/L", []string{"anc >=1.5 10^9/L"}},
	{"Platelets ≥ 100 K/uL", []string{"platelets >=100 10^9/L"}},
	{"Platelet count ≥ 75 x 10³/µL", []string{"platelets >=75 10^9/L"}},
	{"Platelet count ≥ 100 × 103/µL", []string{"platelets >=100 10^9/L"}},
	{"Platelets ≥ 100 000/mm3", []string{"platelets >=100 10^9/L"}},
	{"Platelet count at least 100,000/mm^3", []string{"platelets >=100 10^9/L"}},
	{"platelets ≥ 100.000/µl", []string{"platelets >=100 10^9/L"}},
	{"Platelets ≥ 10 × 10^4/μL", []string{"platelets >=100 10^9/L"}},
	{"Platelet count not less than 75 × 10^9/L", []string{"platelets >=75 10^9/L"}},
	{"E: Platelets < 50,000/uL", []string{"platelets >=50 10^9/L"}},
	{"White blood cell count (WBC) ≥ 3.0 x 109/l", []string{"wbc >=3 10^9/L"}},
	{"Leukocytes ≥ 3,000/µL", []string{"wbc >=3 10^9/L"}},
	{"Absolute lymphocyte count ≥ 0.5 × 10^9/L", []string{"lymphocytes >=0.5 10^9/L"}},
	{"CD4+ lymphocyte count ≥ 200 cells/µL", nil},
	{"Granulocyte count at least 1,500/mm^3", nil},
	{"Hemoglobin ≥ 9 g/dL (transfusion allowed)", []string{"hemoglobin >=9 g/dL"}},
	{"Haemoglobin ≥ 90 g/L", []string{"hemoglobin >=9 g/dL"}},
	{"Hb ≥ 5.6 mmol/L", []string{"hemoglobin >=9.022 g/dL"}},
	{"Hemoglobin ≥ 9.0 g/dL (5.6 mmol/L)", []string{"hemoglobin >=9 g/dL"}},
	{"Hemoglobin ≥ 8 g/L", []string{"hemoglobin >=8 g/dL"}},
	{"Hemoglobin greater than or equal to 10 g/dL", []string{"hemoglobin >=10 g/dL"}},
	{"Adequate bone marrow function: ANC ≥ 1.5 × 10^9/L, platelets ≥ 100 × 10^9/L and hemoglobin ≥ 9 g/dL",
		[]string{"anc >=1.5 10^9/L", "platelets >=100 10^9/L", "hemoglobin >=9 g/dL"}},
	{"Platelet count ≥ 100 × 10^9/L (≥ 75 × 10^9/L for patients with bone marrow involvement)",
		[]string{"platelets >=100 10^9/L", "platelets >=75 10^9/L cond"}},
	{"Patients with severe aplastic anemia: ANC < 0.5 × 10^9/L", []string{"anc <0.5 10^9/L"}},

	// liver function
	{"Total bilirubin ≤ 1.5 × ULN", []string{"bilirubin <=1.5 xULN"}},
	{"Total bilirubin =< 1.5 x upper limit of normal (ULN)", []string{"bilirubin <=1.5 xULN"}},
	{"Serum bilirubin ≤ 1.5 times the institutional upper limit of normal", []string{"bilirubin <=1.5 xULN"}},
	{"Total bilirubin ≤ 30 µmol/L", []string{"bilirubin <=1.754 mg/dL"}},
	{"Total bilirubin within normal limits", nil},
	{"Total bilirubin ≤ ULN", []string{"bilirubin <=1 xULN"}},
	{"Bilirubin below the upper limit of normal", []string{"bilirubin <1 xULN"}},
	{"Bilirubin ≤ 1.25 × ULN; Gilbert's syndrome ≤ 2.5 × ULN", []string{"bilirubin <=1.25 xULN", "bilirubin <=2.5 xULN cond"}},
	{"Direct bilirubin ≤ ULN", nil},
	{"Total bilirubin ≤ 1.5 × ULN (patients with Gilbert's syndrome: total bilirubin < 3.0 mg/dL)",
		[]string{"bilirubin <=1.5 xULN", "bilirubin <3 mg/dL cond"}},
	{"AST and ALT ≤ 2.5 × ULN (≤ 5 × ULN if liver metastases)",
		[]string{"ast <=2.5 xULN", "alt <=2.5 xULN", "ast <=5 xULN cond", "alt <=5 xULN cond"}},
	{"AST/ALT ≤ 3 x ULN (< 5 x ULN for patients with liver involvement)",
		[]string{"ast <=3 xULN", "alt <=3 xULN", "ast <5 xULN cond", "alt <5 xULN cond"}},
	{"AST (SGOT) and ALT (SGPT) ≤ 2.5 × institutional ULN", []string{"ast <=2.5 xULN", "alt <=2.5 xULN"}},
	{"Transaminases ≤ 3 × ULN", []string{"ast <=3 xULN", "alt <=3 xULN"}},
	{"Serum transaminases (ASAT/ALAT) no greater than 2.5 x ULN", []string{"ast <=2.5 xULN", "alt <=2.5 xULN"}},
	{"ALT ≤ 5 × ULN in patients with hepatocellular carcinoma", []string{"alt <=5 xULN cond"}},
	{"AST ≤ 100 U/L", []string{"ast <=100 U/L"}},
	{"AST, ALT and alkaline phosphatase ≤ 2.5 × ULN", []string{"ast <=2.5 xULN", "alt <=2.5 xULN"}},
	{"E: AST or ALT > 3 × ULN", []string{"ast <=3 xULN", "alt <=3 xULN"}},
	{"Serum albumin ≥ 3.0 g/dL", []string{"albumin >=3 g/dL"}},
	{"Albumin ≥ 28 g/L", []string{"albumin >=2.8 g/dL"}},
	{"Albumin-bilirubin (ALBI) grade 1 or 2", nil},
	{"INR ≤ 1.5", []string{"inr <=1.5 ratio"}},
	{"INR ≤ 1.5 × ULN", []string{"inr <=1.5 xULN"}},
	{"PT-INR < 1.7", []string{"inr <1.7 ratio"}},
	{"INR ≤ 1.4 unless on warfarin", []string{"inr <=1.4 ratio"}},
	{"For patients not on anticoagulants: INR ≤ 1.3 × ULN", []string{"inr <=1.3 xULN"}},
	{"INR or aPTT ≤ 1.5 × ULN", []string{"inr <=1.5 xULN"}},
	{"Prothrombin time (PT) ≤ 1.5 × ULN", nil},
	{"PT < 16 seconds", nil},

	// kidney
	{"Serum creatinine ≤ 1.5 mg/dL", []string{"creatinine <=1.5 mg/dL"}},
	{"Serum creatinine < 1.5", nil}, // mg/dL or × ULN?
	{"Creatinine ≤ 133 µmol/L", []string{"creatinine <=1.505 mg/dL"}},
	{"Creatinine ≤ 1.5 × ULN or CrCl ≥ 50 mL/min", []string{"creatinine <=1.5 xULN", "creatinine_clearance >=50 mL/min cond"}},
	{"Creatinine clearance ≥ 60 mL/min (Cockcroft-Gault)", []string{"creatinine_clearance >=60 mL/min"}},
	{"Calculated creatinine clearance ≥ 50 mL/min/1.73 m²", []string{"creatinine_clearance >=50 mL/min"}},
	{"24-h urine CrCl ≥ 55 mL/min/1.73 m²", []string{"creatinine_clearance >=55 mL/min"}},
	{"CrCl ≥ 55 mL/min and/or creatinine ≤ 1.3 × ULN", []string{"creatinine_clearance >=55 mL/min", "creatinine <=1.3 xULN cond"}},
	{"eGFR ≥ 45 mL/min/1.73 m2 (CKD-EPI)", []string{"egfr >=45 mL/min/1.73m2"}},
	{"GFR ≥ 40 mL/min", []string{"egfr >=40 mL/min/1.73m2"}},
	{"Estimated GFR ≥ 50 mL/min by Cockcroft-Gault", []string{"creatinine_clearance >=50 mL/min"}},
	{"E: Serum creatinine > 2 mg/dL or creatinine clearance < 35 mL/min",
		[]string{"creatinine <=2 mg/dL", "creatinine_clearance >=35 mL/min"}},
	{"Creatinine clearance ≥ 40 mL/min with cisplatin, ≥ 55 mL/min with carboplatin",
		[]string{"creatinine_clearance >=40 mL/min", "creatinine_clearance >=55 mL/min cond"}},
	{"CrCl ≥ 50 mL/min for patients whose creatinine is above normal", []string{"creatinine_clearance >=50 mL/min cond"}},
	{"Urine protein to creatinine ratio < 1.0", nil},
	{"Normal renal function", nil},
	{"Creatinine ≤ 60 mL/min", nil}, // self-contradictory

	// heart
	{"QTcF ≤ 470 ms", []string{"qtc <=470 ms"}},
	{"QTc interval < 480 msec", []string{"qtc <480 ms"}},
	{"E: QTcF > 480 milliseconds", []string{"qtc <=480 ms"}},
	{"E: Mean resting QTc ≥ 470 ms", []string{"qtc <470 ms"}},
	{"QTcF ≤ 460 ms in men and ≤ 475 ms in women", []string{"qtc <=460 ms cond", "qtc <=475 ms"}},
	{"Any factor that increases the risk of QTc prolongation (e.g., QTc above 480 ms, in the opinion of the investigator)", nil},
	{"LVEF ≥ 50% by ECHO or MUGA", []string{"lvef >=50 %"}},
	{"Left ventricular ejection fraction ≥ 45 %", []string{"lvef >=45 %"}},
	{"E: LVEF ≤ 40%", []string{"lvef >40 %"}},
	{"LVEF within institutional normal limits", nil},
	{"NYHA class II or higher heart failure", nil},

	// life expectancy
	{"Life expectancy of at least 12 weeks", []string{"life_expectancy >=12 weeks"}},
	{"Life expectancy ≥ 3 months", []string{"life_expectancy >=13.035 weeks"}},
	{"Estimated life expectancy of more than 6 months", []string{"life_expectancy >26.07 weeks"}},
	{"Expected survival > 3 months", []string{"life_expectancy >13.035 weeks"}},
	{"Predicted life expectancy of 12 weeks or more", []string{"life_expectancy >=12 weeks"}},
	{"E: Life expectancy < 2 months", []string{"life_expectancy >=8.69 weeks"}},
	{"Life expectancy > 12", nil}, // weeks or months?

	// age
	{"Age ≥ 18 years", []string{"age >=18 years"}},
	{"Aged 20 or over", []string{"age >=20 years"}},
	{"Patients older than 21 years", []string{"age >21 years"}},
	{"18 to 80 years of age", []string{"age [18,80] years"}},
	{"Men and women aged 18-75 years", []string{"age [18,75] years"}},
	{"Age between 18 and 70 years", []string{"age [18,70] years"}},
	{"Younger than 65 years", []string{"age <65 years"}},
	{"Age ≥ 6 months", []string{"age >=0.5 years"}},
	{"18 years of age or older at the time of consent", []string{"age >=18 years"}},
	{"Male or female ≥ 18 years", []string{"age >=18 years"}},
	{"Family history of sudden death under 40 years of age", nil},
	{"At least 5 years since prior therapy", nil},
	{"Postmenopausal, defined as age ≥ 60 years or amenorrhea for 12 months", nil},

	// lists, mojibake, other wordings
	{"Laboratory values: ANC ≥ 1.5 × 10^9/L; platelets ≥ 100 × 10^9/L; total bilirubin ≤ 1.5 × ULN; AST and ALT ≤ 3 × ULN; creatinine ≤ 1.5 × ULN",
		[]string{"anc >=1.5 10^9/L", "platelets >=100 10^9/L", "bilirubin <=1.5 xULN", "ast <=3 xULN", "alt <=3 xULN", "creatinine <=1.5 xULN"}},
	{"ECOG score â‰¤ 2 points", []string{"ecog <=2"}},
	{"Neutrophils â‰¥ 1.5Ã—109/L", []string{"anc >=1.5 10^9/L"}},
	{"Hemoglobin \\> 9 g/dL", []string{"hemoglobin >9 g/dL"}},
	{"Absolute neutrophil count ≧ 1,500/μL", []string{"anc >=1.5 10^9/L"}},
	{"Hemoglobin ≥ 9 g/dl and platelets ≥ 100 × 10^9/L, respectively", []string{"hemoglobin >=9 g/dL", "platelets >=100 10^9/L"}},
	{"HBV DNA < 500 IU/mL", nil},
	{"Signed informed consent", nil},
	{"No prior systemic therapy for advanced disease within 28 days", nil},
	{"Received at least 2 prior lines of therapy", nil},

	// sponsor templates
	{"Hemoglobin ≥9.0 g/dL or ≥5.6 mmol/L", []string{"hemoglobin >=9 g/dL"}},
	{"Absolute Neutrophil Count (ANC) ≥1,500/mm3 or ≥1.5 x 10^9/L", []string{"anc >=1.5 10^9/L"}},
	{"Absolute neutrophil count (ANC) ≥ 1.5 × 10^9/L (1500/µL) without granulocyte colony-stimulating factor support",
		[]string{"anc >=1.5 10^9/L"}},
	{"Serum albumin ≥ 25 g/L (2.5 g/dL)", []string{"albumin >=2.5 g/dL"}},
	{"Creatinine ≤1.5 × ULN OR Measured or calculated creatinine clearance (GFR can also be used in place of creatinine or CrCl) ≥30 mL/min for participant with creatinine levels >1.5 × institutional ULN",
		[]string{"creatinine <=1.5 xULN", "creatinine_clearance >=30 mL/min cond"}},
	{"Total bilirubin ≤1.5 ×ULN OR direct bilirubin ≤ULN for participants with total bilirubin levels >1.5 × ULN",
		[]string{"bilirubin <=1.5 xULN"}},
	{"International normalized ratio (INR) OR prothrombin time (PT) Activated partial thromboplastin time (aPTT) ≤1.5 × ULN unless participant is receiving anticoagulant therapy",
		[]string{"inr <=1.5 xULN"}},
	{"Serum bilirubin ≤ 1.5 × ULN with the following exception: Patients with known Gilbert disease: serum bilirubin level ≤ 3 × ULN",
		[]string{"bilirubin <=1.5 xULN", "bilirubin <=3 xULN cond"}},
	{"Total Bilirubin ≤ 1.5 x ULN (except subjects with Gilbert Syndrome who must have a total bilirubin level of < 3.0 x ULN)",
		[]string{"bilirubin <=1.5 xULN", "bilirubin <3 xULN cond"}},
	{"Serum creatinine ≤ 1.5 x ULN or creatinine clearance (CrCl) ≥ 40 mL/min (if using the Cockcroft-Gault formula)",
		[]string{"creatinine <=1.5 xULN", "creatinine_clearance >=40 mL/min cond"}},
	{"Creatinine clearance ≥ 40 mL/min (if using the Cockcroft-Gault formula)", []string{"creatinine_clearance >=40 mL/min"}},
	{"ALT and AST ≤ 2.5 × ULN; if liver metastases, ≤ 5 × ULN",
		[]string{"ast <=2.5 xULN", "alt <=2.5 xULN", "ast <=5 xULN cond", "alt <=5 xULN cond"}},
	{"Total bilirubin ≤ 1.5 × ULN (with the exception of Gilbert's syndrome)", []string{"bilirubin <=1.5 xULN"}},
	{"Creatinine clearance ≥ 50 mL/min calculated by Cockcroft-Gault equation or based on a 24-hour urine test",
		[]string{"creatinine_clearance >=50 mL/min"}},
	{"Patients with documented liver metastases: AST and ALT ≤ 5 × ULN", []string{"ast <=5 xULN cond", "alt <=5 xULN cond"}},
	{"Blood routine: ANC ≥ 1.5×10^9/L, PLT ≥ 80×10^9/L, Hb ≥ 90 g/L (no blood transfusion within 14 days)",
		[]string{"anc >=1.5 10^9/L", "platelets >=80 10^9/L", "hemoglobin >=9 g/dL"}},
	{"Liver function: TBIL ≤ 1.5×ULN; ALT and AST ≤ 3×ULN; for patients with liver metastases, ALT and AST ≤ 5×ULN",
		[]string{"bilirubin <=1.5 xULN", "alt <=3 xULN", "ast <=3 xULN", "alt <=5 xULN cond", "ast <=5 xULN cond"}},
	{"Renal function: Cr ≤ 1.5 × ULN, or creatinine clearance ≥ 50 mL/min (Cockcroft-Gault formula)",
		[]string{"creatinine <=1.5 xULN", "creatinine_clearance >=50 mL/min cond"}},
	{"Child-Pugh grade A or B (≤7 points)", []string{"child_pugh_score [5,7]"}},
	{"QTcF < 470 ms (female), < 450 ms (male)", []string{"qtc <470 ms", "qtc <450 ms cond"}},
	{"Platelet count ≥ 10.0 × 10^4/mm3", []string{"platelets >=100 10^9/L"}},
	{"AST and ALT ≤ 100 IU/L", []string{"ast <=100 U/L", "alt <=100 U/L"}},
	{"PS (ECOG) 0-1", []string{"ecog [0,1]"}},
	{"Creatinine within normal institutional limits OR creatinine clearance ≥60 mL/min/1.73 m2 for patients with creatinine levels above institutional normal",
		[]string{"creatinine_clearance >=60 mL/min cond"}},
	{"ECOG performance status ≤2 (Karnofsky ≥60%)", []string{"ecog <=2", "karnofsky >=60"}},
	{"Patients must be ≥ 12 months and ≤ 21 years of age", []string{"age [1,21] years"}},
	{"Karnofsky ≥ 50% for patients > 16 years of age and Lansky ≥ 50 for patients ≤ 16 years of age",
		[]string{"karnofsky >=50 cond", "lansky >=50 cond"}},
	{"Adequate hepatic function: bilirubin ≤ 1.5 mg/dL, AST and ALT ≤ 3 × ULN (≤ 5 × ULN if liver involvement)",
		[]string{"bilirubin <=1.5 mg/dL", "ast <=3 xULN", "alt <=3 xULN", "ast <=5 xULN cond", "alt <=5 xULN cond"}},
	{"Serum potassium, magnesium and calcium within normal limits", nil},
	{"Hemoglobin ≥ 8.0 g/dL (may be transfused to reach this level)", []string{"hemoglobin >=8 g/dL"}},
	{"E: Known HIV infection with CD4 count < 200 cells/µL", nil},
	{"E: Absolute neutrophil count < 1000/mm3 or platelet count < 75,000/mm3",
		[]string{"anc >=1 10^9/L", "platelets >=75 10^9/L"}},
	{"E: Total bilirubin > 1.5 x ULN unless due to Gilbert's syndrome", []string{"bilirubin <=1.5 xULN"}},
	{"E: AST or ALT > 2.5 x ULN (> 5 x ULN in patients with liver metastases)",
		[]string{"ast <=2.5 xULN", "alt <=2.5 xULN", "ast <=5 xULN cond", "alt <=5 xULN cond"}},
	{"E: AST or ALT > 3 × ULN (≤ 5 × ULN is allowed with liver metastases)",
		[]string{"ast <=3 xULN", "alt <=3 xULN", "ast <=5 xULN cond", "alt <=5 xULN cond"}},
	{"E: QTcF > 470 ms (females) or > 450 ms (males)", []string{"qtc <=470 ms", "qtc <=450 ms cond"}},
	{"E: Left ventricular ejection fraction (LVEF) < 50% or below the institutional lower limit of normal", []string{"lvef >=50 %"}},
	{"E: Serum albumin < 2.8 g/dL", []string{"albumin >=2.8 g/dL"}},
	{"E: INR > 1.5 or PTT > 1.5 × ULN", []string{"inr <=1.5 ratio"}},
	{"E: eGFR < 30 mL/min/1.73m²", []string{"egfr >=30 mL/min/1.73m2"}},
	{"E: Child-Pugh B8 or worse", []string{"child_pugh_score <=7"}},
	{"E: Child-Pugh score ≥ 7", []string{"child_pugh_score <=6"}},
	{"E: Age less than 50 years or over 85 years", []string{"age [50,85] years"}},
	{"Measurable disease per RECIST 1.1 (at least one lesion ≥ 10 mm)", nil},
	{"ECOG PS of 0-1 and life expectancy > 12 weeks", []string{"ecog [0,1]", "life_expectancy >12 weeks"}},
	{"Estimated glomerular filtration rate (eGFR) ≥ 60 mL/min/1.73 m2", []string{"egfr >=60 mL/min/1.73m2"}},
	{"EGFR mutation-positive NSCLC (exon 19 deletion or L858R)", nil},
	{"Prior EGFR TKI therapy for at least 6 months", nil},
	{"Neutrophil-to-lymphocyte ratio ≥ 3", nil},
	{"Total bilirubin ≤ 1.5 × ULN, AST/ALT ≤ 2.5 × ULN, lipase ≤ 1.5 × ULN",
		[]string{"bilirubin <=1.5 xULN", "ast <=2.5 xULN", "alt <=2.5 xULN"}},
	{"Hemoglobin ≥ 9 g/dL, prothrombin time ≤ 15 seconds", []string{"hemoglobin >=9 g/dL"}},
	{"ANC ≥ 1,000/µL and platelets ≥ 50,000/µL for patients with marrow infiltration", []string{"anc >=1 10^9/L", "platelets >=50 10^9/L cond"}},

	// from real registry records
	{"Eastern Cooperative Oncology Group (ECOG) performance status =< 2 (Karnofsky >= 60%). Patients over the age of 65 must have an ECOG performance status of 0-1",
		[]string{"ecog <=2", "karnofsky >=60", "ecog [0,1] cond"}},
	{"Total bilirubin <= 1.5 x institutional upper limit of normal (ULN), except for patients with Gilbert's syndrome where required to be <= 3 x institutional ULN",
		[]string{"bilirubin <=1.5 xULN", "bilirubin <=3 xULN cond"}},
	{"Serum creatinine less than or equal to 2.0 mg/dL (Note: Patients with a serum creatinine greater than or equal to 1.4 and less than or equal to 2.0 mg/dL must demonstrate a 24-hour urinary creatinine clearance greater than or equal to 50 mL/min)",
		[]string{"creatinine <=2 mg/dL", "creatinine_clearance >=50 mL/min cond"}},
	{"Platelets \\>= 75,000/mcL (\\>= 50,000 for patients with hematologic malignancies)",
		[]string{"platelets >=75 10^9/L", "platelets >=50 10^9/L cond"}},
	{"Total bilirubin =\\< 1.5 x institutional upper limit of normal (ULN) (however, patients with known Gilbert disease who have serum bilirubin level =\\< 3 x ULN may be enrolled)",
		[]string{"bilirubin <=1.5 xULN", "bilirubin <=3 xULN cond"}},
	{"International normalized ratio (INR) and activated partial thromboplastin time (aPTT) =\\< 1.5 x ULN (this applies only to patients who do not receive therapeutic anticoagulation)",
		[]string{"inr <=1.5 xULN"}},
	{"Laboratory abnormalities that are not clinically significant are generally permitted, except for the following laboratory parameters, which must be within the ranges specified, regardless of clinical significance: Hemoglobin: ≥ 9 g/dL Neutrophil count: ≥ 1.5 x 109/L Platelet count: ≥ 100,000/mm3 Serum creatinine, ≤ 1.5x Institutional Upper Limit of Normal (ULN), or Creatinine Clearance ≥ 50 mL/min (by Cockcroft-Gault formula) Serum bilirubin: ≤ 1.2 mg/dL AST/ALT: ≤ 2.5 x ULN Alkaline phosphatase: ≤ 2.5 x ULN",
		[]string{"hemoglobin >=9 g/dL", "anc >=1.5 10^9/L", "platelets >=100 10^9/L", "creatinine <=1.5 xULN",
			"creatinine_clearance >=50 mL/min cond", "bilirubin <=1.2 mg/dL", "ast <=2.5 xULN", "alt <=2.5 xULN"}},
	{"E: Impaired renal clearance with eGFR < 45 mL/min/1.73 m².", []string{"egfr >=45 mL/min/1.73m2"}},
	{"E: Total bilirubin > 2.0x institutional upper limit of normal.", []string{"bilirubin <=2 xULN"}},
	{"E: Total bilirubin > 1.5 × ULN (patients with Gilbert's syndrome may be included if total bilirubin ≤ 3 × ULN)",
		[]string{"bilirubin <=1.5 xULN", "bilirubin <=3 xULN cond"}},
	{"E: Platelet count < 75 × 10^9/L, or < 50 × 10^9/L in patients with bone marrow involvement",
		[]string{"platelets >=75 10^9/L", "platelets >=50 10^9/L cond"}},
	{"Absolute neutrophil count >= 1,000/mcL (>= 750/mcL if bone marrow plasma cells >= 50%)",
		[]string{"anc >=1 10^9/L", "anc >=0.75 10^9/L cond"}},
	{"Pediatric patients (age 12-17 years) must weigh >= 40 kg", nil},
	{"For patients enrolled in the dose expansion cohort: ECOG performance status 0-1", []string{"ecog [0,1] cond"}},
	{"Creatinine =< 1.5 x institutional ULN OR glomerular filtration rate (GFR) >= 30 mL/min/1.73 m^2 for patients with creatinine levels above institutional normal",
		[]string{"creatinine <=1.5 xULN", "egfr >=30 mL/min/1.73m2 cond"}},
	{"Serum creatinine based on age/gender as follows: Age 1 to < 2 years: maximum serum creatinine 0.6 mg/dL; Age 2 to < 6 years: 0.8 mg/dL", nil},
	{"Have a performance status of 0 or 1 on the ECOG Performance Scale", []string{"ecog [0,1]"}},
	{"Albumin >2.5 mg/dL", []string{"albumin >2.5 g/dL"}},
	{"Serum M-protein ≥ 0.5 g/dL or urine M-protein ≥ 200 mg/24 hours", nil},
	{"HbA1c ≤ 8%", nil},
	{"Serum albumin between 2.8 and 5.0 g/dL", []string{"albumin [2.8,5] g/dL"}},
	{"Platelets 50-150 × 10^9/L", []string{"platelets [50,150] 10^9/L"}},
	{"ECOG performance status score of ≤ 1", []string{"ecog <=1"}},
	{"Zubrod performance status 0-2", []string{"ecog [0,2]"}},
	{"ECOG/WHO PS 0-1", []string{"ecog [0,1]"}},
	{"Adults ≥ 18 years", []string{"age >=18 years"}},
	{"Age ≥ 18 years and ≤ 75 years", []string{"age [18,75] years"}},
	{"Aged 18 years and above", []string{"age >=18 years"}},
	{"≥ 18 years old", []string{"age >=18 years"}},
	{"Life expectancy at least 6 mo", []string{"life_expectancy >=26.07 weeks"}},
	{"Absolute neutrophils count ≥1.5x10^9/L", []string{"anc >=1.5 10^9/L"}},
	{"White blood cells ≥ 3.0 × 10⁹/L", []string{"wbc >=3 10^9/L"}},
	{"Leukocytes ≥ 3 G/l", []string{"wbc >=3 10^9/L"}},
	{"Hemoglobin ≥ 6.2 mmol/L (10 g/dL)", []string{"hemoglobin >=10 g/dL"}},
	{"Serum bilirubin ≤ 34.2 µmol/L", []string{"bilirubin <=2 mg/dL"}},
	{"Creatinine ≤ 1.5 mg/dL or ≤ 133 µmol/L", []string{"creatinine <=1.5 mg/dL"}},
	{"AST ≤ 3.0 × ULN and ALT ≤ 3.0 × ULN", []string{"ast <=3 xULN", "alt <=3 xULN"}},
	{"GOT/GPT ≤ 2.5 × ULN", []string{"ast <=2.5 xULN", "alt <=2.5 xULN"}},
	{"ALAT and ASAT ≤ 2.5 ULN", []string{"ast <=2.5 xULN", "alt <=2.5 xULN"}},
	{"Prothrombin time-international normalized ratio (PT-INR) ≤ 1.5", []string{"inr <=1.5 ratio"}},
	{"Estimated creatinine clearance ≥ 30 mL/min according to the Cockcroft-Gault formula", []string{"creatinine_clearance >=30 mL/min"}},
	{"CLcr ≥ 60 ml/min", []string{"creatinine_clearance >=60 mL/min"}},
	{"E: QTc > 450 msec for men or > 470 msec for women", []string{"qtc <=450 ms cond", "qtc <=470 ms"}},
	{"E: LVEF < 45% as determined by echocardiogram or MUGA", []string{"lvef >=45 %"}},
	{"E: Life expectancy of less than 3 months", []string{"life_expectancy >=13.035 weeks"}},
	{"E: Child-Pugh class C cirrhosis", []string{"child_pugh_score <=9"}},
	{"E: ECOG ≥ 3", []string{"ecog <=2"}},
	{"E: Age > 75 years", []string{"age <=75 years"}},
	{"No Child-Pugh class B or C liver disease", []string{"child_pugh_score <=6"}},
	{"E: Patients must not have a QTcF > 470 ms", []string{"qtc <=470 ms"}},
	{"For re-treatment: ECOG performance status 0-2", []string{"ecog [0,2] cond"}},
	{"Hemoglobin A1c < 8.0%", nil},
	{"History of LVEF decline of more than 10% during prior trastuzumab", nil},
	{"Hemoglobin (hgb) greater than or equal to 10 g/dL without transfusional support or growth factor use in the 4 weeks before study randomization",
		[]string{"hemoglobin >=10 g/dL"}},
}

func TestSentences(t *testing.T) {
	for _, tc := range sentences {
		text := tc.text
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
		want := tc.want
		if !slices.Equal(sorted(got), sorted(want)) {
			t.Errorf("%s\n   got %q\n  want %q", text, got, want)
		}
	}
}

func sorted(s []string) []string {
	c := slices.Clone(s)
	slices.Sort(c)
	return c
}
