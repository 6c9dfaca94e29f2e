package search

import (
	"slices"
	"sort"
	"strings"
	"unsafe"
)

// vocab is a sorted list of distinct words packed into one byte slice:
// four bytes of offset per word instead of a sixteen-byte string header
// and an allocation of its own. At 550,000 trials the criteria alone have
// about a million distinct words.
type vocab struct {
	blob []byte
	offs []uint32 // word i is blob[offs[i]:offs[i+1]]
}

func (v *vocab) len() int { return len(v.offs) - 1 }

// word returns word i without copying: the blob is never written once
// built, so the string stays valid and unchanged.
func (v *vocab) word(i int) string {
	lo, hi := v.offs[i], v.offs[i+1]
	if lo == hi {
		return ""
	}
	return unsafe.String(&v.blob[lo], int(hi-lo))
}

// find returns the position of w, or -1.
func (v *vocab) find(w string) int {
	i := sort.Search(v.len(), func(i int) bool { return v.word(i) >= w })
	if i < v.len() && v.word(i) == w {
		return i
	}
	return -1
}

// prefixRange is the range of words starting with p.
func (v *vocab) prefixRange(p string) (int, int) {
	n := v.len()
	lo := sort.Search(n, func(i int) bool { return v.word(i) >= p })
	hi := lo + sort.Search(n-lo, func(i int) bool { return !strings.HasPrefix(v.word(lo+i), p) })
	return lo, hi
}

func (v *vocab) bytes() int { return cap(v.blob) + 4*cap(v.offs) }

// sortedWords returns the keys of ids sorted, and for each the position it
// takes (by id).
func sortedWords(words []string) (sorted []string, rank []uint32) {
	order := make([]uint32, len(words))
	for i := range order {
		order[i] = uint32(i)
	}
	slices.SortFunc(order, func(x, y uint32) int { return strings.Compare(words[x], words[y]) })
	rank = make([]uint32, len(words))
	sorted = make([]string, len(words))
	for pos, id := range order {
		rank[id] = uint32(pos)
		sorted[pos] = words[id]
	}
	return sorted, rank
}
