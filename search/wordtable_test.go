package search

import (
	"encoding/binary"
	"fmt"
	"testing"
)

// A word table numbers words in the order met, through its growth, and
// tells apart words whose fingerprints agree by their bytes.
func TestWordTable(t *testing.T) {
	tab := newWordTable(0)
	want := map[string]uint32{}
	var words []string
	for i := range 50_000 {
		w := fmt.Sprintf("w%d", i%20_000)
		if i%5 == 0 {
			w = fmt.Sprintf("a-longer-word-%d", i%9_000)
		}
		h := hashBytes([]byte(w))
		if i%7 == 0 {
			// Words sharing a hash (and so a fingerprint and a start).
			w, h = fmt.Sprintf("same-%d", i%100), 42
		}
		id := tab.id([]byte(w), h)
		if wid, ok := want[w]; ok && id != wid {
			t.Fatalf("%q: id %d, then %d", w, wid, id)
		} else if !ok {
			if int(id) != len(words) {
				t.Fatalf("%q: new word numbered %d, want %d", w, id, len(words))
			}
			want[w] = id
			words = append(words, w)
		}
	}
	if tab.len() != len(words) {
		t.Fatalf("%d words, want %d", tab.len(), len(words))
	}
	for id, w := range words {
		if got := string(tab.bytesOf(uint32(id))); got != w {
			t.Errorf("word %d is %q, want %q", id, got, w)
		}
	}
}

// Chains of blocks give back what was pushed to them, each its own bytes,
// however pushes to several chains interleave and however long each is.
func FuzzChains(f *testing.F) {
	f.Add([]byte{0, 3, 1, 2, 3, 1, 1, 9, 0, 70})
	f.Add(make([]byte, 300))
	f.Fuzz(func(t *testing.T, ops []byte) {
		tab := newWordTable(0)
		const chains = 4
		var head, tail [chains]uint32
		var want [chains][]byte
		for len(ops) >= 2 {
			c, n := int(ops[0])%chains, int(ops[1])%80
			ops = ops[2:]
			g := make([]byte, n)
			for i := range g {
				g[i] = byte(len(want[c]) + i)
			}
			tab.push(&head[c], &tail[c], g)
			want[c] = append(want[c], g...)
		}
		for c := range chains {
			if got := tab.appendChain(nil, head[c], tail[c]); string(got) != string(want[c]) {
				t.Fatalf("chain %d: %v, want %v", c, got, want[c])
			}
			if n := tab.chainLen(head[c], tail[c]); n != len(want[c]) {
				t.Fatalf("chain %d: length %d, want %d", c, n, len(want[c]))
			}
		}
	})
}

// countGaps counts the uvarints in gaps, at any alignment.
func TestCountGaps(t *testing.T) {
	var gaps []byte
	for i := range 1000 {
		gaps = binary.AppendUvarint(gaps, uint64(i*i*37))
		if got := countGaps(gaps); got != i+1 {
			t.Fatalf("%d uvarints counted as %d", i+1, got)
		}
	}
}
