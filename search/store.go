package search

import (
	"encoding/binary"
	"sort"
)

// store holds the postings of one field searched only by word — sites,
// cities, countries, collaborators, criteria —, compressed: each word's
// records as gaps coded in uvarints (a byte for most), or, for a word in
// more records than its gaps take bytes (one trial in eight or more:
// "patients", "history"), a bitmap, which is also the fastest to merge.
// It gives records, not fields or positions: the text of these fields is
// not kept, so a phrase in them can be found only word by word (see
// phrase.go).
type store struct {
	voc   vocab
	start []uint32 // word i's gaps are data[start[i]:start[i+1]]; empty for a bitmap
	df    []uint32 // records per word
	data  []byte
	// denseWord lists the words kept as bitmaps, in order; word
	// denseWord[k]'s bitmap is dense[k*stride:(k+1)*stride].
	denseWord []uint32
	dense     []uint64
	stride    int
	n         int
	heavy     map[string][]uint64 // see heavy.go
}

// storeBuilder gathers a store's postings as records arrive, already
// compressed: at 550,000 trials the criteria have some 80 million
// (word, trial) pairs, which as plain pairs would take 640 MB.
//
// Words are first gathered for a batch of trials in a small table that
// stays in the processor's cache, then each distinct word of the batch is
// looked up once in the big one with all its records: a common word costs
// one look-up per batch instead of one per trial.
type storeBuilder struct {
	words *wordTable
	slots []batchSlot // power of two
	used  []int32     // slots in use, in order of first use
	pairs []batchPair
	arena []byte // the batch's words
}

type batchSlot struct {
	key        uint64 // 0: empty
	hash       uint64
	off        uint32
	n          uint16
	head, tail int32 // pairs
}

type batchPair struct{ rec, next int32 }

const (
	batchSlots = 1 << 16
	batchPairs = 1 << 16
)

func newStoreBuilder() *storeBuilder {
	t := newWordTable(0)
	t.posts = true
	return &storeBuilder{words: t, slots: make([]batchSlot, 1024)}
}

// add records that word w (hash h) is in record rec. Records arrive in
// increasing order.
func (b *storeBuilder) add(w []byte, h uint64, rec int) {
	key := wordKey(w, h)
	mask := uint64(len(b.slots) - 1)
	p := int32(len(b.pairs))
	for i := mix(key) & mask; ; i = (i + 1) & mask {
		s := &b.slots[i]
		if s.key == 0 {
			*s = batchSlot{key: key, hash: h, off: uint32(len(b.arena)), n: uint16(len(w)), head: p, tail: p}
			b.arena = append(b.arena, w...)
			b.used = append(b.used, int32(i))
			break
		}
		if s.key == key && (key>>63 == 0 || string(b.arena[s.off:s.off+uint32(s.n)]) == string(w)) {
			b.pairs[s.tail].next = p
			s.tail = p
			break
		}
	}
	b.pairs = append(b.pairs, batchPair{int32(rec), -1})
	switch {
	case len(b.pairs) >= batchPairs:
		b.flush()
	case 2*len(b.used) >= len(b.slots) && len(b.slots) < batchSlots:
		b.grow()
	case 2*len(b.used) >= len(b.slots):
		b.flush()
	}
}

// grow doubles the batch table (it starts small: a small corpus needs
// no more).
func (b *storeBuilder) grow() {
	old := b.slots
	b.slots = make([]batchSlot, 2*len(old))
	mask := uint64(len(b.slots) - 1)
	for k, si := range b.used {
		s := old[si]
		for i := mix(s.key) & mask; ; i = (i + 1) & mask {
			if b.slots[i].key == 0 {
				b.slots[i] = s
				b.used[k] = int32(i)
				break
			}
		}
	}
}

// flush moves the batch into the word table.
func (b *storeBuilder) flush() {
	for _, si := range b.used {
		s := &b.slots[si]
		id := b.words.id(b.arena[s.off:s.off+uint32(s.n)], s.hash)
		for p := s.head; p >= 0; p = b.pairs[p].next {
			b.words.post(id, int(b.pairs[p].rec))
		}
		*s = batchSlot{}
	}
	b.used, b.pairs, b.arena = b.used[:0], b.pairs[:0], b.arena[:0]
}

