package export

import (
	"bytes"
	"encoding/csv"
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
		if err := Write(&b, format, []*model.Trial{tr}); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		// JSON may escape control characters; they must not be there at all.
		for _, bad := range []string{"\x1b", "\x07", "\u009b", "\u202e", `\u001b`, `\u0007`, `\u009b`, `\u202e`, "ZXZpbA"} {
			if strings.Contains(out, bad) {
				t.Errorf("%s: %q reached the export", format, bad)
			}
		}
		if !strings.Contains(out, "member.json") || !strings.Contains(out, "red") {
			t.Errorf("%s: the text around the escapes was lost:\n%s", format, out)
		}
	}
	if tr.Source.Path != before {
		t.Error("cleaning an export must not change the trial itself")
	}
}
