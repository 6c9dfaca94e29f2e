package cli

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

type result struct {
	code           int
	stdout, stderr string
}

func run(t *testing.T, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	code := Main(args, &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Environ: []string{"TERM=xterm-256color"}})
	return result{code, out.String(), errb.String()}
}

func TestExportJSONOfTheSeeds(t *testing.T) {
	r := run(t, "export")
	if r.code != ExitOK || r.stderr != "" {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	var trials []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &trials); err != nil {
		t.Fatalf("not a JSON array: %v", err)
	}
	if len(trials) != 5 {
		t.Fatalf("%d trials, want 5", len(trials))
	}
	for _, key := range []string{"id", "nct_id", "title", "official_title", "acronym", "status", "phases",
		"study_type", "enrollment", "enrollment_type", "start_date", "primary_completion_date",
		"completion_date", "first_posted", "last_updated", "conditions", "keywords", "lead_sponsor",
		"collaborators", "brief_summary", "detailed_description", "design", "arms", "interventions",
		"eligibility", "outcomes", "locations", "countries", "investigators", "secondary_ids",
		"related_trials", "source", "warnings"} {
		if _, ok := trials[0][key]; !ok {
			t.Errorf("contract field %q missing", key)
		}
	}
}

func TestExportFormats(t *testing.T) {
	r := run(t, "export", "--format", "jsonl")
	if lines := strings.Split(strings.TrimSpace(r.stdout), "\n"); r.code != 0 || len(lines) != 5 {
		t.Errorf("jsonl: exit %d, %d lines", r.code, len(lines))
	}
	r = run(t, "export", "-f", "csv")
	rows, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
	if err != nil || len(rows) != 6 || rows[0][0] != "id" {
		t.Errorf("csv: %v, %d rows", err, len(rows))
	}
	r = run(t, "export", "--format=md")
	if r.code != 0 || strings.Count(r.stdout, "\n# ")+1 != 5 || !strings.Contains(r.stdout, "### Inclusion criteria") {
		t.Errorf("md: exit %d\n%s", r.code, r.stdout[:min(400, len(r.stdout))])
	}
}

func TestExportBadPathStillPrintsTheGoodOnes(t *testing.T) {
	r := run(t, "export", "../seeds/NCT05033522.txt", "/no/such/file.txt", "../seeds/NCT05962450.txt")
	if r.code != ExitError {
		t.Errorf("exit %d, want 1", r.code)
	}
	if !strings.Contains(r.stderr, "/no/such/file.txt") || !strings.Contains(r.stderr, "no such file") {
		t.Errorf("stderr should name the file and the problem: %q", r.stderr)
	}
	var trials []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &trials); err != nil || len(trials) != 2 {
		t.Errorf("the two good trials should still print: %v (%d)", err, len(trials))
	}
}

// TestFlagErrorsGoToStderrOnce: a mistyped flag prints the error and the
// usage once, on stderr — nothing lands in a file stdout goes to.
func TestFlagErrorsGoToStderrOnce(t *testing.T) {
	for _, args := range [][]string{{"export", "--nope"}, {"show", "-x"}, {"--bogus"}, {"search", "--limit", "x", "q"}} {
		r := run(t, args...)
		if r.code != ExitUsage || r.stdout != "" || strings.Count(r.stderr, "Usage") != 1 {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, r.code, r.stdout, r.stderr)
		}
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"export", "--format", "xml"},
		{"show"},
	} {
		r := run(t, args...)
		if r.code != ExitUsage || !strings.Contains(r.stderr, "--help") {
			t.Errorf("%v: exit %d, stderr %q", args, r.code, r.stderr)
		}
	}
}

func TestHelpAndVersion(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"-h"}, {"help"}, {"export", "--help"}, {"show", "-h"}, {"help", "export"},
		{"search", "--help"}, {"compare", "--help"}, {"fetch", "--help"}} {
		r := run(t, args...)
		if r.code != ExitOK || strings.Count(r.stdout, "Usage") != 1 || r.stderr != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q (want the usage once, on stdout)", args, r.code, r.stdout, r.stderr)
		}
	}
	r := run(t, "--version")
	if r.code != 0 || r.stdout != "trials "+Version+"\n" {
		t.Errorf("--version: %d %q", r.code, r.stdout)
	}
}

