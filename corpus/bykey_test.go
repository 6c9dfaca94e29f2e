package corpus

import (
	"fmt"
	"testing"
)

// recordsByKey agrees with a map through growth and replacement, and
// reads keys back from the records, never keeping its own.
func TestRecordsByKey(t *testing.T) {
	var ids []string // by record
	keyOf := func(rec int) string { return idKey(ids[rec]) }
	at := newRecordsByKey(0, keyOf)
	want := map[string]int{}
	for i := range 20_000 {
		id := fmt.Sprintf("NCT%08d", i%7_000) // later copies replace earlier ones
		if i%3 == 0 {
			id = " nct" + id[3:] + " " // the same trial, as another input spells it
		}
		key := idKey(id)
		rec, ok := at.get(key)
		if wrec, wok := want[key]; ok != wok || ok && rec != wrec {
			t.Fatalf("%d: get(%q) = %d, %v; want %d, %v", i, key, rec, ok, wrec, wok)
		}
		ids = append(ids, id)
		at.set(key, len(ids)-1)
		want[key] = len(ids) - 1
	}
	if at.n != len(want) {
		t.Errorf("%d keys, want %d", at.n, len(want))
	}
	for key, wrec := range want {
		if rec, ok := at.get(key); !ok || rec != wrec {
			t.Errorf("get(%q) = %d, %v; want %d", key, rec, ok, wrec)
		}
	}
	if _, ok := at.get("NCT99999999"); ok {
		t.Error("found a key never set")
	}
}

// Keys whose hashes agree are told apart by the records' own keys.
func TestRecordsByKeyCollisions(t *testing.T) {
	ids := []string{"A", "B", "C"}
	at := &recordsByKey{slots: make([]uint64, 4), keyOf: func(rec int) string { return ids[rec] }}
	// Every slot claims the hash of "A": only the record's key tells.
	h := uint64(byKeyHash("A")) << 32
	p := (h >> 32) & 3 // where a probe for A starts
	at.slots[p], at.slots[(p+1)&3] = h|2, h|3
	at.n = 2
	if _, ok := at.get("A"); ok {
		t.Error("A found under B's and C's records")
	}
	at.slots[(p+2)&3] = h | 1
	if rec, ok := at.get("A"); !ok || rec != 0 {
		t.Errorf("get(A) = %d, %v; want 0", rec, ok)
	}
}
