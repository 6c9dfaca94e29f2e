package report

import (
	"strings"
	"testing"

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
