package eligibility_test

import (
	"slices"
	"testing"
)

// round11 are round 11's wordings, each written for this table: SPEC's
// decision on bounds that every name their own subgroup, and the precision
// pass over subgroup flags.
var round11 = []struct {
	text string
	want []string
}{
	// every bound names its own subgroup, the first with "in the absence
	// of" or "without": no main bound, the loosest is everyone's (SPEC 4.7)
	{"AST and ALT ≤ 2.5 × ULN in the absence of liver metastases or up to 5 × ULN in case of liver metastases",
		[]string{"ast <=2.5 xULN cond", "alt <=2.5 xULN cond", "ast <=5 xULN", "alt <=5 xULN"}},
	{"Total bilirubin ≤ 1.5 × ULN in subjects without liver metastases; ≤ 3 × ULN with liver metastases",
		[]string{"bilirubin <=1.5 xULN cond", "bilirubin <=3 xULN"}},
	{"Bilirubin ≤ 1.5 × ULN in absence of Gilbert's syndrome, ≤ 3 × ULN in Gilbert's syndrome",
		[]string{"bilirubin <=1.5 xULN cond", "bilirubin <=3 xULN"}},
	{"Bilirubin ≤ 1.5 mg/dL without liver metastases, ≤ 3 mg/dL with liver metastases",
		[]string{"bilirubin <=1.5 mg/dL cond", "bilirubin <=3 mg/dL"}},
	{"Bilirubin ≤ 1.5 × ULN without Gilbert syndrome, ≤ 3 × ULN for patients with Gilbert syndrome",
		[]string{"bilirubin <=1.5 xULN cond", "bilirubin <=3 xULN"}},
	{"E: ALT > 3 × ULN in the absence of hepatic metastases, or > 5 × ULN in their presence",
		[]string{"alt <=3 xULN cond", "alt <=5 xULN"}},
	// a single bound for the patients without: theirs alone (SPEC 4.7)
	{"ALT ≤ 2.5 × ULN in the absence of liver metastases", []string{"alt <=2.5 xULN cond"}},
	// a first bound with no subgroup of its own stays the main one (SPEC 4.5)
	{"AST ≤ 3 × ULN (≤ 5 × ULN in patients with liver metastases)", []string{"ast <=3 xULN", "ast <=5 xULN cond"}},
	{"ALT ≤ 2.5 × ULN or ≤ 5 × ULN if liver metastases are present", []string{"alt <=2.5 xULN", "alt <=5 xULN cond"}},
	// without anticoagulation the bound stays everyone's (SPEC 4.9); without
	// transfusion or growth factors says how the value is reached
	{"INR ≤ 1.5 in the absence of anticoagulation, or within therapeutic range if on anticoagulants", []string{"inr <=1.5 ratio"}},
	{"INR ≤ 1.5 without anticoagulation therapy", []string{"inr <=1.5 ratio"}},
	{"Platelets ≥ 75 × 10^9/L without transfusion within 7 days", []string{"platelets >=75 10^9/L"}},
	{"ANC ≥ 1.0 × 10^9/L without growth factor support", []string{"anc >=1 10^9/L"}},
}

func TestRound11(t *testing.T) {
	for _, tc := range round11 {
		got := extractOne(tc.text)
		if !slices.Equal(sorted(got), sorted(tc.want)) {
			t.Errorf("%s\n   got %q\n  want %q", tc.text, got, tc.want)
		}
	}
}
