package loader

import (
	"strings"
	"testing"

	"github.com/trials-app/trials/model"
)

// renderOutline renders criteria as indented lines, for readable comparisons.
func renderOutline(cs []model.Criterion) string {
	var b strings.Builder
	var walk func([]model.Criterion, int)
	walk = func(cs []model.Criterion, depth int) {
		for _, c := range cs {
			b.WriteString(strings.Repeat("  ", depth) + c.Text + "\n")
			walk(c.Children, depth+1)
		}
	}
	walk(cs, 0)
	return b.String()
}

func TestParseCriteria(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"flat bullets", "* A\n* B\n* C", "A\nB\nC\n"},
		{"flat numbers", "1. A\n2. B\n3. C", "A\nB\nC\n"},
		{"bullets under a number", "8. Labs:\n\n* Hb\n* ANC\n9. Next", "Labs:\n  Hb\n  ANC\nNext\n"},
		{"letters under a number", "3. X\n4. Y\n   a. y1\n   b. y2\n5. Z", "X\nY\n  y1\n  y2\nZ\n"},
		{"letters under a number, unindented", "4. Y\na. y1\nb. y2\n5. Z", "Y\n  y1\n  y2\nZ\n"},
		{"indentation", "* A\n  * a1\n    * a1x\n  * a2\n* B", "A\n  a1\n    a1x\n  a2\nB\n"},
		{"restart under a group; the outer list continues",
			"• 7. S\n8. Labs:\n• 1. Hb\n• 2. ANC\n• 3. Plt\n• 8. Cr\n• 9. Next",
			"S\nLabs:\n  Hb\n  ANC\n  Plt\n  Cr\nNext\n"},
		{"the outer number wins when both lists expect it",
			"1. A\n2. B:\n• 1. b1\n• 2. b2\n• 3. C",
			"A\nB:\n  b1\n  b2\nC\n"},
		{"a sub-item numbered like the next outer item stays inside",
			"3. Treated with:\n• 1. a\n• 2. b\n• 3. c\n• 4. d\n4. History of:\n• 1. e\n• 5. Next",
			"Treated with:\n  a\n  b\n  c\n  d\nHistory of:\n  e\nNext\n"},
		{"lists under unmarked lines",
			"Patients treated as follows:\n* a\n* b\nAnother plain line\n* c",
			"Patients treated as follows:\n  a\n  b\nAnother plain line\n  c\n"},
		{"a list indented under an unmarked lead-in",
			"Women who meet the following\n  -  history of X\n  -  age over 18\nAge-matched controls",
			"Women who meet the following\n  history of X\n  age over 18\nAge-matched controls\n"},
		{"groups headed by unmarked lines",
			"Group 1\n•First\nGroup 2\n•Second\n  - third",
			"Group 1\n  First\nGroup 2\n  Second\n    third\n"},
		{"values are not list numbers", "1. Bilirubin\n   1.5 x ULN or less\n2. Albumin\n2.8 g/dL", "Bilirubin 1.5 x ULN or less\nAlbumin\n2.8 g/dL\n"},
		{"autonumbered markdown stays flat", "1. A\n1. B\n1. C", "A\nB\nC\n"},
		{"roman after h continues letters", "a. 1\nb. 2\nc. 3\nd. 4\ne. 5\nf. 6\ng. 7\nh. 8\ni. 9", "1\n2\n3\n4\n5\n6\n7\n8\n9\n"},
		{"roman under a letter", "1. X\n  a. x\n    i. deep\n    ii. deeper\n2. Y", "X\n  x\n    deep\n    deeper\nY\n"},
		{"wrapped continuation", "1. A long item\n   that wraps\n2. B", "A long item that wraps\nB\n"},
		{"bullet then number", "• 1. one\n• 2. two\n• a. sub", "one\ntwo\n  sub\n"},
		{"plain paragraphs", "Age over 18\n\nNo prior therapy", "Age over 18\nNo prior therapy\n"},
		{"o sub-bullets", "- A\n  o a1\n  o a2\n- B", "A\n  a1\n  a2\nB\n"},
		{"parenthesised numbers", "(1) A\n(2) B", "A\nB\n"},
		{"a unit's abbreviation wrapped to a line's start is no letter marker",
			"7. Hemoglobin > 8.0 grams\n   (g)/deciliter (dL); AST < 5 x ULN\n8. Next",
			"Hemoglobin > 8.0 grams (g)/deciliter (dL); AST < 5 x ULN\nNext\n"},
		{"parenthesised letters", "(a) A\n(b) B", "A\nB\n"},
		{"a value wrapped to a line's start is no outline number",
			"-  Hepatic: SGOT and SGPT <=\n   2.5 UNL; ALP <= 2.5 UNL\n-  Renal: creatinine <= 2 mg/dL",
			"Hepatic: SGOT and SGPT <= 2.5 UNL; ALP <= 2.5 UNL\nRenal: creatinine <= 2 mg/dL\n"},
		{"… an outline number is still one", "1.1 Inclusion\n1.2 Exclusion", "Inclusion\nExclusion\n"},
		{"a list's next number printed left of it, then the outer bullets go on",
			"  -  Stage I - IIA disease. The following are considered:\n\n     i) Spleen: x\n\nii) Bone: y\n\niii) Effusion: z\n\n  -  Age ≥ 16 years\n\n  -  Platelets ≥ 125",
			"Stage I - IIA disease. The following are considered:\n  Spleen: x\n  Bone: y\n  Effusion: z\nAge ≥ 16 years\nPlatelets ≥ 125\n"},
		{"… but an outer list at the line's indent takes its number",
			"4. Except:\n    1. a\n    2. b\n    3. c\n    4. d\n5. Next",
			"Except:\n  a\n  b\n  c\n  d\nNext\n"},
		{"a footnote line inside a wrapped paragraph",
			"Hematopoietic: Platelets over 100,000/mm3*\n  * Lower values with approval Hepatic: Bilirubin less than\n  3.0 mg/dL Renal: Creatinine less than 2 mg/dL",
			"Hematopoietic: Platelets over 100,000/mm3* * Lower values with approval Hepatic: Bilirubin less than 3.0 mg/dL Renal: Creatinine less than 2 mg/dL\n"},
		{"a footnote marker only after a line that ends in one",
			"Platelets over 100,000/mm3\n* Lower values with approval", "Platelets over 100,000/mm3\n  Lower values with approval\n"},
		{"a finished sentence left of a list takes no children from it",
			"  -  Measurable disease\n\nGastric cancer patients with cMet positive.\n\n  -  ECOG 0 or 1\n\n  -  Consent",
			"Measurable disease\nGastric cancer patients with cMet positive.\nECOG 0 or 1\nConsent\n"},
		{"a paragraph left of the item that announced it is its content",
			"  -  In cohort B:\n\nGastric cancer patients\nwith cMet positive.\n\n  -  ECOG 0 or 1\n\n  -  Consent",
			"In cohort B:\n  Gastric cancer patients\n  with cMet positive.\nECOG 0 or 1\nConsent\n"},
		{"an unfinished paragraph left of the item that announced it is its content, and the list goes on",
			"          -  Measurable disease, one or more of the following:\n\n        Serum M-protein ≥ 0.5 g/dL Urine Bence Jones protein ≥ 200 mg/24 hr\n\n          -  Pts must be ≥ 18 years of age\n\n          -  ECOG PS of 0-2",
			"Measurable disease, one or more of the following:\n  Serum M-protein ≥ 0.5 g/dL Urine Bence Jones protein ≥ 200 mg/24 hr\nPts must be ≥ 18 years of age\nECOG PS of 0-2\n"},
		{"a numbered item after a stray paragraph goes on with its list, printed at the paragraph's indent",
			"          1. Age 18 or over\n\n          2. ECOG 0-2\n\n        For patients with bulky disease, a steroid pre-phase is permitted.\n\n        3. Laboratory values as follows:\n\n          1. ANC ≥ 1.5 x 10^9/L\n\n          2. Platelets ≥ 100 x 10^9/L\n\n        4. Consent",
			"Age 18 or over\nECOG 0-2\nFor patients with bulky disease, a steroid pre-phase is permitted.\nLaboratory values as follows:\n  ANC ≥ 1.5 x 10^9/L\n  Platelets ≥ 100 x 10^9/L\nConsent\n"},
		{"an unfinished line left of a list still announces it",
			"  -  A\n\nPatients in cohort B must also have\n\n  -  ECOG 0 or 1",
			"A\nPatients in cohort B must also have\n  ECOG 0 or 1\n"},
		{"a sponsor's three-digit labels number the list, under a bullet's text too",
			"        101 Consent\n\n        102 Subjects with any of the following:\n\n          -  Relapsed or beyond\n\n             103 ECOG PS ≤ 2\n\n             104 Age ≥ 18 years",
			"Consent\nSubjects with any of the following:\n  Relapsed or beyond\nECOG PS ≤ 2\nAge ≥ 18 years\n"},
		{"doses are not labels", "100 mg daily\n200 mg daily\n300 mg daily", "100 mg daily\n200 mg daily\n300 mg daily\n"},
		{"a word is not a letter marker", "Age. 18 or over\nSex. any", "Age. 18 or over\nSex. any\n"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := renderOutline(parseCriteria(splitLines([]byte(tt.in))))
			if got != tt.want {
				t.Errorf("got:\n%swant:\n%s", got, tt.want)
			}
		})
	}
}

