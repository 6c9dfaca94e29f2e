package eligibility_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/trials-app/trials/eligibility"
	"github.com/trials-app/trials/eligibility/internal/score"
	"github.com/trials-app/trials/loader"
)

// TestDevSets scores the extractor on the development sets kept in
// testdata/devsets: real oncology records (minimal legacy XML, criteria
// copied verbatim) hand-labelled per SPEC by people who never saw the
// extractor's output, and then worked on. Each set's floor.json holds
// the matches and false positives of the last change that landed: fewer
// matches or more false positives fail, so a rule written for one record
// cannot quietly cost another. When a change scores better, it raises the
// floor in the same commit (the test logs the new figures).
func TestDevSets(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join("testdata", "devsets", "*"))
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no development sets in testdata/devsets (%v)", err)
	}
	for _, dir := range dirs {
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
			continue // the README
		}
		t.Run(filepath.Base(dir), func(t *testing.T) {
			var truth []score.Trial
			readJSON(t, filepath.Join(dir, "truth.json"), &truth)
			var floor struct{ Matched, FalsePositives int }
			readJSON(t, filepath.Join(dir, "floor.json"), &floor)
			res := loader.Load(filepath.Join(dir, "docs"))
			for _, d := range res.Diagnostics {
				t.Errorf("document: %v", d)
			}
			export := map[string][]score.Req{}
			for _, tr := range res.Trials {
				export[scoreID(tr)] = append(export[scoreID(tr)], asTruth(t, eligibility.Extract(&tr.Eligibility))...)
			}
			r := score.Score(truth, export, 0.01)
			t.Log(r.Line())
			fp := r.Extracted - r.Matched
			if r.Matched < floor.Matched || fp > floor.FalsePositives {
				for _, m := range r.Misses {
					t.Logf("miss: %s", m)
				}
				for _, m := range r.FalsePositives {
					t.Logf("false positive: %s", m)
				}
				t.Errorf("%d matched, %d false positives; the floor is %d matched, at most %d false positives",
					r.Matched, fp, floor.Matched, floor.FalsePositives)
			}
		})
	}
}

func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}
