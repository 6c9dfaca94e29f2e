package search

import (
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