func TestSplitInclusionExclusion(t *testing.T) {
	for _, in := range []string{
		"Inclusion Criteria:\n\n* A\n* B\n\nExclusion Criteria:\n\n* C",
		"Inclusion\n\n* A\n* B\n\nExclusion\n\n* C",
		"KEY INCLUSION CRITERIA:\n* A\n* B\nKey Exclusion Criteria (all cohorts):\n* C",
		"Inclusion criteria:\n* A\n* B\nNon-inclusion criteria:\n* C",
		"Transplant Inclusion:\n* A\n* B\nTransplant Exclusion:\n* C",
		"Registration Inclusion Criteria\n* A\n* B\nRegistration Exclusion Criteria\n* C",
		"Randomisation inclusion criteria\n* A\n* B\nRandomisation exclusion criteria\n* C",
		"Inclusions:\n* A\n* B\nExclusions:\n* C",
		"* A\n* B\nExclusion Criteria: C",
	} {
		inc, exc := splitInclusionExclusion(splitLines([]byte(in)))
		if got := renderOutline(parseCriteria(inc)); got != "A\nB\n" {
			t.Errorf("%q: inclusion %q", in, got)
		}
		if got := renderOutline(parseCriteria(exc)); got != "C\n" {
			t.Errorf("%q: exclusion %q", in, got)
		}
	}
	// "Inclusion of …" as a sentence is a criterion, not a heading.
	inc, _ := splitInclusionExclusion(splitLines([]byte("Inclusion Criteria:\n* Inclusion of prior trial participants is allowed")))
	if len(inc) != 1 {
		t.Errorf("a sentence starting with Inclusion was taken for a heading")
	}
}

