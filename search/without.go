package search

import "encoding/binary"

// Without returns the index less the records drop names, the others
// renumbered in order — what a corpus keeps when a later copy of a trial
// replaces one already indexed. Everything indexed is kept for the records
// that stay, the words of sites, countries, contacts and criteria too,
// which the records alone no longer hold (NewIndex over them would lose
// them). Words found only in dropped records are dropped with them, so
// near matches never name a word no record has.
func (ix *Index) Without(drop func(rec int) bool) *Index {
	newID := make([]int32, ix.n)
	kept := 0
	var oldOf []int
	for i := range newID {
		if drop(i) {
			newID[i] = -1
			continue
		}
		newID[i] = int32(kept)
		oldOf = append(oldOf, i)
		kept++
	}
	out := &Index{n: kept}
	if ix.records != nil {
		out.records = make([]Record, 0, kept)
		for _, i := range oldOf {
			out.records = append(out.records, ix.records[i])
		}
	}
	if ix.textsOf != nil {
		old := ix.textsOf
		out.textsOf = func(r int, fn func(Field, string)) { old(oldOf[r], fn) }
	}
	// The main index: each word's postings renumbered, words left with
	// none dropped.
	var words []int
	out.offsets = []uint32{0}
	out.posts = make([]uint32, 0, len(ix.posts))
	for w := range ix.voc.len() {
		at := len(out.posts)
		for _, p := range ix.postings(w) {
			if r := newID[p>>5]; r >= 0 {
				out.posts = append(out.posts, uint32(r)<<5|p&31)
			}
		}
		if len(out.posts) > at {
			words = append(words, w)
			out.offsets = append(out.offsets, uint32(len(out.posts)))
		}
	}
	out.voc = ix.voc.subset(words)
	for s, st := range ix.stores {
		out.stores[s] = st.without(newID, kept)
		out.stores[s].buildHeavy()
	}
	out.buildHeavyMain()
	out.col = ix.col.without(oldOf)
	return out
}

// subset is the vocabulary of the words at positions keep, in order.
func (v *vocab) subset(keep []int) vocab {
	out := vocab{offs: make([]uint32, 1, len(keep)+1)}
	for _, i := range keep {
		out.blob = append(out.blob, v.word(i)...)
		out.offs = append(out.offs, uint32(len(out.blob)))
	}
	return out
}

// eachRecord calls fn with the records of word i, in increasing order.
func (s *store) eachRecord(i int, fn func(rec int)) {
	if bm := s.bitmap(i); bm != nil {
		for k, w := range bm {
			for b := 0; w != 0; b++ {
				if w&1 != 0 {
					fn(k*64 + b)
				}
				w >>= 1
			}
		}
		return
	}
	eachGap(s.data[s.start[i]:s.start[i+1]], fn)
}

// without is the store for the records newID keeps (-1: dropped), in an
// index of n records, packed as finish packs a new one.
func (s *store) without(newID []int32, n int) *store {
	out := &store{n: n, stride: (n + 63) / 64, start: []uint32{0}}
	var words []int
	var gaps []byte
	for i := range s.voc.len() {
		gaps = gaps[:0]
		prev, df := -1, 0
		s.eachRecord(i, func(r int) {
			if nr := int(newID[r]); nr >= 0 {
				gaps = binary.AppendUvarint(gaps, uint64(nr-prev))
				prev = nr
				df++
			}
		})
		if df == 0 {
			continue
		}
		words = append(words, i)
		out.df = append(out.df, uint32(df))
		if len(gaps) >= out.stride*8 {
			out.denseWord = append(out.denseWord, uint32(len(words)-1))
			bm := make([]uint64, out.stride)
			eachGap(gaps, func(r int) { bm[r>>6] |= 1 << (uint(r) & 63) })
			out.dense = append(out.dense, bm...)
		} else {
			out.data = append(out.data, gaps...)
		}
		out.start = append(out.start, uint32(len(out.data)))
	}
	out.voc = s.voc.subset(words)
	return out
}

// without is the columns of the records oldOf lists, in that order.
func (c *columns) without(oldOf []int) columns {
	n := len(oldOf)
	out := columns{
		status: make([]uint8, n), phase: make([]uint8, n), typ: make([]uint8, n), sex: make([]uint8, n),
		hv: make([]int8, n), results: NewSet(n), class: make([]uint8, n), enroll: make([]int32, n),
		start: make([]Date, n), updated: make([]Date, n), verified: make([]Date, n), minAge: make([]Age, n), maxAge: make([]Age, n),
		countryOff: make([]uint32, 0, n+1), countryNames: c.countryNames,
	}
	for j, i := range oldOf {
		out.status[j], out.phase[j], out.typ[j], out.sex[j] = c.status[i], c.phase[i], c.typ[i], c.sex[i]
		out.hv[j], out.class[j], out.enroll[j] = c.hv[i], c.class[i], c.enroll[i]
		if c.results.Has(i) {
			out.results.Add(j)
		}
		out.start[j], out.updated[j], out.verified[j] = c.start[i], c.updated[i], c.verified[i]
		out.minAge[j], out.maxAge[j] = c.minAge[i], c.maxAge[i]
		out.countryOff = append(out.countryOff, uint32(len(out.countryCodes)))
		out.countryCodes = append(out.countryCodes, c.countryCodes[c.countryOff[i]:c.countryOff[i+1]]...)
	}
	out.countryOff = append(out.countryOff, uint32(len(out.countryCodes)))
	return out
}
