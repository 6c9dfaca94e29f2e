package eligibility_test

import (
	"slices"
	"testing"
)

// round9 are the wordings of round 9's mined abstentions and of the DEV5
// and DEV6 misses, each with wordings of our own.
var round9 = []struct {
	text string
	want []string
}{
	// how a value may be reached is no subgroup: "corrected with transfusion"
	{"Hemoglobin greater than 8.0 g/dl (can be corrected with transfusion).", []string{"hemoglobin >8 g/dL"}},
	{"Hemoglobin ≥ 9 g/dL (may be corrected with transfusion)", []string{"hemoglobin >=9 g/dL"}},
	{"Haemoglobin ≥ 10 g/dL (can be achieved with red cell transfusion)", []string{"hemoglobin >=10 g/dL"}},
	{"Platelets ≥ 50,000/mm3 (may be maintained with platelet transfusions)", []string{"platelets >=50 10^9/L"}},
	{"Hemoglobin ≥ 9 g/dL (≥ 8 g/dL for patients receiving transfusions)", []string{"hemoglobin >=9 g/dL", "hemoglobin >=8 g/dL cond"}},

	// "either" before a scale's values
	{"ECOG performance status score either 0 or 1", []string{"ecog [0,1]"}},
	{"ECOG performance status of either 0, 1 or 2", []string{"ecog [0,2]"}},
	{"Karnofsky performance status of either 90 or 100", []string{"karnofsky [90,100]"}},
	{"Zubrod score either 0 or 1", []string{"ecog [0,1]"}},

	// grades a bracket after the scale's bound admits for a subgroup stay
	// the subgroup's; the main bound stays everyone's (SPEC 4.5)
	{"Performance status: SWOG 0-2 (3-4 acceptable if based solely on bone pain)", []string{"ecog [0,2]", "ecog <=4 cond"}},
	{"Performance status ECOG 0-2 (3 acceptable if due to bone metastases)", []string{"ecog [0,2]", "ecog <=3 cond"}},
	{"ECOG 0-1 (2 allowed if due to bone pain)", []string{"ecog [0,1]", "ecog <=2 cond"}},
	{"ECOG 0-1 (2 is allowed for patients with bone pain)", []string{"ecog [0,1]", "ecog <=2 cond"}},
	{"Karnofsky 60-100% (50% acceptable if due to tumor-related pain)", []string{"karnofsky [60,100]", "karnofsky >=50 cond"}},
	{"ECOG 0-1 (2 allowed)", []string{"ecog [0,1]"}}, // no one named: the grade says nothing of the grades below
	{"ECOG 0-2 (see appendix 3)", []string{"ecog [0,2]"}},

	// a flattened PDQ record: "The following are excluded:" ends at the next section
	{"DISEASE CHARACTERISTICS: Histologically proven carcinoma The following are excluded: Extensive blood loss (more than 3000 mL) " +
		"PATIENT CHARACTERISTICS: Age: Not specified Performance status: WHO 0-2 Life expectancy: Not specified", []string{"ecog [0,2]"}},
	{"DISEASE CHARACTERISTICS: Stage II-IV disease The following are excluded: Brain metastases PATIENT CHARACTERISTICS: " +
		"Performance status: Karnofsky 70-100% Hematopoietic: Platelet count at least 100,000/mm3", []string{"karnofsky [70,100]", "platelets >=100 10^9/L"}},
	{"DISEASE CHARACTERISTICS: Carcinoma of the cervix The following are excluded: Platelet count less than 50,000/mm3",
		[]string{"platelets >=50 10^9/L"}},

	// the French "limite normale supérieure"
	{"ASAT and ALAT ≤ 1.5LNS", []string{"ast <=1.5 xULN", "alt <=1.5 xULN"}},
	{"Bilirubine totale ≤ 1,5 LNS", []string{"bilirubin <=1.5 xULN"}},
	{"Transaminases ≤ 2.5 x LNS", []string{"ast <=2.5 xULN", "alt <=2.5 xULN"}},

	// a unit's abbreviation in brackets after it: the group after it is the value's
	{"E: QTcF > 450 milliseconds (msec) (men) or >470 msec (women) during screening.", []string{"qtc <=470 ms", "qtc <=450 ms cond"}},
	{"QTcF ≤ 450 milliseconds (msec) for men and ≤ 470 msec for women", []string{"qtc <=470 ms", "qtc <=450 ms cond"}},
	{"Creatinine clearance ≥ 60 milliliters per minute (mL/min)", []string{"creatinine_clearance >=60 mL/min"}},

	// an exclusion's sentence of what the patient must have is not inverted
	{"E: Any form of primary or secondary immunodeficiency. Must have recovered immune competence after chemotherapy as evidenced by normal lymphocyte counts greater than 500 (grade 3 toxicity) and absence of opportunistic infections.", nil},
	{"E: Cardiac disease. Must have an LVEF of at least 50%. Uncontrolled hypertension.", nil},
	{"E: Active infection. Patients must not have platelets < 50,000/mm3.", []string{"platelets >=50 10^9/L"}},
	{"E: Life expectancy of less than three months.", []string{"life_expectancy >=13.035 weeks"}},
}

func TestRound9(t *testing.T) {
	for _, tc := range round9 {
		got := extractOne(tc.text)
		if !slices.Equal(sorted(got), sorted(tc.want)) {
			t.Errorf("%s\n   got %q\n  want %q", tc.text, got, tc.want)
		}
	}
}
