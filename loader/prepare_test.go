package loader

import (
	"context"
	"strings"
	"testing"

	"github.com/trials-app/trials/model"
)

// Prepare runs on the workers; OnPrepared gets each trial with its own
// result, in input order, and a Prepare that panics costs its document
// only, with a diagnostic naming it.
func TestPrepareHandsEachTrialItsResult(t *testing.T) {
	paths := []string{seedFiles[model.FormatMedPath], seedFiles[model.FormatClassic], seedFiles[model.FormatMirrorBare]}
	tests := []struct {
		name    string
		prepare func(*model.Trial) any
		want    []string
		failed  string
	}{
		{"every trial", func(t *model.Trial) any { return "p:" + t.ID }, []string{"NCT05233358", "NCT05962450", "NCT05168163"}, ""},
		{"one panics", func(t *model.Trial) any {
			if t.ID == "NCT05962450" {
				panic("boom")
			}
			return "p:" + t.ID
		}, []string{"NCT05233358", "NCT05168163"}, seedFiles[model.FormatClassic]},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			res := LoadContext(context.Background(), Options{Ordered: true, Workers: 3, Prepare: tc.prepare,
				OnPrepared: func(_ int, ts []*model.Trial, prepared []any) {
					for i, tr := range ts {
						if prepared[i] != "p:"+tr.ID {
							t.Errorf("%s prepared as %v", tr.ID, prepared[i])
						}
						got = append(got, tr.ID)
					}
				}}, paths...)
			if strings.Join(got, " ") != strings.Join(tc.want, " ") {
				t.Errorf("trials %v, want %v", got, tc.want)
			}
			switch {
			case tc.failed == "" && len(res.Diagnostics) > 0:
				t.Errorf("diagnostics %v", res.Diagnostics)
			case tc.failed != "" && (len(res.Diagnostics) != 1 || res.Diagnostics[0].Path != tc.failed || !strings.Contains(res.Diagnostics[0].Error(), "internal error")):
				t.Errorf("diagnostics %v, want one for %s", res.Diagnostics, tc.failed)
			}
		})
	}
}
