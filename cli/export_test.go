package cli

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/trials-app/trials/export/ris"
	"github.com/trials-app/trials/shortlist"
)

// runIn runs a command with a data directory of its own, where the
// shortlist is looked for.
func runIn(t *testing.T, dataHome string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	env := &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb,
		Environ: []string{"TERM=xterm-256color", "HOME=" + t.TempDir(), "XDG_DATA_HOME=" + dataHome}}
	code := Main(args, env)
	return result{code, out.String(), errb.String()}
}

// annotate writes a shortlist into dataHome as the browser would.
func annotate(t *testing.T, dataHome string, fn func(l *shortlist.List)) {
	t.Helper()
	l, err := shortlist.Open(filepath.Join(dataHome, "trials"))
	if err != nil {
		t.Fatal(err)
	}
	fn(l)
	if err := l.Save(); err != nil {
		t.Fatal(err)
	}
}

const ctgovJSON = "../loader/testdata/ctgov/json"

var risLine = regexp.MustCompile(`^([A-Z][A-Z0-9])  - (.*)$`)

// readRIS splits RIS output into records of (tag, value) pairs, failing on
// anything the specification does not allow: a line that is not a tag line,
// a line end other than CR LF, a record not opened by TY or closed by ER.
func readRIS(t *testing.T, out string) []map[string][]string {
	t.Helper()
	if out == "" {
		return nil
	}
	if !strings.HasSuffix(out, "\r\n") || strings.Contains(strings.ReplaceAll(out, "\r\n", ""), "\n") {
		t.Fatalf("RIS lines must end in CR LF:\n%q", out[:min(300, len(out))])
	}
	var recs []map[string][]string
	var cur map[string][]string
	for i, line := range strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n") {
		m := risLine.FindStringSubmatch(line)
		if m == nil {
			t.Fatalf("line %d is not a RIS tag line: %q", i+1, line)
		}
		switch tag, value := m[1], m[2]; {
		case tag == "TY":
			if cur != nil {
				t.Fatalf("line %d: TY inside a record", i+1)
			}
			cur = map[string][]string{"TY": {value}}
		case cur == nil:
			t.Fatalf("line %d: %s outside a record", i+1, tag)
		case tag == "ER":
			recs = append(recs, cur)
			cur = nil
		default:
			cur[tag] = append(cur[tag], value)
		}
	}
	if cur != nil {
		t.Fatal("the last record has no ER")
	}
	return recs
}

