package sqlite

import (
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/trials-app/trials/loader"
	"github.com/trials-app/trials/model"
	"github.com/trials-app/trials/plain"
)

// FuzzWrite stores untrusted text in the columns of each kind — one-line,
// multi-line, a nested criterion, an age — and reads it back: the export
// never fails on text, stores exactly what plain.Clean/Line make of it, and
// nothing that could act on a terminal.
//
//	go test ./export/sqlite -run XXX -fuzz FuzzWrite -fuzztime 1m -fuzzminimizetime 1x
func FuzzWrite(f *testing.F) {
	res := loader.Load(filepath.Join(fixtures, "json", "NCT05531279.json"), filepath.Join(fixtures, "xml", "NCT00001177.xml"), "../../seeds/NCT05233358.txt")
	for _, t := range res.Trials {
		crit := ""
		if len(t.Eligibility.Inclusion) > 0 {
			crit = t.Eligibility.Inclusion[0].Text
		}
		f.Add(t.Title, t.BriefSummary, crit, t.Eligibility.MinAge)
	}
	f.Add("\x1b]8;;http://x\x07link\x1b]8;;\x07", "a\r\nb\x00c", "\u202eevil\u200b", "1e9 Years")
	f.Add("", "", "", "")
	f.Fuzz(func(t *testing.T, title, summary, criterion, age string) {
		tr := &model.Trial{
			ID: "NCT99000099", Title: title, BriefSummary: summary, MeshConditions: []string{title},
			Eligibility: model.Eligibility{MinAge: age, Inclusion: []model.Criterion{{Text: criterion, Children: []model.Criterion{{Text: title}}}}},
			Locations:   []model.Location{{City: title, Contacts: []model.Contact{{Email: summary}}}},
		}
		db := open(t, buildDB(t, t.TempDir(), []*model.Trial{tr}))
		nullable := func(s string) any {
			if s == "" {
				return nil
			}
			return s
		}
		for _, c := range []struct {
			q    string
			want any
		}{
			{"SELECT title FROM trials", nullable(plain.Line(title))},
			{"SELECT brief_summary FROM trials", nullable(plain.Clean(summary))},
			{"SELECT min_age FROM trials", nullable(plain.Line(age))},
			{"SELECT text FROM criteria WHERE depth = 0", nullable(plain.Clean(criterion))},
			{"SELECT text FROM criteria WHERE depth = 1", nullable(plain.Clean(title))},
			{"SELECT city FROM locations", nullable(plain.Line(title))},
			{"SELECT email FROM contacts", nullable(plain.Line(summary))},
		} {
			got := query(t, db, c.q)[0][0]
			if got != c.want {
				t.Fatalf("%s = %q, want %q", c.q, got, c.want)
			}
			if s, ok := got.(string); ok {
				if !utf8.ValidString(s) || strings.ContainsFunc(s, func(r rune) bool { return r < 0x20 && r != '\n' || r == 0x7f || r == 0x1b }) {
					t.Fatalf("%s = %q: a control character got through", c.q, s)
				}
			}
		}
		if n := query(t, db, "SELECT count(*) FROM mesh_terms")[0][0].(int64); (n == 1) != (plain.Line(title) != "") {
			t.Fatalf("%d mesh rows for %q", n, title)
		}
		if y := query(t, db, "SELECT min_age_years FROM trials")[0][0]; y != nil {
			if v, ok := y.(float64); !ok || v < 0 {
				t.Fatalf("min_age_years %v from %q", y, age)
			}
		}
	})
}
