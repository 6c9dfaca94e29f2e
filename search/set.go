package search

import "math/bits"

// Set is a set of record indices, one bit per record of an index. A field
// a caller adds to the query language (see Extension) answers with one.
type Set struct {
	words []uint64
	n     int
}

// NewSet returns an empty set over n records.
func NewSet(n int) *Set { return &Set{words: make([]uint64, (n+63)/64), n: max(n, 0)} }

// SetOf returns the set of the records i < n for which keep(i) holds.
func SetOf(n int, keep func(i int) bool) *Set {
	s := NewSet(n)
	for i := range n {
		if keep(i) {
			s.Add(i)
		}
	}
	return s
}

// fullSet returns the set of every record below n.
func fullSet(n int) *Set {
	s := NewSet(n)
	for i := range s.words {
		s.words[i] = ^uint64(0)
	}
	s.trim()
	return s
}

// trim clears the bits past n, which whole-word operations may have set.
func (s *Set) trim() {
	if r := s.n % 64; r != 0 && len(s.words) > 0 {
		s.words[len(s.words)-1] &= 1<<uint(r) - 1
	}
}

// Cap is the number of records the set is over.
func (s *Set) Cap() int { return s.n }

// Add puts record i in the set; records outside it are ignored.
func (s *Set) Add(i int) {
	if i >= 0 && i < s.n {
		s.words[i>>6] |= 1 << (uint(i) & 63)
	}
}

// Has reports whether record i is in the set.
func (s *Set) Has(i int) bool {
	return s != nil && i >= 0 && i < s.n && s.words[i>>6]&(1<<(uint(i)&63)) != 0
}

// Len is the number of records in the set.
func (s *Set) Len() int {
	n := 0
	for _, w := range s.words {
		n += bits.OnesCount64(w)
	}
	return n
}

// Each calls fn with each record of the set, in increasing order.
func (s *Set) Each(fn func(i int)) {
	for wi, w := range s.words {
		for w != 0 {
			fn(wi*64 + bits.TrailingZeros64(w))
			w &= w - 1
		}
	}
}

// Members returns the records of the set in increasing order.
func (s *Set) Members() []int {
	out := make([]int, 0, s.Len())
	s.Each(func(i int) { out = append(out, i) })
	return out
}

func (s *Set) clone() *Set {
	return &Set{words: append([]uint64(nil), s.words...), n: s.n}
}

// and keeps the records also in o. A set over fewer records (a caller's,
// made before the index grew) lacks the records past its end.
func (s *Set) and(o *Set) {
	for i := range s.words {
		if i < len(o.words) {
			s.words[i] &= o.words[i]
		} else {
			s.words[i] = 0
		}
	}
}

func (s *Set) or(o *Set) {
	for i := range min(len(s.words), len(o.words)) {
		s.words[i] |= o.words[i]
	}
	s.trim()
}

func (s *Set) andNot(o *Set) {
	for i := range min(len(s.words), len(o.words)) {
		s.words[i] &^= o.words[i]
	}
}

// orWords merges a bitmap of the same layout (a dense posting list).
func (s *Set) orWords(ws []uint64) {
	for i := range min(len(s.words), len(ws)) {
		s.words[i] |= ws[i]
	}
}

func (s *Set) empty() bool {
	for _, w := range s.words {
		if w != 0 {
			return false
		}
	}
	return true
}