func TestJoinWrapped(t *testing.T) {
	in := "        Subjects who do not meet the criteria listed above but who do\n        meet other criteria:\n\n          -  first item that wraps\n             onto a second line\n          -  second"
	got := renderOutline(parseCriteria(joinWrapped(splitLines([]byte(in)))))
	want := "Subjects who do not meet the criteria listed above but who do meet other criteria:\n  first item that wraps onto a second line\n  second\n"
	if got != want {
		t.Errorf("got:\n%swant:\n%s", got, want)
	}
}

// TestWrappedBracketLetter: a letter and ')' at the start of a wrapped line
// close the bracket the line before left open ("hepatitis" / "B) No known
// …"): read as a list marker they cut the text and dropped the letter. A
// letter item after a closed bracket, or a bracketed "(b)", is still an item.
func TestWrappedBracketLetter(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"closes the open bracket",
			"        No chronic underlying immunodeficiency disease (including HIV, hepatitis\n        B) No known autoimmune disease Not pregnant",
			"No chronic underlying immunodeficiency disease (including HIV, hepatitis B) No known autoimmune disease Not pregnant\n"},
		{"roman numeral closes it too",
			"        Prior therapy (at most two lines, see section\n        IV) is allowed",
			"Prior therapy (at most two lines, see section IV) is allowed\n"},
		{"bracket closed before: an item",
			"        Adequate organ function (see below):\n        a) ANC at least 1,500/mm3\n        b) Platelets at least 100,000/mm3",
			"Adequate organ function (see below):\n  ANC at least 1,500/mm3\n  Platelets at least 100,000/mm3\n"},
		{"after a blank line: an item",
			"        Organ function (as follows\n\n        a) ANC at least 1,500/mm3",
			"Organ function (as follows\n  ANC at least 1,500/mm3\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := renderOutline(parseCriteria(joinWrapped(splitLines([]byte(tt.in)))))
			if got != tt.want {
				t.Errorf("got:\n%swant:\n%s", got, tt.want)
			}
		})
	}
}

