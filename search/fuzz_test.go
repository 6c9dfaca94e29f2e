package search_test

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/trials-app/trials/loader"
	"github.com/trials-app/trials/model"
	"github.com/trials-app/trials/search"
)

var fuzzQueries = []string{
	"lenvatinib", "hepatocellular l", "status:recruiting phase:3", "status:", "enroll:>abc", `"child pugh`,
	"foo:bar", "crit:child-pugh", `site:"mayo clinic"|"md anderson"`, "-(a OR b) c | d", "id:2011-004792-36",
	"age:67 sex:f hv:no", "updated:>2025-01 start:2024..2025", "results:yes", "((a)", "a))", "OR", "-", `""`,
	"country:ger city:new", "phase:2/3|na", "type:int|obs", "axitinib", "/PHASE3", "05168163", "-status:completed",
	"crit:\"score pugh\"", "Sjögren", "Vα24 ≥1.5 x ULN", "title:|", "status:recruiting|", "a|b|c",
}

// FuzzParse: the parser never panics; an error is a SyntaxError naming a
// term of the query where it says; a query that parses runs.
func FuzzParse(f *testing.F) {
	for _, q := range fuzzQueries {
		f.Add(q)
	}
	ix, _ := fixture(f)
	f.Fuzz(func(t *testing.T, q string) {
		if len(q) > 1000 {
			return
		}
		pq, err := search.Parse(q)
		if err != nil {
			var se *search.SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("Parse(%q): %v is not a SyntaxError", q, err)
			}
			if se.Pos < 0 || se.End > len(q) || se.Pos > se.End || q[se.Pos:se.End] != se.Term || se.Term == "" {
				t.Fatalf("Parse(%q): term %q at %d…%d", q, se.Term, se.Pos, se.End)
			}
			if !strings.HasPrefix(err.Error(), se.Term+": ") {
				t.Fatalf("Parse(%q): %q does not name the term", q, err)
			}
			return
		}
		checkRun(t, ix, pq)
	})
}

func checkRun(t *testing.T, ix *search.Index, q *search.Query) {
	t.Helper()
	for _, s := range search.SortKeys() {
		m := ix.Run(q, search.Options{Sort: search.Sort{Key: s}})
		rows := m.All()
		if len(rows) != m.Len() || m.Len() > ix.Len() {
			t.Fatalf("%q: %d rows for Len %d", q, len(rows), m.Len())
		}
		seen := map[int]bool{}
		for _, r := range rows {
			if r < 0 || r >= ix.Len() || seen[r] || !m.Has(r) {
				t.Fatalf("%q: row %d repeated or out of the set", q, r)
			}
			seen[r] = true
		}
		_ = m.Facets()
		for _, r := range rows {
			_ = m.NearWords(r)
		}
	}
	if !search.ScratchClean(ix) {
		t.Fatalf("%q left term scores behind", q)
	}
}

// FuzzSearch indexes the fixture trials and one more built from the fuzzed
// text — title, condition, site, city, criteria, ids —, then runs the
// fuzzed query: never a panic, every row once, and a trial is found by
// the words of its title.
func FuzzSearch(f *testing.F) {
	res := loader.Load("../loader/testdata/ctgov/json", "../seeds")
	for i, tr := range res.Trials {
		crit := tr.Eligibility.Raw
		if len(crit) > 2000 {
			crit = crit[:2000]
		}
		f.Add(tr.Title, crit, fuzzQueries[i%len(fuzzQueries)])
	}
	f.Fuzz(func(t *testing.T, text, crit, q string) {
		if len(text)+len(crit)+len(q) > 4000 || !utf8.ValidString(text) {
			return
		}
		trials := fixtureTrials()
		extra := &model.Trial{ID: "X-1", Title: text, Conditions: []string{text}, OrgStudyID: text,
			SecondaryIDs: []model.SecondaryID{{ID: text}}, Countries: []string{text},
			Locations:     []model.Location{{Facility: text, City: text, Country: text}},
			Collaborators: []model.Sponsor{{Name: text}},
			Interventions: []model.Intervention{{Name: text, OtherNames: []string{crit}}},
			Eligibility:   model.Eligibility{Raw: crit, Inclusion: []model.Criterion{{Text: crit}}}}
		trials = append(trials, extra)
		b := search.NewBuilder(0)
		for _, tr := range trials {
			b.AddTrial(tr)
		}
		ix := b.Index()
		if pq, err := search.Parse(q); err == nil {
			checkRun(t, ix, pq)
		}
		// The new trial is found by each word of its title.
		for _, w := range search.Words(text) {
			pq, err := search.Parse(`"` + w + `"`)
			if err != nil {
				t.Fatalf("word %q does not parse: %v", w, err)
			}
			if m := ix.Run(pq, search.Options{}); !m.Has(len(trials) - 1) {
				t.Fatalf("the trial titled %q is not found by %q", text, w)
			}
		}
	})
}