// TestExportRISOfTheFixtures: `trials export --format ris` of real registry
// records, read back field by field against the JSON export of the same
// files, with the user's note and tag where the shortlist has them.
func TestExportRISOfTheFixtures(t *testing.T) {
	home := t.TempDir()
	annotate(t, home, func(l *shortlist.List) {
		l.Toggle("NCT05147467", "")
		if err := l.SetNote("NCT05147467", "", "Ask the PI about arm B.\nBring the scans."); err != nil {
			t.Fatal(err)
		}
		if err := l.SetTag("NCT00184067", "", "ask-PI"); err != nil {
			t.Fatal(err)
		}
	})
	r := runIn(t, home, "export", "--format", "ris", ctgovJSON)
	if r.code != ExitOK || r.stderr != "" {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	recs := readRIS(t, r.stdout)
	j := runIn(t, home, "export", ctgovJSON)
	var trials []struct {
		ID, NCTID, Title, FirstPosted, BriefSummary, Note, Tag string
		Conditions                                             []string
		Sponsor                                                struct{ Name string } `json:"lead_sponsor"`
	}
	if err := json.Unmarshal([]byte(strings.NewReplacer(`"nct_id"`, `"NCTID"`, `"first_posted"`, `"FirstPosted"`, `"brief_summary"`, `"BriefSummary"`).Replace(j.stdout)), &trials); err != nil {
		t.Fatal(err)
	}
	if len(recs) != len(trials) || len(recs) < 10 {
		t.Fatalf("%d RIS records for %d trials", len(recs), len(trials))
	}
	one := func(rec map[string][]string, tag string) string {
		if v := rec[tag]; len(v) == 1 {
			return v[0]
		}
		t.Errorf("%s: %d %s lines", rec["AN"], len(rec[tag]), tag)
		return ""
	}
	for i, tr := range trials {
		rec := recs[i]
		if one(rec, "TY") != "DBASE" || one(rec, "AN") != tr.NCTID || one(rec, "DB") != "ClinicalTrials.gov" ||
			one(rec, "UR") != ris.StudyURL(tr.NCTID) || one(rec, "TI") != ris.Value(tr.Title) {
			t.Errorf("record %d (%s): %v", i, tr.NCTID, rec)
		}
		if tr.FirstPosted != "" {
			if one(rec, "PY") != tr.FirstPosted[:4] || !strings.HasPrefix(one(rec, "DA"), strings.ReplaceAll(tr.FirstPosted, "-", "/")) {
				t.Errorf("%s: first posted %s, PY %v DA %v", tr.NCTID, tr.FirstPosted, rec["PY"], rec["DA"])
			}
		}
		if tr.Sponsor.Name != "" && !strings.HasSuffix(one(rec, "AU"), ",") {
			t.Errorf("%s: AU %v is not a corporate author", tr.NCTID, rec["AU"])
		}
		kw := strings.Join(rec["KW"], "|")
		for _, c := range tr.Conditions {
			if !strings.Contains(kw, ris.Value(strings.ReplaceAll(c, "*", ""))) {
				t.Errorf("%s: condition %q not among the keywords %v", tr.NCTID, c, rec["KW"])
			}
		}
		switch tr.NCTID {
		case "NCT05147467":
			if tr.Note != "Ask the PI about arm B.\nBring the scans." || rec["N1"][0] != "Ask the PI about arm B. Bring the scans." {
				t.Errorf("the note: json %q, N1 %q", tr.Note, rec["N1"])
			}
		case "NCT00184067":
			if tr.Tag != "ask-PI" || rec["KW"][len(rec["KW"])-1] != "ask-PI" || len(rec["N1"]) != 1 {
				t.Errorf("the tag: json %q, KW %q, N1 %q", tr.Tag, rec["KW"], rec["N1"])
			}
		default:
			if tr.Note != "" || tr.Tag != "" || len(rec["N1"]) != 1 {
				t.Errorf("%s has no note: json %q %q, N1 %q", tr.NCTID, tr.Note, tr.Tag, rec["N1"])
			}
		}
	}
	// --no-notes leaves them out.
	if r := runIn(t, home, "export", "--format", "ris", "--no-notes", ctgovJSON); strings.Contains(r.stdout, "Ask the PI") || strings.Contains(r.stdout, "ask-PI") {
		t.Error("--no-notes exported a note")
	}
}

// TestExportIDsAndShortlist: --ids exports the named trials in their order
// and fails on one not found; --shortlist the shortlist in the order added,
// naming on stderr the ones not in the inputs, with the notes.
func TestExportIDsAndShortlist(t *testing.T) {
	home := t.TempDir()
	r := runIn(t, home, "export", "--format", "jsonl", "--ids", "NCT05962450, nct05033522,NCT05962450")
	if r.code != ExitOK || ids(t, r.stdout) != "NCT05962450 NCT05033522" {
		t.Errorf("--ids: exit %d, %s, %s", r.code, ids(t, r.stdout), r.stderr)
	}
	r = runIn(t, home, "export", "--ids", "NCT05962450,NCT09999999")
	if r.code != ExitError || !strings.Contains(r.stderr, `no trial with id "NCT09999999"`) || !strings.Contains(r.stdout, "NCT05962450") {
		t.Errorf("--ids with an unknown id: exit %d, stderr %q", r.code, r.stderr)
	}
	r = runIn(t, home, "export", "--shortlist")
	if r.code != ExitOK || !strings.Contains(r.stderr, "the shortlist is empty") || strings.TrimSpace(r.stdout) != "[]" {
		t.Errorf("an empty shortlist: exit %d, %q, %q", r.code, r.stdout, r.stderr)
	}
	annotate(t, home, func(l *shortlist.List) {
		l.Toggle("CC-B505B9C8", "")
		l.Toggle("NCT01234567", "A trial from yesterday's folder")
		l.Toggle("NCT05168163", "")
		l.SetTag("NCT05168163", "", "eligible")
		l.SetNote("NCT05033522", "", "not shortlisted, but noted")
	})
	r = runIn(t, home, "export", "--shortlist", "--format", "csv")
	rows, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
	if r.code != ExitOK || err != nil || len(rows) != 3 || rows[1][0] != "CC-B505B9C8" || rows[2][0] != "NCT05168163" || rows[2][len(rows[2])-1] != "eligible" {
		t.Errorf("--shortlist: exit %d, %v, rows %q", r.code, err, rows)
	}
	if !strings.Contains(r.stderr, "NCT01234567 (A trial from yesterday's folder) is on the shortlist but not among the 5 trials loaded") {
		t.Errorf("the missing trial should be named: %q", r.stderr)
	}
	r = runIn(t, home, "export", "--format", "jsonl")
	if !strings.Contains(r.stdout, `"note":"not shortlisted, but noted"`) || !strings.Contains(r.stdout, `"tag":"eligible"`) {
		t.Errorf("a full export carries the notes:\n%s", r.stdout)
	}
	for _, args := range [][]string{{"export", "--ids", "A", "--shortlist"}, {"export", "--ids", " , "}} {
		if r := runIn(t, home, args...); r.code != ExitUsage {
			t.Errorf("%v: exit %d", args, r.code)
		}
	}
	// No data directory: --shortlist says why; a plain export goes on without notes.
	var out, errb bytes.Buffer
	code := Main([]string{"export", "--shortlist"}, &Env{Stdout: &out, Stderr: &errb})
	if code != ExitError || !strings.Contains(errb.String(), "no data directory") {
		t.Errorf("--shortlist without a data directory: %d %q", code, errb.String())
	}
}

func ids(t *testing.T, jsonl string) string {
	t.Helper()
	var out []string
	for _, l := range strings.Split(strings.TrimSpace(jsonl), "\n") {
		var v struct{ ID string }
		if err := json.Unmarshal([]byte(l), &v); err != nil {
			t.Fatalf("%v: %q", err, l)
		}
		out = append(out, v.ID)
	}
	return strings.Join(out, " ")
}
