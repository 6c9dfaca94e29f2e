package loader

import (
	"context"
	"reflect"
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

// A slim load decodes every field but the ones it names (descriptions,
// outcomes, references, MeSH terms) exactly as a whole one, and leaves
// those out; Slim is asked with the number of documents found.
func TestSlimLeavesOutOnlyWhatItSays(t *testing.T) {
	dir := "testdata/ctgov/json"
	whole := LoadContext(context.Background(), Options{}, dir)
	var asked int
	slim := LoadContext(context.Background(), Options{Slim: func(docs int) bool { asked = docs; return true }}, dir)
	if len(whole.Trials) == 0 || len(slim.Trials) != len(whole.Trials) || asked != len(whole.Trials) {
		t.Fatalf("%d trials whole, %d slim, Slim asked with %d", len(whole.Trials), len(slim.Trials), asked)
	}
	for i, w := range whole.Trials {
		s := slim.Trials[i]
		if s.BriefSummary != "" || s.DetailedDescription != "" || len(s.Outcomes.Primary) > 0 || len(s.References) > 0 || len(s.MeshConditions) > 0 {
			t.Errorf("%s: slim trial kept what it leaves out", s.ID)
		}
		c := *w
		c.BriefSummary, c.DetailedDescription, c.Outcomes, c.References = s.BriefSummary, s.DetailedDescription, s.Outcomes, s.References
		c.MeshConditions, c.MeshInterventions = s.MeshConditions, s.MeshInterventions
		if !reflect.DeepEqual(&c, s) {
			t.Errorf("%s: slim and whole differ beyond what slim leaves out", s.ID)
		}
	}
	if _, err := Reload(slim.Trials[0].Source); err != nil {
		t.Errorf("reread: %v", err)
	}
}
