package loader

import (
	"strings"
	"testing"

	"github.com/trials-app/trials/model"
)

// TestBareInterventionsWithoutDescriptions: the bare mirror's
// Interventions section lists names alone when they have no description;
// a short description ("Given IV") still follows its name in the groups.
func TestBareInterventionsWithoutDescriptions(t *testing.T) {
	lines := func(s string) []line { return splitLines([]byte(s)) }
	groups := lines("Arm A Nivolumab\nNivolumab as specified\nNivolumab\nArm B Topotecan\nTopotecan as specified\nTopotecan\nArm C\nCombination\nAtezolizumab\nGiven IV")
	var tr model.Trial
	readBareInterventions(&tr, lines("Nivolumab\nTopotecan\nAtezolizumab\nGiven IV"), groups)
	var got []string
	for _, iv := range tr.Interventions {
		got = append(got, iv.Name+"="+iv.Description)
	}
	if want := "Nivolumab= Topotecan= Atezolizumab=Given IV"; strings.Join(got, " ") != want {
		t.Errorf("got %q, want %q", strings.Join(got, " "), want)
	}
	readBareGroups(&tr, groups)
	if len(tr.Arms) != 3 || tr.Arms[1].Label != "Arm B Topotecan" || len(tr.Arms[1].Interventions) != 1 || tr.Arms[1].Interventions[0] != "Topotecan" {
		t.Errorf("arms %+v", tr.Arms)
	}
}
