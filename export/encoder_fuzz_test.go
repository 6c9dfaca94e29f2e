package export

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"github.com/trials-app/trials/loader"
	"github.com/trials-app/trials/model"
	"github.com/trials-app/trials/seeds"
)

// FuzzEncoder puts arbitrary text into the fields of a real seed trial and
// writes it in every streaming format: the output never carries a control
// or escape character, JSON and JSONL always parse back, CSV always reads
// back with one row per trial of the header's width, and no CSV cell
// starts with what a spreadsheet runs as a formula.
func FuzzEncoder(f *testing.F) {
	res := loader.LoadFS(context.Background(), loader.Options{}, seeds.FS)
	if len(res.Trials) != 5 {
		f.Fatalf("seeds: %v", res.Diagnostics)
	}
	for _, t := range res.Trials {
		f.Add(t.Title)
		if len(t.Eligibility.Inclusion) > 0 {
			f.Add(t.Eligibility.Inclusion[0].Text)
		}
	}
	f.Add("=HYPERLINK(\"http://x\")")
	f.Add("-2+3+cmd|' /C calc'!A0")
	f.Add("a\x1b]52;c;ZXZpbA==\x07\r\n\"quoted\",\u202eevil\u200b")
	base := res.Trials[0]
	f.Fuzz(func(t *testing.T, text string) {
		c := *base
		c.Title, c.LeadSponsor.Name, c.WhyStopped = text, text, text
		c.Conditions = append([]string{text}, c.Conditions...)
		c.Interventions = append([]model.Intervention{{Name: text, OtherNames: []string{text}}}, c.Interventions...)
		c.Eligibility.Inclusion = append([]model.Criterion{{Text: text}}, c.Eligibility.Inclusion...)
		c.Locations = append([]model.Location{{Facility: text, City: text, Country: text}}, c.Locations...)
		c.Source.Path = text
		notes := func(string) Annotation { return Annotation{Note: text, Tag: text} }
		for _, format := range []string{"json", "jsonl", "csv"} {
			var b bytes.Buffer
			enc, err := NewEncoder(&b, format)
			if err != nil {
				t.Fatal(err)
			}
			enc.Annotate(notes)
			for range 2 {
				if err := enc.Encode(&c); err != nil {
					t.Fatalf("%s: %v", format, err)
				}
			}
			if err := enc.Close(); err != nil {
				t.Fatalf("%s: %v", format, err)
			}
			out := b.String()
			if ahead := renderedAhead(t, format, notes, &c); ahead != out {
				t.Fatalf("%s rendered ahead differs from encoded in turn:\n%s\n%s", format, ahead, out)
			}
			if strings.ContainsAny(out, "\x1b\x07\x00\u009b\u202e\u200b") {
				t.Fatalf("%s: a control character reached the export", format)
			}
			switch format {
			case "json":
				var v []map[string]any
				if err := json.Unmarshal(b.Bytes(), &v); err != nil || len(v) != 2 {
					t.Fatalf("json does not read back as 2 trials: %v", err)
				}
			case "jsonl":
				lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
				if len(lines) != 2 {
					t.Fatalf("jsonl: %d lines for 2 trials", len(lines))
				}
				for _, l := range lines {
					if !json.Valid([]byte(l)) {
						t.Fatalf("jsonl line does not parse: %.80q", l)
					}
				}
			case "csv":
				rows, err := csv.NewReader(&b).ReadAll()
				if err != nil || len(rows) != 3 {
					t.Fatalf("csv does not read back as a header and 2 rows: %d rows, %v", len(rows), err)
				}
				for _, row := range rows[1:] {
					if len(row) != len(rows[0]) {
						t.Fatalf("csv row of %d cells under a header of %d", len(row), len(rows[0]))
					}
					for _, cell := range row {
						if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
							t.Fatalf("csv cell starts a formula: %.40q", cell)
						}
					}
				}
			}
		}
	})
}

// renderedAhead writes t twice as an export does on every core: the first
// rendered ahead (Render), the second encoded in turn (a nil Rendered).
func renderedAhead(t *testing.T, format string, notes Annotations, tr *model.Trial) string {
	var b bytes.Buffer
	enc, err := NewEncoder(&b, format)
	if err != nil {
		t.Fatal(err)
	}
	enc.Annotate(notes)
	r := enc.Render(tr)
	if (r != nil) != (format == "json" || format == "jsonl") {
		t.Fatalf("%s: Render gave %v", format, r)
	}
	for _, r := range []*Rendered{r, nil} {
		if err := enc.EncodeRendered(tr, r); err != nil {
			t.Fatalf("%s: %v", format, err)
		}
	}
	if err := enc.Close(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}
