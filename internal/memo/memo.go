// Package memo remembers the answers of pure functions of short strings
// that a load asks again and again: a registry's half million records
// share a few hundred spellings of their criteria headings, ages and the
// like, and each was worked out anew by regular expressions.
package memo

import (
	"strings"
	"sync"
	"sync/atomic"
)

// Strings remembers f's answer for up to Max strings of up to MaxLen
// bytes, the first met for which f says to keep it; longer strings, and
// any once it is full, are worked out each time. f must be pure, and its
// answer must not hold parts of its argument (the memo keeps its own copy
// of the string, but an answer made of parts of a record's text would
// keep that text). What it keeps lives as long as the program, scattered
// through the heap of the load that met it: keep few (a memo of 4096
// lines, most of them no heading, held 10 MB of a 100k load's heap). It
// is safe for concurrent use.
type Strings[V any] struct {
	MaxLen int
	Max    int64
	m      sync.Map // string → V
	n      atomic.Int64
}

// Get is f(s), remembered.
func (c *Strings[V]) Get(s string, f func(string) (v V, keep bool)) V {
	if len(s) > c.MaxLen {
		v, _ := f(s)
		return v
	}
	if v, ok := c.m.Load(s); ok {
		return v.(V)
	}
	v, keep := f(s)
	if keep && c.n.Load() < c.Max && c.n.Add(1) <= c.Max {
		c.m.Store(strings.Clone(s), v)
	}
	return v
}