// finish packs the postings for an index of n records.
func (b *storeBuilder) finish(n int, keep bool) *store {
	b.flush()
	t := b.words
	voc, order := t.sorted()
	if !keep {
		t.forgetLookup()
	}
	s := &store{voc: voc, start: make([]uint32, len(order)+1), df: make([]uint32, len(order)), n: n, stride: (n + 63) / 64}
	// Sized first, exactly: grown by appending, the data of the criteria
	// store alone (about a hundred megabytes at the registry's size) was
	// copied a dozen times and held with its slack while the other stores
	// packed beside it — the top of a load's memory.
	sparse, dense := 0, 0
	for _, id := range order {
		if l := t.gapsLen(id); l >= s.stride*8 {
			dense++
		} else {
			sparse += l
		}
	}
	s.data, s.denseWord, s.dense = make([]byte, 0, sparse), make([]uint32, 0, dense), make([]uint64, 0, dense*s.stride)
	var gaps []byte
	for pos, id := range order {
		gaps = t.appendGaps(gaps[:0], id)
		s.start[pos] = uint32(len(s.data))
		s.df[pos] = uint32(countGaps(gaps))
		if len(gaps) >= s.stride*8 {
			s.denseWord = append(s.denseWord, uint32(pos))
			k := len(s.dense)
			if k+s.stride <= cap(s.dense) {
				s.dense = s.dense[:k+s.stride] // zeroed by make
			} else {
				s.dense = append(s.dense, make([]uint64, s.stride)...)
			}
			bm := s.dense[k:]
			eachGap(gaps, func(r int) { bm[r>>6] |= 1 << (uint(r) & 63) })
		} else {
			s.data = append(s.data, gaps...)
		}
	}
	s.start[len(order)] = uint32(len(s.data))
	if !keep {
		*b = storeBuilder{}
	}
	return s
}

func eachGap(gaps []byte, fn func(int)) {
	r := -1
	for len(gaps) > 0 {
		g, k := binary.Uvarint(gaps)
		gaps = gaps[k:]
		r += int(g)
		fn(r)
	}
}

// bitmap returns word i's bitmap, or nil when its postings are gaps.
func (s *store) bitmap(i int) []uint64 {
	if s.start[i] != s.start[i+1] || s.df[i] == 0 {
		return nil
	}
	k := sort.Search(len(s.denseWord), func(k int) bool { return s.denseWord[k] >= uint32(i) })
	if k == len(s.denseWord) || s.denseWord[k] != uint32(i) {
		return nil
	}
	return s.dense[k*s.stride : (k+1)*s.stride]
}

// addWord puts the records of word i into set.
func (s *store) addWord(i int, set *Set) {
	if bm := s.bitmap(i); bm != nil {
		set.orWords(bm)
		return
	}
	gaps := s.data[s.start[i]:s.start[i+1]]
	ws := set.words
	r := -1
	for j := 0; j < len(gaps); {
		// Inline uvarint decoding: most gaps are one byte.
		c := gaps[j]
		if c < 0x80 {
			r += int(c)
			j++
		} else {
			g, k := binary.Uvarint(gaps[j:])
			if k <= 0 {
				return // not a varint: a damaged snapshot, never built
			}
			r += int(g)
			j += k
		}
		if uint(r) < uint(set.n) { // never past the set, whatever a snapshot holds
			ws[r>>6] |= 1 << (uint(r) & 63)
		}
	}
}

// addRange puts the records of words lo…hi-1 into set.
func (s *store) addRange(lo, hi int, set *Set) {
	for i := lo; i < hi; i++ {
		s.addWord(i, set)
	}
}

// has reports whether word i is in record rec.
func (s *store) has(i, rec int) bool {
	if bm := s.bitmap(i); bm != nil {
		return rec>>6 < len(bm) && bm[rec>>6]&(1<<(uint(rec)&63)) != 0
	}
	found := false
	r := -1
	gaps := s.data[s.start[i]:s.start[i+1]]
	for len(gaps) > 0 && r < rec {
		g, k := binary.Uvarint(gaps)
		if k <= 0 {
			return false
		}
		gaps = gaps[k:]
		r += int(g)
		found = r == rec
	}
	return found
}

func (s *store) bytes() int {
	h := 0
	for _, bm := range s.heavy {
		h += 8 * len(bm)
	}
	return h + s.voc.bytes() + 4*cap(s.start) + 4*cap(s.df) + cap(s.data) + 4*cap(s.denseWord) + 8*cap(s.dense)
}
