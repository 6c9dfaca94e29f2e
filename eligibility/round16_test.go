package eligibility_test

import (
	"slices"
	"testing"
)

// round16 are round 16's wordings, each written for this table: the
// false positives and misses of DEV19, a set nobody had tuned to.
var round16 = []struct {
	text string
	want []string
}{
	// "TBL", capitals with a unit of bilirubin, is the total bilirubin
	{"TBL < 2.5 mg/dL, except for participants with Gilbert's syndrome.", []string{"bilirubin <2.5 mg/dL"}},
	{"Total bilirubin (TBL) ≤ 1.5 x ULN", []string{"bilirubin <=1.5 xULN"}},
	{"TBL within normal limits", nil},
}

// round16Trees are lead-ins with the items under them.
var round16Trees = []struct {
	lead     string
	children []string
	want     []string
}{
	// the loader's label for a randomization's list after a registration's:
	// a later step only registered patients reach (SPEC 4.6)
	{"Randomization:", []string{"Platelets ≥ 20,000/μL", "TBL < 2.5 mg/dL"},
		[]string{"platelets >=20 10^9/L cond", "bilirubin <2.5 mg/dL cond"}},
}

func TestRound16(t *testing.T) {
	for _, tc := range round16Trees {
		got := extractTree(tc.lead, tc.children)
		if !slices.Equal(sorted(got), sorted(tc.want)) {
			t.Errorf("%s %q\n   got %q\n  want %q", tc.lead, tc.children, got, tc.want)
		}
	}
	for _, tc := range round16 {
		got := extractOne(tc.text)
		if !slices.Equal(sorted(got), sorted(tc.want)) {
			t.Errorf("%s\n   got %q\n  want %q", tc.text, got, tc.want)
		}
	}
}
