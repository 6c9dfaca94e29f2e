package eligibility_test

import (
	"slices"
	"testing"

	"github.com/trials-app/trials/eligibility"
	"github.com/trials-app/trials/model"
)

// round16b are round 16's wordings for DEV20's false positives and
// misses, each written for this table (none is a DEV20 sentence).
var round16b = []struct {
	text string
	want []string
}{
	// a transaminase's full name, its bracketed abbreviation naming which one
	{"Serum glutamate oxalo-acetate transaminase (SGOT) no more than 3 times normal", []string{"ast <=3 xULN"}},
	{"serum glutamic-pyruvic transaminase (SGPT) < 2.5 x ULN", []string{"alt <2.5 xULN"}},
	{"Transaminase (ALT) ≤ 2 × ULN", []string{"alt <=2 xULN"}},
	{"Serum transaminases (SGOT) less than 3 times upper limit of normal", []string{"ast <3 xULN"}},
	// two still named: both
	{"Transaminases (AST/ALT) ≤ 2.5 × ULN", []string{"ast <=2.5 xULN", "alt <=2.5 xULN"}},
	{"aspartate aminotransferase (AST) / alanin aminotransferase (ALT) ≤ 3 x ULN", []string{"ast <=3 xULN", "alt <=3 xULN"}},
	{"Aspartat-Aminotransferase (AST) ≤ 2.5 × ULN", []string{"ast <=2.5 xULN"}},
	// two names sharing one noun are both transaminases
	{"Alanine and aspartate aminotransferase ≤ 2.5 × ULN", []string{"ast <=2.5 xULN", "alt <=2.5 xULN"}},
	{"Aspartate and alanine transaminases less than 3 times the upper limit of normal", []string{"ast <3 xULN", "alt <3 xULN"}},
	{"E: Alanine or aspartate aminotransferase > 5 × ULN", []string{"ast <=5 xULN", "alt <=5 xULN"}},
	// a filtration rate restated as a creatinine clearance is the clearance
	{"Glomerular filtration rate (Ccr) ≥ 50 mL/min", []string{"creatinine_clearance >=50 mL/min"}},
	{"GFR (CrCl) > 45 ml/min by Cockcroft-Gault", []string{"creatinine_clearance >45 mL/min"}},
	{"Creatinine clearance (GFR) of at least 60 mL/min", []string{"creatinine_clearance >=60 mL/min"}},
	{"eGFR ≥ 60 mL/min/1.73 m2", []string{"egfr >=60 mL/min/1.73m2"}},
	// "at rest" says how the ejection fraction is taken
	{"Resting LVEF at rest of at least 50% by MUGA or echocardiogram", []string{"lvef >=50 %"}},
	{"Left ventricular ejection fraction (LVEF) at rest > 45%", []string{"lvef >45 %"}},
	{"LVEF at rest ≥ 55% or within the institution's normal range", []string{"lvef >=55 %"}},
	// micromolar is µmol/L
	{"Serum creatinine ≤ 133 µM", []string{"creatinine <=1.505 mg/dL"}},
	{"Total bilirubin < 34 uM", []string{"bilirubin <1.988 mg/dL"}},
	// the ULN as an "upper limitation of normal"
	{"Serum creatinine ≤ 1.5 × upper limitation of normal", []string{"creatinine <=1.5 xULN"}},
	{"ALT and AST < 2.5 × the upper limitation of normal value", []string{"ast <2.5 xULN", "alt <2.5 xULN"}},
	// "serum creatine" is creatinine mistyped; its kinase is no creatinine
	{"Blood chemistry: serum creatine ≤ 1.0 × ULN, total bilirubin ≤ 1.5 × ULN", []string{"creatinine <=1 xULN", "bilirubin <=1.5 xULN"}},
	{"Serum creatine level < 130 µmol/L", []string{"creatinine <1.471 mg/dL"}},
	{"Serum creatine kinase ≤ 2.5 × ULN", nil},
	{"Serum creatine phosphokinase < 3 × ULN", nil},
	{"E: Creatine kinase > 5 × ULN", nil},
	// patients with a history or an abnormality only some have, then what
	// those must have: a subgroup's bound
	{"Echocardiogram for all; subjects with a cardiac history or an abnormal ECG abnormality must have LVEF ≥ 50%", []string{"lvef >=50 % cond"}},
	{"Patients with a history of congestive heart failure should have a left ventricular ejection fraction of at least 45%", []string{"lvef >=45 % cond"}},
	{"Participants with ECG abnormalities must have QTcF ≤ 450 ms on repeat", []string{"qtc <=450 ms cond"}},
	{"Patients with prior anthracycline exposure must have LVEF ≥ 50%", []string{"lvef >=50 % cond"}},
	{"Patients with previously treated disease must have ECOG 0-1", []string{"ecog [0,1]"}},
	// no history named: the population the trial is for, everyone's
	{"Patients with measurable disease must have ECOG ≤ 2", []string{"ecog <=2"}},
	{"Patients with no history of heart disease must have LVEF ≥ 50%", []string{"lvef >=50 %"}},
	// patients picked by a clotting value who must be anticoagulated: the
	// others must have that INR, everyone's (SPEC 4.9)
	{"Subjects with an INR above 1.4 must be on a stable dose of warfarin", []string{"inr <=1.4 ratio"}},
	{"Patients with INR ≥ 1.5 or PTT > 1.5 x ULN must be receiving full-dose anticoagulation", []string{"inr <1.5 ratio"}},
	{"Participants with INR > 1.3 x ULN must be on therapeutic heparin", []string{"inr <=1.3 xULN"}},
	// a target range, or another way out: nothing
	{"Patients with INR 2-3 must be receiving warfarin", nil},
	{"Patients with INR > 1.5 must be discussed with the medical monitor", nil},
}

