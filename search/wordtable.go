package search

import (
	"bytes"
	"encoding/binary"
	"math/bits"
	"slices"

	"github.com/trials-app/trials/internal/fpslots"
)

// wordTable numbers the distinct words a Builder meets, in the order it
// meets them, in an open-addressing table. Adding a trial's words is the
// serial part of loading (some 250 words a trial at 550,000 trials), and
// its cost is cache misses and its size counts while a corpus loads.
//
// A slot is eight bytes: a fingerprint of the word (the top half of its
// mixed hash, which also says where its probe starts) above its id + 1;
// on a fingerprint hit the word's bytes are compared with those kept. (A
// key of eight bytes and an id of four took half as much again, and twice
// that while the table grew: 90 MB at 550,000 trials, for seven and a half
// million slots.)
type wordTable struct {
	slots []uint64    // power of two, at most three quarters full; 0: empty
	arena []byte      // the words, in order of id
	offs  []uint32    // word id is arena[offs[id]:offs[id+1]]
	words []wordState // per id
	// pages hold the blocks of posting gaps (stores only), a megabyte
	// each so that growing copies nothing; a block is addressed by its
	// offset in the pages taken end to end. Each block's
	// last four the offset of the next block.
	pages [][]byte
	used  uint32 // bytes of pages handed out
	posts bool   // whether words keep postings (stores)
}

// wordState is a word's postings while building a store: the first record
// inline, later gaps in a chain of blocks. It is sixteen bytes, not 24:
// the bytes used of the tail block are kept in the tail's link (its last
// four bytes, unused until a next block is chained), whether the tail is
// big is whether it is not the head, and a word's count of records is
// counted from its gaps when the store is packed. A registry's stores
// hold one and a half million words, most in one or two trials.
type wordState struct {
	last       int32  // last record added; -1 before the first
	first      int32  // first record
	head, tail uint32 // blocks; 0 none (block 0 is never used)
}

// A word's first block is small (most words are in a few trials), the
// next ones big; the last four bytes of a block point to the next — or,
// in the tail, say how many bytes of it are used.
const (
	smallBlock = 16
	bigBlock   = 64
)

func newWordTable(n int) *wordTable {
	size := 1024
	for size < n*4/3 {
		size *= 2
	}
	return &wordTable{slots: make([]uint64, size), offs: []uint32{0}, used: smallBlock}
}

func (t *wordTable) len() int { return len(t.offs) - 1 }

func (t *wordTable) bytesOf(i uint32) []byte { return t.arena[t.offs[i]:t.offs[i+1]] }

// wordKey is w's key: exact for short words, the hash h otherwise.
func wordKey(w []byte, h uint64) uint64 {
	if len(w) <= 7 {
		var k uint64
		for i, c := range w {
			k |= uint64(c) << (8 * i)
		}
		return k | uint64(len(w))<<56
	}
	return h | 1<<63
}

func mix(k uint64) uint64 {
	k ^= k >> 33
	k *= 0xff51afd7ed558ccd
	k ^= k >> 33
	return k
}

// fingerprint is the top half of the mixed hash h, never 0 in a slot
// since the id + 1 beside it is not.
func fingerprint(h uint64) uint32 { return uint32(mix(h) >> 32) }

// id returns w's number, adding w when it is new. h is w's hash
// (hashBytes), as every Doc's words carry it: a word met with another hash
// would be another word.
func (t *wordTable) id(w []byte, h uint64) uint32 {
	if 4*(t.len()+1) > 3*len(t.slots) {
		t.grow()
	}
	fp := fingerprint(h)
	mask := uint64(len(t.slots) - 1)
	for i := uint64(fp) & mask; ; i = (i + 1) & mask {
		s := t.slots[i]
		if s == 0 {
			id := uint32(t.len())
			t.slots[i] = uint64(fp)<<32 | uint64(id+1)
			t.arena = append(t.arena, w...)
			t.offs = append(t.offs, uint32(len(t.arena)))
			if t.posts {
				t.words = append(t.words, wordState{last: -1})
			}
			return id
		}
		if uint32(s>>32) == fp {
			if id := uint32(s) - 1; bytes.Equal(t.bytesOf(id), w) {
				return id
			}
		}
	}
}

func (t *wordTable) grow() { t.slots = fpslots.Grow(t.slots) }

// post adds record rec to word id's postings (stores), records arriving
// in increasing order.
func (t *wordTable) post(id uint32, rec int) {
	ws := &t.words[id]
	if ws.last == int32(rec) {
		return
	}
	if ws.last < 0 {
		ws.first, ws.last = int32(rec), int32(rec)
		return
	}
	var gap [binary.MaxVarintLen32]byte
	g := gap[:binary.PutUvarint(gap[:], uint64(int32(rec)-ws.last))]
	ws.last = int32(rec)
	t.push(&ws.head, &ws.tail, g)
}

