package eligibility_test

import (
	"slices"
	"testing"
)

// round13 are round 13's wordings, each written for this table: the
// precision pass on conditional bounds and DEV13–DEV15.
var round13 = []struct {
	text string
	want []string
}{
	// an "if" clause on what the team does when the value is off is a
	// note, not a subgroup: the bound stays everyone's and the clause's
	// own value bounds no one
	{"Total bilirubin < 2x ULN (if thought to be > 2x ULN due to Gilbert's disease or the patient's AML, must discuss with the PI)",
		[]string{"bilirubin <2 xULN"}},
	{"Total bilirubin ≤ 1.5 × ULN (if > 1.5 × ULN, discuss with the medical monitor)", []string{"bilirubin <=1.5 xULN"}},
	{"Platelets ≥ 75 × 10^9/L (if lower due to marrow involvement, please contact the sponsor)", []string{"platelets >=75 10^9/L"}},
	{"QTcF ≤ 470 ms (if > 470 ms, repeat ECG twice and use the mean)", []string{"qtc <=470 ms"}},
	{"Total bilirubin ≤ 1.5 × ULN; if > 1.5 × ULN, please contact the medical monitor", []string{"bilirubin <=1.5 xULN"}},
	{"QTcF ≤ 470 ms. If QTcF > 470 ms, the ECG should be repeated in triplicate.", []string{"qtc <=470 ms"}},
	{"E: QTc > 480 ms (if QTc is prolonged, repeat ECG and review with cardiology)", []string{"qtc <=480 ms"}},
	// a clause that gives the subgroup a bound of its own keeps it, with
	// or without a word on procedure after it
	{"AST/ALT ≤ 2.5 × ULN (if liver metastases, ≤ 5 × ULN after discussion with the medical monitor)",
		[]string{"ast <=2.5 xULN", "alt <=2.5 xULN", "ast <=5 xULN cond", "alt <=5 xULN cond"}},
	{"AST ≤ 3 × ULN (≤ 5 × ULN if liver metastases; discuss with the PI)", []string{"ast <=3 xULN", "ast <=5 xULN cond"}},
	{"Bilirubin ≤ 1.5 × ULN (if Gilbert's syndrome, ≤ 3 × ULN)", []string{"bilirubin <=1.5 xULN", "bilirubin <=3 xULN cond"}},
	{"Creatinine ≤ 1.5 × ULN; if creatinine > 1.5 × ULN, CrCl ≥ 50 mL/min", []string{"creatinine <=1.5 xULN", "creatinine_clearance >=50 mL/min cond"}},
	// a bracket on transfusion or growth factors comments the bound
	{"Hemoglobin greater than 8.0 g/dl (can be corrected with transfusion).", []string{"hemoglobin >8 g/dL"}},
	{"Hemoglobin ≥ 10 g/dL (patients may be transfused to meet this criterion)", []string{"hemoglobin >=10 g/dL"}},
	{"Platelets ≥ 50 × 10^9/L (transfusion support permitted)", []string{"platelets >=50 10^9/L"}},
	{"ANC ≥ 1.5 × 10^9/L (growth factor support is not allowed within 7 days)", []string{"anc >=1.5 10^9/L"}},

	// an item that says who counts as unfit or ineligible for a treatment
	// lists ways to qualify: each is conditional, none bounds everyone
	{"Unfit patients are defined as: age ≥ 75 years, or ECOG 2-3, or CrCl < 60 mL/min",
		[]string{"age >=75 years cond", "ecog [2,3] cond", "creatinine_clearance <60 mL/min cond"}},
	{"Frail patients are defined as those aged ≥ 80 years or with ECOG ≥ 2", []string{"age >=80 years cond", "ecog >=2 cond"}},
	{"Patients considered unfit for intensive chemotherapy, defined by at least one of: age ≥ 75; ECOG 2 or 3; LVEF ≤ 50%; CrCl < 45 mL/min",
		[]string{"age >=75 years cond", "ecog [2,3] cond", "lvef <=50 % cond", "creatinine_clearance <45 mL/min cond"}},
	// a definition with no alternatives, or of the trial's own population,
	// is left as it was
	{"Hepatic impairment is defined as total bilirubin > 1.5 × ULN", nil},
	{"Elderly patients (defined as age ≥ 65 years) are eligible", []string{"age >=65 years"}},

	// from DEV14: a lead-in's "only if all of the following" is the list
	// itself; "Target group:" names whom the trial enrols
	{"Target group: Age 18+", []string{"age >=18 years"}},
	{"Group A: Age 18+", []string{"age >=18 years cond"}},
	// a sentence opening with a condition in a comma list of values is
	// the condition's variable's only: the list resumes after it
	{"Absolute neutrophil count ≥1.5 x 10^9/L, Platelets ≥100 x 10^9/L, AST and ALT ≤2.5 x ULN (if no hepatic metastases). If hepatic tumor involvement, AST and ALT ≤5 x ULN, Bilirubin ≤1.5 x ULN, Calculated creatinine clearance >50 mL/min",
		[]string{"anc >=1.5 10^9/L", "platelets >=100 10^9/L", "ast <=2.5 xULN cond", "alt <=2.5 xULN cond", "ast <=5 xULN", "alt <=5 xULN",
			"bilirubin <=1.5 xULN", "creatinine_clearance >50 mL/min"}},
	{"Platelets ≥ 100 × 10^9/L, ANC ≥ 1.5 × 10^9/L. If creatinine > 1.5 mg/dL, creatinine clearance ≥ 50 mL/min, bilirubin ≤ 1.5 × ULN",
		[]string{"platelets >=100 10^9/L", "anc >=1.5 10^9/L", "creatinine_clearance >=50 mL/min cond", "bilirubin <=1.5 xULN cond"}},
	// from DEV13: a bare number in brackets before the subgroup it is for
	// relaxes the bound on its side and in its unit; the main bound stays
	// everyone's (the trigger made it the subgroup's)
	{"Performance status: Karnofsky 70%-100% (50% if hospitalized)", []string{"karnofsky [70,100]", "karnofsky >=50 cond"}},
	{"ECOG 0-1 (2 if due to bone pain)", []string{"ecog [0,1]", "ecog <=2 cond"}},
	{"Platelets ≥ 100,000/mm3 (50,000 if bone marrow involvement)", []string{"platelets >=100 10^9/L", "platelets >=50 10^9/L cond"}},
	{"ANC ≥ 1500/mm3 (1000/mm3 if marrow involvement)", []string{"anc >=1.5 10^9/L", "anc >=1 10^9/L cond"}},
	// a stricter one is the subgroup's too; one in another unit is not read
	{"Platelets ≥ 100,000/mm3 (150,000 if splenomegaly)", []string{"platelets >=100 10^9/L", "platelets >=150 10^9/L cond"}},
	{"ECOG 0-2 (1 if age > 70 years)", []string{"ecog [0,2]", "ecog <=1 cond"}},
	// from DEV15: how often a value is measured is not its value
	{"E: NOTE: Patients with positive Hepatitis B or C serologies indicating active infection without known active disease must meet the eligibility requirements for ALT, AST, total bilirubin, INR, PTT, and alkaline phosphatase on at least two consecutive occasions, separated by at least 1 week.", nil},
	{"Platelets ≥ 100 × 10^9/L on at least 2 separate measurements", []string{"platelets >=100 10^9/L"}},
	// ages that do not meet, joined by "or", are ways to qualify: neither
	// is everyone's bound
	{"age <1 or >5 years or", []string{"age <1 years cond", "age >5 years cond"}},
	{"Age 18-65 years, or > 65 years if fit", []string{"age [18,65] years", "age >65 years cond"}},
	{"Age ≥ 18 years (patients 12-17 years may enroll in Part B)", []string{"age >=18 years", "age [12,17] years cond"}},
	// from DEV14: life expectancy from causes other than the cancer is a
	// subgroup's bound, as "for reasons other than" is; "unless due to" is
	// a non-numeric exception (DEV15's labeller: unconditional)
	{"Life expectancy: At least 10 years (excluding diagnosis of cancer)", []string{"life_expectancy >=521.4 weeks cond"}},
	{"Life expectancy at least 5 years unless due to prostate cancer", []string{"life_expectancy >=260.7 weeks"}},
	{"Life expectancy ≥ 12 weeks (excluding patients on dialysis)", []string{"life_expectancy >=12 weeks"}},
	// an anticoagulant's target INR range is the treatment's aim, not a
	// value at entry; an upper bound for the anticoagulated stays
	{"Pts must agree to take enteric-coated aspirin 81 mg orally daily, or if history of prior thrombotic disease, must be fully anticoagulated with warfarin (INR 2-3) or be treated with full-dose LMWH", nil},
	{"Patients on warfarin must have a stable INR between 2 and 3", nil},
	{"INR ≤ 1.5 (≤ 3 if on therapeutic anticoagulation)", []string{"inr <=1.5 ratio", "inr <=3 ratio cond"}},
	{"INR 0.8-1.2", []string{"inr [0.8,1.2] ratio"}},
	// from DEV13: the same across the statements of a packed PDQ item
	{"DISEASE CHARACTERISTICS: Acute myelogenous leukemia OR Refractory anemia with excess blasts in transformation Patient is at least 60 years old and at least one of the following is true: Failed one induction attempt or First or greater relapse OR Patient is 18-59 years old without an acceptable allogeneic donor and at least one of the following is true: Failed 2 separate induction attempts, or Second or greater relapse PATIENT CHARACTERISTICS: Age: 18 and over",
		[]string{"age >=60 years cond", "age [18,59] years cond", "age >=18 years"}},
	// misses from DEV13–DEV15: "times above the upper limits", "expected
	// lifetime", "survival times", a translated inclusion's "was"/"were"
	{"Transaminases (AST/SGOT and ALT/SGPT) < 2.5 times above the upper limits of the institutional normal, unless liver metastases are present, in which case it must be < 5x ULN",
		[]string{"ast <2.5 xULN", "alt <2.5 xULN", "ast <5 xULN cond", "alt <5 xULN cond"}},
	{"AST < 2.5 times above ULN", []string{"ast <2.5 xULN"}},
	{"expected lifetime ≥ 12 weeks", []string{"life_expectancy >=12 weeks"}},
	{"Estimated survival times > 90 days.", []string{"life_expectancy >12.857 weeks"}},
	{"liver function: serum bilirubin was less than 2* maximum normal value; ALT and AST were less than 2.5*maximum normal value",
		[]string{"bilirubin <2 xULN", "ast <2.5 xULN", "alt <2.5 xULN"}},
	// a value that "was", at a time in the past or in an exclusion, is an
	// event, not the value at entry
	{"Patients whose ANC was < 0.5 × 10^9/L during induction chemotherapy", nil},
	{"Patients whose LVEF was ≥ 50% before the first anthracycline dose", nil},
	{"WBC was ≥ 20 × 10^9/L at diagnosis", nil},
	{"E: Prior treatment in which the ANC was below 0.5 × 10^9/L for more than 7 days", nil},
	{"E: Patients whose LVEF was < 50% at any time after anthracycline exposure", nil},
	// from DEV13: the same after "or", with the value's unit
	{"Hepatic: Bilirubin no greater than 1.5 mg/dL OR 3.0 mg/dL in patients with liver metastases", []string{"bilirubin <=1.5 mg/dL", "bilirubin <=3 mg/dL cond"}},
	{"AST ≤ 2.5 × ULN or 5 × ULN if liver metastases", []string{"ast <=2.5 xULN", "ast <=5 xULN cond"}},
	// "liver enzymes" may include the ALP and GGT: no bound, and none for
	// the bilirubin before it; a capitalised subject with its own
	// comparison ends a trigger's object in a record that lost its breaks
	{"Bilirubin no greater than 1.5 mg/dL OR 3.0 mg/dL in patients with liver metastases Liver enzymes no greater than 3.0 times upper limit of normal",
		[]string{"bilirubin <=1.5 mg/dL", "bilirubin <=3 mg/dL cond"}},
	{"Liver enzymes ≤ 2.5 × ULN", nil},
	{"Liver enzymes (AST, ALT) ≤ 2.5 × ULN", []string{"ast <=2.5 xULN", "alt <=2.5 xULN"}},
	// from DEV15: the sex named right before its own value is a subgroup's
	// label; bounds given only per sex give the loosest to everyone
	{"E: Patients who are diagnosed with II or higher level of myocardial ischemia, myocardial infarction, uncontrolled arrhythmia(including QTc interval prolongation men> 450 ms, female> 470 ms);",
		[]string{"qtc <=450 ms cond", "qtc <=470 ms"}},
	{"QTc men ≤ 450 ms, women ≤ 470 ms", []string{"qtc <=450 ms cond", "qtc <=470 ms"}},
	{"E: QTc interval (men > 450 ms, women > 470 ms)", []string{"qtc <=450 ms cond", "qtc <=470 ms"}},
	{"Hemoglobin: men ≥ 13 g/dL, women ≥ 12 g/dL", []string{"hemoglobin >=13 g/dL cond", "hemoglobin >=12 g/dL"}},
	// both sexes named together are the trial's population
	{"Men and women ≥ 18 years", []string{"age >=18 years"}},
	{"Males and females at least 18 years of age.", []string{"age >=18 years"}},
	// a translated record's "of patients" and "reaches" between the
	// subject and its value
	{"The expected lifetime of patients should be equal to or more than 12 weeks;", []string{"life_expectancy >=12 weeks"}},
	{"ECOG score reaches 0 to 1 points.", []string{"ecog [0,1]"}},
	{"Age of the patient ≥ 18 years", []string{"age >=18 years"}},
	// round 12's leftover: a past illness's value is not today's
	{"E: History of hepatitis with ALT > 10 × ULN", nil},
	{"E: History of drug-induced hepatitis with ALT > 5 × ULN", nil},
	{"E: History of heart failure and LVEF < 40%", []string{"lvef >=40 %"}},
	{"E: LVEF < 40% or history of heart failure", []string{"lvef >=40 %"}},
	// from DEV15: "BCLC stage for B or C"
	{"BCLC stage for B or C;", []string{"bclc_stage {B,C}"}},
	{"Child-Pugh (liver function grade): ≤ 7 points", []string{"child_pugh_score <=7"}},
	// round 12's leftover: a capitalised abbreviation with its full stop
	// before the sign counts as the capitals would ("Neu." as "NEU");
	// "/cubicmillimeter" is per mm³
	{"Neu. >= 1,500/cubicmillimeter", []string{"anc >=1.5 10^9/L"}},
	{"Neu ≥ 1500/mm3", nil},
	// round 12's leftover: a creatinine table by age and sex on one line;
	// the loosest cell is everyone's, the bands bound no age
	{"A serum creatinine based on age/gender as follows: Maximum Serum Creatinine (mg/dL). Age Male Female: to < 2 years 0.6 0.6; to < 6 years 0.8 0.8; 6 to < 10 years 1.0 1.0; 10 to < 13 years 1.2 1.2; 13 to < 16 years 1.5 1.4; ≥ 16 years 1.7 1.4.",
		[]string{"creatinine <=0.6 mg/dL cond", "creatinine <=0.8 mg/dL cond", "creatinine <=1 mg/dL cond", "creatinine <=1.2 mg/dL cond",
			"creatinine <=1.5 mg/dL cond", "creatinine <=1.4 mg/dL cond", "creatinine <=1.7 mg/dL"}},
	// a row it cannot read leaves the table unread
	{"Maximum Serum Creatinine (mg/dL). Age Male Female: to < 2 years 0.6 0.6; to < 6 years see protocol; ≥ 16 years 1.7 1.4.", nil},
	// "if elevated" before another variable's value picks those whose
	// value is high (SPEC 4.7's last bullet); with no value of its own it
	// stays a note
	{"Creatinine ≤ 1.5 × ULN (if elevated, CrCl ≥ 60 mL/min)", []string{"creatinine <=1.5 xULN", "creatinine_clearance >=60 mL/min cond"}},
	{"Creatinine ≤ 1.5 × ULN; if elevated, CrCl must be ≥ 60 mL/min", []string{"creatinine <=1.5 xULN", "creatinine_clearance >=60 mL/min cond"}},
	{"Serum creatinine within normal limits; if abnormal, CrCl ≥ 60 mL/min", []string{"creatinine_clearance >=60 mL/min cond"}},
	{"Creatinine ≤ 1.5 × ULN, if elevated then CrCl ≥ 50 mL/min", []string{"creatinine <=1.5 xULN", "creatinine_clearance >=50 mL/min cond"}},
	{"Bilirubin ≤ 1.5 × ULN (if elevated, fractionation is required)", []string{"bilirubin <=1.5 xULN"}},
	// from DEV15: an inclusion's "No <condition> (i.e., value)" defines
	// the condition excluded: the value is inverted
	{"No coagulopathy (i.e., platelets less than 80,000)", []string{"platelets >=80 10^9/L"}},
	{"No thrombocytopenia (platelets < 80,000/mm3)", []string{"platelets >=80 10^9/L"}},
	{"No hepatic dysfunction (i.e., bilirubin > 2 mg/dL)", []string{"bilirubin <=2 mg/dL"}},
	// the same after "In case of …," and "For patients with …,"; joined
	// by "and" the next value stays the subgroup's
	{"ANC ≥ 1.5 × 10^9/L, platelets ≥ 100 × 10^9/L, AST/ALT ≤ 2.5 × ULN. In case of liver metastases, AST/ALT ≤ 5 × ULN, bilirubin ≤ 1.5 × ULN, creatinine ≤ 1.5 × ULN",
		[]string{"anc >=1.5 10^9/L", "platelets >=100 10^9/L", "ast <=2.5 xULN", "alt <=2.5 xULN", "ast <=5 xULN cond", "alt <=5 xULN cond",
			"bilirubin <=1.5 xULN", "creatinine <=1.5 xULN"}},
	{"ANC ≥ 1.5 × 10^9/L, AST/ALT ≤ 2.5 × ULN. For patients with liver metastases, AST/ALT ≤ 5 × ULN and bilirubin ≤ 3 × ULN",
		[]string{"anc >=1.5 10^9/L", "ast <=2.5 xULN", "alt <=2.5 xULN", "ast <=5 xULN cond", "alt <=5 xULN cond", "bilirubin <=3 xULN cond"}},
	// a bracket on what is done when the value is low or high, with no
	// number of its own, is a note ("when" as "if")
	{"Hemoglobin ≥ 9 g/dL (when below, transfusion is permitted to reach this level)", []string{"hemoglobin >=9 g/dL"}},
	{"Hemoglobin ≥ 9 g/dL (if low, transfusion allowed)", []string{"hemoglobin >=9 g/dL"}},
	{"Platelets ≥ 100 × 10^9/L (if lower, ≥ 75 × 10^9/L with marrow involvement)", []string{"platelets >=100 10^9/L", "platelets >=75 10^9/L cond"}},
	{"AST ≤ 2.5 × ULN (when liver metastases are present, ≤ 5 × ULN)", []string{"ast <=2.5 xULN", "ast <=5 xULN cond"}},
	// a "for"/"in" that names everyone picks no subgroup
	{"ECOG 0-1 (for all patients)", []string{"ecog [0,1]"}},
	{"ANC ≥ 1.5 × 10^9/L (for men and women)", []string{"anc >=1.5 10^9/L"}},
	{"Age ≥ 18 years (in all countries)", []string{"age >=18 years"}},
	{"For both parts: ECOG 0-1", []string{"ecog [0,1]"}},
	{"CrCl ≥ 60 mL/min in all patients older than 65 years", []string{"creatinine_clearance >=60 mL/min cond"}},
	{"Hemoglobin ≥ 9 g/dL for each patient receiving cisplatin", []string{"hemoglobin >=9 g/dL cond"}},
	// "may enroll if" is what the allowed must meet, as "may be enrolled
	// if": the main bound stays everyone's
	{"Total bilirubin ≤ 1.5 × ULN (patients with Gilbert's syndrome may enroll if total bilirubin ≤ 3 × ULN)", []string{"bilirubin <=1.5 xULN", "bilirubin <=3 xULN cond"}},
	{"E: Total bilirubin > 1.5 × ULN (patients with Gilbert's syndrome may enroll if total bilirubin ≤ 3 × ULN)", []string{"bilirubin <=1.5 xULN", "bilirubin <=3 xULN cond"}},
	{"E: Hemoglobin < 9 g/dL (transfusion allowed)", []string{"hemoglobin >=9 g/dL"}},
	// an INR after a clotting time's "or" is the only value read:
	// everyone's (SPEC 4.9; every labelled INR so far agrees)
	{"PTT/PT ≤1.5 x ULN or INR < 1.7 x ULN for patients who are not receiving therapeutic anticoagulation.", []string{"inr <1.7 xULN"}},
	{"aPTT ≤ 1.5 × ULN or INR ≤ 1.5", []string{"inr <=1.5 ratio"}},
	{"Shortening fraction ≥ 28% OR ejection fraction ≥ 50%", []string{"lvef >=50 % cond"}},
}

