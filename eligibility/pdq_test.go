package eligibility_test

import (
	"slices"
	"testing"

	"github.com/trials-app/trials/eligibility"
	"github.com/trials-app/trials/model"
)

// pdqStatements are the statements of the old NCI PDQ layout
// ("PATIENT CHARACTERISTICS: Age: … Performance status: … Hepatic: …"),
// each as one item, in the wordings those records use.
var pdqStatements = []struct {
	text string
	want []string
}{
	// age
	{"Age: 18 and over", []string{"age >=18 years"}},
	{"Age: 16 and over", []string{"age >=16 years"}},
	{"Age: 18 to 70", []string{"age [18,70] years"}},
	{"Age: Over 18", []string{"age >18 years"}},
	{"Age: 65 and over", []string{"age >=65 years"}},
	{"Age: Under 21", []string{"age <21 years"}},
	{"Age: 21 and under", []string{"age <=21 years"}},
	{"Age: 1 to 21", []string{"age [1,21] years"}},
	{"Age: Not specified", nil},
	{"Age: Any age", nil},
	// performance status
	{"Performance status: ECOG 0-2", []string{"ecog [0,2]"}},
	{"Performance status: 0-1", []string{"ecog [0,1]"}},
	{"Performance status: Zubrod 0-1", []string{"ecog [0,1]"}},
	{"Performance status: GOG 0-2", []string{"ecog [0,2]"}},
	{"Performance status: SWOG 0-1", []string{"ecog [0,1]"}},
	{"Performance status: CALGB 0-1", []string{"ecog [0,1]"}},
	{"Performance status: WHO 0-2", []string{"ecog [0,2]"}},
	{"Performance status: Karnofsky 60-100%", []string{"karnofsky [60,100]"}},
	{"Performance status: Karnofsky at least 70%", []string{"karnofsky >=70"}},
	{"Performance status: ECOG 0-2 OR Karnofsky 60-100%", []string{"ecog [0,2]", "karnofsky [60,100] cond"}},
	{"Performance status: Karnofsky 50-100% (over age 10) OR Lansky 50-100% (age 10 and under)",
		[]string{"karnofsky [50,100] cond", "lansky [50,100] cond"}},
	{"Performance status: Not specified", nil},
	// life expectancy
	{"Life expectancy: At least 12 weeks", []string{"life_expectancy >=12 weeks"}},
	{"Life expectancy: Greater than 3 months", []string{"life_expectancy >13.035 weeks"}},
	{"Life expectancy: More than 6 months", []string{"life_expectancy >26.07 weeks"}},
	{"Life expectancy: At least 2 years", []string{"life_expectancy >=104.28 weeks"}},
	{"Life expectancy: Not specified", nil},
	// hematopoietic
	{"Hematopoietic: Absolute granulocyte count at least 1,500/mm^3", nil},
	{"Hematopoietic: Absolute granulocyte count at least 1,500/mm^3 Platelet count at least 100,000/mm^3",
		[]string{"platelets >=100 10^9/L"}},
	{"Hematopoietic: WBC at least 3,000/mm^3 Platelet count at least 100,000/mm^3 Hemoglobin at least 10 g/dL",
		[]string{"wbc >=3 10^9/L", "platelets >=100 10^9/L", "hemoglobin >=10 g/dL"}},
	{"Hematopoietic: Absolute neutrophil count at least 1,500/mm3 Platelet count at least 75,000/mm3",
		[]string{"anc >=1.5 10^9/L", "platelets >=75 10^9/L"}},
	{"Hematopoietic: WBC at least 4,000/mm^3 OR Absolute granulocyte count at least 2,000/mm^3 Platelet count at least 150,000/mm^3",
		[]string{"wbc >=4 10^9/L", "platelets >=150 10^9/L"}},
	{"Hematopoietic: Hemoglobin at least 8 g/dL (transfusion allowed)", []string{"hemoglobin >=8 g/dL"}},
	{"Hematopoietic: Not specified", nil},
	{"Hematopoietic: Polymorphonuclear leukocyte count at least 1,500/mm^3", nil},
	{"Hematopoietic: Platelet count at least 100,000/mm^3 (50,000/mm^3 if bone marrow involvement)",
		[]string{"platelets >=100 10^9/L", "platelets >=50 10^9/L cond"}},
	// hepatic
	{"Hepatic: Bilirubin no greater than 1.5 times upper limit of normal (ULN) SGOT no greater than 2.5 times ULN",
		[]string{"bilirubin <=1.5 xULN", "ast <=2.5 xULN"}},
	{"Hepatic: Bilirubin no greater than 2.0 mg/dL SGOT or SGPT no greater than 3 times ULN",
		[]string{"bilirubin <=2 mg/dL", "ast <=3 xULN", "alt <=3 xULN"}},
	{"Hepatic: Bilirubin normal SGOT less than 2 times normal", []string{"ast <2 xULN"}},
	{"Hepatic: BUN no greater than 1.5 times upper limit of normal (ULN) Bilirubin no greater than 1.5 times ULN",
		[]string{"bilirubin <=1.5 xULN"}},
	{"Hepatic: Bilirubin no greater than 1.5 mg/dL No hepatitis", []string{"bilirubin <=1.5 mg/dL"}},
	{"Hepatic: PT and PTT normal Albumin at least 3.0 g/dL", []string{"albumin >=3 g/dL"}},
	{"Hepatic: SGOT and SGPT no greater than 2.5 times ULN (5 times ULN if liver metastases)",
		[]string{"ast <=2.5 xULN", "alt <=2.5 xULN", "ast <=5 xULN cond", "alt <=5 xULN cond"}},
	{"Hepatic: Bilirubin no greater than 1.5 times ULN (3 times ULN for Gilbert's syndrome)",
		[]string{"bilirubin <=1.5 xULN", "bilirubin <=3 xULN cond"}},
	{"Hepatic: SGOT/SGPT less than 2 times upper limit of normal", []string{"ast <2 xULN", "alt <2 xULN"}},
	{"Hepatic: Bilirubin less than 2.0 mg/dL (unless due to Gilbert's syndrome)", []string{"bilirubin <2 mg/dL"}},
	// renal
	{"Renal: Creatinine no greater than 1.5 mg/dL OR Creatinine clearance at least 60 mL/min",
		[]string{"creatinine <=1.5 mg/dL", "creatinine_clearance >=60 mL/min cond"}},
	{"Renal: Creatinine no greater than 2.0 mg/dL", []string{"creatinine <=2 mg/dL"}},
	{"Renal: Creatinine normal OR creatinine clearance at least 60 mL/min", []string{"creatinine_clearance >=60 mL/min cond"}}, // the alternative to a normal creatinine (SPEC 4.8)
	{"Renal: Calcium normal Creatinine no greater than 1.5 times ULN", []string{"creatinine <=1.5 xULN"}},
	{"Renal: Creatinine no greater than 1.5 mg/dL (2.0 mg/dL for patients over age 70)",
		[]string{"creatinine <=1.5 mg/dL", "creatinine <=2 mg/dL cond"}},
	{"Renal: Creatinine clearance at least 50 mL/min BUN no greater than 30 mg/dL", []string{"creatinine_clearance >=50 mL/min"}},
	// cardiovascular
	{"Cardiovascular: No congestive heart failure LVEF at least 50%", []string{"lvef >=50 %"}},
	{"Cardiovascular: No severe cardiac disease Ejection fraction at least 45% by MUGA", []string{"lvef >=45 %"}},
	{"Cardiovascular: No myocardial infarction within the past 6 months No uncontrolled hypertension", nil},
	{"Cardiovascular: Shortening fraction at least 28% by echocardiogram OR Ejection fraction at least 50% by MUGA",
		[]string{"lvef >=50 % cond"}},
	{"Cardiovascular: Fractional shortening at least 27% OR LVEF greater than 50%", []string{"lvef >50 % cond"}},
	// an outside quantity first, a listed one as its alternative
	{"Hematopoietic: Absolute granulocyte count at least 1,500/mm^3 OR WBC at least 3,000/mm^3", []string{"wbc >=3 10^9/L cond"}},
	// typos and cross-references of the layout
	{"Renal: Creatinine no greater than 2.0 mg/mL", []string{"creatinine <=2 mg/dL"}},
	{"Hepatic: Total bilirubin no greater than 1.5 mg/ml", []string{"bilirubin <=1.5 mg/dL"}},
	{"Age: See Disease Characteristics 18 and over", []string{"age >=18 years"}},
	{"Life expectancy: See General Eligibility Criteria", nil},
	{"Performance status: CTC 0-2", []string{"ecog [0,2]"}},
	{"CTC performance status 0 or 1", []string{"ecog [0,1]"}},
	{"No CTC grade 2 or greater toxicity from prior therapy", nil},
	{"Renal: Creatinine clearance or radionuclide glomerular filtration rate at least 70 mL/min/1.73 m^2",
		[]string{"creatinine_clearance >=70 mL/min", "egfr >=70 mL/min/1.73m2 cond"}},
	// other categories say nothing about the variables
	{"Other: Not pregnant or nursing Negative pregnancy test Fertile patients must use effective contraception during and for 3 months after study", nil},
	{"Pulmonary: FEV1 at least 60% of predicted DLCO at least 50%", nil},
}

