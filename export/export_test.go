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
