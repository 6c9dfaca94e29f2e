package search_test

import (
	"slices"
	"sync"
	"testing"

	"github.com/trials-app/trials/search"
)

// TestHeavyPrefixes: a prefix answered from its precomputed bitmaps gives
// the same rows, in the same order, as one read from its postings.
func TestHeavyPrefixes(t *testing.T) {
	corpusPools(t)
	build := func() *search.Index {
		b := search.NewBuilder(0)
		for i := range 600 {
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

// TestPrepareInParallel: Docs prepared by several goroutines and added in
// order make the same index as trials added one by one.
func TestPrepareInParallel(t *testing.T) {
	corpusPools(t)
	const n = 600
	serial := search.NewBuilder(n)
	for i := range n {
		serial.AddTrial(synthTrial(i))
	}
	docs := make([]*search.Doc, n)
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < n; i += 4 {
				docs[i] = search.Prepare(synthTrial(i))
			}
		}()
	}
	wg.Wait()
	parallel := search.NewBuilder(n)
	for _, d := range docs {
		parallel.AddDoc(d)
	}
	a, b := serial.Index(), parallel.Index()
	for _, q := range []string{"c", "crit:p", "site:z", "hepatocellular l", "country:u city:z", "status:open phase:3", `"hepatocellular carcinoma"`} {
		pq, _ := search.Parse(q)
		if !slices.Equal(a.Run(pq, search.Options{}).All(), b.Run(pq, search.Options{}).All()) {
			t.Errorf("%s: the indexes differ", q)
		}
	}
}
