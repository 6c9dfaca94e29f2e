package eligibility_test

import (
	"fmt"
	"slices"
	"testing"
)

// round21 are round 21's wordings, each written for this table, with the
// negatives that keep each rule from reaching further.
var round21 = []struct {
	text string
	want []string
}{
	// the registry's old page, copied: "eligible for study" between the
	// age and its value
	{"Ages eligible for study: 18 years and above, Genders eligible for study: both", []string{"age >=18 years"}},
	{"Ages Eligible for Study: 18 Years and above", []string{"age >=18 years"}},
	{"Age eligible: 18 to 75 years", []string{"age [18,75] years"}},
	{"Age eligible for the study: ≥ 18 years", []string{"age >=18 years"}},
	// … and nothing else after "eligible for"
	{"Age eligible for transplant: ≤ 65 years", nil},
	// dot leaders between a name and its value, a full stop kept apart
	{"E: Platelets .......... < 75,000/ microliter", []string{"platelets >=75 10^9/L"}},
	{"E: Total Bilirubin ... > 2 mg/dL", []string{"bilirubin <=2 mg/dL"}},
	{"Creatinine ......... ≤ 1.5 X upper limit of normal.", []string{"creatinine <=1.5 xULN"}},
	{"Prior chemotherapy allowed. ≥ 2 weeks since surgery", nil},
	// a disease's own bound after "for which the parameter is"
	{"Absolute neutrophil count ≥ 1000/mcL (except for MDS, for which the parameter is ≥ 500/mcL)",
		[]string{"anc >=1 10^9/L", "anc >=0.5 10^9/L cond"}},
	{"Platelets > 50 K/mcL (except for MDS for which the parameter is > 25 K/mcL and not transfusion dependent)",
		[]string{"platelets >50 10^9/L", "platelets >25 10^9/L cond"}},
}

func TestRound21(t *testing.T) {
	for _, tc := range round21 {
		got := extractOne(tc.text)
		if !slices.Equal(sorted(got), sorted(tc.want)) {
			t.Errorf("%s\n   got %q\n  want %q", tc.text, got, tc.want)
		}
	}
}

// round21Trees are lead-ins over their children.
var round21Trees = []struct {
	name     string
	lead     string
	children []string
	want     []string
}{
	{"the children say whom the lead-in's test is for: their age bounds no one, the test is theirs",
		"Documented LVEF of ≥ 45% tested in patients with:",
		[]string{"Clinically significant atrial and/or ventricular arrhythmias", "Age greater than or equal to 60 years old."},
		[]string{"lvef >=45 % cond"}},
	{"… so are the values of a test for patients who …",
		"FEV1 ≥ 60% predicted, measured in subjects who:",
		[]string{"are ≥ 65 years of age", "have a history of smoking"},
		nil},
	{"a lead-in with no test of its own keeps its children's values",
		"Patients with:",
		[]string{"Age ≥ 18 years", "ECOG 0-1"},
		[]string{"age >=18 years", "ecog [0,1]"}},
}

func TestRound21Trees(t *testing.T) {
	for _, tc := range round21Trees {
		got := extractTree(tc.lead, tc.children)
		if !slices.Equal(sorted(got), sorted(tc.want)) {
			t.Errorf("%s\n   got %q\n  want %q", tc.name, got, tc.want)
		}
	}
}

// round21Lists are whole lists.
var round21Lists = []struct {
	name  string
	items []string
	want  []string
}{
	{"a group whose patients must meet another group's criteria has that group's bounds (SPEC 4.7)",
		[]string{"Stratum 1 Eligibility Criteria:", "Must be ≥ 1 and ≤ 21 years of age.", "Life expectancy of at least 8 weeks.",
			"Stratum 2:", "All patients who fulfill the Eligibility Criteria for Stratum 1 and the Exclusion Criteria plus the following exclusions:",
			"Patients who have had prior central axis radiation."},
		[]string{"age [1,21] years", "life_expectancy >=8 weeks"}},
	{"… but a group with no word of the other's criteria stays apart",
		[]string{"Stratum 1 Eligibility Criteria:", "Must be ≥ 1 and ≤ 21 years of age.", "Life expectancy of at least 8 weeks.",
			"Stratum 2:", "Patients who have had prior central axis radiation."},
		[]string{"age [1,21] years cond", "life_expectancy >=8 weeks cond"}},
	{"… and its own bound is reconciled with the other's",
		[]string{"Part A:", "ECOG 0-1", "Part B:", "Patients must meet all inclusion criteria for Part A, except:", "ECOG 0-2"},
		[]string{"ecog [0,1] cond", "ecog [0,2]"}},
}

func TestRound21Lists(t *testing.T) {
	for _, tc := range round21Lists {
		got := extractList(tc.items)
		if !slices.Equal(sorted(got), sorted(tc.want)) {
			t.Errorf("%s\n   got %q\n  want %q", tc.name, got, tc.want)
		}
	}
}

// TestRound21ManyGroups: a group that meets the criteria of a group past
// the sixteenth, which reconcile does not track, changes nothing and
// never indexes past its table.
func TestRound21ManyGroups(t *testing.T) {
	var items []string
	for g := 1; g <= 18; g++ {
		items = append(items, fmt.Sprintf("Cohort %d:", g))
		if g != 2 {
			items = append(items, "ECOG 0-1")
		}
	}
	// an early group, named again, that meets a late one's criteria
	items = append(items, "Cohort 2:", "Patients must meet all inclusion criteria for Cohort 17")
	for _, r := range extractList(items) {
		if r != "ecog [0,1] cond" && r != "ecog [0,1]" {
			t.Errorf("unexpected %q", r)
		}
	}
}