func TestShow(t *testing.T) {
	r := run(t, "show", "nct05962450")
	if r.code != ExitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	for _, want := range []string{"Adoptive Autologous iNKT Cells", "Not yet recruiting", "Phase 2",
		"Vα24+ T Cells", "ELIGIBILITY", "18 Years to 75 Years", "China (1)"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("show output lacks %q", want)
		}
	}
	if strings.Contains(r.stdout, "\x1b") {
		t.Error("escape sequences written to a pipe")
	}
	if r := run(t, "show", "NCT00000000"); r.code != ExitError || !strings.Contains(r.stderr, "NCT00000000") {
		t.Errorf("unknown id: %d %q", r.code, r.stderr)
	}
}

// TestShowStripsEscapesFromDocuments: a document carrying terminal escape
// sequences prints inert.
func TestShowStripsEscapesFromDocuments(t *testing.T) {
	data, err := os.ReadFile("../seeds/NCT05233358.txt")
	if err != nil {
		t.Fatal(err)
	}
	evil := strings.Replace(string(data), "Hepatocellular Carcinoma", "Hepatocellular\x1b]0;pwned\x07 Carcinoma\x1b[2J", 1)
	evil = strings.Replace(evil, "The Central Hospital", "The \x1b[5mCentral\x1b[0m Hospital\u009b6n", 1)
	p := filepath.Join(t.TempDir(), "evil.txt")
	if err := os.WriteFile(p, []byte(evil), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"show", "NCT05233358", p}, {"export", "--format", "md", p}, {"export", "--format", "csv", p}} {
		r := run(t, args...)
		if r.code != 0 {
			t.Fatalf("%v: exit %d %s", args, r.code, r.stderr)
		}
		if strings.ContainsAny(r.stdout, "\x1b\x07\u009b") || strings.Contains(r.stdout, "pwned") {
			t.Errorf("%v: control sequence reached the output", args)
		}
		if !strings.Contains(r.stdout, "Hepatocellular Carcinoma") {
			t.Errorf("%v: the text around the escapes was lost", args)
		}
	}
}

func TestFlagsAfterPaths(t *testing.T) {
	r := run(t, "export", "../seeds/NCT05033522.txt", "--format", "jsonl")
	if r.code != 0 || strings.Count(r.stdout, "\n") != 1 {
		t.Errorf("flags after a path: exit %d, %q", r.code, r.stdout[:min(100, len(r.stdout))])
	}
}

// TestDiagnosticsOnStderrAreCleaned: file and member names are untrusted;
// a zip member named with escape sequences must not drive the terminal.
func TestDiagnosticsOnStderrAreCleaned(t *testing.T) {
	p := filepath.Join(t.TempDir(), "evil.zip")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	w, _ := zw.Create("\x1b]0;PWNED\x07\x1b[31mred.txt")
	w.Write([]byte("not a trial"))
	zw.Close()
	f.Close()
	r := run(t, "export", p)
	if r.code != ExitError || strings.ContainsAny(r.stderr, "\x1b\x07") || !strings.Contains(r.stderr, "red.txt") {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
}

// TestBrowserNeedsATerminal: without a terminal on stdout the browser does
// not start (it would write screen control codes into a pipe).
func TestBrowserNeedsATerminal(t *testing.T) {
	var out, errb bytes.Buffer
	code := Main(nil, &Env{Stdout: &out, Stderr: &errb})
	if code != ExitUsage || out.Len() != 0 || !strings.Contains(errb.String(), "needs a terminal") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out.String(), errb.String())
	}
}

// TestExportCountsATrialOnce: a study given twice (here the same file
// under two names) is exported once; the copy left out is named on stderr,
// which is a note and no failure.
func TestExportCountsATrialOnce(t *testing.T) {
	dir := t.TempDir()
	doc, err := os.ReadFile("../seeds/NCT05033522.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"a.txt", "b.txt"} {
		if err := os.WriteFile(filepath.Join(dir, name), doc, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r := run(t, "export", "--format", "jsonl", dir)
	if lines := strings.Split(strings.TrimSpace(r.stdout), "\n"); r.code != ExitOK || len(lines) != 1 {
		t.Fatalf("exit %d, %d trials exported, stderr %q", r.code, len(lines), r.stderr)
	}
	if !strings.Contains(r.stderr, "a.txt: NCT05033522 is also in") || !strings.Contains(r.stderr, "1 copy of trials read twice left out") {
		t.Errorf("stderr %q", r.stderr)
	}
}