// readOutline reads a registry criteria text as the JSON and XML readers
// do, and renders notes ("note: …"), then inclusion, then exclusion.
func readOutline(text string, wrapped bool) string {
	var e model.Eligibility
	readCriteriaText(&e, text, wrapped)
	var b strings.Builder
	for _, n := range e.Notes {
		b.WriteString("note: " + n + "\n")
	}
	b.WriteString("inc:\n" + renderOutline(e.Inclusion))
	if len(e.Exclusion) > 0 {
		b.WriteString("exc:\n" + renderOutline(e.Exclusion))
	}
	return b.String()
}

// TestCriteriaRoles: lines that introduce a list are notes, headings in a
// list are siblings with their own items, and on a flat page a note or an
// exception is a child of the item it qualifies (issue 10 §1). The
// documents are written for the test, in the shapes of NCT05147467,
// NCT01642004, NCT01298141, NCT00023673 and NCT05168163.
func TestCriteriaRoles(t *testing.T) {
	tests := []struct {
		name, in string
		wrapped  bool
		want     string
	}{
		{"an introduction is a note; its items are the list's own",
			"Inclusion Criteria:\n\nPatients who meet each of the following inclusion criteria are eligible to take part in this study:\n\n1. Age 21 or over.\n2. ECOG 0-1.\n\nExclusion Criteria:\n\nSubjects who meet any of the following exclusion criteria are not to be enrolled in this study:\n\n1. Pregnancy.",
			false,
			"note: Patients who meet each of the following inclusion criteria are eligible to take part in this study:\nnote: Subjects who meet any of the following exclusion criteria are not to be enrolled in this study:\ninc:\nAge 21 or over.\nECOG 0-1.\nexc:\nPregnancy.\n"},
		{"the registry's own wording",
			"Inclusion Criteria:\n\nParticipants who meet all of the following criteria are eligible for enrollment in the study:\n\n* Age ≥ 18\n* Signed consent\n\nExclusion Criteria:\n\n* Pregnancy",
			false,
			"note: Participants who meet all of the following criteria are eligible for enrollment in the study:\ninc:\nAge ≥ 18\nSigned consent\nexc:\nPregnancy\n"},
		{"a sponsor's notice above the heading is a note",
			"        For more information regarding ACME clinical trial participation, please visit\n        www.acme-trials.example\n\n        Inclusion Criteria:\n\n          -  Adults 18 or over\n\n          -  Measurable disease\n\n        Exclusion Criteria:\n\n          -  Brain metastases",
			true,
			"note: For more information regarding ACME clinical trial participation, please visit www.acme-trials.example\ninc:\nAdults 18 or over\nMeasurable disease\nexc:\nBrain metastases\n"},
		{"\"one of the following\" keeps its items: it says how many",
			"Inclusion Criteria:\n\nSubjects must meet one of the following criteria:\n\n* A\n* B",
			false,
			"inc:\nSubjects must meet one of the following criteria:\n  A\n  B\n"},
		{"an introduction with a condition of its own stays a criterion",
			"Inclusion Criteria:\n\nSubjects must meet all of the following inclusion criteria within 14 days of dosing:\n\n* A\n* B",
			false,
			"inc:\nSubjects must meet all of the following inclusion criteria within 14 days of dosing:\n  A\n  B\n"},
		{"cohort headings are siblings, however the page indents them",
			"        Inclusion Criteria:\n\n        Cohort A:\n\n          1. First criterion.\n\n          2. Second criterion, with sub-items:\n\n               1. sub one\n\n               2. sub two\n\n             Cohort B:\n\n          3. Third criterion.\n\n        Exclusion Criteria:\n\n          1. None of the above.",
			true,
			"inc:\nCohort A:\n  First criterion.\n  Second criterion, with sub-items:\n    sub one\n    sub two\nCohort B:\n  Third criterion.\nexc:\nNone of the above.\n"},
		{"part and dose-expansion headings without a colon",
			"Inclusion Criteria:\n\nPart A\n\n* a1\n* a2\n\nDose expansion only:\n\n* e1",
			false,
			"inc:\nPart A\n  a1\n  a2\nDose expansion only:\n  e1\n"},
		{"section headings in capitals hold the group headings under them",
			"        DISEASE CHARACTERISTICS:\n\n          -  Confirmed tumour\n\n        PATIENT CHARACTERISTICS:\n\n        Age:\n\n          -  18 and over\n\n        Hepatic:\n\n          -  Bilirubin normal\n\n        PRIOR CONCURRENT THERAPY:\n\n        Surgery:\n\n          -  Recovered",
			true,
			"inc:\nDISEASE CHARACTERISTICS:\n  Confirmed tumour\nPATIENT CHARACTERISTICS:\n  Age:\n    18 and over\n  Hepatic:\n    Bilirubin normal\nPRIOR CONCURRENT THERAPY:\n  Surgery:\n    Recovered\n"},
		{"a stage in the heading groups its list",
			"Inclusion Criteria Stage 1\n\n* s1\n\nInclusion criteria stage 2\n\n* s2\n\nExclusion Criteria for Stage 1\n\n* x1",
			false,
			"inc:\nStage 1:\n  s1\nStage 2:\n  s2\nexc:\nStage 1:\n  x1\n"},
		{"a randomization's list after a registration's is a later step's",
			"        Registration Inclusion Criteria\n\n          -  r1\n\n        Randomization Inclusion Criteria\n\n          -  n1\n\n        Registration Exclusion Criteria\n\n          -  x1\n\n        Randomization Exclusion Criteria\n\n          -  y1",
			true,
			"inc:\nr1\nRandomization:\n  n1\nexc:\nx1\nRandomization:\n  y1\n"},
		{"a step's headings alone cut the sections",
			"        Screening Inclusion Criteria\n\n          -  s1\n\n        Screening Exclusion Criteria\n\n          -  x1",
			true,
			"inc:\ns1\nexc:\nx1\n"},
		{"bullets after an announcing line are its items to the end",
			"Inclusion Criteria:\n\n* Aged 13 to 17\n\nTwo of the following:\n\n* high score A\n* high score B\n* high score C",
			false,
			"inc:\nAged 13 to 17\nTwo of the following:\n  high score A\n  high score B\n  high score C\n"},
		{"right-aligned two-digit numbers line up with one-digit ones",
			"        Inclusion Criteria:\n\n          9. Nine:\n\n               -  nine a\n\n         10. Ten, with sub-items that wrap\n              onto a second line:\n\n               -  ten a\n\n               -  ten b\n\n         11. Eleven",
			true,
			"inc:\nNine:\n  nine a\nTen, with sub-items that wrap onto a second line:\n  ten a\n  ten b\nEleven\n"},
		{"right-aligned roman numbers line up",
			"        Inclusion Criteria:\n\n          1. One:\n\n               i. first\n\n                  -  sub i\n\n              ii. second\n\n             iii. third\n\n                  -  sub iii\n\n          2. Two",
			true,
			"inc:\nOne:\n  first\n    sub i\n  second\n  third\n    sub iii\nTwo\n"},
		{"a dated step's headings cut the sections: a short bracketed aside is no sentence",
			"        Perioperative Period Inclusion Criteria:\n\n          1. p1\n\n        Perioperative Period Exclusion Criteria:\n\n          1. q1\n\n          2. q2\n\n        Baseline (Post-SurgeryDay 25 ± 5) Inclusion Criteria:\n\n          1. b1\n\n        Baseline (Post-SurgeryDay 25 ± 5) Exclusion Criteria:\n\n          1. c1\n\n          2. c2\n\n          3. c3",
			true,
			"inc:\np1\nBaseline (Post-SurgeryDay 25 ± 5):\n  b1\nexc:\nq1\nq2\nBaseline (Post-SurgeryDay 25 ± 5):\n  c1\n  c2\n  c3\n"},
		{"a second list's heading that only ranks it adds no group",
			"Key Inclusion Criteria:\n\n* k1\n\nAdditional Inclusion Criteria:\n\n* a1",
			false,
			"inc:\nk1\na1\n"},
		{"a long aside still makes the line a sentence",
			"        Inclusion Criteria:\n\n          -  a1\n\n          -  Patients (who were treated in any earlier trial of the sponsor) with inclusion in the registry: yes",
			true,
			"inc:\na1\nPatients (who were treated in any earlier trial of the sponsor) with inclusion in the registry: yes\n"},
		{"a bracketed aside explains the item before it; the list goes on",
			"        Inclusion Criteria:\n\n          -  Heart failure with reduced ejection.\n\n        (Reduced ejection is defined as EF ≤ 40%.)\n\n          -  Candidate for treatment.",
			true,
			"inc:\nHeart failure with reduced ejection.\n  (Reduced ejection is defined as EF ≤ 40%.)\nCandidate for treatment.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := readOutline(tt.in, tt.wrapped); got != tt.want {
				t.Errorf("got:\n%swant:\n%s", got, tt.want)
			}
		})
	}
}

