package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const patientE2 = `{"id": "E2", "sex": "male", "age": 56, "ecog": 1, "child_pugh_score": 6, "bclc_stage": "C",
 "platelets": 92, "anc": 2.6, "hemoglobin": 12.4, "bilirubin_mg_dl": 1.4, "bilirubin_xuln": 1.2, "ast_xuln": 2.8,
 "alt_xuln": 2.2, "albumin": 3.3, "inr": 1.2, "creatinine_mg_dl": 0.8, "creatinine_clearance": 105,
 "life_expectancy_weeks": null}`

func writeTemp(t *testing.T, name, data string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

type screened struct {
	ID           string           `json:"id"`
	Title        string           `json:"title"`
	Verdict      string           `json:"verdict"`
	Unknown      int              `json:"unknown"`
	NotMet       []string         `json:"not_met"`
	Requirements []map[string]any `json:"requirements"`
	Structured   []map[string]any `json:"structured"`
}

func TestScreenText(t *testing.T) {
	p := writeTemp(t, "e2.json", patientE2)
	r := run(t, "screen", "--patient", p)
	if r.code != ExitOK || r.stderr != "" {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if len(lines) != 5 {
		t.Fatalf("%d lines, want one per seed:\n%s", len(lines), r.stdout)
	}
	for _, l := range lines {
		if !strings.HasPrefix(l, "✓ possible  ? ") {
			t.Errorf("E2 is not excluded by the seeds' criteria: %q", l)
		}
	}
	// a flag overrides the file, and an excluded trial says why, with its source
	r = run(t, "screen", "--patient", p, "--platelets", "60")
	if !strings.Contains(r.stdout, "✗ excluded") || !strings.Contains(r.stdout, "not met: platelets > 75 ×10^9/L (patient: 60)") ||
		!strings.Contains(r.stdout, `inclusion: "Platelet count > 75,000/μl"`) {
		t.Errorf("override: %s", r.stdout)
	}
	// the registry's sex field excludes too
	r = run(t, "screen", "--sex", "female", "../seeds/NCT05168163.txt")
	if r.code != ExitOK || !strings.Contains(r.stdout, "possible") {
		t.Errorf("stand-alone flag: exit %d %q %q", r.code, r.stdout, r.stderr)
	}
}

func TestScreenJSON(t *testing.T) {
	p := writeTemp(t, "e2.json", patientE2)
	r := run(t, "screen", "--patient", p, "--format", "json", "--bilirubin-xuln", "2")
	if r.code != ExitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var got []screened
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatalf("not a JSON array: %v\n%s", err, r.stdout)
	}
	if len(got) != 5 {
		t.Fatalf("%d trials, want 5", len(got))
	}
	byID := map[string]screened{}
	for _, s := range got {
		byID[s.ID] = s
		if s.Verdict != "possible" && s.Verdict != "excluded" {
			t.Errorf("%s: verdict %q", s.ID, s.Verdict)
		}
		for _, req := range s.Requirements {
			for _, k := range []string{"variable", "min", "max", "min_inclusive", "max_inclusive", "unit", "values",
				"from", "conditional", "text", "value", "verdict"} {
				if _, ok := req[k]; !ok {
					t.Errorf("%s: requirement lacks %q: %v", s.ID, k, req)
				}
			}
		}
	}
	// NCT05168163: bilirubin ≤ 3 × ULN is met at 2; Child-Pugh A met at 6
	s := byID["NCT05168163"]
	if s.Verdict != "possible" || len(s.Structured) == 0 {
		t.Errorf("NCT05168163: %+v", s)
	}
	for _, req := range s.Requirements {
		if req["variable"] == "bilirubin" && (req["value"] != 2.0 || req["verdict"] != "met") {
			t.Errorf("bilirubin: %v", req)
		}
	}
	// an empty corpus is still a JSON array
	empty := t.TempDir()
	r = run(t, "screen", "--ecog", "1", "--format", "json", empty)
	if strings.TrimSpace(r.stdout) != "[]" {
		t.Errorf("no trials: %q", r.stdout)
	}
}

func TestScreenPatientFromStdin(t *testing.T) {
	var out, errb bytes.Buffer
	code := Main([]string{"screen", "--patient", "-", "--format", "json", "../seeds/NCT05962450.txt"},
		&Env{Stdin: strings.NewReader(`{"age": 77, "sex": "male"}`), Stdout: &out, Stderr: &errb})
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var got []screened
	if err := json.Unmarshal(out.Bytes(), &got); err != nil || len(got) != 1 {
		t.Fatalf("%v %s", err, out.String())
	}
	// aged 77: over the criteria's 18–75 and the registry's maximum of 75 years
	if got[0].Verdict != "excluded" || len(got[0].NotMet) != 1 || got[0].NotMet[0] != "age" {
		t.Errorf("%+v", got[0])
	}
}

func TestScreenErrors(t *testing.T) {
	bad := writeTemp(t, "bad.json", `{"ecog": 9}`)
	typo := writeTemp(t, "typo.json", `{"platlets": 80}`)
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"screen"}, ExitUsage, "no patient"},
		{[]string{"screen", "--ecog", "7"}, ExitUsage, "--ecog 7: ECOG must be 0–5"},
		{[]string{"screen", "--sex", "x"}, ExitUsage, `sex must be "female" or "male"`},
		{[]string{"screen", "--ecog", "1", "--format", "xml"}, ExitUsage, `unknown format "xml"`},
		{[]string{"screen", "--nope", "1"}, ExitUsage, "flag provided but not defined: -nope"},
		{[]string{"screen", "--patient", "/no/such/patient.json"}, ExitError, "/no/such/patient.json"},
		{[]string{"screen", "--patient", bad}, ExitError, "ECOG must be 0–5"},
		{[]string{"screen", "--patient", typo}, ExitError, "platlets"},
		{[]string{"screen", "--ecog", "1", "../seeds/NCT05033522.txt", "/no/such/file.txt"}, ExitError, "no such file"},
	}
	for _, tc := range cases {
		r := run(t, tc.args...)
		if r.code != tc.code || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", tc.args, r.code, r.stderr, tc.code, tc.want)
		}
	}
	// the trial that loaded is still screened
	r := run(t, "screen", "--ecog", "1", "../seeds/NCT05033522.txt", "/no/such/file.txt")
	if !strings.Contains(r.stdout, "NCT05033522") {
		t.Errorf("good input not screened: %q", r.stdout)
	}
	r = run(t, "screen", "--help")
	if r.code != ExitOK || strings.Count(r.stdout, "Usage:") != 1 || !strings.Contains(r.stdout, "--child-pugh") {
		t.Errorf("--help: exit %d %q", r.code, r.stdout)
	}
}

func TestScreenCleansDocumentText(t *testing.T) {
	data, err := os.ReadFile("../seeds/NCT05033522.txt")
	if err != nil {
		t.Fatal(err)
	}
	evil := strings.Replace(string(data), "Platelet count > 75,000/μl", "Platelet\x1b]0;pwned\x07 count > 75,000/μl\x1b[2J", 1)
	evil = strings.Replace(evil, "Immunotherapy for Advanced Liver Cancer", "Immunotherapy\x1b[5m for Advanced Liver Cancer", 1)
	p := writeTemp(t, "evil.txt", evil)
	for _, format := range []string{"text", "json"} {
		r := run(t, "screen", "--platelets", "60", "--format", format, p)
		if r.code != ExitOK {
			t.Fatalf("%s: exit %d %s", format, r.code, r.stderr)
		}
		if strings.ContainsAny(r.stdout, "\x1b\x07") || strings.Contains(r.stdout, `\u001b`) || strings.Contains(r.stdout, "pwned") {
			t.Errorf("%s: a control sequence reached the output: %q", format, r.stdout)
		}
		if !strings.Contains(r.stdout, "excluded") {
			t.Errorf("%s: the cleaned criterion should still exclude: %q", format, r.stdout)
		}
	}
}