func TestPDQStatements(t *testing.T) {
	for _, tc := range pdqStatements {
		got := extractOne(tc.text)
		if !slices.Equal(sorted(got), sorted(tc.want)) {
			t.Errorf("%s\n   got %q\n  want %q", tc.text, got, tc.want)
		}
	}
}

// pdqPacked are whole PDQ sections that lost their line breaks: one item
// each, read statement by statement.
var pdqPacked = []struct {
	text string
	want []string
}{
	{"PATIENT CHARACTERISTICS: Age: 18 and over Performance status: Karnofsky 60-100% Life expectancy: Greater than 3 months " +
		"Hematopoietic: Absolute neutrophil count at least 1,800/mm3 Platelet count at least 100,000/mm3 Hemoglobin at least 9.0 g/dL " +
		"Hepatic: BUN no greater than 1.5 times upper limit of normal (ULN) Bilirubin no greater than 1.5 times ULN " +
		"Renal: Creatinine no greater than 1.8 mg/dL OR Creatinine clearance at least 70 mL/min " +
		"Other: Not pregnant or nursing Negative pregnancy test Fertile patients must use effective contraception during and for 3 months after study",
		[]string{"age >=18 years", "karnofsky [60,100]", "life_expectancy >13.035 weeks", "anc >=1.8 10^9/L", "platelets >=100 10^9/L",
			"hemoglobin >=9 g/dL", "bilirubin <=1.5 xULN", "creatinine <=1.8 mg/dL", "creatinine_clearance >=70 mL/min cond"}},
	{"PATIENT CHARACTERISTICS: Age: 18 and over Performance status: Zubrod 0-1 Life expectancy: Not specified " +
		"Hematopoietic: Absolute granulocyte count at least 1,500/mm3 Platelet count at least 100,000/mm3 " +
		"Hepatic: Bilirubin no greater than 1.5 mg/dL No hepatitis Renal: Creatinine no greater than 1.5 mg/dL " +
		"Cardiovascular: No severe cardiac disease LVEF at least 45% Other: Not pregnant No other malignancy within the past 5 years",
		[]string{"age >=18 years", "ecog [0,1]", "platelets >=100 10^9/L", "bilirubin <=1.5 mg/dL", "creatinine <=1.5 mg/dL", "lvef >=45 %"}},
	{"PATIENT CHARACTERISTICS: Age: 18 to 75 Performance status: ECOG 0-2 OR Karnofsky 60-100% Life expectancy: At least 12 weeks " +
		"Hematopoietic: WBC at least 3,000/mm^3 Platelet count at least 100,000/mm^3 Hepatic: Bilirubin no greater than 1.5 times ULN " +
		"SGOT and SGPT no greater than 2.5 times ULN Renal: Creatinine no greater than 1.5 times ULN OR Creatinine clearance at least 60 mL/min " +
		"Cardiovascular: No New York Heart Association class III or IV heart disease",
		[]string{"age [18,75] years", "ecog [0,2]", "karnofsky [60,100] cond", "life_expectancy >=12 weeks", "wbc >=3 10^9/L",
			"platelets >=100 10^9/L", "bilirubin <=1.5 xULN", "ast <=2.5 xULN", "alt <=2.5 xULN", "creatinine <=1.5 xULN",
			"creatinine_clearance >=60 mL/min cond"}},
	{"PATIENT CHARACTERISTICS: Age: 3 to 21 Performance status: Karnofsky 50-100% (over age 10) OR Lansky 50-100% (age 10 and under) " +
		"Life expectancy: At least 8 weeks Hematopoietic: Absolute neutrophil count at least 1,000/mm3 Platelet count at least 75,000/mm3 (transfusion independent) " +
		"Hemoglobin at least 8.0 g/dL (transfusion allowed) Hepatic: Bilirubin no greater than 1.5 times ULN SGPT less than 5 times ULN " +
		"Renal: Creatinine normal for age OR Glomerular filtration rate at least 70 mL/min",
		[]string{"age [3,21] years", "karnofsky [50,100] cond", "lansky [50,100] cond", "life_expectancy >=8 weeks", "anc >=1 10^9/L",
			"platelets >=75 10^9/L", "hemoglobin >=8 g/dL", "bilirubin <=1.5 xULN", "alt <5 xULN", "egfr >=70 mL/min/1.73m2 cond"}},
	// a list of the ways to qualify: every value is one way, on whichever side
	{"DISEASE CHARACTERISTICS: Acute myeloid leukemia in first remission Must have at least one of the following high-risk features: " +
		"Age over 60 years WBC greater than 50,000/mm^3 at diagnosis Bilirubin greater than 2 times ULN " +
		"PATIENT CHARACTERISTICS: Age: 18 and over Performance status: ECOG 0-2",
		[]string{"age >60 years cond", "wbc >50 10^9/L cond", "bilirubin >2 xULN cond", "age >=18 years", "ecog [0,2]"}},
}

