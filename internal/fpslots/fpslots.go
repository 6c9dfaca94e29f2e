// Package fpslots holds what the load's two open-addressing tables share:
// a slot is eight bytes, a 32-bit fingerprint of the key (its probe starts
// at the fingerprint) above the entry's number + 1, so 0 is an empty slot.
// The search index's word table and the corpus's table of kept records use
// it; each compares the key itself on a fingerprint hit.
package fpslots

// Grow returns the slots of a table twice the size of old, each entry
// placed again at its fingerprint's probe.
func Grow(old []uint64) []uint64 {
	slots := make([]uint64, 2*len(old))
	mask := uint64(len(slots) - 1)
	for _, s := range old {
		if s == 0 {
			continue
		}
		i := (s >> 32) & mask
		for slots[i] != 0 {
			i = (i + 1) & mask
		}
		slots[i] = s
	}
	return slots
}
