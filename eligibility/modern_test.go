package eligibility_test

import (
	"slices"
	"testing"

	"github.com/trials-app/trials/eligibility"
	"github.com/trials-app/trials/model"
)

// modern holds wordings of records registered 2015–2025 (sponsor templates,
// cooperative groups, Chinese, Japanese and European sites), written for
// round 4 before its fresh set was seen. "E:" puts a sentence in the
// exclusion criteria.
var modern = []struct {
	text string
	want []string
}{
	// signs
	{"Absolute neutrophil count (ANC) =< 1.5 x 10^9/L", []string{"anc <=1.5 10^9/L"}},
	{"Platelets ≧ 100×10^9/L", []string{"platelets >=100 10^9/L"}},
	{"Total bilirubin ≦ 1.5 × ULN", []string{"bilirubin <=1.5 xULN"}},
	{"Serum creatinine no greater than 1.5 mg/dL", []string{"creatinine <=1.5 mg/dL"}},
	{"AST and ALT not exceeding 3 times the upper limit of normal", []string{"ast <=3 xULN", "alt <=3 xULN"}},
	{"Hemoglobin at least 9 g/dL", []string{"hemoglobin >=9 g/dL"}},
	{"QTcF not greater than 470 msec", []string{"qtc <=470 ms"}},
	{"Left ventricular ejection fraction no less than 50%", []string{"lvef >=50 %"}},
	{"Creatinine clearance of at least 45 mL/min", []string{"creatinine_clearance >=45 mL/min"}},
	{"Platelet count equal to or greater than 100,000/mm3", []string{"platelets >=100 10^9/L"}},

	// cell units
	{"ANC ≥ 1.5 ×10E9/L", []string{"anc >=1.5 10^9/L"}},
	{"Platelets ≥ 75 x 10^9/L", []string{"platelets >=75 10^9/L"}},
	{"Neutrophils ≥ 1.5 × 10*9/L", []string{"anc >=1.5 10^9/L"}},
	{"Platelet count ≥ 100,000/mcL", []string{"platelets >=100 10^9/L"}},
	{"Absolute neutrophil count ≥ 1000/µL", []string{"anc >=1 10^9/L"}},
	{"ANC ≥ 1500/cumm", []string{"anc >=1.5 10^9/L"}},
	{"Platelets ≥ 100 G/L", []string{"platelets >=100 10^9/L"}},
	{"Neutrophils ≥ 1.5 giga/L", []string{"anc >=1.5 10^9/L"}},
	{"Platelets ≥ 100 x 109/L", []string{"platelets >=100 10^9/L"}},
	{"WBC ≥ 3.0 × 103/µL", []string{"wbc >=3 10^9/L"}},
	{"Absolute lymphocyte count ≥ 800/mm3", []string{"lymphocytes >=0.8 10^9/L"}},
	{"Platelets ≥ 100 × 10^3/mm^3", []string{"platelets >=100 10^9/L"}},

	// ranges
	{"ECOG performance status 0 to 2", []string{"ecog [0,2]"}},
	{"Hemoglobin between 10 and 16 g/dL", []string{"hemoglobin [10,16] g/dL"}},
	{"INR between 1.5 and 3", []string{"inr [1.5,3] ratio"}},
	{"Age 18-70 years, inclusive", []string{"age [18,70] years"}},

	// joined variables
	{"AST (SGOT)/ALT (SGPT) ≤ 2.5 × institutional ULN", []string{"ast <=2.5 xULN", "alt <=2.5 xULN"}},
	{"Serum transaminases ≤ 2.5 × ULN", []string{"ast <=2.5 xULN", "alt <=2.5 xULN"}},
	{"Aspartate aminotransferase (AST) and alanine aminotransferase (ALT) ≤ 3 × ULN", []string{"ast <=3 xULN", "alt <=3 xULN"}},
	{"SGOT/SGPT ≤ 2.5 x ULN", []string{"ast <=2.5 xULN", "alt <=2.5 xULN"}},

	// subgroup bounds
	{"AST and ALT ≤ 3 × ULN; ≤ 5 × ULN in the presence of liver involvement",
		[]string{"ast <=3 xULN", "alt <=3 xULN", "ast <=5 xULN cond", "alt <=5 xULN cond"}},
	{"Total bilirubin ≤ 1.5 × ULN or ≤ 3 × ULN for subjects with Gilbert's syndrome",
		[]string{"bilirubin <=1.5 xULN", "bilirubin <=3 xULN cond"}},
	{"Total bilirubin ≤ 1.5 mg/dL (≤ 3.0 mg/dL for subjects with Gilbert's syndrome)",
		[]string{"bilirubin <=1.5 mg/dL", "bilirubin <=3 mg/dL cond"}},
	{"ALT ≤ 3 × ULN (≤ 5 × ULN if liver metastases are present)", []string{"alt <=3 xULN", "alt <=5 xULN cond"}},

	// alternatives
	{"Creatinine ≤ 1.5 × ULN or CrCl ≥ 50 mL/min", []string{"creatinine <=1.5 xULN", "creatinine_clearance >=50 mL/min cond"}},
	{"Serum creatinine ≤ 1.5 mg/dL or creatinine clearance ≥ 60 mL/min calculated by Cockcroft-Gault",
		[]string{"creatinine <=1.5 mg/dL", "creatinine_clearance >=60 mL/min cond"}},
	{"Creatinine clearance ≥ 50 mL/min, calculated by Cockcroft-Gault", []string{"creatinine_clearance >=50 mL/min"}},

	// exclusions inverted
	{"E: Hemoglobin < 9.0 g/dL", []string{"hemoglobin >=9 g/dL"}},
	{"E: ANC < 1.0 × 10^9/L", []string{"anc >=1 10^9/L"}},
	{"E: Serum creatinine > 1.5 × ULN", []string{"creatinine <=1.5 xULN"}},
	{"E: QTcF interval > 470 ms on screening ECG", []string{"qtc <=470 ms"}},
	{"E: Creatinine clearance < 30 mL/min", []string{"creatinine_clearance >=30 mL/min"}},
	{"E: ECOG performance status of 2 or higher", []string{"ecog <=1"}},
	{"E: Karnofsky performance status < 70%", []string{"karnofsky >=70"}},

	// tables turned into lines
	{"Hematological | ANC | ≥1.5 x 10^9/L", []string{"anc >=1.5 10^9/L"}},
	{"Hepatic | Total bilirubin | ≤1.5 × ULN", []string{"bilirubin <=1.5 xULN"}},
	{"Renal | Creatinine OR Measured or calculated creatinine clearance | ≤1.5 × ULN OR ≥30 mL/min",
		[]string{"creatinine <=1.5 xULN", "creatinine_clearance >=30 mL/min cond"}},
	{"Platelets | ≥100 000/µL", []string{"platelets >=100 10^9/L"}},

	// a subgroup's relaxation written without its unit
	{"SGOT and SGPT < 2.5 times upper limit of normal (< 5 times if hepatic metastases are present)",
		[]string{"ast <2.5 xULN", "alt <2.5 xULN", "ast <5 xULN cond", "alt <5 xULN cond"}},
	{"AST ≤ 2.5 × ULN (≤ 5 if liver metastases)", []string{"ast <=2.5 xULN", "ast <=5 xULN cond"}},
	{"ALT ≤ 3 × ULN or ≤ 5 × in case of liver metastases", []string{"alt <=3 xULN", "alt <=5 xULN cond"}},
	{"Creatinine ≤ 1.5 mg/dL, ≤ 2 if over 70 years", []string{"creatinine <=1.5 mg/dL", "creatinine <=2 mg/dL cond"}},
	{"Serum creatinine < 1.5 (< 2 if over 70 years)", nil}, // no unit anywhere
	{"AST ≤ 2.5 × ULN; 5 patients with liver metastases will be enrolled", []string{"ast <=2.5 xULN"}},

	// sponsor templates of 2006–2014
	{"Alanine aminotransferase (ALT) and aspartate aminotransferase (AST) ≤2.5 x ULN in the absence of liver metastases, or ≤5 x ULN in the presence of liver metastases",
		[]string{"ast <=2.5 xULN cond", "alt <=2.5 xULN cond", "ast <=5 xULN", "alt <=5 xULN"}}, // every bound has its group (SPEC 4.7)
	{"E: AST > 2.5 × ULN in the absence of liver metastases or > 5 × ULN with liver metastases",
		[]string{"ast <=2.5 xULN cond", "ast <=5 xULN"}},
	{"Expected to survive for at least 3 months after registration", []string{"life_expectancy >=13.035 weeks"}},
	{"Serum creatinine ≤1.5 x ULN concurrent with creatinine clearance ≥50 ml/min", []string{"creatinine <=1.5 xULN", "creatinine_clearance >=50 mL/min"}},
	{"Hepatic function as follows: AST < 3.0 x ULN (or < 5.0 x ULN if liver metastases)", []string{"ast <3 xULN", "ast <5 xULN cond"}},
	{"Total Bilirubin ≤ 1.5 x ULN (except subjects with Gilbert Syndrome, who can have total bilirubin < 3.0 mg/dL)",
		[]string{"bilirubin <=1.5 xULN", "bilirubin <3 mg/dL cond"}},
	{"Have adequate organ function, including: Hematologic: ANC ≥1.5 × 10^9/L, platelets ≥100 × 10^9/L, and hemoglobin ≥9 g/dL. Hepatic: bilirubin ≤1.5 times the upper limit of normal (ULN), alanine aminotransferase (ALT) and aspartate aminotransferase (AST) ≤2.5 times ULN (ALT and AST ≤5 times ULN is acceptable if liver has tumor involvement). Renal: serum creatinine ≤1.5 times ULN",
		[]string{"anc >=1.5 10^9/L", "platelets >=100 10^9/L", "hemoglobin >=9 g/dL", "bilirubin <=1.5 xULN", "ast <=2.5 xULN",
			"alt <=2.5 xULN", "ast <=5 xULN cond", "alt <=5 xULN cond", "creatinine <=1.5 xULN"}},
	{"Adequate organ function as defined by the following: Serum aspartate transaminase (AST) and serum alanine transaminase (ALT) ≤ 2.5 x upper limit of normal (ULN), or AST and ALT ≤ 5 x ULN if liver function abnormalities are due to underlying malignancy; Total serum bilirubin ≤ 1.5 x ULN; Serum creatinine ≤ 1.5 x ULN or calculated creatinine clearance ≥ 60 mL/min; Absolute neutrophil count (ANC) ≥ 1500/µL; Platelets ≥ 100,000/µL; Hemoglobin ≥ 9.0 g/dL",
		[]string{"ast <=2.5 xULN", "alt <=2.5 xULN", "ast <=5 xULN cond", "alt <=5 xULN cond", "bilirubin <=1.5 xULN", "creatinine <=1.5 xULN",
			"creatinine_clearance >=60 mL/min cond", "anc >=1.5 10^9/L", "platelets >=100 10^9/L", "hemoglobin >=9 g/dL"}},
	{"Left ventricular ejection fraction (LVEF) ≥ the lower limit of normal (LLN) by ECHO or MUGA", nil},
	{"Leukocytes ≥ 4,000/mm3 and ≤ 12,000/mm3", []string{"wbc [4,12] 10^9/L"}},
	{"WBC 3,000-12,000/mm3", []string{"wbc [3,12] 10^9/L"}},
	{"Patients aged ≥ 20 and < 75 years", []string{"age [20,75) years"}},
	{"Creatinine clearance ≥ 60 ml/min (Cockcroft-Gault) or serum creatinine ≤ 1.5 mg/dl",
		[]string{"creatinine_clearance >=60 mL/min", "creatinine <=1.5 mg/dL cond"}},
	{"Patients must have a Karnofsky performance status of at least 60 percent", []string{"karnofsky >=60"}},
	{"Total bilirubin ≤ 2 mg/dL (unless due to Gilbert's syndrome, hemolysis or hepatic infiltration by lymphoma)", []string{"bilirubin <=2 mg/dL"}},
	{"Absolute neutrophil count ≥ 1,000/µL (unless due to bone marrow involvement)", []string{"anc >=1 10^9/L"}},
	{"Age > 18 years and < 80 years", []string{"age (18,80) years"}},
	{"Ages eligible for study: 18 years and older", []string{"age >=18 years"}},
	{"ECOG PS </= 2", []string{"ecog <=2"}},

	// a sentence that says its values exclude
	{"Patients with creatinine clearance < 30 mL/min will be excluded", []string{"creatinine_clearance >=30 mL/min"}},
	{"Age ≥ 18. Patients will be excluded if they have: creatinine > 1.5 × ULN; bilirubin > 1.5 × ULN.",
		[]string{"age >=18 years", "creatinine <=1.5 xULN", "bilirubin <=1.5 xULN"}},
	{"Not eligible: platelets < 50,000/µL", []string{"platelets >=50 10^9/L"}},
	{"Inclusion: ECOG 0-1. Exclusion: QTc > 470 ms", []string{"ecog [0,1]", "qtc <=470 ms"}},
	{"Patients with Gilbert's syndrome will not be excluded if bilirubin ≤ 3 × ULN", []string{"bilirubin <=3 xULN cond"}},
	{"Patients will be excluded if their ECOG is ≥ 2", []string{"ecog <=1"}},
	{"E: Patients are excluded if creatinine clearance is < 30 mL/min", []string{"creatinine_clearance >=30 mL/min"}},
	{"Patients with an ECOG performance status of 3 or 4 are ineligible", []string{"ecog <=2"}},

	// abbreviations and entities
	{"Creatinine max. 1.5 mg/dl", []string{"creatinine <=1.5 mg/dL"}},
	{"Platelets min. 100,000/µl", []string{"platelets >=100 10^9/L"}},
	{"ANC &gt;= 1500/mm3", []string{"anc >=1.5 10^9/L"}},
	{"E: QTc &gt; 470 ms &amp; LVEF &lt; 50%", []string{"qtc <=470 ms", "lvef >=50 %"}},
	{"Bilirubin < or = 1.5 mg/dL", []string{"bilirubin <=1.5 mg/dL"}},
	{"Thrombocytes ≥ 100 Gpt/l", []string{"platelets >=100 10^9/L"}},
	{"Neutrophils ≥ 1.5 x 10(9)/L", []string{"anc >=1.5 10^9/L"}},
	{"Platelets ≥ 100 x 10(3)/mm(3)", []string{"platelets >=100 10^9/L"}},
	{"Karnofsky index ≥ 70%", []string{"karnofsky >=70"}},

	{"Bilirubin ≤ 1.5 x UNL", []string{"bilirubin <=1.5 xULN"}},
	{"Age 18 y/o or older", []string{"age >=18 years"}},
	{"ANC ≥1.5 x10^9/ L", []string{"anc >=1.5 10^9/L"}},
	{"Platelets ≥ 75 thou/uL", []string{"platelets >=75 10^9/L"}},
	{"Creatinine ≤ 133 micromol/L", []string{"creatinine <=1.505 mg/dL"}},
	{"AST ≤ 2.5-fold ULN", []string{"ast <=2.5 xULN"}},
	{"Life expectancy ≥ 90 days", []string{"life_expectancy >=12.857 weeks"}},

	// the French WHO
	{"Performance status OMS 0-2", []string{"ecog [0,2]"}},
	{"PS OMS 0-1", []string{"ecog [0,1]"}},
	{"Patients OMS (Organisation Mondiale de la Santé) grade 2 tumours", nil},
	{"Gynecologic Oncology Group (GOG) performance status of 0 to 2", []string{"ecog [0,2]"}},
	{"Performance status of 0-2 by GOG criteria", []string{"ecog [0,2]"}},

	// DEV4's wordings, generalised
	{"Performance status (WHO scale) less than 2 and life expectancy more than 6 months.",
		[]string{"ecog <=1", "life_expectancy >26.07 weeks"}},
	{"Minimum life expectancy of 3 months", []string{"life_expectancy >=13.035 weeks"}},
	{"A maximum serum creatinine of 1.5 mg/dL", []string{"creatinine <=1.5 mg/dL"}},
	{"Minimum of 2 prior regimens", nil},
	{"E: Total bilirubin > 1.5×the the upper limit of normal(ULN).", []string{"bilirubin <=1.5 xULN"}},
	{"ECOG PS 0 or 1; Child-Pugh Cirrhotic Status A or B with a score of 7;", []string{"ecog [0,1]", "child_pugh_score [5,7]"}},
	{"ASL and AST ≤ 5 x upper limit of normal", []string{"ast <=5 xULN", "alt <=5 xULN"}},
	{"ALT,AST,TB≤1.5(UNL),normal serum creatinine level", []string{"bilirubin <=1.5 xULN", "ast <=1.5 xULN", "alt <=1.5 xULN"}},
	{"E: Active TB within 1 year", nil},
	{"Hg > 8 g/dL", []string{"hemoglobin >8 g/dL"}},
	{"E: Uncontrolled hypertension (systolic > 150 mm Hg or diastolic > 100 mm Hg)", nil},
	{"E: Total serum bilirubin more than 2x's the ULN at the laboratory where the analysis was performed, except if AML-related",
		[]string{"bilirubin <=2 xULN"}},
	{"Age 70 years or older for whom the treatment of choice is low-intensity therapy", []string{"age >=70 years"}},
	{"Potential donor is at least 18 years of age.", nil},
	{"Recipients of a matched unrelated donor transplant, aged 18 to 70 years", []string{"age [18,70] years"}},
	{"Children < 1 year with INSS stage 4 disease AND MYCN amplification", []string{"age <1 years"}},
	{"Children at least 365 days initially diagnosed with INSS stage 4", []string{"age >=0.9993 years"}},

	{"Post-menopausal female subjects >=18 years of age.", []string{"age >=18 years"}},
	{"Postmenopausal women aged ≥ 50 years", []string{"age >=50 years"}},
	{"Postmenopausal women, defined as women ≥ 60 years", nil},
	{"Postmenopausal (age ≥ 55 years)", nil},

	// a time since something after the patients is no age
	{"Patients > 3 months post-transplant", nil},
	{"Patients at least 6 months after completing therapy", nil},
	{"Patients more than 5 years disease-free", nil},
	{"Patients ≥ 6 months", nil},
	{"Children ≥ 6 months", []string{"age >=0.5 years"}},
	{"Patients ≥ 65 years", []string{"age >=65 years"}},

	// a table's age bands are rows, not requirements
	{"Age 2 to < 6 years | 0.8 | 0.8", nil},
	{"| 13 to < 16 years | 1.5 | 1.4 |", nil},

	// records written in Asia
	{"血常规：ANC≥1.5×10^9/L；PLT≥100×10^9/L；Hb≥90g/L",
		[]string{"anc >=1.5 10^9/L", "platelets >=100 10^9/L", "hemoglobin >=9 g/dL"}},
	{"Liver function：TBIL≤1.5×ULN；ALT and AST≤2.5×ULN（≤5×ULN for patients with liver metastases）",
		[]string{"bilirubin <=1.5 xULN", "alt <=2.5 xULN", "ast <=2.5 xULN", "alt <=5 xULN cond", "ast <=5 xULN cond"}},
	{"1）ECOG score 0-1", []string{"ecog [0,1]"}},
	{"Neutrophil count≥1.5×10^9/L", []string{"anc >=1.5 10^9/L"}},
	{"Serum creatinine ≤ 1.5 × ULN，or creatinine clearance ≥ 50 mL/min",
		[]string{"creatinine <=1.5 xULN", "creatinine_clearance >=50 mL/min cond"}},

	{"Blood routine: WBC ≥ 3.5×10^9/L, NEU ≥ 1.5×10^9/L, PLT ≥ 80×10^9/L, HGB ≥ 80 g/L",
		[]string{"wbc >=3.5 10^9/L", "anc >=1.5 10^9/L", "platelets >=80 10^9/L", "hemoglobin >=8 g/dL"}},
	{"HER2/NEU amplification ratio ≥ 2.0", nil},
	{"18 years ≤ age ≤ 70 years", []string{"age [18,70] years"}},

	// European units
	{"Serum creatinine ≤ 150 µmol/L", []string{"creatinine <=1.697 mg/dL"}},
	{"Total bilirubin < 25 μmol/L", []string{"bilirubin <1.462 mg/dL"}},
	{"Creatinine ≤ 1.5 × ULN (≤ 133 µmol/L)", []string{"creatinine <=1.5 xULN", "creatinine <=1.505 mg/dL"}},

	// performance scales
	{"ECOG PS ≤1", []string{"ecog <=1"}},
	{"WHO performance status 0 or 1", []string{"ecog [0,1]"}},
	{"Karnofsky ≥ 70%", []string{"karnofsky >=70"}},
	{"KPS 70 or higher", []string{"karnofsky >=70"}},
	{"Lansky ≥ 50 for patients < 16 years", []string{"lansky >=50 cond"}},
	{"Karnofsky performance score of 80 or above", []string{"karnofsky >=80"}},
	{"ECOG performance status of 1 or less", []string{"ecog <=1"}},
	// second batch: templates and regional habits
	{"18 ≤ age ≤ 75 years", []string{"age [18,75] years"}},
	{"1.5 < INR ≤ 3", []string{"inr (1.5,3] ratio"}},
	{"Age ≥ 18 years: ECOG 0-1", []string{"age >=18 years", "ecog [0,1]"}},
	// bands labelled before their values are left unread, like the COG table
	// they usually come from (male and female columns)
	{"Serum creatinine by age: Ages 2-5: ≤ 0.8 mg/dL; ages 6-10: ≤ 1.0 mg/dL", nil},
	{"Age: 18~75 years", []string{"age [18,75] years"}},
	{"ECOG 0~1", []string{"ecog [0,1]"}},
	{"Aged from 18 to 70 years old", []string{"age [18,70] years"}},
	{"Age ≥18 years old and ≤70 years old", []string{"age [18,70] years"}},
	{"Patients aged 18-75 years old (inclusive)", []string{"age [18,75] years"}},
	{"Men or women aged ≥ 18 and ≤ 75", []string{"age [18,75] years"}},
	{"Age ≥ 18 years on the day of signing informed consent", []string{"age >=18 years"}},
	{"PLT ≥ 100×10⁹/L", []string{"platelets >=100 10^9/L"}},
	{"Hb ≥ 9g/dL", []string{"hemoglobin >=9 g/dL"}},
	{"TBIL ≤ 1.5 times ULN", []string{"bilirubin <=1.5 xULN"}},
	{"Cr ≤ 1.5×ULN or CCr ≥ 60 ml/min", []string{"creatinine <=1.5 xULN", "creatinine_clearance >=60 mL/min cond"}},
	{"Serum Cr ≤ 1.5 ULN", []string{"creatinine <=1.5 xULN"}},
	{"ALT, AST ≤ 2.5×ULN (≤5×ULN in patients with liver metastasis)",
		[]string{"ast <=2.5 xULN", "alt <=2.5 xULN", "ast <=5 xULN cond", "alt <=5 xULN cond"}},
	{"QTc < 450 ms (male) or < 470 ms (female)", []string{"qtc <450 ms cond", "qtc <470 ms"}},
	{"Fridericia-corrected QT interval (QTcF) ≤ 480 ms", []string{"qtc <=480 ms"}},
	{"ECOG PS score: 0-1", []string{"ecog [0,1]"}},
	{"Performance status (PS) of 0 or 1 according to the Eastern Cooperative Oncology Group (ECOG) criteria", []string{"ecog [0,1]"}},
	{"Karnofsky Performance Status ≥ 60 (for patients ≥ 16 years of age) or Lansky Performance Score ≥ 60 (for patients < 16 years of age)",
		[]string{"karnofsky >=60 cond", "lansky >=60 cond"}},
	{"eGFR ≥ 60 mL/min/1.73 m² calculated using the CKD-EPI equation", []string{"egfr >=60 mL/min/1.73m2"}},
	{"Creatinine clearance ≥ 60 mL/min/1.73 m2 as estimated by the Cockcroft and Gault formula", []string{"creatinine_clearance >=60 mL/min"}},
	{"Serum creatinine ≤ 1.5 x ULN or estimated glomerular filtration rate (eGFR) ≥ 50 mL/min/1.73m² (MDRD)",
		[]string{"creatinine <=1.5 xULN", "egfr >=50 mL/min/1.73m2 cond"}},
	{"Child-Pugh class A liver function (score 5-6)", []string{"child_pugh_score [5,6]"}},
	{"Liver function status Child-Pugh Class A or B with score ≤ 7", []string{"child_pugh_score [5,7]"}},
	{"Life expectancy ≥ 3 months in the investigator's judgment", []string{"life_expectancy >=13.035 weeks"}},
	{"E: Mean QTcF > 470 msec calculated from 3 ECGs", []string{"qtc <=470 ms"}},
	{"E: Inadequate organ function: ANC < 1.5 × 10^9/L, platelets < 100 × 10^9/L, hemoglobin < 9 g/dL",
		[]string{"anc >=1.5 10^9/L", "platelets >=100 10^9/L", "hemoglobin >=9 g/dL"}},
	{"E: Serum bilirubin > 1.5 x ULN, AST or ALT > 2.5 x ULN (or > 5 x ULN if liver metastases)",
		[]string{"bilirubin <=1.5 xULN", "ast <=2.5 xULN", "alt <=2.5 xULN", "ast <=5 xULN cond", "alt <=5 xULN cond"}},
	{"E: Subjects with a creatinine clearance (CrCl) < 40 mL/min (Cockcroft-Gault)", []string{"creatinine_clearance >=40 mL/min"}},
	{"E: Uncontrolled hypertension (systolic > 150 mmHg)", nil},
	{"Hemoglobin ≥ 5.6 mmol/L (≥ 9 g/dL)", []string{"hemoglobin >=9 g/dL"}},
	{"Hb ≥ 9,0 g/dL", []string{"hemoglobin >=9 g/dL"}},
	{"Neutrophils ≥ 1,5 x 10^9/L", []string{"anc >=1.5 10^9/L"}},
	{"Bilirubin ≤ 1,5 x ULN", []string{"bilirubin <=1.5 xULN"}},
	{"Neutrophils ≥ 1.5 G/l, platelets ≥ 100 G/l, haemoglobin ≥ 9 g/dl",
		[]string{"anc >=1.5 10^9/L", "platelets >=100 10^9/L", "hemoglobin >=9 g/dL"}},
	{"Bilirubin ≤ 1.5 x ULN (except in case of Gilbert's syndrome: ≤ 3 x ULN)", []string{"bilirubin <=1.5 xULN", "bilirubin <=3 xULN cond"}},
	{"AST/ALT ≤ 2.5 x ULN (≤ 5 x ULN in case of liver metastases)",
		[]string{"ast <=2.5 xULN", "alt <=2.5 xULN", "ast <=5 xULN cond", "alt <=5 xULN cond"}},
	{"Creatinine clearance > 30 ml/min according to MDRD", []string{"creatinine_clearance >30 mL/min"}},
	{"Lansky play score ≥ 50% for children aged < 16 years", []string{"lansky >=50 cond"}},
	{"Performance status: ECOG 0, 1 or 2", []string{"ecog [0,2]"}},
	{"ECOG performance status ≤ 2 (see Appendix A)", []string{"ecog <=2"}},
	{"WHO PS ≤ 1", []string{"ecog <=1"}},
	{"Performance Status (PS) ≤ 1 (ECOG scale)", []string{"ecog <=1"}},
	{"ECOG 0-1 or Karnofsky ≥ 70%", []string{"ecog [0,1]", "karnofsky >=70 cond"}},
	{"AST (SGOT) and ALT (SGPT) ≤ 2.5 X ULN OR ≤ 5 X ULN for subjects with liver metastases",
		[]string{"ast <=2.5 xULN", "alt <=2.5 xULN", "ast <=5 xULN cond", "alt <=5 xULN cond"}},
	{"Serum total bilirubin ≤ 1.5 X ULN OR Direct bilirubin ≤ ULN for subjects with total bilirubin levels > 1.5 ULN",
		[]string{"bilirubin <=1.5 xULN"}},
	{"Serum creatinine OR Measured or calculated creatinine clearance (GFR can also be used in place of creatinine or CrCl) ≤ 1.5 X ULN OR ≥ 60 mL/min for subject with creatinine levels > 1.5 X institutional ULN",
		[]string{"creatinine <=1.5 xULN", "creatinine_clearance >=60 mL/min cond"}},
	{"International Normalized Ratio (INR) or Prothrombin Time (PT) ≤ 1.5 X ULN unless subject is receiving anticoagulant therapy as long as PT or PTT is within therapeutic range of intended use of anticoagulants",
		[]string{"inr <=1.5 xULN"}},
	{"Platelets ≥ 100,000 /mcL", []string{"platelets >=100 10^9/L"}},
	{"Hemoglobin ≥ 9 g/dL or ≥ 5.6 mmol/L without transfusion or EPO dependency (within 7 days of assessment)", []string{"hemoglobin >=9 g/dL"}},
	{"Adequate hematologic function, defined as: absolute neutrophil count (ANC) ≥ 1,500/μL; platelet count ≥ 100,000/μL; hemoglobin ≥ 9 g/dL",
		[]string{"anc >=1.5 10^9/L", "platelets >=100 10^9/L", "hemoglobin >=9 g/dL"}},
	{"Life expectancy ≥ 12 weeks as judged by the investigator", []string{"life_expectancy >=12 weeks"}},
	{"Expected survival ≥ 3 months", []string{"life_expectancy >=13.035 weeks"}},
}