func TestPDQPacked(t *testing.T) {
	for _, tc := range pdqPacked {
		got := extractOne(tc.text)
		if !slices.Equal(sorted(got), sorted(tc.want)) {
			t.Errorf("%.80s…\n   got %q\n  want %q", tc.text, got, tc.want)
		}
	}
}

// The same PDQ criteria, as the loaders build them from the registry's
// layouts: a label with its statements as children, or labels and
// statements as a flat list.
func TestPDQShapes(t *testing.T) {
	want := []string{"age >=18 years", "ecog [0,2]", "karnofsky [60,100] cond", "life_expectancy >=12 weeks",
		"platelets >=100 10^9/L", "bilirubin <=1.5 xULN", "ast <=2.5 xULN", "creatinine <=1.5 mg/dL",
		"creatinine_clearance >=60 mL/min cond", "lvef >=50 %"}
	shapes := map[string][]model.Criterion{
		"labels with children": {
			item("PATIENT CHARACTERISTICS:"),
			kids("Age:", item("18 and over")),
			kids("Performance status:", item("ECOG 0-2 OR"), item("Karnofsky 60-100%")),
			kids("Life expectancy:", item("At least 12 weeks")),
			kids("Hematopoietic:", item("Absolute granulocyte count at least 1,500/mm^3"), item("Platelet count at least 100,000/mm^3")),
			kids("Hepatic:", item("Bilirubin no greater than 1.5 times upper limit of normal (ULN)"), item("SGOT no greater than 2.5 times ULN")),
			kids("Renal:", item("Creatinine no greater than 1.5 mg/dL OR"), item("Creatinine clearance at least 60 mL/min")),
			kids("Cardiovascular:", item("No congestive heart failure"), item("LVEF at least 50%")),
		},
		"flat": {
			item("PATIENT CHARACTERISTICS:"), item("Age:"), item("18 and over"), item("Performance status:"), item("ECOG 0-2 OR"),
			item("Karnofsky 60-100%"), item("Life expectancy:"), item("At least 12 weeks"), item("Hematopoietic:"),
			item("Absolute granulocyte count at least 1,500/mm^3"), item("Platelet count at least 100,000/mm^3"), item("Hepatic:"),
			item("Bilirubin no greater than 1.5 times upper limit of normal (ULN)"), item("SGOT no greater than 2.5 times ULN"),
			item("Renal:"), item("Creatinine no greater than 1.5 mg/dL OR"), item("Creatinine clearance at least 60 mL/min"),
			item("Cardiovascular:"), item("No congestive heart failure"), item("LVEF at least 50%"),
		},
		"labels inline": {
			item("PATIENT CHARACTERISTICS:"), item("Age: 18 and over"), item("Performance status: ECOG 0-2 OR Karnofsky 60-100%"),
			item("Life expectancy: At least 12 weeks"),
			item("Hematopoietic: Absolute granulocyte count at least 1,500/mm^3 Platelet count at least 100,000/mm^3"),
			item("Hepatic: Bilirubin no greater than 1.5 times upper limit of normal (ULN) SGOT no greater than 2.5 times ULN"),
			item("Renal: Creatinine no greater than 1.5 mg/dL OR Creatinine clearance at least 60 mL/min"),
			item("Cardiovascular: No congestive heart failure LVEF at least 50%"),
		},
	}
	for name, inc := range shapes {
		el := model.Eligibility{Inclusion: inc}
		var got []string
		for _, r := range eligibility.Extract(&el) {
			got = append(got, compact(r))
		}
		if !slices.Equal(sorted(got), sorted(want)) {
			t.Errorf("%s:\n   got %q\n  want %q", name, got, want)
		}
	}
	// the ways to qualify as a lead-in's children; a list of lab
	// alternatives keeps its first value for everyone (SPEC 4.8)
	el := model.Eligibility{Inclusion: []model.Criterion{
		kids("Must have one of the following risk factors:", item("Over 55 years of age"),
			item("AST or ALT greater than 2.5 times ULN"), item("Creatinine greater than 1.5 mg/dL")),
		kids("Adequate renal function defined as one of the following:", item("Creatinine ≤ 1.5 mg/dL"),
			item("Creatinine clearance ≥ 60 mL/min")),
	}}
	var got []string
	for _, r := range eligibility.Extract(&el) {
		got = append(got, compact(r))
	}
	riskWant := []string{"age >55 years cond", "ast >2.5 xULN cond", "alt >2.5 xULN cond", "creatinine >1.5 mg/dL cond",
		"creatinine <=1.5 mg/dL", "creatinine_clearance >=60 mL/min cond"}
	if !slices.Equal(sorted(got), sorted(riskWant)) {
		t.Errorf("one of the following:\n   got %q\n  want %q", got, riskWant)
	}
}

