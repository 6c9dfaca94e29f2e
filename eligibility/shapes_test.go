package eligibility_test

import (
	"slices"
	"testing"

	"github.com/trials-app/trials/eligibility"
	"github.com/trials-app/trials/model"
)

func kids(text string, children ...model.Criterion) model.Criterion {
	return model.Criterion{Text: text, Children: children}
}

func item(text string) model.Criterion { return model.Criterion{Text: text} }

// The same criteria arrive in different tree shapes: the loader of today
// keeps a study group's heading as an item of the list it follows (or
// loses it into the section heading, leaving it only in the raw text); the
// loader being written makes "Cohort D:" a sibling with children, moves
// lead-in notices into Notes, and hangs "NOTE:" and exception lines under
// the item they qualify. Each case here gives one set of criteria in
// several shapes, which must all read alike.
func TestTreeShapes(t *testing.T) {
	cohortRaw := "Cohorts A, B, C Inclusion Criteria:\n\n1. Age ≥ 18 years old.\n2. ECOG performance status of 0 or 1.\n\n" +
		"Cohorts A, B, C Exclusion Criteria:\n\n1. Inadequate organ function:\n    1. Absolute neutrophil count < 1,500 cells/mm3.\n    2. Total bilirubin > 1.5 × ULN.\n\n" +
		"Cohort D Inclusion criteria\n\n1. Age ≥ 18 years old.\n2. ECOG performance status of 0 to 2.\n\n" +
		"Cohort D Exclusion criteria\n\n1. Inadequate organ function:\n    1. Absolute neutrophil count < 1,500 cells/mm3.\n    2. Hemoglobin < 9.0 g/dL.\n    3. Total bilirubin > 1.5 × ULN.\n"
	cohortWant := []string{"age >=18 years @inclusion", "ecog [0,2] @inclusion", "ecog [0,1] cond @inclusion",
		"anc >=1.5 10^9/L @exclusion", "bilirubin <=1.5 xULN @exclusion", "hemoglobin >=9 g/dL cond @exclusion"}
	acItems := []model.Criterion{item("Age ≥ 18 years old."), item("ECOG performance status of 0 or 1.")}
	acExcl := kids("Inadequate organ function:", item("Absolute neutrophil count < 1,500 cells/mm3."), item("Total bilirubin > 1.5 × ULN."))
	dIncl := []model.Criterion{item("Age ≥ 18 years old."), item("ECOG performance status of 0 to 2.")}
	dExcl := kids("Inadequate organ function:", item("Absolute neutrophil count < 1,500 cells/mm3."),
		item("Hemoglobin < 9.0 g/dL."), item("Total bilirubin > 1.5 × ULN."))

	partRaw := "Inclusion Criteria (Part A):\n- ECOG 0-1\n- Platelets ≥ 100 × 10^9/L\nInclusion Criteria (Part B):\n- ECOG 0-2\n- Platelets ≥ 75 × 10^9/L\n- Life expectancy ≥ 12 weeks\n" +
		"Exclusion Criteria:\n- QTcF > 470 ms\n"
	partWant := []string{"ecog [0,2] @inclusion", "ecog [0,1] cond @inclusion", "platelets >=75 10^9/L @inclusion",
		"platelets >=100 10^9/L cond @inclusion", "life_expectancy >=12 weeks cond @inclusion", "qtc <=470 ms @exclusion"}

	cases := []struct {
		name   string
		shapes map[string]model.Eligibility
		want   []string
	}{
		{"cohort sections", map[string]model.Eligibility{
			// the first group's heading became the section heading; the
			// second's, unknown to the loader, an item with children
			"group heading as an item": {Raw: cohortRaw, Inclusion: acItems,
				Exclusion: []model.Criterion{acExcl, kids("Cohort D Inclusion criteria", dIncl...), kids("Cohort D Exclusion criteria", dExcl)}},
			// the loader in progress: "Cohort D:" in each section
			"group label with children": {Raw: cohortRaw,
				Inclusion: append(slices.Clone(acItems), kids("Cohort D:", dIncl...)),
				Exclusion: []model.Criterion{acExcl, kids("Cohort D:", dExcl)}},
			// a flat page: the headings are items, and govern what follows
			"flat": {Raw: cohortRaw, Inclusion: acItems, Exclusion: []model.Criterion{acExcl,
				item("Cohort D Inclusion criteria"), dIncl[0], dIncl[1], item("Cohort D Exclusion criteria"), dExcl}},
		}, cohortWant},
		{"part headings", map[string]model.Eligibility{
			// today's loader reads both headings as the inclusion heading:
			// only the raw text tells the parts apart
			"merged by the loader": {Raw: partRaw,
				Inclusion: []model.Criterion{item("ECOG 0-1"), item("Platelets ≥ 100 × 10^9/L"), item("ECOG 0-2"),
					item("Platelets ≥ 75 × 10^9/L"), item("Life expectancy ≥ 12 weeks")},
				Exclusion: []model.Criterion{item("QTcF > 470 ms")}},
			"group labels with children": {Raw: partRaw,
				Inclusion: []model.Criterion{kids("Part A:", item("ECOG 0-1"), item("Platelets ≥ 100 × 10^9/L")),
					kids("Part B:", item("ECOG 0-2"), item("Platelets ≥ 75 × 10^9/L"), item("Life expectancy ≥ 12 weeks"))},
				Exclusion: []model.Criterion{item("QTcF > 470 ms")}},
			"flat labels": {
				Inclusion: []model.Criterion{item("Part A:"), item("ECOG 0-1"), item("Platelets ≥ 100 × 10^9/L"), item("Part B:"),
					item("ECOG 0-2"), item("Platelets ≥ 75 × 10^9/L"), item("Life expectancy ≥ 12 weeks")},
				Exclusion: []model.Criterion{item("QTcF > 470 ms")}},
		}, partWant},
		{"groups with common criteria", map[string]model.Eligibility{
			"nested": {Inclusion: []model.Criterion{item("Age ≥ 18 years"), item("ECOG 0-1"),
				kids("Dose expansion cohort:", item("Platelets ≥ 100 × 10^9/L")),
				kids("Dose escalation:", item("Platelets ≥ 75 × 10^9/L"), item("ECOG 0-2"))}},
		}, []string{"age >=18 years @inclusion", "ecog [0,1] @inclusion", "platelets >=100 10^9/L cond @inclusion",
			"platelets >=75 10^9/L @inclusion", "ecog [0,2] cond @inclusion"}},
		{"a lead-in whose trigger dates its own tests", map[string]model.Eligibility{
			"nested": {Inclusion: []model.Criterion{kids("Screening laboratory values must meet the following criteria and should be obtained within 30 days (or 45 days if a biopsy is repeated) prior to study treatment:",
				item("Platelet count ≥ 100 × 10e3/µL"), item("Hemoglobin > 9 g/dL"))}},
			"trigger unbracketed": {Inclusion: []model.Criterion{kids("Laboratory values obtained within 14 days, or 28 days if a scan is repeated:",
				item("Platelet count ≥ 100 × 10e3/µL"), item("Hemoglobin > 9 g/dL"))}},
		}, []string{"platelets >=100 10^9/L @inclusion", "hemoglobin >9 g/dL @inclusion"}},
		{"a restricting lead-in", map[string]model.Eligibility{
			"nested":   {Inclusion: []model.Criterion{kids("For patients with liver metastases:", item("AST ≤ 5 × ULN"))}},
			"one item": {Inclusion: []model.Criterion{item("For patients with liver metastases: AST ≤ 5 × ULN")}},
		}, []string{"ast <=5 xULN cond @inclusion"}},
		{"an item restricting itself, then an unrelated one", map[string]model.Eligibility{
			"flat": {Inclusion: []model.Criterion{item("INR or aPTT ≤ 1.5 × ULN. This applies only to patients who are not receiving therapeutic anticoagulation."),
				item("AST and ALT ≤ 2.5 × ULN")}},
		}, []string{"inr <=1.5 xULN @inclusion", "ast <=2.5 xULN @inclusion", "alt <=2.5 xULN @inclusion"}},
		{"exceptions announced by an inclusion item", map[string]model.Eligibility{
			"children": {Inclusion: []model.Criterion{kids("AST and ALT ≤ 2.5 × ULN, with the following exceptions:",
				item("≤ 5 × ULN for patients with liver metastases"))}},
			"children naming the subject": {Inclusion: []model.Criterion{kids("AST and ALT ≤ 2.5 × ULN, with the following exceptions:",
				item("Patients with liver metastases: AST and ALT ≤ 5 × ULN"))}},
			"flat": {Inclusion: []model.Criterion{item("AST and ALT ≤ 2.5 × ULN, with the following exceptions:"),
				item("Patients with liver metastases: AST and ALT ≤ 5 × ULN")}},
		}, []string{"ast <=2.5 xULN @inclusion", "alt <=2.5 xULN @inclusion", "ast <=5 xULN cond @inclusion", "alt <=5 xULN cond @inclusion"}},
		{"exceptions announced by an exclusion item", map[string]model.Eligibility{
			"children": {Exclusion: []model.Criterion{kids("Total bilirubin > 1.5 × ULN, except:",
				item("Patients with Gilbert's syndrome, who may have total bilirubin ≤ 3 × ULN"))}},
			"one item": {Exclusion: []model.Criterion{item("Total bilirubin > 1.5 × ULN, except patients with Gilbert's syndrome, who may have total bilirubin ≤ 3 × ULN")}},
		}, []string{"bilirubin <=1.5 xULN @exclusion", "bilirubin <=3 xULN cond @exclusion"}},
		{"a NOTE line", map[string]model.Eligibility{
			"child": {Inclusion: []model.Criterion{kids("Total bilirubin ≤ 1.5 × ULN",
				item("NOTE: patients with Gilbert's syndrome may have total bilirubin ≤ 3 × ULN"))}},
			"flat": {Inclusion: []model.Criterion{item("Total bilirubin ≤ 1.5 × ULN"),
				item("NOTE: patients with Gilbert's syndrome may have total bilirubin ≤ 3 × ULN")}},
		}, []string{"bilirubin <=1.5 xULN @inclusion", "bilirubin <=3 xULN cond @inclusion"}},
		{"a qualifier that names no number", map[string]model.Eligibility{
			"child": {Inclusion: []model.Criterion{kids("Hemoglobin ≥ 9 g/dL", item("Subjects may be transfused to meet this criterion."))}},
			"flat":  {Inclusion: []model.Criterion{item("Hemoglobin ≥ 9 g/dL"), item("Subjects may be transfused to meet this criterion.")}},
		}, []string{"hemoglobin >=9 g/dL @inclusion"}},
		{"a numbered criterion restricted by a line of the raw text or by a note", map[string]model.Eligibility{
			"raw line": {Raw: "Inclusion Criteria:\n1. Age ≥ 18 years\nCriterion 2 applies only to patients enrolled in the expansion:\n2. Platelets ≥ 75 × 10^9/L\n",
				Inclusion: []model.Criterion{item("Age ≥ 18 years"), item("Platelets ≥ 75 × 10^9/L")}},
			"note": {Raw: "Inclusion Criteria:\n1. Age ≥ 18 years\n2. Platelets ≥ 75 × 10^9/L\n",
				Notes:     []string{"Criterion 2 applies only to patients enrolled in the expansion"},
				Inclusion: []model.Criterion{item("Age ≥ 18 years"), item("Platelets ≥ 75 × 10^9/L")}},
		}, []string{"age >=18 years @inclusion", "platelets >=75 10^9/L cond @inclusion"}},
		{"an introduction lifted into the notes", map[string]model.Eligibility{
			"note": {Notes: []string{"Subjects who meet each of the following criteria are eligible to participate in this study:"},
				Inclusion: []model.Criterion{item("ECOG 0-1"), item("ANC ≥ 1.5 × 10^9/L")}},
			"item with children": {Inclusion: []model.Criterion{kids("Subjects who meet each of the following criteria are eligible to participate in this study:",
				item("ECOG 0-1"), item("ANC ≥ 1.5 × 10^9/L"))}},
		}, []string{"ecog [0,1] @inclusion", "anc >=1.5 10^9/L @inclusion"}},
		{"a packed lab panel", map[string]model.Eligibility{
			"one item": {Inclusion: []model.Criterion{item("Organ and bone marrow function meet the following conditions: absolute neutrophil count ≥1.5×10^9/L; platelets ≥100×10^9/L; hemoglobin ≥90 g/L ; serum bilirubin ≤1.5 times the upper limit of normal (ULN)")}},
			"children": {Inclusion: []model.Criterion{kids("Organ and bone marrow function meet the following conditions:",
				item("absolute neutrophil count ≥1.5×10^9/L;"), item("platelets ≥100×10^9/L;"), item("hemoglobin ≥90 g/L ;"),
				item("serum bilirubin ≤1.5 times the upper limit of normal (ULN)"))}},
			"Chinese punctuation": {Inclusion: []model.Criterion{item("Laboratory tests within 7 days: ANC≥1.5×10^9/L；PLT≥100×10^9/L；Hb≥90g/L；TBIL≤1.5×ULN")}},
		}, []string{"anc >=1.5 10^9/L @inclusion", "platelets >=100 10^9/L @inclusion", "hemoglobin >=9 g/dL @inclusion", "bilirubin <=1.5 xULN @inclusion"}},
		{"old PDQ layout with alternatives", map[string]model.Eligibility{
			"nested": {Inclusion: []model.Criterion{item("PATIENT CHARACTERISTICS:"),
				kids("Performance status:", item("ECOG 0-2 OR"), item("Karnofsky 60-100%")),
				kids("Life expectancy:", item("Not specified")),
				kids("Hematopoietic:", item("WBC at least 3,000/mm^3"), item("Platelet count at least 100,000/mm^3")),
				kids("Renal:", item("Creatinine no greater than 1.5 mg/dL OR"), item("Creatinine clearance at least 60 mL/min"))}},
			"flat": {Inclusion: []model.Criterion{item("PATIENT CHARACTERISTICS:"),
				item("Performance status:"), item("ECOG 0-2 OR"), item("Karnofsky 60-100%"),
				item("Life expectancy:"), item("Not specified"),
				item("Hematopoietic:"), item("WBC at least 3,000/mm^3"), item("Platelet count at least 100,000/mm^3"),
				item("Renal:"), item("Creatinine no greater than 1.5 mg/dL OR"), item("Creatinine clearance at least 60 mL/min")}},
			"one line each": {Inclusion: []model.Criterion{item("PATIENT CHARACTERISTICS:"),
				kids("Performance status:", item("ECOG 0-2 OR Karnofsky 60-100%")),
				kids("Life expectancy:", item("Not specified")),
				kids("Hematopoietic:", item("WBC at least 3,000/mm^3"), item("Platelet count at least 100,000/mm^3")),
				kids("Renal:", item("Creatinine no greater than 1.5 mg/dL OR creatinine clearance at least 60 mL/min"))}},
		}, []string{"ecog [0,2] @inclusion", "karnofsky [60,100] cond @inclusion", "wbc >=3 10^9/L @inclusion", "platelets >=100 10^9/L @inclusion",
			"creatinine <=1.5 mg/dL @inclusion", "creatinine_clearance >=60 mL/min cond @inclusion"}},
		{"a range of numbered criteria restricted", map[string]model.Eligibility{
			"raw line": {Raw: "Inclusion Criteria:\n1. Age ≥ 18 years\nCriteria 2-3 apply only to Part B:\n2. Platelets ≥ 75 × 10^9/L\n3. ECOG 0-2\n4. Life expectancy ≥ 12 weeks\n",
				Inclusion: []model.Criterion{item("Age ≥ 18 years"), item("Platelets ≥ 75 × 10^9/L"), item("ECOG 0-2"), item("Life expectancy ≥ 12 weeks")}},
		}, []string{"age >=18 years @inclusion", "platelets >=75 10^9/L cond @inclusion", "ecog [0,2] cond @inclusion", "life_expectancy >=12 weeks @inclusion"}},
		{"an exclusion heading run into the last inclusion item", map[string]model.Eligibility{
			"one item": {Inclusion: []model.Criterion{item("ECOG 0-1"),
				item("Age ≥ 18 years Exclusion Criteria: ANC < 1.5 × 10^9/L; QTcF > 470 ms")}},
			"split": {Inclusion: []model.Criterion{item("ECOG 0-1"), item("Age ≥ 18 years")},
				Exclusion: []model.Criterion{item("ANC < 1.5 × 10^9/L; QTcF > 470 ms")}},
		}, []string{"ecog [0,1] @inclusion", "age >=18 years @inclusion", "anc >=1.5 10^9/L @exclusion", "qtc <=470 ms @exclusion"}},
		{"a flat line restricting the rest of its list", map[string]model.Eligibility{
			"flat": {Inclusion: []model.Criterion{item("Age ≥ 18 years"), item("The following criteria apply only to patients enrolled in the expansion cohort:"),
				item("ECOG 0-1"), item("Platelets ≥ 100 × 10^9/L")},
				Exclusion: []model.Criterion{item("QTcF > 470 ms")}},
			"nested": {Inclusion: []model.Criterion{item("Age ≥ 18 years"), kids("The following criteria apply only to patients enrolled in the expansion cohort:",
				item("ECOG 0-1"), item("Platelets ≥ 100 × 10^9/L"))},
				Exclusion: []model.Criterion{item("QTcF > 470 ms")}},
		}, []string{"age >=18 years @inclusion", "ecog [0,1] cond @inclusion", "platelets >=100 10^9/L cond @inclusion", "qtc <=470 ms @exclusion"}},
		{"a value under its subject's label", map[string]model.Eligibility{
			"nested": {Inclusion: []model.Criterion{kids("Life expectancy:", item("At least 12 weeks")), kids("Age:", item("18 and over"))}},
			"flat":   {Inclusion: []model.Criterion{item("Life expectancy:"), item("At least 12 weeks"), item("Age:"), item("18 and over")}},
		}, []string{"life_expectancy >=12 weeks @inclusion", "age >=18 years @inclusion"}},
	}
	for _, tc := range cases {
		for shape, el := range tc.shapes {
			var got []string
			for _, r := range eligibility.Extract(&el) {
				got = append(got, compact(r)+" @"+r.From)
			}
			if !slices.Equal(sorted(got), sorted(tc.want)) {
				t.Errorf("%s, %s:\n   got %q\n  want %q", tc.name, shape, got, tc.want)
			}
		}
	}
}
