package eligibility_test

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/trials-app/trials/eligibility"
	"github.com/trials-app/trials/eligibility/internal/score"
	"github.com/trials-app/trials/loader"
	"github.com/trials-app/trials/model"
	"github.com/trials-app/trials/seeds"
)

// exampleTrials loads every document examples.json covers: the five seeds
// and the thirteen registry records copied into testdata/fixtures.
func exampleTrials(t testing.TB) []*model.Trial {
	t.Helper()
	res := loader.LoadFS(context.Background(), loader.Options{Ordered: true}, seeds.FS)
	if len(res.Diagnostics) > 0 {
		t.Fatalf("seeds: %v", res.Diagnostics)
	}
	trials := res.Trials
	fix := loader.Load("testdata/fixtures")
	if len(fix.Diagnostics) > 0 {
		t.Fatalf("fixtures: %v", fix.Diagnostics)
	}
	return append(trials, fix.Trials...)
}

func readTruth(t testing.TB) []score.Trial {
	t.Helper()
	b, err := os.ReadFile("testdata/examples.json")
	if err != nil {
		t.Fatal(err)
	}
	var truth []score.Trial
	if err := json.Unmarshal(b, &truth); err != nil {
		t.Fatal(err)
	}
	return truth
}

var nctRe = regexp.MustCompile(`NCT\d{8}`)

// scoreID is the id compare.py gives a trial: its NCT number, else its id.
func scoreID(t *model.Trial) string {
	if m := nctRe.FindString(t.ID); m != "" {
		return m
	}
	if m := nctRe.FindString(t.NCTID); m != "" {
		return m
	}
	return t.ID
}

// asTruth round-trips requirements through their JSON form, as an export
// would carry them.
func asTruth(t testing.TB, reqs []model.Requirement) []score.Req {
	t.Helper()
	b, err := json.Marshal(reqs)
	if err != nil {
		t.Fatal(err)
	}
	var out []score.Req
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestExamplesScorePerfectly(t *testing.T) {
	truth := readTruth(t)
	export := map[string][]score.Req{}
	for _, tr := range exampleTrials(t) {
		export[scoreID(tr)] = append(export[scoreID(tr)], asTruth(t, eligibility.Extract(&tr.Eligibility))...)
	}
	res := score.Score(truth, export, 0.01)
	for _, m := range res.Misses {
		t.Errorf("miss: %s", m)
	}
	for _, m := range res.FalsePositives {
		t.Errorf("false positive: %s", m)
	}
	if res.MissingTrials > 0 {
		t.Errorf("%d truth trials missing from the load", res.MissingTrials)
	}
	t.Log(res.Line())
	if res.Matched != res.Truth || res.Matched != res.Extracted {
		t.Errorf("want P = R = 100%%: %s", res.Line())
	}
}

// TestCompareScript runs the real compare.py over an export of the examples.
func TestCompareScript(t *testing.T) {
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is not on PATH: compare.py not run")
	}
	type exported struct {
		ID          string `json:"id"`
		NCTID       string `json:"nct_id"`
		Eligibility struct {
			Requirements []model.Requirement `json:"requirements"`
		} `json:"eligibility"`
	}
	var out []exported
	for _, tr := range exampleTrials(t) {
		e := exported{ID: tr.ID, NCTID: tr.NCTID}
		e.Eligibility.Requirements = eligibility.Extract(&tr.Eligibility)
		out = append(out, e)
	}
	b, err := json.Marshal(out)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "export.json")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(py, "testdata/compare.py", "testdata/examples.json", path, "--min-p", "100", "--min-r", "100")
	got, err := cmd.CombinedOutput()
	t.Logf("compare.py:\n%s", got)
	if err != nil {
		t.Errorf("compare.py: %v", err)
	}

	// the Go port scores a damaged export exactly as compare.py does
	export := map[string][]score.Req{}
	for i := range out {
		reqs := out[i].Eligibility.Requirements
		var kept []model.Requirement
		for k, r := range reqs {
			switch {
			case k%5 == 4:
				continue // a miss
			case k%3 == 2:
				r.Conditional = !r.Conditional // a wrong flag: a miss and a false positive
			case k%7 == 3 && r.Max != nil:
				m := *r.Max * 1.5
				r.Max = &m
			}
			kept = append(kept, r)
		}
		out[i].Eligibility.Requirements = kept
		id := nctRe.FindString(out[i].ID)
		if id == "" {
			id = out[i].ID
		}
		export[id] = append(export[id], asTruth(t, kept)...)
	}
	b, _ = json.Marshal(out)
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	got, _ = exec.Command(py, "testdata/compare.py", "testdata/examples.json", path).CombinedOutput()
	lines := strings.Split(strings.TrimSpace(string(got)), "\n")
	want := lines[len(lines)-1]
	t.Logf("damaged: %s", want)
	if port := score.Score(readTruth(t), export, 0.01).Line(); port != want {
		t.Errorf("the Go port says %q, compare.py %q", port, want)
	}
}
