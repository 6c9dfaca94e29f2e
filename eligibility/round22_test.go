package eligibility_test

import (
	"slices"
	"testing"
)

// round22 are round 22's wordings (DEV38, DEV39, DEV41's misses), each
// written for this table, with the negatives that keep each rule from
// reaching further.
var round22 = []struct {
	text string
	want []string
}{
	// the PDQ age with its "Age:" label lost
	{"18 and over", []string{"age >=18 years"}},
	{"70 and under", []string{"age <=70 years"}},
	{"65 and older.", []string{"age >=65 years"}},
	{"E: 18 and over", nil},
	{"18 and over with measurable disease", nil},
	{"0.5 and over", nil},
	// the best performance grade alone
	{"Performance status (PS) 0", []string{"ecog <=0"}},
	{"ECOG 0.", []string{"ecog <=0"}},
	{"ECOG performance status 0 (see appendix B)", []string{"ecog <=0"}},
	{"ECOG PS 2", nil},
	{"ECOG 0 at baseline after 2 cycles", nil},
	// "Performance Index", a name of the scale
	{"E: WHO Performance Index 3 or 4", []string{"ecog <=2"}},
	{"Karnofsky performance index ≥ 70", []string{"karnofsky >=70"}},
	// survival anticipated
	{"Anticipation of more than 3 months survival", []string{"life_expectancy >13.035 weeks"}},
	{"Expectation of at least 12 weeks survival", []string{"life_expectancy >=12 weeks"}},
	{"No anticipation of surgery within 3 months", nil},
	// a decimal point spaced out, before a laboratory unit only
	{"Neutrophils ≥ 1. 5 G/L", []string{"anc >=1.5 10^9/L"}},
	{"ANC ≥ 1. 5 x 10^9/L", []string{"anc >=1.5 10^9/L"}},
	{"Bilirubin ≤ 1. 5 times ULN", []string{"bilirubin <=1.5 xULN"}},
	{"ECOG 0-1. 2 prior regimens allowed", []string{"ecog [0,1]"}},
	// an age in brackets after a scale's name picks whom the value is for
	{"Karnofsky (age ≥ 16 years) ≥ 50%", []string{"karnofsky >=50 cond"}},
}

func TestRound22(t *testing.T) {
	for _, tc := range round22 {
		got := extractOne(tc.text)
		if !slices.Equal(sorted(got), sorted(tc.want)) {
			t.Errorf("%s\n   got %q\n  want %q", tc.text, got, tc.want)
		}
	}
}
