package eligibility_test

import (
	"slices"
	"testing"

	"github.com/trials-app/trials/eligibility"
	"github.com/trials-app/trials/model"
)

// round7 are the wordings of round 7: the ones round 6's audit left
// unhandled and the families found by round 7's recall audit, each with
// wordings of our own.
var round7 = []struct {
	text string
	want []string
}{
	// a capitalised accented word is a word the scan knows
	{"Hémoglobine ≥ 9 g/dL", []string{"hemoglobin >=9 g/dL"}},
	{"Créatininémie ≤ 1,5 N", []string{"creatinine <=1.5 xULN"}},
	{"Polynucléaires Neutrophiles ≥ 1,5 G/L", []string{"anc >=1.5 10^9/L"}},
	{"Hématologie : hémoglobine normale", nil},

	// a single grade allowed for a subgroup is that subgroup's relaxation
	{"ECOG 0-1 (ECOG 2 allowed if due to bone pain)", []string{"ecog [0,1]", "ecog <=2 cond"}},
	{"ECOG performance status 0 or 1. ECOG 2 is permitted for patients aged 70 or older", []string{"ecog [0,1]", "ecog <=2 cond"}},
	{"ECOG 0-1, PS 2 will be allowed if related to the disease", []string{"ecog [0,1]", "ecog <=2 cond"}},
	{"ECOG 2 allowed if the patient has bone pain", []string{"ecog <=2 cond"}},
	{"Karnofsky ≥ 70%; Karnofsky 60% acceptable if due to neurological deficit", []string{"karnofsky >=70", "karnofsky >=60 cond"}},
	{"ECOG 0-1; ECOG 2 allowed", []string{"ecog [0,1]"}},
	{"ECOG 2 allowed", nil},

	// a normal limit with no number, then the bound every patient meets
	{"LVEF ≥ LLN or ≥ 50%, whichever is higher", []string{"lvef >=50 %"}},
	{"LVEF ≥ the lower limit of normal (LLN) or ≥ 50%, whichever is higher", []string{"lvef >=50 %"}},
	{"Hemoglobin ≥ LLN or ≥ 10 g/dL, whichever is greater", []string{"hemoglobin >=10 g/dL"}},
	{"LVEF ≥ 50% or ≥ the institutional LLN, whichever is higher", []string{"lvef >=50 %"}},
	{"LVEF ≥ LLN or ≥ 50%, whichever is lower", nil},

	// within normal limits, then a subgroup's bound: the subgroup's, conditional (SPEC 4.7)
	{"Total bilirubin within normal limits (except Gilbert's syndrome ≤ 3 × ULN)", []string{"bilirubin <=3 xULN cond"}},
	{"Bilirubin within normal limits (except patients with Gilbert's syndrome: ≤ 3 × ULN)", []string{"bilirubin <=3 xULN cond"}},
	{"Bilirubin WNL unless Gilbert's syndrome (≤ 3 mg/dL)", []string{"bilirubin <=3 mg/dL cond"}},
	{"AST and ALT within normal limits (≤ 3 × ULN if liver metastases)", []string{"ast <=3 xULN cond", "alt <=3 xULN cond"}},
	{"Total bilirubin within normal institutional limits", nil},

	// a second country's own age, however the country is written
	{"Age ≥ 18 years (Japan ≥ 20, Korea ≥ 19)", []string{"age >=18 years", "age >=20 years cond", "age >=19 years cond"}},
	{"Male or female aged ≥ 18 years (≥ 20 years in Japan and Taiwan; ≥ 19 years in South Korea)",
		[]string{"age >=18 years", "age >=20 years cond", "age >=19 years cond"}},
	{"Age ≥ 18 years at the time of signing the informed consent (Japan: ≥ 20 years; Korea: ≥ 19 years)",
		[]string{"age >=18 years", "age >=20 years cond", "age >=19 years cond"}},
	{"At least 18 years of age (or the legal age of consent, e.g. 20 years in Japan, 19 years in Korea)", []string{"age >=18 years"}},

	// "at least one of the two": an OR-alternative however the values are joined (SPEC 4.8)
	{"Neutrophils ≥ 1.5 x 10^9/L and platelets ≥ 100 x 10^9/L, at least one of the two", []string{"anc >=1.5 10^9/L", "platelets >=100 10^9/L cond"}},
	{"Absolute neutrophil count ≥ 1.0 x 10^9/L or platelets ≥ 75 x 10^9/L (at least one of the two)", []string{"anc >=1 10^9/L", "platelets >=75 10^9/L cond"}},
	{"E: ANC < 1.0 x 10^9/L and platelets < 75 x 10^9/L (one or both of the two)", []string{"anc >=1 10^9/L", "platelets >=75 10^9/L"}},

	// an age restated in another unit in brackets before "of age"
	{"< 18 months (< 547 days) of age at diagnosis", []string{"age <1.5 years"}},
	{"Less than 12 months (365 days) of age", []string{"age <1 years"}},

	// a bare number with decimals is no age, whatever subject stands before it
	{"Patients less than 6 months of age with an adrenal primary tumor > 3.1 and < 5 cm in greatest diameter", []string{"age <0.5 years cond"}},

	// a survival foreseen, however it is worded (the audit's Hokkaido record, NCT00209729)
	{"Predicted survival for >3 months.", []string{"life_expectancy >13.035 weeks"}},
	{"Expected survival for at least 12 weeks", []string{"life_expectancy >=12 weeks"}},
	{"Prognosis of survival more than 3 months", []string{"life_expectancy >13.035 weeks"}},
	{"Likely to survive at least 3 months", []string{"life_expectancy >=13.035 weeks"}},
	{"Life expectancy longer than 12 weeks", []string{"life_expectancy >12 weeks"}},
	{"E: Life expectancy shorter than 3 months", []string{"life_expectancy >=13.035 weeks"}},
	{"E: QTcF longer than 470 ms", []string{"qtc <=470 ms"}},
	{"For patients with a survival of more than 3 months", nil},

	// how the dose changes for a band of values is no subgroup's bound
	{"Creatinine <1.5 mg/dl (but if it is 1.0 ~ 1.5 mg/dl, the dose of S-1 can be decreased)", []string{"creatinine <1.5 mg/dL"}},
	{"Creatinine clearance ≥ 60 mL/min; if 30 to 59 mL/min the dose will be reduced", []string{"creatinine_clearance >=60 mL/min"}},
	{"Platelets ≥ 100 × 10^9/L (≥ 75 × 10^9/L if marrow involvement)", []string{"platelets >=100 10^9/L", "platelets >=75 10^9/L cond"}},

	// an inclusion's age followed only by the patients' disease names the population (NCT03317743)
	{"≥19 year old patients with histologically or cytologically confirmed metastatic or unresectable advanced solid tumors", []string{"age >=19 years"}},
	{"Adults ≥ 18 years with relapsed multiple myeloma", []string{"age >=18 years"}},
	{"Male or female patients ≥ 18 years old with advanced HCC", []string{"age >=18 years"}},
	{"18 years or older patients with metastatic colorectal cancer", []string{"age >=18 years"}},
	{"E: Children younger than 2 years receiving enzyme-inducing anticonvulsants", []string{"age >=2 years cond"}},

	// an exclusion outside a range, whichever end it names first (NCT03223961)
	{"E: Baseline Hemoglobin level > 10.5 g/dl or <9g/dl", []string{"hemoglobin [9,10.5] g/dL"}},
	{"E: Platelets > 600 x 10^9/L or < 100 x 10^9/L", []string{"platelets [100,600] 10^9/L"}},
	{"E: Hemoglobin > 10 g/dL", nil},

	// what a disease is (in)eligible for names no subgroup (HIMALAYA, NCT03298451)
	{"Barcelona Clinic Liver Cancer (BCLC) stage B (that is not eligible for locoregional therapy) or stage C", []string{"bclc_stage {B,C}"}},

	// a range whose upper end carries its own sign (VIALE-A, NCT02993523)
	{"Moderate hepatic impairment with total bilirubin > 1.5 to <= 3.0 × Upper Limit of Normal (ULN)", []string{"bilirubin (1.5,3] xULN"}},
	{"Creatinine clearance ≥ 30 to < 45 mL/min", []string{"creatinine_clearance [30,45) mL/min"}},

	// a soft word between subject and bound (TRENDY, NCT02470533)
	{"Platelets will be preferably ≥ 50x10E9/ l (if not, thrombocytes transfusion is allowed)", []string{"platelets >=50 10^9/L"}},
	{"Hemoglobin should ideally be ≥ 10 g/dL", []string{"hemoglobin >=10 g/dL"}},
	// an aside that allows something else by approval leaves the bound (TRENDY)
	{"Platelets ≥ 50x10E9/l (transfusion is allowed at the discretion of the investigator)", []string{"platelets >=50 10^9/L"}},
	{"Enrollment of patients > 75 years of age is allowed after consultation and approval of the study medical monitor", nil},

	// a relaxation allowed if a quantity outside the list is normal (NCT00004923)
	{"SGOT and/or SGPT no greater than 1.5 times upper limit of normal (ULN) (no greater than 2.5 times ULN allowed if alkaline phosphatase no greater than ULN)",
		[]string{"ast <=1.5 xULN", "alt <=1.5 xULN", "ast <=2.5 xULN cond", "alt <=2.5 xULN cond"}},
	{"AST ≤ 1.5 × ULN (≤ 2.5 × ULN if alkaline phosphatase ≤ ULN)", []string{"ast <=1.5 xULN", "ast <=2.5 xULN cond"}},
	{"Patients may be included if total bilirubin ≤ 3 × ULN", []string{"bilirubin <=3 xULN"}},

	// a PDQ record that swapped its labels: a time under "Performance status" is the life expectancy
	{"PATIENT CHARACTERISTICS: Age: Over 18 Performance status: At least 3 months Life expectancy: ECOG 0-2 Hematopoietic: Platelet count at least 100,000/mm3",
		[]string{"age >18 years", "life_expectancy >=13.035 weeks", "ecog [0,2]", "platelets >=100 10^9/L"}},
	{"ECOG 0-1 at least 2 weeks before registration", []string{"ecog [0,1]"}},

	// a cooperative group's name is no study group (NCT02570893)
	{"ECOG (Eastern Cooperative Oncology Group) : 0-1;", []string{"ecog [0,1]"}},
	{"Eastern Cooperative Oncology Group (ECOG) : 0-1", []string{"ecog [0,1]"}},
	{"Group B: ECOG 0-2", []string{"ecog [0,2] cond"}},

	// a count written as a bare power of ten whose superscript was lost (NCT02959385)
	{"thrombocyte count ≥1011/l", []string{"platelets >=100 10^9/L"}},
	{"ANC ≥ 1.5×109/l", []string{"anc >=1.5 10^9/L"}},

	// "twice" is two times
	{"AST less than twice the upper limit of normal", []string{"ast <2 xULN"}},
	{"E: AST or ALT more than twice the upper limit of normal", []string{"ast <=2 xULN", "alt <=2 xULN"}},
	{"Bilirubin is twice times the upper limit of normal", nil},
	{"PSA rise confirmed twice, at least 1 week apart", nil},
}