// push appends g to the chain of blocks head…tail (0 when none yet),
// chaining blocks as they fill.
func (t *wordTable) push(head, tail *uint32, g []byte) {
	for len(g) > 0 {
		big := *tail != *head
		var blk []byte
		used := 0
		if *tail != 0 {
			blk = t.block(*tail, bigBlock)
			used = int(binary.LittleEndian.Uint32(blk[roomOf(big):]))
		}
		if *tail == 0 || used == roomOf(big) {
			size := smallBlock
			if *tail != 0 {
				size = bigBlock
			}
			b := t.newBlock(size)
			if *tail == 0 {
				*head = b
			} else {
				binary.LittleEndian.PutUint32(blk[roomOf(big):], b)
			}
			*tail, big, used = b, size == bigBlock, 0
			blk = t.block(b, bigBlock)
		}
		n := copy(blk[used:roomOf(big)], g)
		binary.LittleEndian.PutUint32(blk[roomOf(big):], uint32(used+n))
		g = g[n:]
	}
}

// tailUsed is how many bytes of the tail block of the chain head…tail
// are used.
func (t *wordTable) tailUsed(head, tail uint32) int {
	return int(binary.LittleEndian.Uint32(t.block(tail, bigBlock)[roomOf(tail != head):]))
}

// appendChain appends the bytes of the chain head…tail.
func (t *wordTable) appendChain(dst []byte, head, tail uint32) []byte {
	big := false // the first block is small
	for b := head; b != 0; {
		blk := t.block(b, bigBlock)
		if b == tail {
			return append(dst, blk[:t.tailUsed(head, tail)]...)
		}
		room := roomOf(big)
		dst = append(dst, blk[:room]...)
		b = binary.LittleEndian.Uint32(blk[room:])
		big = true
	}
	return dst
}

// chainLen is len(t.appendChain(nil, head, tail)), found without copying.
func (t *wordTable) chainLen(head, tail uint32) int {
	n := 0
	big := false // the first block is small
	for b := head; b != 0; {
		if b == tail {
			return n + t.tailUsed(head, tail)
		}
		room := roomOf(big)
		n += room
		b = binary.LittleEndian.Uint32(t.block(b, bigBlock)[room:])
		big = true
	}
	return n
}

// countGaps is how many uvarints gaps holds: its bytes without the high
// bit, which end each.
func countGaps(gaps []byte) int {
	n := 0
	for len(gaps) >= 8 {
		n += 8 - bits.OnesCount64(binary.LittleEndian.Uint64(gaps)&0x8080808080808080)
		gaps = gaps[8:]
	}
	for _, c := range gaps {
		if c < 0x80 {
			n++
		}
	}
	return n
}

const pageSize = 1 << 20

// newBlock hands out a block of size bytes, within one page.
func (t *wordTable) newBlock(size int) uint32 {
	if off := int(t.used) % pageSize; off+size > pageSize {
		t.used += uint32(pageSize - off)
	}
	for len(t.pages) <= int(t.used)/pageSize {
		t.pages = append(t.pages, make([]byte, pageSize))
	}
	b := t.used
	t.used += uint32(size)
	return b
}

// block returns up to n bytes of the block at b (a block never straddles
// pages).
func (t *wordTable) block(b uint32, n int) []byte {
	p := t.pages[b/pageSize]
	off := int(b % pageSize)
	return p[off:min(off+n, pageSize)]
}

func roomOf(big bool) int {
	if big {
		return bigBlock - 4
	}
	return smallBlock - 4
}

// appendGaps appends word id's postings as gaps from record -1.
func (t *wordTable) appendGaps(dst []byte, id uint32) []byte {
	ws := &t.words[id]
	if ws.last < 0 {
		return dst
	}
	dst = binary.AppendUvarint(dst, uint64(ws.first+1))
	return t.appendChain(dst, ws.head, ws.tail)
}

// gapsLen is len(t.appendGaps(nil, id)), found without copying: a store
// is sized from it before it is filled, so that packing the registry's
// postings does not grow (and then trim) each store's data by copies.
func (t *wordTable) gapsLen(id uint32) int {
	ws := &t.words[id]
	if ws.last < 0 {
		return 0
	}
	var first [binary.MaxVarintLen64]byte
	return binary.PutUvarint(first[:], uint64(ws.first+1)) + t.chainLen(ws.head, ws.tail)
}

// forgetLookup lets go of what finds a word's id — the hash table and the
// words' bytes, which sorted has copied into the vocab — once the vocab
// is made: a pack frees each table's share while the others still pack,
// which a heap held under a ceiling (see corpus) then reuses.
func (t *wordTable) forgetLookup() { t.slots, t.arena, t.offs = nil, nil, nil }

// sorted packs the words into a sorted vocab and returns, for each
// position in it, the word's number.
func (t *wordTable) sorted() (vocab, []uint32) {
	order := make([]uint32, t.len())
	for i := range order {
		order[i] = uint32(i)
	}
	slices.SortFunc(order, func(a, b uint32) int { return bytes.Compare(t.bytesOf(a), t.bytesOf(b)) })
	v := vocab{blob: make([]byte, 0, len(t.arena)), offs: make([]uint32, 1, len(order)+1)}
	for _, id := range order {
		v.blob = append(v.blob, t.bytesOf(id)...)
		v.offs = append(v.offs, uint32(len(v.blob)))
	}
	return v, order
}