// TestFlatPageQualifiers: a page that printed every criterion as one bullet
// list (the unlabelled mirror) gets the nesting its wording shows back.
func TestFlatPageQualifiers(t *testing.T) {
	in := strings.Join([]string{
		"Inclusion Criteria",
		"* Hemoglobin >= 9 g/dL",
		"* Subjects may be transfused to meet this criterion",
		"* Consent to archival tissue, if available",
		"* NOTE: Non-availability of tissue does not exclude the subject.",
		"* Active bacterial infection requiring treatment. Subjects on prophylactic antibiotics are eligible.",
		"Exclusion Criteria",
		"* Autoimmune disease, with the following exceptions:",
		"* Subjects with hypothyroidism on replacement hormone are eligible",
		"* vitiligo without systemic treatment",
		"* Known brain metastases",
		"* Uncontrolled pleural effusion",
		"* Subjects with indwelling catheters (e.g., PleurX) are allowed.",
	}, "\n")
	var tr model.Trial
	rest, inc, exc := splitCriteria(splitLines([]byte(in)))
	setCriteria(&tr.Eligibility, criteriaBeforeHeading(rest, inc), exc)
	got := "inc:\n" + renderOutline(tr.Eligibility.Inclusion) + "exc:\n" + renderOutline(tr.Eligibility.Exclusion)
	want := "inc:\n" +
		"Hemoglobin >= 9 g/dL\n  Subjects may be transfused to meet this criterion\n" +
		"Consent to archival tissue, if available\n  NOTE: Non-availability of tissue does not exclude the subject.\n" +
		// Two sentences: the criterion first, its exception after — one item.
		"Active bacterial infection requiring treatment. Subjects on prophylactic antibiotics are eligible.\n" +
		"exc:\n" +
		"Autoimmune disease, with the following exceptions:\n  Subjects with hypothyroidism on replacement hormone are eligible\n  vitiligo without systemic treatment\n" +
		"Known brain metastases\n" +
		"Uncontrolled pleural effusion\n  Subjects with indwelling catheters (e.g., PleurX) are allowed.\n"
	if got != want {
		t.Errorf("got:\n%swant:\n%s", got, want)
	}
	if n := model.CountCriteria(tr.Eligibility.Inclusion) + model.CountCriteria(tr.Eligibility.Exclusion); n != 11 {
		t.Errorf("%d criteria, want all 11 lines kept", n)
	}
	// A list that shows nesting keeps the nesting its source gave.
	nested := parseCriteria(splitLines([]byte("* A\n  * a1\n* NOTE: about B")))
	if got := renderOutline(foldQualifiers(nested)); got != "A\n  a1\nNOTE: about B\n" {
		t.Errorf("nested list refolded:\n%s", got)
	}
}