func TestRound7(t *testing.T) {
	for _, tc := range round7 {
		got := extractOne(tc.text)
		if !slices.Equal(sorted(got), sorted(tc.want)) {
			t.Errorf("%s\n   got %q\n  want %q", tc.text, got, tc.want)
		}
	}
}

// round7Trees are nested lists of round 7.
var round7Trees = []struct {
	name string
	el   model.Eligibility
	want []string
}{
	{"alternatives per stage are each a stage's bound: the loosest is everyone's (SPEC 4.7)", model.Eligibility{Inclusion: []model.Criterion{
		kids("Patients must be:",
			item("< 12 months (< 365 days) of age at diagnosis with INRG stage L1; or"),
			item("< 18 months (< 547 days) of age at diagnosis with INRG stage L2 or stage Ms neuroblastoma"))}},
		[]string{"age <1 years cond", "age <1.5 years"}},
	{"ineligible for a treatment, as defined by a list: the list qualifies, it does not exclude (VIALE-A)", model.Eligibility{Inclusion: []model.Criterion{
		kids("Participant must be considered ineligible for induction therapy defined by the following:",
			item("a. >= 75 years of age; or b. >= 18 to 74 years of age with at least one of the following comorbidities: "+
				"i. ECOG Performance Status of 2 or 3; ii. Ejection Fraction <= 50%; iii. Creatinine clearance >= 30 mL/min to < 45 ml/min"))}},
		[]string{"age >=75 years cond", "age [18,74] years cond", "ecog [2,3] cond", "lvef <=50 % cond", "creatinine_clearance [30,45) mL/min cond"}},
	{"a label that names its subject after the patients: each child bounds it per age (SPEC 4.7)", model.Eligibility{Inclusion: []model.Criterion{
		kids("Participant must have an ECOG Performance status:",
			item("0 to 2 for Participants >= 75 years of age or"), item("0 to 3 for Participants >= 18 to 74 years of age."))}},
		[]string{"ecog [0,2] cond", "ecog [0,3]"}},
	{"COG creatinine rows under 'or a serum creatinine based on age/gender': every cell an alternative, no band an age (APEC1621C, NCT03213691)",
		model.Eligibility{Inclusion: []model.Criterion{
			kids("Creatinine clearance or radioisotope glomerular filtration rate (GFR) >= 70 ml/min/1.73 m^2 or a serum creatinine based on age/gender as follows:",
				item("Age: 1 to < 2 years; maximum serum creatinine (mg/dL): male 0.6; female 0.6"),
				item("Age: 13 to < 16 years; maximum serum creatinine (mg/dL): male 1.5; female 1.4"),
				item("Age: >= 16 years; maximum serum creatinine (mg/dL): male 1.7; female 1.4"))}},
		[]string{"creatinine_clearance >=70 mL/min", "egfr >=70 mL/min/1.73m2 cond", "creatinine <=0.6 mg/dL cond", "creatinine <=1.5 mg/dL cond",
			"creatinine <=1.4 mg/dL cond", "creatinine <=1.7 mg/dL cond"}},
	{"the same rows as the only renal criterion: the loosest cell is everyone's (SPEC 4.7)", model.Eligibility{Inclusion: []model.Criterion{
		kids("A serum creatinine based on age/gender as follows:",
			item("Age: 1 month to < 6 months; Maximum serum creatinine (mg/dL): 0.4 (male), 0.4 (female)"),
			item("Age: >= 16 years; Maximum serum creatinine (mg/dL): 1.7 (male), 1.4 (female)"))}},
		[]string{"creatinine <=0.4 mg/dL cond", "creatinine <=1.4 mg/dL cond", "creatinine <=1.7 mg/dL"}},
	{"a stage beside an age with no alternative describes everyone", model.Eligibility{Inclusion: []model.Criterion{
		item("Patients aged ≥ 18 years with stage IIIB or IV non-small cell lung cancer")}},
		[]string{"age >=18 years"}},
}

func TestRound7Trees(t *testing.T) {
	for _, tc := range round7Trees {
		var got []string
		for _, r := range eligibility.Extract(&tc.el) {
			got = append(got, compact(r))
		}
		if !slices.Equal(sorted(got), sorted(tc.want)) {
			t.Errorf("%s\n   got %q\n  want %q", tc.name, got, tc.want)
		}
	}
}
