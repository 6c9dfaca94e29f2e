package search

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestStoreRoundTrip: every word's records come back out of a store
// exactly — gaps of every size across chained blocks, bitmaps for common
// words, batches flushed midway.
func TestStoreRoundTrip(t *testing.T) {
	const n = 70_000
	r := rand.New(rand.NewPCG(3, 4))
	b := newStoreBuilder()
	want := map[string][]int{}
	words := []string{"patients", "rare", "x"}
	for i := range 400 {
		words = append(words, fmt.Sprintf("w%d", i))
	}
	for rec := range n {
		for _, w := range words {
			var p float64
			switch {
			case w == "patients":
				p = 0.9 // a bitmap
			case w == "rare":
				p = 0.0001 // big gaps: three-byte varints
			case w == "x":
				p = 0.5
			default:
				p = 0.002
			}
			if r.Float64() < p {
				b.add([]byte(w), hashBytes([]byte(w)), rec)
				b.add([]byte(w), hashBytes([]byte(w)), rec) // twice in one record: once
				want[w] = append(want[w], rec)
			}
		}
	}
	b.flush()
	for id := range uint32(b.words.len()) {
		if got, want := b.words.gapsLen(id), len(b.words.appendGaps(nil, id)); got != want {
			t.Fatalf("word %q: gapsLen %d, appendGaps gives %d bytes", b.words.bytesOf(id), got, want)
		}
	}
	s := b.finish(n, false)
	if cap(s.data) != len(s.data) || cap(s.dense) != len(s.dense) || cap(s.denseWord) != len(s.denseWord) {
		t.Errorf("store sized wrong: data %d of %d, dense %d of %d, dense words %d of %d",
			len(s.data), cap(s.data), len(s.dense), cap(s.dense), len(s.denseWord), cap(s.denseWord))
	}
	if s.bitmap(s.voc.find("patients")) == nil {
		t.Error("a word in nine records in ten should be a bitmap")
	}
	for w, recs := range want {
		i := s.voc.find(w)
		if i < 0 {
			t.Fatalf("%s is not in the vocabulary", w)
		}
		set := NewSet(n)
		s.addWord(i, set)
		if got := set.Members(); !slices.Equal(got, recs) {
			t.Fatalf("%s: %d records back, %d in", w, len(got), len(recs))
		}
		if int(s.df[i]) != len(recs) {
			t.Errorf("%s: df %d, want %d", w, s.df[i], len(recs))
		}
		for _, rec := range recs[:min(5, len(recs))] {
			if !s.has(i, rec) {
				t.Errorf("%s: has(%d) false", w, rec)
			}
		}
		if len(recs) > 0 && recs[0] > 0 && s.has(i, recs[0]-1) {
			t.Errorf("%s: has(%d) true", w, recs[0]-1)
		}
	}
}
