package search

import "unicode/utf8"

// Heavy prefixes. The first letter or two of a word being typed ("c",
// "crit:p") select a large part of the vocabulary: at 550,000 trials "c"
// has over a million postings in the main index and "crit:c" some ten
// million. The index keeps, for each prefix whose postings cost more than
// a keystroke may spend, the union of its records as bitmaps — per field
// for the main index, whose ranking needs the field — so such a term
// costs a few bitmap merges. They are built bottom-up from the sorted
// vocabulary, so each posting is read once, and only for prefixes above
// the threshold: some 10 MB at 550,000 trials.

// Thresholds: postings of the main index (4 bytes each), bytes of gaps of
// a store (about a byte a posting) plus 2,000 per bitmap word.
// (Variables so that tests can make every prefix heavy.)
var (
	heavyMainPostings = 300_000
	heavyStoreCost    = 1_500_000
	denseWordCost     = 2_000
)

// mainFields are the main index's fields in order of falling weight.
var mainFields = []Field{FieldID, FieldTitle, FieldIntervention, FieldCondition, FieldSponsor}

// heavyMain is a heavy prefix of the main index: its records per field.
type heavyMain struct {
	fields [5][]uint64 // by position in mainFields; nil when none
}

// prefixTree walks the prefixes of a sorted vocabulary whose cost passes
// threshold, children before parents: visit gets the prefix, its range,
// and the heavy children's results to merge.
func prefixTree[T any](voc *vocab, cost func(lo, hi int) int, threshold int, build func(p string, lo, hi int, kids []T, kidRanges [][2]int) T) map[string]T {
	out := map[string]T{}
	var walk func(p string, lo, hi int) (T, bool)
	walk = func(p string, lo, hi int) (T, bool) {
		var zero T
		if hi-lo < 2 || cost(lo, hi) < threshold {
			return zero, false
		}
		var kids []T
		var light [][2]int
		i := lo
		d := len(p)
		if i < hi && len(voc.word(i)) == d { // the word p itself
			light = append(light, [2]int{i, i + 1})
			i++
		}
		for i < hi {
			c := voc.word(i)[d]
			j := i + 1
			for j < hi && voc.word(j)[d] == c {
				j++
			}
			if k, ok := walk(p+string(c), i, j); ok {
				kids = append(kids, k)
			} else {
				light = append(light, [2]int{i, j})
			}
			i = j
		}
		t := build(p, lo, hi, kids, light)
		if utf8.ValidString(p) {
			out[p] = t
		}
		return t, true
	}
	n := voc.len()
	for i := 0; i < n; {
		w := voc.word(i)
		if w == "" {
			i++
			continue
		}
		c := w[0]
		j := i + 1
		for j < n && voc.word(j)[0] == c {
			j++
		}
		walk(string(c), i, j)
		i = j
	}
	return out
}

func (ix *Index) buildHeavyMain() {
	stride := (ix.Len() + 63) / 64
	cost := func(lo, hi int) int { return int(ix.offsets[hi] - ix.offsets[lo]) }
	ix.heavy = prefixTree(&ix.voc, cost, heavyMainPostings, func(p string, lo, hi int, kids []*heavyMain, light [][2]int) *heavyMain {
		h := &heavyMain{}
		bm := func(k int) []uint64 {
			if h.fields[k] == nil {
				h.fields[k] = make([]uint64, stride)
			}
			return h.fields[k]
		}
		for _, kid := range kids {
			for k, f := range kid.fields {
				if f != nil {
					dst := bm(k)
					for i, w := range f {
						dst[i] |= w
					}
				}
			}
		}
		for _, r := range light {
			for _, post := range ix.posts[ix.offsets[r[0]]:ix.offsets[r[1]]] {
				rec := post >> 5
				for k, f := range mainFields {
					if Field(post&31)&f != 0 {
						bm(k)[rec>>6] |= 1 << (rec & 63)
					}
				}
			}
		}
		return h
	})
}

func (s *store) buildHeavy() {
	cost := func(lo, hi int) int {
		c := int(s.start[hi] - s.start[lo])
		for i := lo; i < hi; i++ {
			if s.start[i] == s.start[i+1] && s.df[i] > 0 {
				c += denseWordCost
			}
		}
		return c
	}
	s.heavy = prefixTree(&s.voc, cost, heavyStoreCost, func(p string, lo, hi int, kids [][]uint64, light [][2]int) []uint64 {
		set := NewSet(s.n)
		for _, k := range kids {
			set.orWords(k)
		}
		for _, r := range light {
			s.addRange(r[0], r[1], set)
		}
		return set.words
	})
}
