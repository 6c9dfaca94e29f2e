package search_test

import (
	"slices"
	"testing"

	"github.com/trials-app/trials/search"
)

// TestHeavyPrefixes: a prefix answered from its precomputed bitmaps gives
// the same rows, in the same order, as one read from its postings.
func TestHeavyPrefixes(t *testing.T) {
	corpusPools(t)
	build := func() *search.Index {
		b := search.NewBuilder(0)
		for i := range 3000 {
			b.AddTrial(synthTrial(i))
		}
		return b.Index()
	}
	plain := build()
	restore := search.SetHeavyThresholds(50, 200)
	heavy := build()
	restore()
	if search.HeavyPrefixes(plain) != 0 || search.HeavyPrefixes(heavy) < 50 {
		t.Fatalf("heavy prefixes: %d without, %d with", search.HeavyPrefixes(plain), search.HeavyPrefixes(heavy))
	}
	for _, q := range []string{"c", "ca", "p", "hepatocellular l", "cond:c", "intr:z", "sponsor:p", "crit:p", "crit:pa",
		"crit:child-p", "site:z", "city:z", "country:u", "-crit:p type:obs", "crit:p OR title:a", `"hepatocellular c"`, "zelimab l"} {
		pq, err := search.Parse(q)
		if err != nil {
			t.Fatal(err)
		}
		a, b := plain.Run(pq, search.Options{}), heavy.Run(pq, search.Options{})
		if !slices.Equal(a.All(), b.All()) {
			t.Errorf("%s: %d rows without heavy prefixes, %d with, or another order", q, a.Len(), b.Len())
		}
	}
}
