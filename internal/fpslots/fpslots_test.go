package fpslots

import "testing"

// TestGrow: every entry survives, once, findable by linear probing from its
// fingerprint, even when fingerprints collide.
func TestGrow(t *testing.T) {
	old := make([]uint64, 8)
	put := func(fp uint32, id uint32) {
		mask := uint64(len(old) - 1)
		i := uint64(fp) & mask
		for old[i] != 0 {
			i = (i + 1) & mask
		}
		old[i] = uint64(fp)<<32 | uint64(id+1)
	}
	entries := map[uint32]uint32{0: 3, 1: 3, 2: 11, 3: 7, 4: 0xfffffff0, 5: 5}
	for id, fp := range entries {
		put(fp, id)
	}
	slots := Grow(old)
	if len(slots) != 16 {
		t.Fatalf("%d slots, want 16", len(slots))
	}
	for id, fp := range entries {
		mask := uint64(len(slots) - 1)
		found := false
		for i := uint64(fp) & mask; slots[i] != 0; i = (i + 1) & mask {
			if slots[i] == uint64(fp)<<32|uint64(id+1) {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("entry %d (fingerprint %#x) lost", id, fp)
		}
	}
	n := 0
	for _, s := range slots {
		if s != 0 {
			n++
		}
	}
	if n != len(entries) {
		t.Errorf("%d entries after growing, want %d", n, len(entries))
	}
}
