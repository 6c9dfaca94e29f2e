package search

// StoreBytes reports each store's size, for the benchmarks.
func StoreBytes(ix *Index) map[string]int {
	names := [numStores]string{"site", "city", "country", "collab", "crit"}
	out := map[string]int{"main": ix.voc.bytes() + 4*cap(ix.offsets) + 4*cap(ix.posts)}
	for i, s := range ix.stores {
		out[names[i]] = s.bytes()
	}
	return out
}

// StoreWords reports each store's vocabulary size.
func StoreWords(ix *Index) map[string]int {
	names := [numStores]string{"site", "city", "country", "collab", "crit"}
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