// round16bTrees are lead-ins with their items.
var round16bTrees = []struct {
	lead     string
	children []string
	want     []string
}{
	// an age at diagnosis under a PDQ "Age:" label is the patient's, as
	// "Age: 21 and under at diagnosis" on one line is
	{"Age:", []string{"21 and under at diagnosis"}, []string{"age <=21 years"}},
	{"Age:", []string{"Under 2 years at diagnosis"}, []string{"age <2 years"}},
	// … unless the disease has come back since
	{"Age:", []string{"Under 21 at diagnosis of recurrent neuroblastoma"}, nil},
	// a diagnosis under another label bounds no age
	{"Other:", []string{"Under 1 at diagnosis"}, nil},
}

func TestRound16b(t *testing.T) {
	for _, tc := range round16bTrees {
		got := extractTree(tc.lead, tc.children)
		if !slices.Equal(sorted(got), sorted(tc.want)) {
			t.Errorf("%s %q\n   got %q\n  want %q", tc.lead, tc.children, got, tc.want)
		}
	}
	for _, tc := range round16b {
		got := extractOne(tc.text)
		if !slices.Equal(sorted(got), sorted(tc.want)) {
			t.Errorf("%s\n   got %q\n  want %q", tc.text, got, tc.want)
		}
	}
}

// round16bLists are whole records, inclusions then exclusions: an old
// record's organ-function requirements pasted under its "Exclusion" line
// are read as written; a list that truly excludes is still inverted.
var round16bLists = []struct {
	inc, exc []string
	want     []string
}{
	{[]string{"Biopsy-proven lymphoma after an organ transplant"},
		[]string{"Hepatic dysfunction: AST/ALT less than 3 times the upper limit of normal", "Serum bilirubin below 1.5 mg/dL",
			"Renal dysfunction", "Creatinine clearance at least 60 mL/min", "HIV positive"},
		[]string{"ast <3 xULN", "alt <3 xULN", "bilirubin <1.5 mg/dL", "creatinine_clearance >=60 mL/min"}},
	// one such item alone: nothing read
	{[]string{"Biopsy-proven lymphoma"}, []string{"Serum bilirubin below 1.5 mg/dL", "HIV positive"}, nil},
	// the list excludes on a value too: the others stay unread
	{[]string{"Biopsy-proven lymphoma"}, []string{"Serum bilirubin below 1.5 mg/dL", "Creatinine clearance at least 60 mL/min", "QTc > 470 ms"},
		[]string{"qtc <=470 ms"}},
	// an impairment cohort: the inclusions give the variable its value
	{[]string{"Moderate hepatic impairment: total bilirubin > 1.5 × ULN"},
		[]string{"Total bilirubin less than 1.5 × ULN", "Platelets ≥ 100 × 10^9/L"}, nil},
}

func TestRound16bLists(t *testing.T) {
	for _, tc := range round16bLists {
		var el model.Eligibility
		for _, s := range tc.inc {
			el.Inclusion = append(el.Inclusion, model.Criterion{Text: s})
		}
		for _, s := range tc.exc {
			el.Exclusion = append(el.Exclusion, model.Criterion{Text: s})
		}
		var got []string
		for _, r := range eligibility.Extract(&el) {
			got = append(got, compact(r))
		}
		if !slices.Equal(sorted(got), sorted(tc.want)) {
			t.Errorf("%q / %q\n   got %q\n  want %q", tc.inc, tc.exc, got, tc.want)
		}
	}
}
