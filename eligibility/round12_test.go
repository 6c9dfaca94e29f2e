package eligibility_test

import (
	"slices"
	"testing"
)

// round12 are round 12's wordings, each written for this table: the
// precision pass (values that are not a requirement on the value at entry)
// and DEV11/DEV12.
var round12 = []struct {
	text string
	want []string
}{
	// an event on earlier treatment, or a change, measures the past: no
	// bound on today's value, inverted or not
	{"E: Grade ≥ 3 thrombocytopenia (platelets < 50,000/mm3) on prior therapy", nil},
	{"Grade ≥ 3 thrombocytopenia (platelets < 50,000/mm3) on prior therapy", nil},
	{"E: Patients who experienced ANC < 0.5 × 10^9/L for more than 7 days during prior chemotherapy", nil},
	{"E: Patients with AST > 3 × ULN during prior checkpoint inhibitor therapy", nil},
	{"E: QTc prolongation > 500 ms while on a previous treatment with a tyrosine kinase inhibitor", nil},
	{"E: Patients who developed ALT > 5 × ULN on earlier immunotherapy", nil},
	{"Decrease in LVEF of more than 10% from baseline", nil},
	{"E: Increase in serum creatinine of ≥ 0.3 mg/dL within 48 hours", nil},
	{"E: Drop in hemoglobin of 2 g/dL or more within the last 4 weeks", nil},
	{"E: Absolute decrease in LVEF of ≥ 10 points from baseline to < 55%", nil},
	// the same words that only time the test, or pick a subgroup, keep the bound
	{"Platelets ≥ 100 × 10^9/L within 7 days prior to registration", []string{"platelets >=100 10^9/L"}},
	{"ANC ≥ 1.5 × 10^9/L (≥ 1.0 × 10^9/L for patients with prior chemotherapy)", []string{"anc >=1.5 10^9/L", "anc >=1 10^9/L cond"}},
	{"Hemoglobin ≥ 9 g/dL (patients may have received prior transfusion)", []string{"hemoglobin >=9 g/dL"}},
	{"E: Baseline LVEF < 50%", []string{"lvef >=50 %"}},
	{"E: QTcF > 470 ms during screening", []string{"qtc <=470 ms"}},
}

func TestRound12(t *testing.T) {
	for _, tc := range round12 {
		got := extractOne(tc.text)
		if !slices.Equal(sorted(got), sorted(tc.want)) {
			t.Errorf("%s\n   got %q\n  want %q", tc.text, got, tc.want)
		}
	}
}
