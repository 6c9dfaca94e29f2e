package model

import (
	"slices"
	"testing"
)

// ParseAge and ParsePhases remember their answers: remembered, an answer
// must be what reading the string again gives, and a caller that changes
// the phases it got must not change the next caller's.
var memoSamples = []string{
	"18 Years", "18 years", " 65 Years ", "6 Months", "1 Year", "1.5 years old", "N/A", "", "12", "2 Weeks", "3 mins",
	"PHASE1", "PHASE2", "PHASE2/PHASE3", "Phase 1|2", "EARLY_PHASE1", "NA", "Not Applicable", "Phase 0", "PHASE III", "x",
	"a string longer than the memo keeps, well beyond forty-eight bytes, PHASE2",
}

func checkMemo(t *testing.T, s string) {
	t.Helper()
	wantAge, wantOK := parseAge(s)
	wantPh, wantPhOK := parsePhases(s)
	for range 2 {
		if a, ok := ParseAge(s); a != wantAge || ok != wantOK {
			t.Errorf("ParseAge(%q) = %q %v, read %q %v", s, a, ok, wantAge, wantOK)
		}
		ps, ok := ParsePhases(s)
		if !slices.Equal(ps, wantPh) || ok != wantPhOK || (ps == nil) != (wantPh == nil) {
			t.Errorf("ParsePhases(%q) = %v %v, read %v %v", s, ps, ok, wantPh, wantPhOK)
		}
		for i := range ps {
			ps[i] = "changed"
		}
	}
}

func TestParseMemo(t *testing.T) {
	for _, s := range memoSamples {
		checkMemo(t, s)
	}
}

func FuzzParseMemo(f *testing.F) {
	for _, s := range memoSamples {
		f.Add(s)
	}
	f.Fuzz(checkMemo)
}