// TestFlatHeadings: a flat list that opens with a heading (the PDQ style
// printed as one bullet list) gets its groups back; one that does not
// stays flat.
func TestFlatHeadings(t *testing.T) {
	flat := func(s string) []model.Criterion { return parseCriteria(splitLines([]byte(s))) }
	got := renderOutline(foldHeadings(flat("• DISEASE CHARACTERISTICS:\n• Confirmed tumour\n• PATIENT CHARACTERISTICS:\n• Age:\n• Not specified\n• Hepatic:\n• Bilirubin normal")))
	want := "DISEASE CHARACTERISTICS:\n  Confirmed tumour\nPATIENT CHARACTERISTICS:\n  Age:\n    Not specified\n  Hepatic:\n    Bilirubin normal\n"
	if got != want {
		t.Errorf("got:\n%swant:\n%s", got, want)
	}
	in := "• Adults\n• Adequate organ function:\n• Hb ≥ 9\n• Hepatic:\n• No prior chemotherapy"
	if got := renderOutline(foldHeadings(flat(in))); got != "Adults\nAdequate organ function:\nHb ≥ 9\nHepatic:\nNo prior chemotherapy\n" {
		t.Errorf("a list not opening with a heading was folded:\n%s", got)
	}
}

// TestCopiedTextblock: registry markdown that is in fact a legacy XML
// textblock copied as is (its "-  " bullets, its paragraphs indented and
// wrapped at about 70 columns) is read as the XML's is, a wrapped line
// continuing its paragraph; real markdown, whose unmarked lines may each be
// an item, is not.
func TestCopiedTextblock(t *testing.T) {
	tests := []struct {
		name, text string
		want       bool
	}{
		{"xml bullets", "Inclusion Criteria:\n\n          -  Age 18 or older\n\n          -  ECOG 0-1", true},
		{"xml paragraphs", "        INCLUSION CRITERIA:\n\n        Total bilirubin less than or equal to 2.0 mg/dl, except in patients with Gilbert's\n        who must have a total bilirubin less than 3.0 mg/dl.\n\n        Platelet count greater than 100,000/mm3.", true},
		{"markdown bullets", "Inclusion Criteria:\n\n* Age 18 or older\n* ECOG 0-1\n  * nested", false},
		{"markdown plain lines", "Inclusion Criteria:\nAge 18 or older\nECOG 0-1\nPlatelets >= 100,000/mm3", false},
		{"one dash one space", "- Age 18 or older\n- ECOG 0-1", false},
		{"markdown nested numbers", "1. Adequate organ function:\n        a. ANC >= 1.5\n        b. Platelets >= 100", false},
	}
	for _, tt := range tests {
		if got := copiedTextblock(tt.text); got != tt.want {
			t.Errorf("%s: copiedTextblock = %v, want %v", tt.name, got, tt.want)
		}
	}
	in := "        INCLUSION CRITERIA:\n\n        Total bilirubin less than or equal to 2.0 mg/dl, except in patients with\n        Gilbert's Syndrome who must have a total bilirubin less than 3.0 mg/dl.\n\n        Platelet count greater than 100,000/mm3.\n\n        EXCLUSION CRITERIA:\n\n        Life expectancy of less than three months."
	got := readOutline(in, copiedTextblock(in))
	want := "inc:\nTotal bilirubin less than or equal to 2.0 mg/dl, except in patients with Gilbert's Syndrome who must have a total bilirubin less than 3.0 mg/dl.\nPlatelet count greater than 100,000/mm3.\nexc:\nLife expectancy of less than three months.\n"
	if got != want {
		t.Errorf("got:\n%swant:\n%s", got, want)
	}
}