// Paediatric records bound a value per age band, as the SPEC's 4.7 reads
// them: the loosest band applies to everyone, the stricter ones to their
// band; an age in brackets after another value is that value's subgroup.
func TestAgeBands(t *testing.T) {
	want := []string{"creatinine <=0.8 mg/dL cond", "creatinine <=1 mg/dL cond", "creatinine <=1.2 mg/dL cond", "creatinine <=1.5 mg/dL"}
	shapes := map[string][]model.Criterion{
		"one item": {item("Creatinine based on age as follows: no greater than 0.8 mg/dL (age 5 and under), " +
			"no greater than 1.0 mg/dL (age 6 to 10), no greater than 1.2 mg/dL (age 11 to 15), no greater than 1.5 mg/dL (over age 15)")},
		"lead-in": {kids("Serum creatinine adjusted for age as follows:", item("≤ 0.8 mg/dL (≤ 5 years)"),
			item("≤ 1.0 mg/dL (6 to 10 years)"), item("≤ 1.2 mg/dL (11 to 15 years)"), item("≤ 1.5 mg/dL (> 15 years)"))},
		"one line of symbols": {item("Serum creatinine ≤ 0.8 mg/dL (≤ 5 years), ≤ 1.0 mg/dL (6-10 years), ≤ 1.2 mg/dL (11-15 years), ≤ 1.5 mg/dL (> 15 years)")},
	}
	for name, inc := range shapes {
		el := model.Eligibility{Inclusion: inc}
		var got []string
		for _, r := range eligibility.Extract(&el) {
			got = append(got, compact(r))
		}
		if !slices.Equal(sorted(got), sorted(want)) {
			t.Errorf("%s:\n   got %q\n  want %q", name, got, want)
		}
	}
}
