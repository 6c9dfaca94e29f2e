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
	{"QTcF on screening ECG ≤ 470 ms", []string{"qtc <=470 ms"}},
	{"Mean QTcF from triplicate ECGs ≤ 470 ms", []string{"qtc <=470 ms"}},
	{"Left ventricular ejection fraction as assessed by echocardiogram or MUGA ≥ 50%", []string{"lvef >=50 %"}},
	{"LVEF by ECHO or MUGA scan ≥ 50%", []string{"lvef >=50 %"}},
	{"Creatinine clearance by 24 hour urine collection ≥ 50 mL/min", []string{"creatinine_clearance >=50 mL/min"}},
	{"Creatinine clearance, calculated by the Cockcroft-Gault formula, of ≥ 60 mL/min", []string{"creatinine_clearance >=60 mL/min"}},
	{"E: ECG showing a heart rate < 50 bpm", nil},
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

	// sponsor templates, as real records write them
	{"Total bilirubin =< institutional upper limit of normal (ULN)", []string{"bilirubin <=1 xULN"}},
	{"Creatinine =< institutional ULN OR glomerular filtration rate (GFR) >= 60 mL/min/1.73 m^2 unless data exists supporting safe use at lower kidney function values, no lower than 30 mL/min/1.73 m^2",
		[]string{"creatinine <=1 xULN", "egfr >=60 mL/min/1.73m2 cond", "egfr >=30 mL/min/1.73m2 cond"}},
	{"Age >= 18 years. Because no dosing or adverse event data are currently available on the use of the study drug in patients < 18 years of age, children are excluded from this study",
		[]string{"age >=18 years"}},
	{"Platelets ≥100 000/µL", []string{"platelets >=100 10^9/L"}},
	{"Hemoglobin ≥9.0 g/dL or ≥5.6 mmol/L (criteria must be met without erythropoietin dependency and without packed red blood cell [pRBC] transfusion within last 2 weeks)",
		[]string{"hemoglobin >=9 g/dL"}},
	{"Be ≥18 years of age on day of signing informed consent.", []string{"age >=18 years"}},
	{"Lymphocyte count ≥ 0.5 × 10^9/L (500/µL)", []string{"lymphocytes >=0.5 10^9/L"}},
	{"Platelet count ≥ 100 × 10^9/L (100,000/µL) without transfusion", []string{"platelets >=100 10^9/L"}},
	{"Hemoglobin ≥ 90 g/L (9 g/dL)", []string{"hemoglobin >=9 g/dL"}},
	{"For patients not receiving therapeutic anticoagulation: INR or aPTT ≤ 1.5 × ULN", []string{"inr <=1.5 xULN"}},
	{"Patients with documented liver or bone metastases: ALP ≤ 5 × ULN", nil},
	{"Serum bilirubin ≤1.5 × ULN. This will not apply to patients with confirmed Gilbert's syndrome, who will be allowed only in consultation with their physician",
		[]string{"bilirubin <=1.5 xULN"}},
	{"ALT and AST ≤2.5 × ULN; if liver metastases, ≤5 × ULN", []string{"ast <=2.5 xULN", "alt <=2.5 xULN", "ast <=5 xULN cond", "alt <=5 xULN cond"}},
	{"Measured creatinine clearance (CL) >40 mL/min or Calculated creatinine CL >40 mL/min as determined by Cockcroft-Gault (using actual body weight)",
		[]string{"creatinine_clearance >40 mL/min"}},
	{"Total bilirubin < 1.5 x ULN except for patients with Gilbert's syndrome who may only be included if the total bilirubin is ≤ 3.0 × ULN or direct bilirubin ≤ 1.5 × ULN",
		[]string{"bilirubin <1.5 xULN", "bilirubin <=3 xULN cond"}},
	{"In case of liver metastases: AST and ALT ≤ 5 × ULN", []string{"ast <=5 xULN cond", "alt <=5 xULN cond"}},
	{"Adequate organ function: hematology: ANC ≥ 1.5×10^9/L, PLT ≥ 100×10^9/L, HB ≥ 90 g/L; Liver function: TBIL ≤ 1.5×ULN, ALT and AST ≤ 2.5×ULN (≤ 5×ULN for patients with liver metastasis); Renal function: Cr ≤ 1.5×ULN or CCr ≥ 50 mL/min",
		[]string{"anc >=1.5 10^9/L", "platelets >=100 10^9/L", "hemoglobin >=9 g/dL", "bilirubin <=1.5 xULN", "alt <=2.5 xULN", "ast <=2.5 xULN",
			"alt <=5 xULN cond", "ast <=5 xULN cond", "creatinine <=1.5 xULN", "creatinine_clearance >=50 mL/min cond"}},
	{"Coagulation function: INR ≤ 1.5, APTT ≤ 1.5×ULN", []string{"inr <=1.5 ratio"}},
	{"Blood biochemistry: TBIL ≤ 1.5 times the ULN; ALT, AST ≤ 2.5 times the ULN, ≤ 5 times the ULN for patients with liver metastases; serum creatinine ≤ 1.5 times the ULN or creatinine clearance ≥ 60 mL/min",
		[]string{"bilirubin <=1.5 xULN", "alt <=2.5 xULN", "ast <=2.5 xULN", "alt <=5 xULN cond", "ast <=5 xULN cond", "creatinine <=1.5 xULN",
			"creatinine_clearance >=60 mL/min cond"}},
	{"QTc interval: < 470 ms for women, < 450 ms for men", []string{"qtc <470 ms", "qtc <450 ms cond"}},
	{"Urine protein < 2+ or 24-hour urine protein < 1.0 g", nil},
	{"Child-Pugh liver function grade: A or B (≤7 points)", []string{"child_pugh_score [5,7]"}},
	{"BCLC stage B or C, not suitable for surgery or local treatment", []string{"bclc_stage {B,C}"}},
	{"AST and ALT ≤ 100 IU/L (≤ 200 IU/L for patients with liver metastases)", []string{"ast <=100 U/L", "alt <=100 U/L", "ast <=200 U/L cond", "alt <=200 U/L cond"}},
	{"Aged 20 years or older at informed consent", []string{"age >=20 years"}},

	// ages
	{"Participants must be at least 18 years of age", []string{"age >=18 years"}},
	{"Patients 18 years of age or older", []string{"age >=18 years"}},
	{"Age: 18 years or older", []string{"age >=18 years"}},
	{"Male or female patients aged 18 to 75 years (inclusive)", []string{"age [18,75] years"}},
	{"Age ≥ 18 years (≥ 20 years in Japan)", []string{"age >=18 years", "age >=20 years cond"}},
	{"Age ≥ 12 years and weight ≥ 40 kg", []string{"age >=12 years"}},
	{"Children and adolescents aged 6 months to < 18 years", []string{"age [0.5,18) years"}},

	// later steps, named in the item
	{"Stage 2: absolute neutrophil count ≥ 1.0 × 10^9/L", []string{"anc >=1 10^9/L cond"}},
	{"Re-treatment criteria: ECOG performance status 0-2", []string{"ecog [0,2] cond"}},
	{"Crossover phase: platelets ≥ 75 × 10^9/L", []string{"platelets >=75 10^9/L cond"}},
	{"Stage 1: absolute neutrophil count ≥ 1.5 × 10^9/L", []string{"anc >=1.5 10^9/L"}},

	// alternatives and exceptions, more wordings
	{"Creatinine ≤ 1.5 mg/dL OR creatinine clearance ≥ 60 mL/min/1.73 m² for patients with creatinine levels > 1.5 mg/dL",
		[]string{"creatinine <=1.5 mg/dL", "creatinine_clearance >=60 mL/min cond"}},
	{"Measured or calculated creatinine clearance ≥ 50 mL/min", []string{"creatinine_clearance >=50 mL/min"}},
	{"Karnofsky ≥ 70% or ECOG ≤ 1", []string{"karnofsky >=70", "ecog <=1 cond"}},
	{"Platelets ≥ 100 × 10^9/L unless due to bone marrow involvement, in which case ≥ 50 × 10^9/L",
		[]string{"platelets >=100 10^9/L", "platelets >=50 10^9/L cond"}},
	{"ANC ≥ 1.5 × 10^9/L unless cytopenia is due to marrow infiltration", []string{"anc >=1.5 10^9/L"}},
	{"AST/ALT ≤ 3 × ULN, except patients with liver metastases, who may have ≤ 5 × ULN",
		[]string{"ast <=3 xULN", "alt <=3 xULN", "ast <=5 xULN cond", "alt <=5 xULN cond"}},
	// out together, creatinine and its clearance exclude: either in range
	// allows, an OR-alternative (SPEC 4.8; round 15, DEV18 call 14)
	{"E: Serum creatinine > 1.5 × ULN and creatinine clearance < 50 mL/min", []string{"creatinine <=1.5 xULN", "creatinine_clearance >=50 mL/min cond"}},
	{"E: Serum creatinine > 1.5 × ULN and/or creatinine clearance < 50 mL/min", []string{"creatinine <=1.5 xULN", "creatinine_clearance >=50 mL/min"}},
	{"E: Inadequate bone marrow function: ANC < 1.5 × 10^9/L, platelets < 100 × 10^9/L, or hemoglobin < 9 g/dL",
		[]string{"anc >=1.5 10^9/L", "platelets >=100 10^9/L", "hemoglobin >=9 g/dL"}},
	{"E: Mean resting corrected QT interval (QTcF) ≥470 ms obtained from 3 ECGs", []string{"qtc <470 ms"}},
	{"E: Uncontrolled hypertension (systolic > 150 mmHg and/or diastolic > 100 mmHg)", nil},
	{"E: Child-Pugh score ≥ 8", []string{"child_pugh_score <=7"}},
	{"Females: QTcF ≤ 470 ms; males: QTcF ≤ 450 ms", []string{"qtc <=470 ms", "qtc <=450 ms cond"}},

	// haematology
	{"ANC ≥ 1.0 × 10^9/L (≥ 0.5 × 10^9/L if bone marrow involvement)", []string{"anc >=1 10^9/L", "anc >=0.5 10^9/L cond"}},
	{"Platelets ≥ 50 × 10^9/L (≥ 30 × 10^9/L if bone marrow plasma cells ≥ 50%)", []string{"platelets >=50 10^9/L", "platelets >=30 10^9/L cond"}},
	{"Total bilirubin ≤ 1.5 × ULN (≤ 3 × ULN if Gilbert's syndrome or hepatic involvement by lymphoma)",
		[]string{"bilirubin <=1.5 xULN", "bilirubin <=3 xULN cond"}},
	{"Measurable disease: serum M-protein ≥ 0.5 g/dL or urine M-protein ≥ 200 mg/24 h or serum FLC ≥ 10 mg/dL", nil},
	{"Hemoglobin ≥ 8 g/dL (transfusion allowed)", []string{"hemoglobin >=8 g/dL"}},
	{"Corrected serum calcium ≤ 13.5 mg/dL", nil},
	{"WBC count ≤ 25 × 10^9/L prior to the first dose (hydroxyurea allowed)", []string{"wbc <=25 10^9/L"}},
	{"Bone marrow blasts ≥ 20%", nil},
	{"Age ≥ 60 years, or 18 to 59 years if unfit for intensive chemotherapy", []string{"age >=60 years", "age [18,59] years cond"}},
	{"Absolute lymphocyte count > 5 × 10^9/L", []string{"lymphocytes >5 10^9/L"}},
	{"E: Absolute neutrophil count < 1,000/µL, unless due to disease involvement of the bone marrow", []string{"anc >=1 10^9/L"}},

	// negations that reach their subject over a phrase, and ones that do not
	{"No history of QTc prolongation (QTcF > 470 ms)", []string{"qtc <=470 ms"}},
	{"Absence of cardiac dysfunction (LVEF < 50%)", []string{"lvef >=50 %"}},
	{"Free of Child-Pugh B or C cirrhosis", []string{"child_pugh_score <=6"}},
	{"No clinically significant cardiovascular disease, including QTcF > 470 ms or LVEF < 50%", []string{"qtc <=470 ms", "lvef >=50 %"}},
	{"Without granulocyte colony-stimulating factor support, ANC ≥ 1.5 × 10^9/L", []string{"anc >=1.5 10^9/L"}},
	{"No more than 2 prior lines of therapy; ECOG ≤ 1", []string{"ecog <=1"}},
	{"No infection with HIV, and ANC ≥ 1.5 × 10^9/L", []string{"anc >=1.5 10^9/L"}},
	{"Not more than 1.5 × ULN total bilirubin", nil},

	// a threshold on its unusual side after a negation that did not reach it: nothing
	{"No significant heart disease such as myocardial infarction within 6 months, unstable angina or QTcF > 470 ms", nil},
	{"Patients must not have had a myocardial infarction in the past year or an LVEF below 45%", nil},
	{"Patient has no active infection and AST above 3 × ULN", nil},

	// criteria filed in the wrong list invert to nonsense: nothing
	{"E: Absolute neutrophil count ≥ 1.5 × 10^9/L", nil},
	{"E: Adequate organ function: platelets ≥ 100,000/mm3 and total bilirubin ≤ 1.5 × ULN", nil},
	{"E: QTcF ≤ 470 ms", nil},
	{"Known QTc > 470 ms", nil},
	{"Total bilirubin > 1.5 × ULN", nil},
	{"E: Hemoglobin > 16.5 g/dL", []string{"hemoglobin <=16.5 g/dL"}},
	{"E: Platelet count > 600 × 10^9/L", []string{"platelets <=600 10^9/L"}},
	// other names of the upper limit of normal
	{"Total bilirubin ≤ 1.5 × ULRR", []string{"bilirubin <=1.5 xULN"}},
	{"ALT ≤ 2.5 x IULN", []string{"alt <=2.5 xULN"}},
	{"Transaminases ≤ 2,5 × N and bilirubin ≤ 1,5 × N", []string{"ast <=2.5 xULN", "alt <=2.5 xULN", "bilirubin <=1.5 xULN"}},
	{"Bilirubin ≤ 1.5 LSN", []string{"bilirubin <=1.5 xULN"}},
	{"Bilirubin ≤ 2 x upper limit of reference range (ULRR)", []string{"bilirubin <=2 xULN"}},
	{"AST ≤ 3 x the upper normal limit", []string{"ast <=3 xULN"}},

	{"AST ≤ 1.5 × the upper limit of the laboratory's normal range", []string{"ast <=1.5 xULN"}},
	{"Between the ages of 18 and 75 years", []string{"age [18,75] years"}},
	{"AST/ALT ≤ 5 × ULN in the presence of liver metastases, otherwise ≤ 2.5 × ULN",
		[]string{"ast <=2.5 xULN", "alt <=2.5 xULN", "ast <=5 xULN cond", "alt <=5 xULN cond"}},
	{"Performance status (PS) of 0-1 on the Eastern Cooperative Oncology Group (ECOG) scale", []string{"ecog [0,1]"}},
	{"Age 18 years or older, or 16-17 years with parental consent", []string{"age >=18 years"}},
	{"Hgb ≥ 9 g/dl, ANC ≥ 1500/µl, Plt ≥ 100.000/µl", []string{"hemoglobin >=9 g/dL", "anc >=1.5 10^9/L", "platelets >=100 10^9/L"}},
	{"Patients ≥ 70 years of age must have a creatinine clearance ≥ 50 mL/min", []string{"creatinine_clearance >=50 mL/min cond"}},
	{"Creatinine clearance (CrCl) ≥ 45 mL/min as estimated by the Cockcroft-Gault equation or measured by 24-hour urine collection",
		[]string{"creatinine_clearance >=45 mL/min"}},
	{"INR < 1.5 or PT/PTT within normal limits", []string{"inr <1.5 ratio"}},
	{"LVEF ≥ 50% or ≥ the institutional lower limit of normal", []string{"lvef >=50 %"}},

	{"Creatinine clearance (mL/min): Cohort A ≥ 60; Cohort B ≥ 30", []string{"creatinine_clearance >=30 mL/min", "creatinine_clearance >=60 mL/min cond"}},
	{"Platelets: Part 1 ≥ 100 × 10^9/L, Part 2 ≥ 75 × 10^9/L", []string{"platelets >=75 10^9/L", "platelets >=100 10^9/L cond"}},
	{"Creatinine clearance (mL/min) ≥ 50", []string{"creatinine_clearance >=50 mL/min"}},
	// subgroups that must stay conditional
	{"Patients with liver metastases must have AST ≤ 5 × ULN", []string{"ast <=5 xULN cond"}},
	{"In subjects with documented bone marrow involvement, platelets ≥ 50 × 10^9/L", []string{"platelets >=50 10^9/L cond"}},
	{"Bilirubin ≤ 3 × ULN is acceptable for patients with Gilbert's syndrome", []string{"bilirubin <=3 xULN cond"}},
	{"If ANC < 1.5 × 10^9/L, the patient may be enrolled after discussion with the sponsor", nil},
	{"Hemoglobin ≥ 9 g/dL (≥ 8 g/dL for patients receiving transfusions)", []string{"hemoglobin >=9 g/dL", "hemoglobin >=8 g/dL cond"}},
	{"QTcF ≤ 450 ms (≤ 480 ms for patients with bundle branch block)", []string{"qtc <=450 ms", "qtc <=480 ms cond"}},
	{"Creatinine clearance ≥ 30 mL/min (≥ 60 mL/min for the cisplatin arm)",
		[]string{"creatinine_clearance >=30 mL/min", "creatinine_clearance >=60 mL/min cond"}},
	{"Total bilirubin ≤ 1.5 mg/dL or ≤ 3 mg/dL if hepatic involvement", []string{"bilirubin <=1.5 mg/dL", "bilirubin <=3 mg/dL cond"}},
	{"Platelet count ≥ 100,000/mm3 (or ≥ 50,000/mm3 in the expansion)", []string{"platelets >=100 10^9/L", "platelets >=50 10^9/L cond"}},
	{"ECOG ≤ 2 for dose escalation and ≤ 1 for dose expansion", []string{"ecog <=2", "ecog <=1 cond"}},
	{"Age ≥ 18 years (Part A) or ≥ 12 years (Part B)", []string{"age >=12 years", "age >=18 years cond"}},
	{"Life expectancy ≥ 12 weeks in the opinion of the investigator", []string{"life_expectancy >=12 weeks"}},
	{"Platelets ≥ 100 × 10^9/L in patients without bone marrow involvement and ≥ 50 × 10^9/L in patients with bone marrow involvement",
		[]string{"platelets >=50 10^9/L", "platelets >=100 10^9/L cond"}},
	{"Patients with creatinine > 1.5 × ULN must have creatinine clearance ≥ 50 mL/min", []string{"creatinine_clearance >=50 mL/min cond"}},
	{"Patients on full-dose anticoagulation must have INR ≤ 3", []string{"inr <=3 ratio cond"}},
	{"Subjects receiving warfarin must have an INR ≤ 3.0", []string{"inr <=3 ratio cond"}},
	{"INR ≤ 1.5 (≤ 3 for patients on therapeutic anticoagulation)", []string{"inr <=1.5 ratio", "inr <=3 ratio cond"}},
	{"Either ECOG 0-1 or Karnofsky ≥ 70", []string{"ecog [0,1]", "karnofsky >=70 cond"}},
	{"Platelets ≥ 100 × 10^9/L; ≥ 75 × 10^9/L is permitted with prior sponsor approval", []string{"platelets >=100 10^9/L"}},
	{"ECOG 0-1; ECOG 2 may be allowed after discussion with the medical monitor", []string{"ecog [0,1]"}},

	// wordings of Chinese, Japanese and European records
	{"Blood routine: neutrophil count ≥1.5×10^9/L, platelet count ≥90×10^9/L, hemoglobin ≥90 g/L (no blood transfusion or blood products within 14 days, no correction with G-CSF and other hematopoietic stimulating factors)",
		[]string{"anc >=1.5 10^9/L", "platelets >=90 10^9/L", "hemoglobin >=9 g/dL"}},
	{"Coagulation function: international normalized ratio (INR) ≤1.5×ULN, activated partial thromboplastin time (APTT) ≤1.5×ULN", []string{"inr <=1.5 xULN"}},
	{"Doppler ultrasound evaluation: left ventricular ejection fraction (LVEF) ≥ 50%", []string{"lvef >=50 %"}},
	{"Urine routine: urine protein < 2+; if urine protein ≥ 2+, 24-hour urine protein quantification should be ≤ 1 g", nil},
	{"ECOG PS score: 0～1", []string{"ecog [0,1]"}},
	{"Expected survival time ≥ 3 months", []string{"life_expectancy >=13.035 weeks"}},
	{"Aged 18-75 years (including boundary values)", []string{"age [18,75] years"}},
	{"Male or female aged 18 ~ 75 years old", []string{"age [18,75] years"}},
	{"Adequate bone marrow function: neutrophils ≥ 1.5 x 10^9/l, platelets ≥ 100 x 10^9/l, haemoglobin ≥ 6.0 mmol/l",
		[]string{"anc >=1.5 10^9/L", "platelets >=100 10^9/L", "hemoglobin >=9.666 g/dL"}},
	{"Adequate liver function: bilirubin ≤ 1.5 x ULN, ASAT and ALAT ≤ 2.5 x ULN (≤ 5 x ULN in case of liver metastases)",
		[]string{"bilirubin <=1.5 xULN", "ast <=2.5 xULN", "alt <=2.5 xULN", "ast <=5 xULN cond", "alt <=5 xULN cond"}},
	{"neutrophil ≥ 1,500/mm3, hemoglobin ≥ 9.0 g/dL, platelet ≥ 100,000/mm3, AST/ALT ≤ 100 IU/L, total bilirubin ≤ 1.5 mg/dL, serum creatinine ≤ 1.5 mg/dL",
		[]string{"anc >=1.5 10^9/L", "hemoglobin >=9 g/dL", "platelets >=100 10^9/L", "ast <=100 U/L", "alt <=100 U/L", "bilirubin <=1.5 mg/dL", "creatinine <=1.5 mg/dL"}},
	{"The main organs function normally, meeting the following criteria: (1) Blood routine examination: HB ≥ 90 g/L; ANC ≥ 1.5×10^9/L; PLT ≥ 80×10^9/L; (2) Biochemical examination: ALT and AST ≤ 2.5×ULN, TBIL ≤ 1.5×ULN, Cr ≤ 1.5×ULN",
		[]string{"hemoglobin >=9 g/dL", "anc >=1.5 10^9/L", "platelets >=80 10^9/L", "ast <=2.5 xULN", "alt <=2.5 xULN", "bilirubin <=1.5 xULN", "creatinine <=1.5 xULN"}},
	{"Subjects with a Child-Pugh score of A (5-6 points)", []string{"child_pugh_score [5,6]"}},
	{"Child-Pugh liver function rating: class A or class B with a score of 7", []string{"child_pugh_score [5,7]"}},
	{"Child-Pugh B (score 7)", []string{"child_pugh_score [7,7]"}},
	{"BCLC stage B that is not suitable for TACE, or stage C", []string{"bclc_stage {B,C}"}},
	{"Hepatitis B virus (HBV) DNA < 500 IU/ml", nil},

	// conditions inside a trigger's object, restatements, places
	{"Bilirubin ≤ 1.5 times the ULN (unless Gilbert's syndrome, then ≤ 3 times ULN)", []string{"bilirubin <=1.5 xULN", "bilirubin <=3 xULN cond"}},
	{"ALT/AST ≤ 2.5 × ULN; ≤ 5 × ULN is acceptable if the liver has tumor involvement",
		[]string{"ast <=2.5 xULN", "alt <=2.5 xULN", "ast <=5 xULN cond", "alt <=5 xULN cond"}},
	{"Serum creatinine ≤ 1.5 × ULN, or if > 1.5 × ULN, creatinine clearance ≥ 50 mL/min",
		[]string{"creatinine <=1.5 xULN", "creatinine_clearance >=50 mL/min cond"}},
	{"Creatinine clearance ≥ 45 mL/min (calculated using Cockcroft-Gault); if the calculated CrCl is < 45, a measured 24-hour urine CrCl ≥ 45 mL/min is acceptable",
		[]string{"creatinine_clearance >=45 mL/min"}},
	{"Life expectancy ≥ 12 weeks (≥ 3 months)", []string{"life_expectancy >=12 weeks"}},
	{"Age ≥ 12 years (≥ 18 in Germany)", []string{"age >=12 years", "age >=18 years cond"}},
	{"Age ≥ 18 years in Europe, ≥ 20 years in Japan", []string{"age >=18 years", "age >=20 years cond"}},
	{"Hemoglobin ≥ 9 g/dL (males) / ≥ 8 g/dL (females)", []string{"hemoglobin >=8 g/dL", "hemoglobin >=9 g/dL cond"}},
	{"eGFR ≥ 30 mL/min/1.73 m² (MDRD) or creatinine clearance ≥ 30 mL/min (Cockcroft-Gault)",
		[]string{"egfr >=30 mL/min/1.73m2", "creatinine_clearance >=30 mL/min cond"}},
	{"WBC ≥ 3,000/µL and ≤ 15,000/µL", []string{"wbc [3,15] 10^9/L"}},
	{"INR ≤ 1.5 and aPTT ≤ 1.5 × ULN (unless receiving anticoagulation)", []string{"inr <=1.5 ratio"}},
	{"Child-Pugh class A (score 5 or 6) or B (score 7)", []string{"child_pugh_score [5,7]"}},
	{"Barcelona Clinic Liver Cancer stage B (intermediate) or C (advanced)", []string{"bclc_stage {B,C}"}},
	{"Advanced HCC (BCLC stage C) or intermediate HCC (BCLC stage B) not amenable to TACE", []string{"bclc_stage {B,C}"}},
	{"Liver function Child-Pugh A5-B7", []string{"child_pugh_score [5,7]"}},
	{"Absolute neutrophil count ≥ 1.0 × 10^9/L (benign ethnic neutropenia: ≥ 0.8)", []string{"anc >=1 10^9/L"}},

	// numbers spelled out
	{"Life expectancy of more than three months", []string{"life_expectancy >13.035 weeks"}},
	{"Expected survival of at least six months", []string{"life_expectancy >=26.07 weeks"}},
	{"Aged eighteen years or older", []string{"age >=18 years"}},
	{"ECOG performance status of two or less", []string{"ecog <=2"}},
	{"Has at least two measurable lesions; ECOG 0-1", []string{"ecog [0,1]"}},
	{"Adequate renal function defined as one of the following: creatinine ≤ 1.5 mg/dL", []string{"creatinine <=1.5 mg/dL"}},

	// kidney wordings
	{"Serum creatinine clearance calculated according to the Cockcroft-Gault formula ≥50 mL/min (Cockcroft and Gault 1976)",
		[]string{"creatinine_clearance >=50 mL/min"}},
	{"Plasma creatinine clearance ≥ 45 mL/min", []string{"creatinine_clearance >=45 mL/min"}},

	// an age named after its comparison
	{"Less than or equal to age 70 and at least 18 years of age", []string{"age [18,70] years"}},
	{"Patients under age 18", []string{"age <18 years"}},
	{"Over age 65 at registration", []string{"age >65 years"}},
	{"Patients over age 60 must have an LVEF ≥ 50% by MUGA", []string{"lvef >=50 % cond"}},
	// an age range whose first end has no unit
	{"Men and women ≥ 20 and ≤ 80 years of age", []string{"age [20,80] years"}},
	{"Patients > 18 and < 70 years old", []string{"age (18,70) years"}},
	{"Platelets ≥ 100 and ≤ 450 × 10^9/L", []string{"platelets [100,450] 10^9/L"}},
	// an age in brackets after another value names that value's subgroup
	{"Karnofsky 50-100% (over age 10) OR Lansky 50-100% (age 10 and under)",
		[]string{"karnofsky [50,100] cond", "lansky [50,100] cond"}},
	{"ECOG 0-2 (for patients ≥ 70 years)", []string{"ecog [0,2] cond"}},
	{"Lansky play score ≥ 60% (children younger than 16 years)", []string{"lansky >=60 cond"}},
	{"Age ≥ 18 years (≥ 20 years in Japan)", []string{"age >=18 years", "age >=20 years cond"}},
	// the value in brackets right after its subject
	{"White blood cell count (> 3,500/mm^3)", []string{"wbc >3.5 10^9/L"}},
	{"Hemoglobin (Hgb) [≥ 9 g/dL]", []string{"hemoglobin >=9 g/dL"}},
	{"Absolute neutrophil count (ANC) (≥ 1.5 × 10^9/L) within 14 days", []string{"anc >=1.5 10^9/L"}},
	// a comma between a scale and its values
	{"Zubrod performance status, 0, 1, or 2", []string{"ecog [0,2]"}},
	{"WHO performance status, 0 or 1 at screening", []string{"ecog [0,1]"}},
	// two names of one variable in brackets
	{"Serum glutamic pyruvic transaminase (ALT or SGPT) no greater than 3 times ULN", []string{"alt <=3 xULN"}},
	{"Aspartate aminotransferase (SGOT/AST) and alanine aminotransferase (SGPT/ALT) ≤ 2.5 × ULN",
		[]string{"ast <=2.5 xULN", "alt <=2.5 xULN"}},
	// a sentence that only sets a condition governs the next
	{"If serum creatinine is above 1.5 mg/dL, a 24-hour urine collection is required. The measured creatinine clearance must be at least 50 mL/min.",
		[]string{"creatinine_clearance >=50 mL/min cond"}},
	{"When the bilirubin is > 1.5 × ULN, measure the direct fraction. Direct bilirubin must be ≤ 1.5 × ULN. Platelets ≥ 100,000/mm3.",
		[]string{"platelets >=100 10^9/L"}},
	{"If female, must not be pregnant. ANC ≥ 1,500/mm3", []string{"anc >=1.5 10^9/L"}},
	{"Creatinine clearance ≥ 50 mL/min. Platelets ≥ 100 × 10^9/L", []string{"creatinine_clearance >=50 mL/min",
		"platelets >=100 10^9/L"}},
	// a time followed by what it is the time of
	{"At least 3 months of life expectancy", []string{"life_expectancy >=13.035 weeks"}},
	{"A minimum 12 weeks' life expectancy", []string{"life_expectancy >=12 weeks"}},
	{"Metastatic disease with an estimated minimum 3-month survival", []string{"life_expectancy >=13.035 weeks"}},
	{"Survival of at least 6 months after prior surgery", nil},
	{"E: Less than 8 weeks life expectancy", []string{"life_expectancy >=8 weeks"}},
	// ages of the one who consents, and ages admitted by approval
	{"Age ≥ 16 years; written consent from a legal guardian if under 18 years of age", []string{"age >=16 years"}},
	{"Patients older than 80 years may be enrolled after discussion with the sponsor", nil},
	{"Creatinine ≤ 1.5 mg/dL; values up to 2.0 mg/dL are allowed upon sponsor approval", []string{"creatinine <=1.5 mg/dL"}},
	// Chinese written without spaces around the words
	{"ECOG评分0-1分", []string{"ecog [0,1]"}},
	{"ECOG PS评分≤2分", []string{"ecog <=2"}},
	{"患者中性粒细胞≥1.5×10^9/L", []string{"anc >=1.5 10^9/L"}},
	{"血小板计数≥75×10^9/L", []string{"platelets >=75 10^9/L"}},
	{"血红蛋白≥90 g/L", []string{"hemoglobin >=9 g/dL"}},
	{"AST和ALT≤2.5×ULN", []string{"ast <=2.5 xULN", "alt <=2.5 xULN"}},
	{"血肌酐≤1.5×ULN或肌酐清除率≥50 mL/min", []string{"creatinine <=1.5 xULN", "creatinine_clearance >=50 mL/min cond"}},
	{"直接胆红素≤1.5×ULN", nil},
	{"年龄18-75岁", []string{"age [18,75] years"}},

	// QTc in seconds, PNN (the French neutrophils)
	{"QTc ≤ 0.47 sec", []string{"qtc <=470 ms"}},
	{"E: QTcF > 0.48 s on the screening ECG", []string{"qtc <=480 ms"}},
	{"PNN ≥ 1,5 G/L", []string{"anc >=1.5 10^9/L"}},
	{"E: PNN < 1000/mm3", []string{"anc >=1 10^9/L"}},
	{"Polynucléaires neutrophiles ≥ 1500/mm3", []string{"anc >=1.5 10^9/L"}},

	// an exclusion joined by "and" is a list, unless both measure one organ's failure
	{"E: Hemoglobin < 9 g/dL and platelets < 100 x 10^9/L", []string{"hemoglobin >=9 g/dL", "platelets >=100 10^9/L"}},
	{"E: Creatinine clearance below 30 mL/min and hemoglobin below 8 g/dL", []string{"creatinine_clearance >=30 mL/min", "hemoglobin >=8 g/dL"}},
	{"E: LVEF < 50% and QTcF > 470 ms", []string{"lvef >=50 %", "qtc <=470 ms"}},
	{"E: Total bilirubin > 2 × ULN and ALT > 3 × ULN", nil},
	{"E: Serum creatinine > 2 mg/dL and eGFR < 30 mL/min/1.73 m2", nil},

	// units mistyped beyond any clinical reading (SPEC 4.14)
	{"E: Haemoglobin below 95 g/dl", []string{"hemoglobin >=9.5 g/dL"}},
	{"Hemoglobin ≥ 100 g/dL", []string{"hemoglobin >=10 g/dL"}},
	{"E: Hemoglobin > 17 g/dL", []string{"hemoglobin <=17 g/dL"}},
	{"Total bilirubin no more than 34 mmol/L", []string{"bilirubin <=1.988 mg/dL"}},
	{"Serum creatinine ≤ 150 mmol/l", []string{"creatinine <=1.697 mg/dL"}},
	{"Bilirubin ≤ 0.025 mmol/L", []string{"bilirubin <=1.462 mg/dL"}},
	{"E: Serum creatinine > 2 mmol/L", nil},

	// the scale named after a bare performance status's value
	{"Performance status of at least 60% on the Karnofsky scale", []string{"karnofsky >=60"}},
	{"Performance status 50-100 (Lansky)", []string{"lansky [50,100]"}},
	{"Performance status ≥ 70 according to Karnofsky", []string{"karnofsky >=70"}},
	{"Performance status of 60 or more (Karnofsky scale) for patients older than 16 years", []string{"karnofsky >=60 cond"}},
	{"Performance status 0-2 (Karnofsky ≥ 60)", []string{"ecog [0,2]", "karnofsky >=60"}},
	{"Performance status 0 or 1 on the ECOG scale", []string{"ecog [0,1]"}},

	// a stage or study group in brackets after a value is that value's subgroup (SPEC 4.7)
	{"Karnofsky score ≥ 60% (stage IIIA) or ≥ 70% (stage IV)", []string{"karnofsky >=60", "karnofsky >=70 cond"}},
	{"Zubrod performance status 0-2 (stage IIIB) or 0-1 (stage IV)", []string{"ecog [0,2]", "ecog [0,1] cond"}},
	{"WHO performance status 0-1 (Part 1) or 0-2 (Part 2)", []string{"ecog [0,1] cond", "ecog [0,2]"}},
	{"Creatinine clearance ≥ 60 mL/min (cohort A) or ≥ 40 mL/min (cohort B)",
		[]string{"creatinine_clearance >=60 mL/min cond", "creatinine_clearance >=40 mL/min"}},
	{"Platelets ≥ 50 × 10^9/L (arm B only)", []string{"platelets >=50 10^9/L cond"}},
	{"Hemoglobin ≥ 9 g/dL (transfusion permitted)", []string{"hemoglobin >=9 g/dL"}},
	{"QTcF ≤ 470 ms (Fridericia)", []string{"qtc <=470 ms"}},

	// two names of one variable side by side, inside or outside brackets
	{"Aspartate aminotransferase (AST) (SGOT), alanine aminotransferase ALT (serum glutamic pyruvate transaminase SGPT) ≤ 3 × ULN",
		[]string{"ast <=3 xULN", "alt <=3 xULN"}},
	{"Alanine aminotransferase ALT ≤ 2.5 × ULN", []string{"alt <=2.5 xULN"}},

	// a subgroup's bound no patient within the main bound could meet is a misreading
	{"(Reduced ejection is defined as left ventricular EF ≤ 35%. LVEF ≤35% may be determined via any local measurement within the past 6 months, using echocardiography or MUGA provided no subsequent study documenting an EF of >35%.)",
		[]string{"lvef <=35 %"}},
	{"Platelets ≥ 100 × 10^9/L (≥ 50 × 10^9/L if marrow involvement)", []string{"platelets >=100 10^9/L", "platelets >=50 10^9/L cond"}},

	// an excluded age joined to what else the patients have names a subgroup
	{"E: Children younger than 2 years receiving enzyme-inducing anticonvulsants", []string{"age >=2 years cond"}},
	{"E: Patients over 70 years of age with an ECOG performance status of 2", []string{"age <=70 years cond"}},
	{"E: Younger than 18 years", []string{"age >=18 years"}},

	// a performance-status range extended by the grade listed after it
	{"ECOG performance status 0-1 or 2", []string{"ecog [0,2]"}},
	{"WHO performance status 0-1, or 2 at screening", []string{"ecog [0,2]"}},
	{"ECOG 0-1, or 2 if due to bone pain", []string{"ecog [0,1]", "ecog <=2 cond"}},

	// the French "N" for the upper limit of normal, without the ×
	{"ASAT and ALAT ≤ 2,5 N (≤ 5 N in case of liver metastases)", []string{"ast <=2.5 xULN", "alt <=2.5 xULN", "ast <=5 xULN cond", "alt <=5 xULN cond"}},
	{"Bilirubine totale ≤ 1,5 N", []string{"bilirubin <=1.5 xULN"}},
	{"PNN ≥ 1,5 G/L, plaquettes ≥ 100 G/L, hémoglobine ≥ 9 g/dl, créatinine ≤ 1,5 N",
		[]string{"anc >=1.5 10^9/L", "platelets >=100 10^9/L", "hemoglobin >=9 g/dL", "creatinine <=1.5 xULN"}},
	{"Tumour stage T3 N 1", nil},

	// a table row run into a line: an age band, then its cells' bare numbers
	{"Age 6 to < 10 years 1.0 1.0", nil},
	{"Age ≥ 16 years 1.7, 1.4", nil},
	{"Age 16 to 21 years", []string{"age [16,21] years"}},

	// a bracketed qualifier between a bound and its subgroup does not cut them apart
	{"E: QTcF > 450 ms (e.g., as calculated with Fridericia's formula) in men or > 470 ms in women",
		[]string{"qtc <=470 ms", "qtc <=450 ms cond"}},
	{"Creatinine clearance ≥ 40 mL/min (Cockcroft-Gault, or measured) for patients aged 65 or older",
		[]string{"creatinine_clearance >=40 mL/min cond"}},

	// "not eligible for surgery" describes the disease; "not eligible" excludes
	{"BCLC stage B or C, not eligible for resection or transplantation", []string{"bclc_stage {B,C}"}},
	{"Child-Pugh class A, not eligible for curative therapy", []string{"child_pugh_score [5,6]"}},
	{"Patients with hemoglobin < 8 g/dL are not eligible", []string{"hemoglobin >=8 g/dL"}},
	{"Patients with platelets < 75 × 10^9/L are not eligible for the study", []string{"platelets >=75 10^9/L"}},

	// a subgroup named by an age with a postfix comparison
	{"Patients 70 years or older must have a creatinine clearance of at least 50 mL/min", []string{"creatinine_clearance >=50 mL/min cond"}},
	{"Patients 18 years or older must have adequate organ function", []string{"age >=18 years"}},

	// both sexes joined by "&" name everyone
	{"Men & women ≥ 18 years of age", []string{"age >=18 years"}},
	{"Male & female subjects aged 20 to 75 years", []string{"age [20,75] years"}},
	{"Men &amp; women aged at least 18", []string{"age >=18 years"}},

	// an age named as the patient's, stated at diagnosis
	{"Age: 25 and under at diagnosis", []string{"age <=25 years"}},
	{"Aged ≤ 30 years at diagnosis", []string{"age <=30 years"}},
	{"18 to 39 years of age at diagnosis", []string{"age [18,39] years"}},
	{"Diagnosed with Hodgkin lymphoma before the age of 30", nil},

	// a bracketed age or stage closing an item qualifies every alternative before it
	{"Karnofsky 60-100% OR Zubrod 0-2 (age over 16)", []string{"karnofsky [60,100] cond", "ecog [0,2] cond"}},
	{"Performance status: Lansky 50-100 or Karnofsky 50-100 (under 21 years)", []string{"lansky [50,100] cond", "karnofsky [50,100] cond"}},
	{"Karnofsky ≥ 70, ANC ≥ 1.5 × 10^9/L (age 18 and over)", []string{"karnofsky >=70", "anc >=1.5 10^9/L cond"}},

	// a disease's diagnosis beside the patient's age is no age of its own
	{"Age ≥ 18 years at signing of consent, with a confirmed diagnosis of melanoma", []string{"age >=18 years"}},
	{"Breast cancer diagnosed before the age of 40", nil},
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