func TestModern(t *testing.T) {
	for _, tc := range modern {
		got := extractOne(tc.text)
		if !slices.Equal(sorted(got), sorted(tc.want)) {
			t.Errorf("%s\n   got %q\n  want %q", tc.text, got, tc.want)
		}
	}
}

// modernTrees are nested lab lists as the loader builds them from API v2
// markdown: a lead-in with its children, alternatives across siblings.
var modernTrees = []struct {
	name string
	el   model.Eligibility
	want []string
}{
	{"age bands label another value", model.Eligibility{Inclusion: []model.Criterion{
		kids("Adequate renal function defined as:",
			item("Creatinine clearance or radioisotope GFR ≥ 70 mL/min/1.73 m2 or"),
			item("A serum creatinine based on age/gender as follows: Age 1 to < 2 years: 0.6 mg/dL (male and female); Age 2 to < 6 years: 0.8 mg/dL"))}},
		[]string{"creatinine_clearance >=70 mL/min", "egfr >=70 mL/min/1.73m2 cond"}},
	{"adequate organ function as defined by", model.Eligibility{Inclusion: []model.Criterion{
		kids("Adequate organ function as defined by:",
			item("Absolute neutrophil count ≥ 1.5 × 10^9/L"),
			item("Platelets ≥ 100 × 10^9/L"),
			item("Total bilirubin ≤ 1.5 × ULN (≤ 3 × ULN for subjects with Gilbert's syndrome)"),
			item("AST and ALT ≤ 2.5 × ULN (≤ 5 × ULN if liver metastases)"))}},
		[]string{"anc >=1.5 10^9/L", "platelets >=100 10^9/L", "bilirubin <=1.5 xULN", "bilirubin <=3 xULN cond",
			"ast <=2.5 xULN", "alt <=2.5 xULN", "ast <=5 xULN cond", "alt <=5 xULN cond"}},
	{"bone marrow, liver and renal function as follows", model.Eligibility{Inclusion: []model.Criterion{
		kids("Adequate bone marrow, liver and renal function as follows:",
			item("Haemoglobin ≥ 90 g/L"),
			item("Serum creatinine ≤ 1.5 x ULN or calculated creatinine clearance ≥ 50 mL/min (Cockcroft-Gault)"))}},
		[]string{"hemoglobin >=9 g/dL", "creatinine <=1.5 xULN", "creatinine_clearance >=50 mL/min cond"}},
	{"inadequate organ function in the exclusions", model.Eligibility{Exclusion: []model.Criterion{
		kids("Inadequate organ function, defined as:",
			item("ANC < 1,000/µL"),
			item("Serum creatinine > 150 µmol/L"),
			item("Total bilirubin > 35 µmol/L"))}},
		[]string{"anc >=1 10^9/L", "creatinine <=1.697 mg/dL", "bilirubin <=2.047 mg/dL"}},
	{"one sex enrolled: 'Female patients' name everyone", model.Eligibility{Sex: model.SexFemale, Inclusion: []model.Criterion{
		item("Female patients aged between 18 and 65"), item("Women: ECOG 0-1")}},
		[]string{"age [18,65] years", "ecog [0,1]"}},
	{"'≥ 1 of the following criteria': any qualifies, none is main", model.Eligibility{Inclusion: []model.Criterion{
		kids("Frail, as defined by ≥ 1 of the following criteria:", item("WHO performance status 3"), item("LVEF < 50%"),
			item("Creatinine clearance < 45 mL/min"), item("Serum bilirubin > 25 µmol/L"))}},
		[]string{"lvef <50 % cond", "creatinine_clearance <45 mL/min cond", "bilirubin >1.462 mg/dL cond"}},
	{"one of the following: a first alternative without a number is still the first", model.Eligibility{Inclusion: []model.Criterion{
		kids("Adequate renal function, defined as one of the following:", item("Serum creatinine within normal limits"),
			item("Creatinine clearance ≥ 60 mL/min"))}},
		[]string{"creatinine_clearance >=60 mL/min cond"}},
	{"one of the following: a first child that states no measure is no alternative", model.Eligibility{Inclusion: []model.Criterion{
		kids("Adequate renal function, defined as one of the following:", item("Assessed per local standards"),
			item("Creatinine clearance ≥ 60 mL/min"), item("Serum creatinine ≤ 1.5 mg/dL"))}},
		[]string{"creatinine_clearance >=60 mL/min", "creatinine <=1.5 mg/dL cond"}},
	{"ages under a definition are not the patient's", model.Eligibility{Inclusion: []model.Criterion{
		kids("Post-menopausal female subjects >=18 years of age. Post-menopausal as defined by any of the following:",
			item("Subjects at least 60 years of age."), item("Subjects under 60 years of age and amenorrhic for at least 12 consecutive months"))}},
		[]string{"age >=18 years"}},
	{"a table's header names the value, its side and unit; the rows give it per age band", model.Eligibility{Inclusion: []model.Criterion{
		kids("Age (Years) Maximum Serum Creatinine (mg/dl):",
			item("Less than or equal to 5 years; 0.8"), item("Age greater than 5, but less than or equal to 10 ; 1.0"),
			item("Less than 15 years of age; 1.5"))}},
		[]string{"creatinine <=0.8 mg/dL cond", "creatinine <=1 mg/dL cond", "creatinine <=1.5 mg/dL"}},
	{"a bare OR with the alternative nested under it", model.Eligibility{Inclusion: []model.Criterion{
		kids("Adequate organ function:", item("Platelets ≥ 100,000/mcL"), item("Creatinine ≤ 1.5 mg/dL")),
		kids("OR", item("Creatinine clearance ≥ 60 mL/min/1.73 m(2)"), item("Total bilirubin ≤ 1.5 × ULN")),
		item("Life expectancy ≥ 12 weeks")}},
		[]string{"platelets >=100 10^9/L", "creatinine <=1.5 mg/dL", "creatinine_clearance >=60 mL/min cond", "bilirubin <=1.5 xULN",
			"life_expectancy >=12 weeks"}},
	{"an age band with a bare value and no header says nothing", model.Eligibility{Inclusion: []model.Criterion{
		item("Less than 15 years of age; 1.5")}}, nil},
}

func TestModernTrees(t *testing.T) {
	for _, tc := range modernTrees {
		var got []string
		for _, r := range eligibility.Extract(&tc.el) {
			got = append(got, compact(r))
		}
		if !slices.Equal(sorted(got), sorted(tc.want)) {
			t.Errorf("%s\n   got %q\n  want %q", tc.name, got, tc.want)
		}
	}
}
