package model

import "testing"

// fixedISO's shortcut must read what isoDate reads, and turn nothing away
// that isoDate would read differently.
func checkFixedISO(t *testing.T, s string) {
	if !fixedISO(s) {
		return
	}
	g := isoDate.FindStringSubmatch(s)
	if g == nil || g[1] != s[:4] || g[2] != s[5:7] || (len(s) == 10) != (g[3] != "") || len(s) == 10 && g[3] != s[8:] {
		t.Errorf("fixedISO(%q) is true but isoDate reads %q", s, g)
	}
}

var isoSeeds = []string{"2023-08-01", "2023-08", "2023-8-1", "2023-13-01", "2024-02-30", "0000-00", "2023-08-1x", "2023/08/01", "12345-01", "2023-08-011"}

func TestFixedISO(t *testing.T) {
	for _, s := range isoSeeds {
		checkFixedISO(t, s)
	}
	for _, bad := range []string{"2024-02-30", "2023-00-10", "2023-00", "1700-01-01"} {
		if got, ok := ParseDate(bad); ok {
			t.Errorf("ParseDate(%q) = %q, want failure", bad, got)
		}
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range isoSeeds {
		f.Add(s)
	}
	f.Add("Aug 1, 2023")
	f.Fuzz(func(t *testing.T, s string) {
		checkFixedISO(t, s)
		if got, ok := ParseDate(s); ok && !fixedISO(got) {
			t.Errorf("ParseDate(%q) = %q, not ISO", s, got)
		}
	})
}
