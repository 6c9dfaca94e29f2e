package cli

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/trials-app/trials/corpus"
	"github.com/trials-app/trials/eligibility"
	"github.com/trials-app/trials/loader"
	"github.com/trials-app/trials/model"
)

// exampleInputs are the documents of the eligibility SPEC's worked
// examples: the seed files and the registry records copied for its tests.
var exampleInputs = []string{"../seeds/NCT05033522.txt", "../seeds/NCT05168163.txt", "../seeds/NCT05233358.txt",
	"../seeds/NCT05962450.txt", "../seeds/clinconnect-hcc-vascular-invasion.txt", "../eligibility/testdata/fixtures"}

const eligibilityTestdata = "../eligibility/testdata"

type exportedRequirements struct {
	ID          string `json:"id"`
	NCTID       string `json:"nct_id"`
	Eligibility struct {
		Requirements []model.Requirement `json:"requirements"`
	} `json:"eligibility"`
}

// `trials export` carries eligibility.requirements in json and jsonl:
// exactly what the extractor reads from each trial, and over the worked
// examples compare.py scores it P = R = 100%.
func TestExportCarriesRequirements(t *testing.T) {
	r := run(t, append([]string{"export"}, exampleInputs...)...)
	if r.code != ExitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var got []exportedRequirements
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil || len(got) != 18 {
		t.Fatalf("%d trials, %v", len(got), err)
	}
	res := loader.LoadContext(context.Background(), loader.Options{Ordered: true}, exampleInputs...)
	if len(res.Trials) != len(got) {
		t.Fatalf("%d trials loaded, %d exported", len(res.Trials), len(got))
	}
	total := 0
	for i, tr := range res.Trials {
		want := eligibility.Extract(&tr.Eligibility)
		for k := range want {
			want[k].Span = [2]int{} // not exported
		}
		if g := got[i].Eligibility.Requirements; !reflect.DeepEqual(g, want) && !(len(g) == 0 && len(want) == 0) {
			t.Errorf("%s: exported %+v\nextracted %+v", tr.ID, g, want)
		}
		total += len(want)
	}
	if total < 100 {
		t.Errorf("only %d requirements in the examples' export", total)
	}

	r = run(t, append([]string{"export", "--format", "jsonl"}, exampleInputs...)...)
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	for i, l := range lines {
		var e exportedRequirements
		if err := json.Unmarshal([]byte(l), &e); err != nil || !reflect.DeepEqual(e, got[i]) {
			t.Errorf("jsonl line %d differs from json: %v", i+1, err)
		}
	}

	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is not on PATH: compare.py not run (the export was checked against the extractor)")
	}
	path := filepath.Join(t.TempDir(), "export.json")
	if err := os.WriteFile(path, []byte(run(t, append([]string{"export"}, exampleInputs...)...).stdout), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(py, filepath.Join(eligibilityTestdata, "compare.py"), filepath.Join(eligibilityTestdata, "examples.json"),
		path, "--min-p", "100", "--min-r", "100").CombinedOutput()
	t.Logf("compare.py:\n%s", out)
	if err != nil {
		t.Errorf("compare.py over `trials export` of the examples: %v", err)
	}
}

// The csv export's requirements column reads as a clinician writes them;
// md has a table of them under Eligibility.
func TestExportRequirementsCSVAndMarkdown(t *testing.T) {
	r := run(t, "export", "--format", "csv", "../seeds/NCT05168163.txt")
	rows, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
	if err != nil || len(rows) != 2 {
		t.Fatalf("%v %v", rows, err)
	}
	row := map[string]string{}
	for i, c := range rows[0] {
		row[c] = rows[1][i]
	}
	for _, want := range []string{"ECOG ≤ 1; Child-Pugh ≤ 6 (A); ANC ≥ 1.5 ×10^9/L", "total bilirubin ≤ 3 × ULN",
		"creatinine ≤ 2 × ULN; creatinine clearance ≥ 30 mL/min (subgroup)"} {
		if !strings.Contains(row["requirements"], want) {
			t.Errorf("requirements column %q lacks %q", row["requirements"], want)
		}
	}
	r = run(t, "export", "--format", "md", "../seeds/NCT05168163.txt")
	if !strings.Contains(r.stdout, "### Requirements read from the criteria") ||
		!strings.Contains(r.stdout, "| total bilirubin ≤ 3 × ULN | inclusion | everyone | Total bilirubin =\\< 3 x ULN") {
		t.Errorf("md:\n%s", r.stdout)
	}
}

// `trials screen` and the browser give the same verdicts: the browser's
// screen column reads them from the corpus's compact requirements
// (corpus.Screen, with no trial kept whole, as for a large corpus), the
// command from each whole trial. Over the worked examples, for the
// patients of examples_patients.json and a 67-year-old man, ECOG 1,
// Child-Pugh 7, platelets 80.
func TestScreenAgreesWithTheBrowser(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(eligibilityTestdata, "examples_patients.json"))
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		Patients []json.RawMessage `json:"patients"`
	}
	if err := json.Unmarshal(b, &f); err != nil {
		t.Fatal(err)
	}
	patients := []string{`{"age": 67, "sex": "male", "ecog": 1, "child_pugh_score": 7, "platelets": 80}`}
	for _, p := range f.Patients {
		patients = append(patients, string(p))
	}
	c, err := corpus.Load(context.Background(), corpus.Source{Paths: exampleInputs}, corpus.Options{Keep: -1})
	if err != nil || c.Len() != 18 {
		t.Fatalf("load: %v, %d trials", err, c.Len())
	}
	excluded := 0
	for _, raw := range patients {
		path := writeTemp(t, "patient.json", raw)
		r := run(t, append([]string{"screen", "--format", "json", "--patient", path}, exampleInputs...)...)
		var got []screened
		if err := json.Unmarshal([]byte(r.stdout), &got); err != nil || len(got) != c.Len() {
			t.Fatalf("screen: %v, %d results: %s", err, len(got), r.stderr)
		}
		p, err := eligibility.ReadPatient(strings.NewReader(raw))
		if err != nil {
			t.Fatal(err)
		}
		for i, s := range got {
			res, ok := c.Screen(i, &p)
			if !ok || c.Record(i).ID != s.ID || string(res.Verdict) != s.Verdict || res.UnknownCount() != s.Unknown {
				t.Errorf("%s × %s: trials screen %s ?%d; the browser %s ?%d", p.ID, s.ID, s.Verdict, s.Unknown, res.Verdict, res.UnknownCount())
			}
			if s.Verdict == "excluded" {
				excluded++
			}
		}
	}
	if excluded == 0 {
		t.Error("no patient is excluded from any example: the comparison proves little")
	}
}
