package search

import (
	"bytes"
	"fmt"
	"testing"
)

// scanValue must give the words scanWords gives and the key joinedKey
// gives, for any value.
func checkScanValue(t *testing.T, s string) {
	t.Helper()
	var want []string
	var buf []byte
	scanWords(s, false, &buf, func(w []byte, h uint64) { want = append(want, fmt.Sprintf("%q/%x", w, h)) })
	wantKey, wantOK := joinedKey(s, &buf)
	var got []string
	var joined []byte
	key, ok := scanValue(s, &buf, &joined, func(w []byte, h uint64) { got = append(got, fmt.Sprintf("%q/%x", w, h)) })
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("scanValue(%q) words %v, scanWords %v", s, got, want)
	}
	if ok != wantOK || ok && !bytes.Equal(key, wantKey) {
		t.Errorf("scanValue(%q) key %q %v, joinedKey %q %v", s, key, ok, wantKey, wantOK)
	}
}

var valueSamples = []string{
	"", "Mayo Clinic", "BO 42843", "BO-42843", "2011-004792-36", "Sjögren's", "São Paulo", "ÅRHUS", "İstanbul",
	"Hôpital Saint-Louis, AP-HP", "x", "a b", "\xff\xfe bad", "Clinique ſt Jean", "北京 协和医院", "Ünïversität Zürich",
	"a-very-long-value-that-goes-on-and-on-past-the-sixty-four-byte-bound-of-a-key", "  lead  trail  ", "K\u212a",
}

func TestScanValue(t *testing.T) {
	for _, s := range valueSamples {
		checkScanValue(t, s)
	}
}

func FuzzScanValue(f *testing.F) {
	for _, s := range valueSamples {
		f.Add(s)
	}
	f.Fuzz(checkScanValue)
}
