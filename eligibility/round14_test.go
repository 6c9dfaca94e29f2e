package eligibility_test

import (
	"slices"
	"testing"
)

// round14 are round 14's wordings, each written for this table: the
// misses of DEV16, a set nobody had tuned to.
var round14 = []struct {
	text string
	want []string
}{
	// the institution's, the laboratory's ULN is the ULN
	{"Total bilirubin ≤ 1.5 x institution's upper limit of normal", []string{"bilirubin <=1.5 xULN"}},
	{"AST and ALT < 3 x institution's ULN", []string{"ast <3 xULN", "alt <3 xULN"}},
	{"Serum creatinine ≤ 1.5 × the laboratory's ULN", []string{"creatinine <=1.5 xULN"}},
	{"ALT ≤ 2.5 times the site's upper limit of normal (ULN)", []string{"alt <=2.5 xULN"}},
	// an estimated survival duration is a life expectancy
	{"Estimated survival duration of at least 12 weeks", []string{"life_expectancy >=12 weeks"}},
	{"Expected duration of survival > 6 months", []string{"life_expectancy >26.07 weeks"}},
	// after a comma, a value on its variable's usual side is required, not
	// one more thing a "no" denies; on the other side it stays denied
	{"Adequate cardiac function (no significant heart disease, LVEF ≥ 50% by ECHO)", []string{"lvef >=50 %"}},
	{"No uncontrolled arrhythmia, QTcF ≤ 470 ms", []string{"qtc <=470 ms"}},
	{"No history of arrhythmia, QTcF > 470 ms", []string{"qtc <=470 ms"}},
	{"No history of QTc prolongation (QTcF > 480 ms)", []string{"qtc <=480 ms"}},
}

func TestRound14(t *testing.T) {
	for _, tc := range round14 {
		got := extractOne(tc.text)
		if !slices.Equal(sorted(got), sorted(tc.want)) {
			t.Errorf("%s\n   got %q\n  want %q", tc.text, got, tc.want)
		}
	}
}
