package loader

import (
	"strings"
	"testing"
)

func TestContainsLower(t *testing.T) {
	for _, c := range []struct {
		s, needle string
		want      bool
	}{
		{"For more INFORMATION, please Visit www.example.com", "information", true},
		{"For more INFORMATION", "visit", false},
		{"WWW.EXAMPLE.COM", "www.", true},
		{"WWW\x0eEXAMPLE", "www.", false}, // 0x0e is no '.' in any case
		{"VIS\xffIT", "visit", false},
		{"Ca\u212aE", "cake", true},
		{"≥ 18 years; see WWW.x", "www.", true},
		{"CRITERİA", "criteri", true}, // ToLower's İ is "i̇": its answer is kept
		{"ɪnformation", "information", false},
		{"", "x", false},
		{"abc", "", true},
		{"Subjects must MEET", "must ", true},
	} {
		if got := containsLower(c.s, c.needle); got != c.want {
			t.Errorf("containsLower(%q, %q) = %v, want %v", c.s, c.needle, got, c.want)
		}
	}
}

// FuzzContainsLower checks containsLower against what it replaces.
func FuzzContainsLower(f *testing.F) {
	for _, s := range []string{"Please VISIT www.x.org", "Inclusion CRITERIA:", "CRITERİA", "K\u212aK", "Must be ≥ 18"} {
		f.Add(s, "criteri")
		f.Add(s, "visit")
		f.Add(s, "k")
	}
	f.Fuzz(func(t *testing.T, s, needle string) {
		var b strings.Builder
		for i := 0; i < len(needle); i++ {
			if c := needle[i]; c < 0x80 {
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				b.WriteByte(c)
			}
		}
		needle = b.String()
		if got, want := containsLower(s, needle), strings.Contains(strings.ToLower(s), needle); got != want {
			t.Fatalf("containsLower(%q, %q) = %v, strings.ToLower says %v", s, needle, got, want)
		}
	})
}