var round13Trees = []struct {
	lead     string
	children []string
	want     []string
}{
	{"A patient will be eligible for inclusion only if all of the following criteria are fulfilled:",
		[]string{"ECOG performance status 0-2", "Platelets >100 x 109/L"}, []string{"ecog [0,2]", "platelets >100 10^9/L"}},
	{"Patients are eligible if all of the following apply:", []string{"ECOG 0-1"}, []string{"ecog [0,1]"}},
	{"Hepatic:", []string{"PT no greater than 1.5 times ULN OR", "INR no greater than 1.3", "Creatinine no greater than 1.5 times ULN OR",
		"Creatinine clearance at least 50 mL/min"},
		[]string{"inr <=1.3 ratio", "creatinine <=1.5 xULN", "creatinine_clearance >=50 mL/min cond"}},
	{"A subject will be eligible for inclusion in this study only if all of the following criteria apply:", []string{"ECOG 0-1"}, []string{"ecog [0,1]"}},
	{"Only patients fulfilling the following criteria are eligible:", []string{"ECOG 0-1"}, []string{"ecog [0,1]"}},
	// a subgroup's own list stays the subgroup's
	{"Patients in Japan only must meet the following criteria:", []string{"ECOG 0-1"}, []string{"ecog [0,1] cond"}},
	{"The following criteria apply only to Part B:", []string{"ECOG 0-1"}, []string{"ecog [0,1] cond"}},
	{"Japanese patients only:", []string{"ECOG 0-1"}, []string{"ecog [0,1] cond"}},
	// a heading for every group is everyone's
	{"Inclusion criteria for both parts:", []string{"ECOG 0-2"}, []string{"ecog [0,2]"}},
	{"Inclusion criteria for all cohorts:", []string{"ECOG 0-2"}, []string{"ecog [0,2]"}},
	{"Cohort B:", []string{"ECOG 0-1"}, []string{"ecog [0,1] cond"}},
	// a lead-in asking for one of the criteria under it to be eligible:
	// each child is one route, none everyone's (DEV12 NCT00143845)
	{"To be eligible a patient MUST meet at least one of the next 4 criteria",
		[]string{"Any patient aged 55 years or older with a hematological malignancy for which allogeneic transplant is considered an appropriate treatment, AND/OR",
			"Any patient, regardless of age, who has relapsed following prior autologous or allogeneic transplant AND/OR"},
		[]string{"age >=55 years cond"}},
	// alternative values of one organ keep SPEC 4.8's first-stated rule
	{"Adequate renal function, defined as meeting any 1 of the following criteria:",
		[]string{"Serum creatinine <1.5*ULN.", "Creatinine clearance based on urine collection (12- or 24-hour) >=40 mL/min."},
		[]string{"creatinine <1.5 xULN", "creatinine_clearance >=40 mL/min cond"}},
	// from DEV15: a value under a one-of list of histologies defines a
	// subtype, one way to qualify
	{"Histologically documented non-Hodgkin's lymphoma (NHL) of one of the following International Working Formulation (IWF) histologies:",
		[]string{"Small lymphocytic (absolute lymphocyte count less than 5,000)", "IWF A Follicular, predominantly small cleaved cell"},
		[]string{"lymphocytes <5 10^9/L cond"}},
}

func TestRound13(t *testing.T) {
	for _, tc := range round13Trees {
		got := extractTree(tc.lead, tc.children)
		if !slices.Equal(sorted(got), sorted(tc.want)) {
			t.Errorf("%s %q\n   got %q\n  want %q", tc.lead, tc.children, got, tc.want)
		}
	}
	for _, tc := range round13 {
		got := extractOne(tc.text)
		if !slices.Equal(sorted(got), sorted(tc.want)) {
			t.Errorf("%s\n   got %q\n  want %q", tc.text, got, tc.want)
		}
	}
}
