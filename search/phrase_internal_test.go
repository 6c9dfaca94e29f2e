package search

import (
	"strings"
	"testing"
)

// FuzzPhraseIn: the ASCII road of the phrase check answers as the folding
// one does whenever it answers at all.
func FuzzPhraseIn(f *testing.F) {
	for _, s := range []string{"Hepatocellular Carcinoma (HCC)", "Child-Pugh B", "PD-1/PD-L1 ≥1%", "Sjögren's", "a  b\tc", ""} {
		f.Add(s, "child pugh", false)
		f.Add(s, "hepatocellular carcinoma", true)
	}
	f.Fuzz(func(t *testing.T, text, phrase string, exact bool) {
		words := Words(phrase)
		if len(words) == 0 || len(words) > maxPhraseWords || len(text) > 2000 {
			return
		}
		var buf []byte
		if found, ok := phraseInASCII(text, words, exact); ok && found != phraseInFolded(text, words, exact, &buf) {
			t.Fatalf("%q in %q (exact %v): ASCII says %v", strings.Join(words, " "), text, exact, found)
		}
	})
}
