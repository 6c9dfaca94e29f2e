package eligibility_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/trials-app/trials/eligibility"
	"github.com/trials-app/trials/eligibility/internal/score"
	"github.com/trials-app/trials/loader"
)

// devDir is the hand-labelled DEV set (truth.json, docs/), kept outside the
// repository; ELIG_DEV names another one.
func devDir() string {
	if d := os.Getenv("ELIG_DEV"); d != "" {
		return d
	}
	return "/work/heldout/dev"
}

// TestDevScore scores the extractor on the DEV set when it is present, for
// reading (go test ./eligibility -run TestDevScore -v). It asserts nothing
// about the score: the set lives outside the repository and its truth is
// still being argued over; the committed assertions are the examples and
// the sentence tables.
func TestDevScore(t *testing.T) {
	dir := devDir()
	truthPath := filepath.Join(dir, "truth.json")
	if _, err := os.Stat(truthPath); err != nil {
		t.Skipf("no DEV set at %s", dir)
	}
	res := loader.Load(filepath.Join(dir, "docs"))
	for _, d := range res.Diagnostics {
		t.Errorf("DEV document: %v", d)
	}
	for _, tr := range res.Trials {
		tr.Eligibility.Requirements = eligibility.Extract(&tr.Eligibility)
		tr.Canonicalize()
	}
	b, err := json.Marshal(res.Trials)
	if err != nil {
		t.Fatal(err)
	}
	if py, err := exec.LookPath("python3"); err == nil {
		export := filepath.Join(t.TempDir(), "dev.json")
		if err := os.WriteFile(export, b, 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(py, "testdata/compare.py", truthPath, export, "-n", "40").CombinedOutput()
		if err != nil {
			t.Errorf("compare.py: %v", err)
		}
		t.Logf("compare.py:\n%s", out)
		return
	}
	tb, err := os.ReadFile(truthPath)
	if err != nil {
		t.Fatal(err)
	}
	var truth []score.Trial
	if err := json.Unmarshal(tb, &truth); err != nil {
		t.Fatalf("%s: %v", truthPath, err)
	}
	export := map[string][]score.Req{}
	for _, tr := range res.Trials {
		export[scoreID(tr)] = append(export[scoreID(tr)], asTruth(t, tr.Eligibility.Requirements)...)
	}
	r := score.Score(truth, export, 0.01)
	for _, m := range r.Misses {
		t.Logf("miss: %s", m)
	}
	for _, m := range r.FalsePositives {
		t.Logf("false positive: %s", m)
	}
	t.Log(r.Line())
}
