package search

// StoreBytes reports each store's size, for the benchmarks.
func StoreBytes(ix *Index) map[string]int {
	names := [numStores]string{"site", "city", "country", "collab", "crit", "contact"}
	out := map[string]int{"main": ix.voc.bytes() + 4*cap(ix.offsets) + 4*cap(ix.posts)}
	for i, s := range ix.stores {
		out[names[i]] = s.bytes()
	}
	return out
}

// StoreWords reports each store's vocabulary size.
func StoreWords(ix *Index) map[string]int {
	names := [numStores]string{"site", "city", "country", "collab", "crit", "contact"}
	out := map[string]int{"main": ix.voc.len()}
	for i, s := range ix.stores {
		out[names[i]] = s.voc.len()
	}
	return out
}

// DocTokens counts a Doc's tokens by kind (0 main, 1+store).
func DocTokens(d *Doc) [1 + numStores]int {
	var out [1 + numStores]int
	for _, t := range d.toks {
		out[t.kind]++
	}
	return out
}

// SetHeavyThresholds sets the heavy-prefix thresholds and returns a
// function restoring them.
func SetHeavyThresholds(main, store int) func() {
	m, s := heavyMainPostings, heavyStoreCost
	heavyMainPostings, heavyStoreCost = main, store
	return func() { heavyMainPostings, heavyStoreCost = m, s }
}

// HeavyPrefixes counts the heavy prefixes of the main index and the stores.
func HeavyPrefixes(ix *Index) int {
	n := len(ix.heavy)
	for _, s := range ix.stores {
		n += len(s.heavy)
	}
	return n
}

// ScratchClean reports whether the index's pooled term scores are all
// zero, as every run must leave them.
func ScratchClean(ix *Index) bool {
	sc, ok := ix.scratch.Get().(*[]uint8)
	if !ok {
		return true
	}
	defer ix.scratch.Put(sc)
	for _, v := range *sc {
		if v != 0 {
			return false
		}
	}
	return true
}

// BuilderBytes reports what a Builder holds, by part.
func BuilderBytes(b *Builder) map[string]int {
	out := map[string]int{}
	t := b.words
	out["main-lists"] = 4*cap(b.first) + 4*cap(b.rest) + 12*cap(b.chains) + pageSize*len(t.pages)
	out["main-table"] = 8*len(t.slots) + cap(t.arena) + 4*cap(t.offs) + 16*cap(t.words)
	names := [numStores]string{"site", "city", "country", "collab", "crit", "contact"}
	for i, s := range b.stores {
		w := s.words
		out[names[i]+"-table"] = 8*len(w.slots) + cap(w.arena) + 4*cap(w.offs) + 16*cap(w.words)
		out[names[i]+"-blocks"] = pageSize * len(w.pages)
		out[names[i]+"-blocks-used"] = int(w.used)
		for id := range w.words {
			out[names[i]+"-gaps"] += len(w.appendGaps(nil, uint32(id)))
		}
		out[names[i]+"-batch"] = 40*len(s.slots) + 8*cap(s.pairs) + cap(s.arena)
	}
	out["records"] = 344 * len(b.records)
	return out
}
