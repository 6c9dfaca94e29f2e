package eligibility_test

import (
	"slices"
	"testing"

	"github.com/trials-app/trials/eligibility"
	"github.com/trials-app/trials/model"
)

func items(texts ...string) []model.Criterion {
	out := make([]model.Criterion, len(texts))
	for i, t := range texts {
		out[i] = model.Criterion{Text: t, Children: []model.Criterion{}}
	}
	return out
}

func lead(text string, children ...string) model.Criterion {
	return model.Criterion{Text: text, Children: items(children...)}
}

// The criteria tree decides a requirement's section and whether a lead-in
// restricts it.
func TestTree(t *testing.T) {
	cases := []struct {
		name string
		el   model.Eligibility
		want []string // compact form, then "@from"
	}{
		{"children inherit the inclusion section",
			model.Eligibility{Inclusion: []model.Criterion{lead("Adequate organ function as defined by:",
				"ANC ≥ 1.5 × 10^9/L", "Platelets ≥ 100 × 10^9/L")}},
			[]string{"anc >=1.5 10^9/L @inclusion", "platelets >=100 10^9/L @inclusion"}},
		{"children of an exclusion lead-in are inverted",
			model.Eligibility{Exclusion: []model.Criterion{lead("Inadequate organ function, defined as:",
				"ANC < 1.5 × 10^9/L", "Total bilirubin > 1.5 × ULN")}},
			[]string{"anc >=1.5 10^9/L @exclusion", "bilirubin <=1.5 xULN @exclusion"}},
		{"a restricting lead-in makes its children conditional",
			model.Eligibility{Inclusion: []model.Criterion{lead("For patients with HCC only:", "Child-Pugh class A")}},
			[]string{"child_pugh_score [5,6] cond @inclusion"}},
		{"an anticoagulation lead-in does not",
			model.Eligibility{Inclusion: []model.Criterion{lead("For subjects not receiving therapeutic anticoagulation:", "INR ≤ 1.5")}},
			[]string{"inr <=1.5 ratio @inclusion"}},
		{"a later stage is conditional, the first is not",
			model.Eligibility{Inclusion: []model.Criterion{
				lead("Inclusion Criteria Stage 1", "ECOG Performance Status of 0 or 1"),
				lead("Inclusion criteria stage 2", "ECOG Performance Status of 0, 1, or 2"),
				lead("Exclusion Criteria for Stage 1", "QTcF > 470 ms")}},
			[]string{"ecog [0,1] @inclusion", "ecog [0,2] cond @inclusion", "qtc <=470 ms @exclusion"}},
		{"a flat heading governs the items after it",
			model.Eligibility{Inclusion: items("Age ≥ 18 years", "Exclusion Criteria:", "Platelets < 100,000/mm3")},
			[]string{"age >=18 years @inclusion", "platelets >=100 10^9/L @exclusion"}},
		{"an item ending in OR makes the next an alternative",
			model.Eligibility{Inclusion: []model.Criterion{lead("Renal:", "Creatinine no greater than 1.5 mg/dL OR",
				"Creatinine clearance at least 60 mL/min")}},
			[]string{"creatinine <=1.5 mg/dL @inclusion", "creatinine_clearance >=60 mL/min cond @inclusion"}},
		{"a lead-in naming the variable gives it to its children",
			model.Eligibility{Inclusion: []model.Criterion{
				lead("Life expectancy:", "At least 12 weeks"),
				lead("Performance status:", "0-2"),
				lead("Age:", "18 and over")}},
			[]string{"life_expectancy >=12 weeks @inclusion", "ecog [0,2] @inclusion", "age >=18 years @inclusion"}},
		{"a bare time right after a performance status is the life expectancy whose label was lost",
			model.Eligibility{Inclusion: items("Performance status - Zubrod 0-1", "Greater than 3 months",
				"Performance status - ECOG 0-2", "At least 4 weeks since prior radiotherapy", "Platelets at least 100,000/mm^3", "At least 6 months")},
			[]string{"ecog [0,1] @inclusion", "life_expectancy >13.035 weeks @inclusion", "ecog [0,2] @inclusion", "platelets >=100 10^9/L @inclusion"}},
		{"bounds given item by item only per study group: the loosest is everyone's (SPEC 4.7)",
			model.Eligibility{Inclusion: items("Part 1: aged 18 to 65 years", "Part 2: aged 18 to 75 years", "ECOG 0-1")},
			[]string{"age [18,65] years cond @inclusion", "age [18,75] years @inclusion", "ecog [0,1] @inclusion"}},
		{"one group's own bound stays conditional",
			model.Eligibility{Inclusion: items("Cohort B: ECOG 0-2", "ECOG 0-1")},
			[]string{"ecog [0,2] cond @inclusion", "ecog [0,1] @inclusion"}},
		{"a heading that names what it is for before its section, for a later randomisation",
			model.Eligibility{Exclusion: []model.Criterion{
				lead("Eligibility criteria for the secondary randomisation to stop or continue prophylaxis Inclusion criteria",
					"Aged at least 3 years", "Platelets ≥ 50 × 10^9/L")}},
			[]string{"age >=3 years cond @inclusion", "platelets >=50 10^9/L cond @inclusion"}},
		{"a study group's stratum as a lead-in",
			model.Eligibility{Inclusion: []model.Criterion{lead("Stratum B:", "Absolute neutrophil count at least 750/mm^3"),
				lead("Stratum A:", "No marrow involvement")}},
			[]string{"anc >=0.75 10^9/L cond @inclusion"}},
		{"a bound stated in both sections is recorded once, from the first",
			model.Eligibility{Inclusion: items("ANC ≥ 1.5 × 10^9/L"), Exclusion: items("ANC < 1500/mm3")},
			[]string{"anc >=1.5 10^9/L @inclusion"}},
		{"a conditional restatement of an unconditional bound is dropped",
			model.Eligibility{Inclusion: []model.Criterion{lead("Resting corrected QT interval (QTc) =< 480 msec",
				"NOTE: If the first recorded QTc exceeds 480 msec, two additional, consecutive ECGs are required and must result in a mean resting QTc =< 480 msec")}},
			[]string{"qtc <=480 ms @inclusion"}},
		{"a negating lead-in inverts its children",
			model.Eligibility{Inclusion: []model.Criterion{lead("Patients must not have any of the following:", "QTcF > 480 ms")}},
			[]string{"qtc <=480 ms @inclusion"}},
		{"the restriction a raw line states reaches the item it names",
			model.Eligibility{
				Raw: "Inclusion Criteria:\n\n 12. Measurable disease\n\n     Inclusion criteria 13 is only for patients registered before starting the\n     induction chemotherapy:\n\n 13. Patients must have normal organ function measured within 14 days\n\n       -  Platelet count ≥ 100 x 109/L\n",
				Inclusion: []model.Criterion{{Text: "Measurable disease"},
					lead("Patients must have normal organ function measured within 14 days", "Platelet count ≥ 100 x 109/L")}},
			[]string{"platelets >=100 10^9/L cond @inclusion"}},
		{"the alternatives of 'one of the following'",
			model.Eligibility{Inclusion: []model.Criterion{lead("Adequate renal function defined as one of the following:",
				"Serum creatinine ≤ 1.5 mg/dL", "Creatinine clearance ≥ 60 mL/min")}},
			[]string{"creatinine <=1.5 mg/dL @inclusion", "creatinine_clearance >=60 mL/min cond @inclusion"}},
		{"a lead-in naming a later step makes its children conditional",
			model.Eligibility{Inclusion: []model.Criterion{lead("Re-treatment criteria:", "ECOG 0-2", "Platelets ≥ 75 × 10^9/L")}},
			[]string{"ecog [0,2] cond @inclusion", "platelets >=75 10^9/L cond @inclusion"}},
		{"an old PDQ layout without headings is all inclusion",
			model.Eligibility{Inclusion: []model.Criterion{{Text: "PATIENT CHARACTERISTICS:"},
				lead("Hematopoietic:", "WBC at least 3,000/mm^3", "Platelet count at least 100,000/mm^3"),
				lead("Hepatic:", "Bilirubin no greater than 1.5 times upper limit of normal (ULN)")}},
			[]string{"wbc >=3 10^9/L @inclusion", "platelets >=100 10^9/L @inclusion", "bilirubin <=1.5 xULN @inclusion"}},
	}
	for _, tc := range cases {
		var got []string
		for _, r := range eligibility.Extract(&tc.el) {
			got = append(got, compact(r)+" @"+r.From)
		}
		if !slices.Equal(sorted(got), sorted(tc.want)) {
			t.Errorf("%s:\n   got %q\n  want %q", tc.name, got, tc.want)
		}
	}
}

func TestExtractNil(t *testing.T) {
	if got := eligibility.Extract(nil); got == nil || len(got) != 0 {
		t.Errorf("Extract(nil) = %v, want an empty list", got)
	}
	if got := eligibility.Extract(&model.Eligibility{}); got == nil || len(got) != 0 {
		t.Errorf("no criteria: %v, want an empty list", got)
	}
}
