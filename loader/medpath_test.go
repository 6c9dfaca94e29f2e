package loader

import (
	"strings"
	"testing"
)

func TestGluePoints(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Progression Free SurvivalThe time from", "Progression Free Survival|The time from"},
		{"Overall Survival (OS)Up to 24 months", "Overall Survival (OS)|Up to 24 months"},
		{"inhibitorsRegorafenibSubjects received", "inhibitors|Regorafenib|Subjects received"},
		{"cTACE or dTACE", "cTACE or dTACE"},
		{"HAICThe time", "HAIC|The time"},
		{"iNKT cells", "iNKT cells"},
	}
	for _, tt := range tests {
		pts := gluePoints(tt.in, false)
		var parts []string
		prev := 0
		for _, p := range pts {
			parts = append(parts, tt.in[prev:p])
			prev = p
		}
		parts = append(parts, tt.in[prev:])
		if got := strings.Join(parts, "|"); got != tt.want {
			t.Errorf("gluePoints(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSplitArmRows(t *testing.T) {
	rows := []string{
		"Arm one labelDrug AlphaArm one description.",
		"Arm one labelDrug BetaArm one description.",
		"Second armDrug BetaSecond description here.",
		"Solo arm with one drugGammamabGiven once daily.",
	}
	got := splitArmRows(rows, []string{"Drug Alpha"})
	want := []armRow{
		{"Arm one label", "Drug Alpha", "Arm one description."},
		{"Arm one label", "Drug Beta", "Arm one description."},
		{"Second arm", "Drug Beta", "Second description here."},
		{"Solo arm with one drug", "Gammamab", "Given once daily."},
	}
	if len(got) != len(want) {
		t.Fatalf("%d rows, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("row %d: got %+v, want %+v", i, got[i], want[i])
		}
	}
}
