package report

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/trials-app/trials/model"
)

func TestCriteriaNumbering(t *testing.T) {
	tr := &model.Trial{Eligibility: model.Eligibility{Inclusion: []model.Criterion{
		{Text: "Adequate function:", Children: []model.Criterion{{Text: "Hb ≥ 9", Children: []model.Criterion{{Text: "or transfused"}}}, {Text: "ANC ≥ 1.5"}}},
		{Text: "ECOG 0-1"},
	}}}
	got := ansi.Strip(Eligibility(tr, 60, PlainTheme()))
	for _, want := range []string{"Inclusion criteria (2 + 3 sub-items)", "1. Adequate function:", "   a. Hb ≥ 9", "      i. or transfused", "   b. ANC ≥ 1.5", "2. ECOG 0-1", "Exclusion criteria (0)", "None stated."} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
}

func TestCompareAlignsSharedItems(t *testing.T) {
	a := &model.Trial{ID: "A", Conditions: []string{"HCC", "Cirrhosis"}, Interventions: []model.Intervention{{Name: "Lenvatinib", Type: model.InterventionDrug}, {Name: "TACE"}}}
	b := &model.Trial{ID: "B", Conditions: []string{"Liver metastases", "hcc"}, Interventions: []model.Intervention{{Name: "lenvatinib"}}}
	var conds, ivs []Row
	for _, s := range Compare(a, b, nil) {
		for _, r := range s.Rows {
			if r.Label == "Conditions" || (len(conds) > 0 && r.Label == "" && s.Title == "Overview") {
				if r.Label == "Conditions" && len(conds) > 0 {
					t.Error("two rows labelled Conditions")
				}
				conds = append(conds, r)
			}
			if r.Label == "Interventions" || (len(ivs) > 0 && r.Label == "" && s.Title == "Arms and interventions") {
				ivs = append(ivs, r)
			}
		}
	}
	if len(conds) != 2 || conds[0].Mark != Shared || conds[0].Left != "HCC" || conds[0].Right != "hcc" || conds[1].Mark != OnlyOne {
		t.Errorf("conditions %+v", conds)
	}
	if len(ivs) != 2 || ivs[0].Mark != Shared || ivs[1].Left != "TACE" || ivs[1].Right != "" {
		t.Errorf("interventions %+v", ivs)
	}
	// Both sides of every rendered row end at the same line.
	lines := RenderCompare(Compare(a, b, nil), NewCompareLayout(80), PlainTheme())
	for _, l := range lines {
		if ansi.StringWidth(l) > 80 {
			t.Errorf("line wider than 80: %q", l)
		}
	}
}

// TestCriteriaNotesAndHangingIndents: the notes of a list read above it,
// never numbered; an item's children start under its text however wide its
// number; a nested list in a description keeps its indentation.
func TestCriteriaNotesAndHangingIndents(t *testing.T) {
	var inc []model.Criterion
	for i := range 10 {
		inc = append(inc, model.Criterion{Text: "Item " + string(rune('A'+i))})
	}
	inc[9].Children = []model.Criterion{{Text: "under ten"}}
	tr := &model.Trial{Eligibility: model.Eligibility{Inclusion: inc, Notes: []string{"Subjects who meet each of the following criteria are eligible:"}}}
	got := ansi.Strip(Eligibility(tr, 60, PlainTheme()))
	for _, want := range []string{"Notes on the criteria\n• Subjects who meet each", "10. Item J\n    a. under ten"} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
	if strings.Contains(got, "1. Subjects who meet") {
		t.Errorf("a note numbered as a criterion:\n%s", got)
	}
	arm := &model.Trial{Arms: []model.Arm{{Label: "A", Description: "Tools:\n1. EHR tools\n   a. alerts that wrap over more than one line of the pane"}}}
	got = ansi.Strip(Arms(arm, 40, PlainTheme()))
	if !strings.Contains(got, "   1. EHR tools\n      a. alerts that wrap over more than\n         one line of the pane") {
		t.Errorf("nested description lost its indentation:\n%s", got)
	}
}

// TestOverviewRecordFields: the detail shows whom to ask (centrally and at
// each site), how old the verified status is — a warning when a trial
// still claims to recruit years later — results, expanded access,
// references and the page's similar trials (issue 10 §3).
func TestOverviewRecordFields(t *testing.T) {
	defer func(f func() time.Time) { Today = f }(Today)
	Today = func() time.Time { return time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC) }
	tr := &model.Trial{
		ID: "NCT00001177", NCTID: "NCT00001177", Title: "Mood study", Status: model.StatusRecruiting, StartDate: "1981-03",
		StatusVerified: "2019-03", HasResults: true,
		ExpandedAccess:  &model.ExpandedAccess{NCTID: "NCT03559686", Status: model.StatusAvailable},
		CentralContacts: []model.Contact{{Name: "Peter J Schmidt, M.D.", Role: "CONTACT", Phone: "(301) 496-6120", Email: "ps@example.gov"}},
		Locations: []model.Location{{Facility: "NIH Clinical Center", City: "Bethesda", Country: "United States",
			Contacts: []model.Contact{{Name: "Office of Patient Recruitment", Phone: "800-411-1222"}, {Name: "P. Schmidt", Role: "PRINCIPAL_INVESTIGATOR"}}}},
		References:    []model.Reference{{Citation: "Rubinow DR. JAMA. 1992.", PMID: "1404717"}},
		SimilarTrials: []string{"NCT00711542"},
	}
	got := ansi.Strip(Overview(tr, 100, PlainTheme()))
	for _, want := range []string{
		"Status verified      2019-03 — 7 years ago, yet the status still says recruiting",
		"Results              Results posted on ClinicalTrials.gov",
		"Expanded access      NCT03559686 (available)",
		"Contacts\n• Peter J Schmidt, M.D. · (301) 496-6120 · ps@example.gov",
		"• NIH Clinical Center — Bethesda\n    Contact: Office of Patient Recruitment · 800-411-1222\n    Contact: P. Schmidt (principal investigator)",
		"References (1 reference)\n• Rubinow DR. JAMA. 1992. PMID 1404717",
		"Similar (per page)   NCT00711542",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
	tr.Status = model.StatusCompleted
	if got := ansi.Strip(Overview(tr, 100, PlainTheme())); strings.Contains(got, "years ago") {
		t.Errorf("a completed trial's old verification is no warning:\n%s", got)
	}
}
