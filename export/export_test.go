package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/trials-app/trials/model"
)

func sample() *model.Trial {
	n := 12
	t := &model.Trial{ID: "NCT00000001", NCTID: "NCT00000001", Title: "A | B <trial> & *co*", Enrollment: &n,
		Phases: []model.Phase{model.Phase1, model.Phase2}, Conditions: []string{"X", "Y; Z"},
		Eligibility: model.Eligibility{Inclusion: []model.Criterion{{Text: "a", Children: []model.Criterion{{Text: "b"}}}}}}
	t.Canonicalize()
	return t
}

func TestJSONEmptyAndEscaping(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, "json", nil); err != nil || b.String() != "[]\n" {
		t.Errorf("empty export %q %v", b.String(), err)
	}
	b.Reset()
	if err := Write(&b, "json", []*model.Trial{sample()}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `"A | B <trial> & *co*"`) {
		t.Errorf("HTML-escaped or altered title: %s", b.String())
	}
}

func TestCSVRowsMatchHeader(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, "csv", []*model.Trial{sample()}); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil || len(rows) != 2 || len(rows[1]) != len(CSVColumns) {
		t.Fatalf("rows %v err %v", rows, err)
	}
	row := map[string]string{}
	for i, c := range CSVColumns {
		row[c] = rows[1][i]
	}
	if row["phases"] != "PHASE1|PHASE2" || row["enrollment"] != "12" || row["inclusion_criteria_count"] != "2" || row["conditions"] != "X; Y; Z" {
		t.Errorf("row %v", row)
	}
}

// The requirements read from the criteria: a readable CSV cell and a
// Markdown table, each requirement with the criterion it came from.
func TestRequirementsInCSVAndMarkdown(t *testing.T) {
	tr := sample()
	one, seventyFive, thirty, yes := 1.0, 75.0, 30.0, true
	tr.Eligibility.Requirements = []model.Requirement{
		{Variable: "ecog", Max: &one, MaxInclusive: &yes, From: "inclusion", Text: "ECOG 0-1"},
		{Variable: "platelets", Min: &seventyFive, MinInclusive: &yes, Unit: "10^9/L", From: "exclusion", Text: "Platelets < 75,000/µL | *low*"},
		{Variable: "creatinine_clearance", Min: &thirty, MinInclusive: &yes, Unit: "mL/min", From: "inclusion", Conditional: true,
			Text: "Creatinine ≤ 2 × ULN or CrCl ≥ 30 mL/min"},
	}
	var b bytes.Buffer
	if err := Write(&b, "csv", []*model.Trial{tr, sample()}); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil || len(rows) != 3 {
		t.Fatal(rows, err)
	}
	col := slices.Index(CSVColumns, "requirements")
	if col < 0 || CSVColumns[len(CSVColumns)-2] != "note" {
		t.Fatalf("columns %v: requirements before note and tag, which stay last", CSVColumns)
	}
	want := "ECOG ≤ 1; platelets ≥ 75 ×10^9/L; creatinine clearance ≥ 30 mL/min (subgroup)"
	if rows[1][col] != want || rows[2][col] != "" {
		t.Errorf("requirements cells %q, %q; want %q and empty", rows[1][col], rows[2][col], want)
	}
	b.Reset()
	if err := Write(&b, "md", []*model.Trial{tr, sample()}); err != nil {
		t.Fatal(err)
	}
	md := b.String()
	for _, s := range []string{"### Requirements read from the criteria\n",
		"| ECOG ≤ 1 | inclusion | everyone | ECOG 0-1 |\n",
		`| platelets ≥ 75 ×10^9/L | exclusion | everyone | Platelets \< 75,000/µL \| \*low\* |` + "\n",
		"| creatinine clearance ≥ 30 mL/min | inclusion | a subgroup, or as an alternative | Creatinine ≤ 2 × ULN or CrCl ≥ 30 mL/min |\n"} {
		if !strings.Contains(md, s) {
			t.Errorf("markdown lacks %q:\n%s", s, md)
		}
	}
	if strings.Count(md, "### Requirements read") != 1 {
		t.Error("a trial without requirements has no requirements table")
	}
}

