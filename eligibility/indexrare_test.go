package eligibility

import (
	"strings"
	"testing"
)

// indexRare answers as strings.Index does, at every offset of the needle
// in the text, at its ends and past them.
func TestIndexRare(t *testing.T) {
	needles := []struct {
		s string
		k int
	}{{"ligib", 4}, {"roft", 2}, {"time of", 6}, {"aximum", 1}, {"AXIMUM", 1}, {"b", 0}, {"bb", 1}}
	texts := []string{"", "l", "ligi", "ligib", "eligible", "Not eligible: ineligibility", "bbb", "abab",
		"Cockcroft-Gault", "at the time of screening and the time of diagnosis", "maximum", "Maximum serum creatinine",
		"xligibxligib", "time o time of", "AXIMU", "b ligib ligib", "≥ 60 mL/min (Cockcroft)"}
	for _, n := range needles {
		for _, s := range texts {
			for from := 0; from <= len(s); from++ {
				if got, want := indexRare(s[from:], n.s, n.k), strings.Index(s[from:], n.s); got != want {
					t.Errorf("indexRare(%q, %q, %d) = %d, want %d", s[from:], n.s, n.k, got, want)
				}
			}
		}
	}
}

func FuzzIndexRare(f *testing.F) {
	f.Add("Patients are not eligible if creatinine > 1.5", "ligib", 4)
	f.Add("Cockcroft", "roft", 2)
	f.Fuzz(func(t *testing.T, s, needle string, k int) {
		if needle == "" || k < 0 || k >= len(needle) {
			return
		}
		if got, want := indexRare(s, needle, k), strings.Index(s, needle); got != want {
			t.Fatalf("indexRare(%q, %q, %d) = %d, want %d", s, needle, k, got, want)
		}
	})
}
