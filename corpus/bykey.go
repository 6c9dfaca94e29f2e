package corpus

import (
	"hash/maphash"

	"github.com/trials-app/trials/internal/fpslots"
)

// recordsByKey finds, by onceKey, the record holding the copy of a trial
// kept so far while a corpus loads. The records hold each trial's id, so
// the table holds none: a slot is eight bytes, the top half of the key's
// hash and the record + 1, and the key is read back from the record
// (keyOf) only when the hashes agree. A map[string]int of a registry's
// half million keys cost some 40 MB at the top of the load — its slots,
// and the trials' id strings it kept alive beside the records' copies.
type recordsByKey struct {
	slots []uint64 // power of two, at most three quarters full; 0: empty
	n     int
	keyOf func(rec int) string
}

var byKeySeed = maphash.MakeSeed()

// newRecordsByKey makes a table with room for about n keys.
func newRecordsByKey(n int, keyOf func(rec int) string) *recordsByKey {
	size := 1024
	for size*3 < n*4 {
		size *= 2
	}
	return &recordsByKey{slots: make([]uint64, size), keyOf: keyOf}
}

// get returns the record kept under key.
func (t *recordsByKey) get(key string) (int, bool) {
	_, rec := t.find(key, byKeyHash(key))
	return rec, rec >= 0
}

// set keeps rec under key, in place of the record kept there before.
func (t *recordsByKey) set(key string, rec int) {
	if 4*(t.n+1) > 3*len(t.slots) {
		t.grow()
	}
	h := byKeyHash(key)
	i, old := t.find(key, h)
	if old < 0 {
		t.n++
	}
	t.slots[i] = uint64(h)<<32 | uint64(uint32(rec+1))
}

func byKeyHash(key string) uint32 { return uint32(maphash.String(byKeySeed, key) >> 32) }

// find returns key's slot and its record, or the empty slot where key
// would go and -1.
func (t *recordsByKey) find(key string, h uint32) (int, int) {
	mask := uint64(len(t.slots) - 1)
	for i := uint64(h) & mask; ; i = (i + 1) & mask {
		s := t.slots[i]
		if s == 0 {
			return int(i), -1
		}
		if uint32(s>>32) == h {
			if rec := int(uint32(s)) - 1; t.keyOf(rec) == key {
				return int(i), rec
			}
		}
	}
}

func (t *recordsByKey) grow() { t.slots = fpslots.Grow(t.slots) }