func TestMarkdownEscapes(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, "md", []*model.Trial{sample()}); err != nil {
		t.Fatal(err)
	}
	s := b.String()
	if !strings.Contains(s, `# A \| B \<trial> & \*co\*`) || !strings.Contains(s, "1. a\n   1. b\n") {
		t.Errorf("markdown:\n%s", s)
	}
}

func TestUnknownFormat(t *testing.T) {
	if err := Write(&bytes.Buffer{}, "xml", nil); err == nil {
		t.Error("want an error")
	}
}

func TestCSVDefusesFormulas(t *testing.T) {
	tr := sample()
	tr.Title = "=HYPERLINK(\"http://evil\")"
	var b bytes.Buffer
	if err := Write(&b, "csv", []*model.Trial{tr}); err != nil {
		t.Fatal(err)
	}
	rows, _ := csv.NewReader(&b).ReadAll()
	if got := rows[1][2]; got != "'=HYPERLINK(\"http://evil\")" {
		t.Errorf("title cell %q", got)
	}
}

func TestCSVDefusesByTheOWASPRule(t *testing.T) {
	tests := []struct{ in, want string }{
		{"=1+2", "'=1+2"},
		{"+1", "'+1"},
		{"-2+3", "'-2+3"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\t=1", "'\t=1"},
		{"\r=1", "'\r=1"},
		{"  =1", "'  =1"},
		{"\u00a0-1", "'\u00a0-1"},
		{"PD-1 inhibitor", "PD-1 inhibitor"},
		{"", ""},
		{"   ", "   "},
	}
	for _, tt := range tests {
		if got := defuse([]string{tt.in})[0]; got != tt.want {
			t.Errorf("defuse(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestEveryFormatCleansEveryField: file and member names, and any text the
// loader did not clean, reach no format with an escape, OSC 52 or BEL.
func TestEveryFormatCleansEveryField(t *testing.T) {
	evil := "\x1b]52;c;ZXZpbA==\x07\x1b[31mred\x1b[0m\u009b2J\u202e"
	tr := sample()
	tr.Source = model.Source{Path: "in/" + evil + ".zip", Entry: evil + "member.json", Format: model.FormatCTGovJSON}
	tr.Warnings = []string{"bad " + evil}
	tr.Locations = []model.Location{{Facility: evil + "Site", Country: "X"}}
	tr.Eligibility.Inclusion[0].Children[0].Text = "deep " + evil
	before := tr.Source.Path
	for _, format := range Formats {
		var b bytes.Buffer
		enc, err := NewEncoder(&b, format)
		if err != nil {
			t.Fatal(err)
		}
		enc.Annotate(func(string) Annotation { return Annotation{Note: "my red note " + evil, Tag: "ask" + evil} })
		if err := enc.Encode(tr); err != nil {
			t.Fatal(err)
		}
		if err := enc.Close(); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		// JSON may escape control characters; they must not be there at all.
		for _, bad := range []string{"\x1b", "\x07", "\u009b", "\u202e", `\u001b`, `\u0007`, `\u009b`, `\u202e`, "ZXZpbA"} {
			if strings.Contains(out, bad) {
				t.Errorf("%s: %q reached the export", format, bad)
			}
		}
		if !strings.Contains(out, "my red note") || format != "ris" && !strings.Contains(out, "member.json") {
			t.Errorf("%s: the text around the escapes was lost:\n%s", format, out)
		}
	}
	if tr.Source.Path != before {
		t.Error("cleaning an export must not change the trial itself")
	}
}

// TestAnnotationsInEveryFormat: the user's note and tag reach each format
// where it keeps them, and a trial without them is exported as before.
func TestAnnotationsInEveryFormat(t *testing.T) {
	tagged, plainTrial := sample(), sample()
	plainTrial.ID, plainTrial.NCTID = "NCT00000002", "NCT00000002"
	notes := func(id string) Annotation {
		if id == tagged.ID {
			return Annotation{Note: "Ask Dr Li.\nSecond line, =not a formula", Tag: "ask-PI"}
		}
		return Annotation{}
	}
	export := func(format string) string {
		var b bytes.Buffer
		enc, err := NewEncoder(&b, format)
		if err != nil {
			t.Fatal(err)
		}
		enc.Annotate(notes)
		for _, tr := range []*model.Trial{tagged, plainTrial} {
			if err := enc.Encode(tr); err != nil {
				t.Fatal(err)
			}
		}
		if err := enc.Close(); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}

	var objs []map[string]any
	if err := json.Unmarshal([]byte(export("json")), &objs); err != nil || len(objs) != 2 {
		t.Fatalf("json: %v", err)
	}
	if objs[0]["note"] != "Ask Dr Li.\nSecond line, =not a formula" || objs[0]["tag"] != "ask-PI" || objs[0]["id"] != tagged.ID {
		t.Errorf("json of the annotated trial: note %q tag %q", objs[0]["note"], objs[0]["tag"])
	}
	if _, ok := objs[1]["note"]; ok {
		t.Error("json: a trial without a note has no note key")
	}
	if _, ok := objs[1]["tag"]; ok {
		t.Error("json: a trial without a tag has no tag key")
	}
	lines := strings.Split(strings.TrimSpace(export("jsonl")), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], `"tag":"ask-PI"`) || strings.Contains(lines[1], `"note"`) {
		t.Errorf("jsonl:\n%s", strings.Join(lines, "\n"))
	}

	rows, err := csv.NewReader(strings.NewReader(export("csv"))).ReadAll()
	if err != nil || len(rows) != 3 {
		t.Fatalf("csv: %v", err)
	}
	n := len(CSVColumns)
	if rows[0][n-2] != "note" || rows[0][n-1] != "tag" || rows[1][n-2] != "Ask Dr Li.\nSecond line, =not a formula" || rows[1][n-1] != "ask-PI" || rows[2][n-2] != "" {
		t.Errorf("csv note and tag: %q", [][]string{rows[0][n-2:], rows[1][n-2:], rows[2][n-2:]})
	}

	md := export("md")
	first, second, _ := strings.Cut(md, "\n---\n")
	if !strings.Contains(first, "| Shortlist tag | ask-PI |") || !strings.Contains(first, "## Shortlist note\n\nAsk Dr Li.\nSecond line, =not a formula\n") {
		t.Errorf("md of the annotated trial:\n%s", first)
	}
	if strings.Contains(second, "Shortlist") {
		t.Errorf("md of a trial without a note:\n%s", second)
	}

	r := export("ris")
	if !strings.Contains(r, "N1  - Ask Dr Li. Second line, =not a formula\r\n") || !strings.Contains(r, "KW  - ask-PI\r\n") || strings.Count(r, "TY  - DBASE") != 2 {
		t.Errorf("ris:\n%s", r)
	}
}

// TestWriteFileIsAtomic: a write that fails leaves the old file whole and no
// temporary file behind; an existing file is replaced only when asked, and
// keeps its mode; a new one is the owner's alone.
func TestWriteFileIsAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.csv")
	write := func(s string) func(io.Writer) error {
		return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
	}
	if err := WriteFile(path, false, write("first")); err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Stat(path); runtime.GOOS != "windows" && info.Mode().Perm() != 0o600 {
		t.Errorf("a new export is mode %v", info.Mode().Perm())
	}
	if err := WriteFile(path, false, write("second")); !errors.Is(err, ErrExists) {
		t.Errorf("writing over without overwrite: %v", err)
	}
	boom := errors.New("disk full")
	err := WriteFile(path, true, func(w io.Writer) error {
		io.WriteString(w, "half of the")
		return boom
	})
	if !errors.Is(err, boom) {
		t.Errorf("the write's error: %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "first" {
		t.Errorf("a failed write left %q", b)
	}
	if err := os.Chmod(path, 0o640); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(path, true, write("third")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "third" {
		t.Errorf("after overwrite: %q", b)
	}
	if info, _ := os.Stat(path); runtime.GOOS != "windows" && info.Mode().Perm() != 0o640 {
		t.Errorf("a replaced export is mode %v, want the old 0640", info.Mode().Perm())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("files left in the directory: %v", entries)
	}
	if err := WriteFile(filepath.Join(dir, "no", "such", "dir.csv"), false, write("x")); err == nil {
		t.Error("a missing directory must be an error")
	}
}
