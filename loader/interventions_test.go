package loader

import (
	"strings"
	"testing"

	"github.com/trials-app/trials/model"
)

func TestSplitOtherNames(t *testing.T) {
	tr := &model.Trial{Interventions: []model.Intervention{
		{Name: "AlloStim® immunotherapy"}, {Name: "FOLFOX regimen"}, {Name: "Sorafenib"}, {Name: "Lenvatinib"},
	}}
	splitOtherNames(tr, "Physician Choice FOLFOX4 Sorafenib Physician's Choice Levantinib Physician's Choice")
	want := [][]string{nil, {"Physician Choice FOLFOX4"}, {"Sorafenib Physician's Choice"}, {"Levantinib Physician's Choice"}}
	for i, iv := range tr.Interventions {
		if strings.Join(iv.OtherNames, "|") != strings.Join(want[i], "|") {
			t.Errorf("%s: %q, want %q", iv.Name, iv.OtherNames, want[i])
		}
	}
	one := &model.Trial{Interventions: []model.Intervention{{Name: "Pembrolizumab"}}}
	splitOtherNames(one, "MK-3475")
	if got := one.Interventions[0].OtherNames; len(got) != 1 || got[0] != "MK-3475" {
		t.Errorf("a single intervention takes the whole line: %q", got)
	}
	two := &model.Trial{Interventions: []model.Intervention{{Name: "Drug A"}, {Name: "Drug B"}}}
	splitOtherNames(two, "Xyz Qrs")
	if len(two.Warnings) != 1 {
		t.Errorf("an unattributable line is reported: %v", two.Warnings)
	}
}
