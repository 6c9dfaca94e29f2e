package search_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/trials-app/trials/search"
)

// TestWithout: an index less some records answers every field as an index
// built from the records kept — sites, countries, contacts and criteria
// included — and names no near word only a dropped record had.
func TestWithout(t *testing.T) {
	trials := fixtureTrials()
	for _, dropped := range [][]int{{}, {0}, {1, 4}, {0, 2, 3, 7}, {len(trials) - 1}} {
		t.Run(fmt.Sprint(dropped), func(t *testing.T) {
			full := search.NewBuilder(len(trials))
			kept := search.NewBuilder(0)
			for i, tr := range trials {
				full.AddTrial(tr)
				if !slices.Contains(dropped, i) {
					kept.AddTrial(tr)
				}
			}
			got := full.Index().Without(func(i int) bool { return slices.Contains(dropped, i) })
			want := kept.Index()
			if got.Len() != want.Len() {
				t.Fatalf("%d records, want %d", got.Len(), want.Len())
			}
			for _, q := range []string{"", "lenvatinib", "hepato", "afatinib", "axitinib", "atezolizumab bevac", "status:open", "phase:2|3",
				"type:obs", "country:germany", `country:"united states"`, "country:spain", "city:rochester", "city:lyon", `site:"mayo clinic"`,
				"site:charite", "sponsor:mayo", "sponsor:pfizer", "cond:hepato", "intr:e7080", "id:2011", "05168163", "age:67", "sex:f",
				"hv:yes", "updated:>2024", "start:2020..2025", "enroll:>100", "results:yes", "crit:child-pugh", `crit:"child pugh"`,
				"contact:smith", "-status:completed phase:3", "lung OR liver", "verified:<2024"} {
				pq, err := search.Parse(q)
				if err != nil {
					t.Fatalf("%s: %v", q, err)
				}
				g, w := got.Run(pq, search.Options{}), want.Run(pq, search.Options{})
				if gi, wi := rowIDs(got, g.All()), rowIDs(want, w.All()); !slices.Equal(gi, wi) {
					t.Errorf("%s: %v, want %v", q, gi, wi)
				}
				if fmt.Sprint(g.Near()) != fmt.Sprint(w.Near()) {
					t.Errorf("%s: near %v, want %v", q, g.Near(), w.Near())
				}
				if fmt.Sprint(g.Facets()) != fmt.Sprint(w.Facets()) {
					t.Errorf("%s: facets %+v, want %+v", q, g.Facets(), w.Facets())
				}
			}
			for i := range got.Len() {
				if !slices.Equal(got.Countries(i), want.Countries(i)) || got.Record(i).ID != want.Record(i).ID {
					t.Errorf("record %d: %s %v, want %s %v", i, got.Record(i).ID, got.Countries(i), want.Record(i).ID, want.Countries(i))
				}
			}
			l, _ := search.NewLanguage()
			for _, f := range []string{"country", "city", "sponsor", "cond", "crit", "status"} {
				for _, p := range []string{"", "u", "ro", "ch", "c"} {
					if g, w := l.Complete(got, f, p, 0), l.Complete(want, f, p, 0); fmt.Sprint(g) != fmt.Sprint(w) {
						t.Errorf("Complete(%s, %q) = %v, want %v", f, p, g, w)
					}
				}
			}
		})
	}
}
