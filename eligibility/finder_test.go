package eligibility

import (
	"strings"
	"testing"
)

// onlyFinder must find exactly what indexFold finds, from every start.
func checkOnlyFinder(t *testing.T, s string) {
	t.Helper()
	f := onlyFinder{s: s}
	for from := 0; from <= len(s); from++ {
		want := indexFold(s[from:], onlyWord)
		if want >= 0 {
			want += from
		}
		if got := f.next(from); got != want {
			t.Fatalf("%q from %d: got %d, want %d", s, from, got, want)
		}
	}
}

func TestOnlyFinder(t *testing.T) {
	for _, s := range []string{
		"",
		"only",
		"Only ONLY only",
		"onlyy yyy oNLY OnLy",
		"Criteria 5-7 apply only to Part B\nONLY for cohort A\nOnly",
		"y",
		"nly only",
		"ONL ONLYONLY onlyonly",
	} {
		checkOnlyFinder(t, s)
	}
}

func FuzzOnlyFinder(f *testing.F) {
	f.Add("Inclusion criteria 13 is only for patients registered before induction:")
	f.Add("ONLY\nOnly\nonly")
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 2000 {
			return
		}
		checkOnlyFinder(t, s)
	})
}

// mayBeLaterStep must pass every lead-in laterStep would take.
func checkLaterStep(t *testing.T, s string) {
	t.Helper()
	if laterStep(strings.Fields(leadInWords.Replace(strings.ToLower(s)))) && !mayBeLaterStep(s, scan(s, true)) {
		t.Fatalf("mayBeLaterStep(%q) = false, but it is a later step", s)
	}
}

func TestMayBeLaterStep(t *testing.T) {
	for _, s := range []string{
		"Re-treatment criteria:", "Crossover phase:", "CROSS-OVER", "Stage 2 (extension):", "Part B", "PARTS",
		"Second registration", "Dose escalation cohort:", "Period II", "PERİOD 2", "stage 1", "Patients must have:",
	} {
		checkLaterStep(t, s)
	}
}

func FuzzMayBeLaterStep(f *testing.F) {
	f.Add("Re-treatment criteria:")
	f.Add("Subgroup (expansion):")
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) < 80 {
			checkLaterStep(t, s)
		}
	})
}

// The lexicon's table and the scan's prefix filters must never hide a word
// of their map.
func TestPrefixFiltersKeepEveryWord(t *testing.T) {
	letters := func(w string) bool {
		for i := 0; i < len(w); i++ {
			if !isASCIILetter(w[i]) {
				return false
			}
		}
		return w != ""
	}
	for w, e := range words {
		if !letters(w) || strings.ToLower(w) != w {
			if e != nil && letters(w) {
				if got := wordToken(w, 0, len(w)); got.w != nil && got.w != words[strings.ToLower(w)] {
					t.Errorf("wordToken(%q) found another word's entry", w)
				}
			}
			continue
		}
		if got := wordToken(w, 0, len(w)); got.w != e {
			t.Errorf("wordToken(%q) lost its entry", w)
		}
		if u := strings.ToUpper(w); len(u) <= 24 {
			if got := wordToken(u, 0, len(u)); got.w != e {
				t.Errorf("wordToken(%q) lost its entry", u)
			}
		}
	}
	for w := range scanWords {
		if letters(w) && len(w) >= 2 && !scanPrefixes.has(w[0], w[1], w[len(w)-1], len(w)) {
			t.Errorf("scanPrefixes lost %q", w)
		}
	}
	for w := range leadWords {
		if letters(w) && len(w) >= 2 && !leadPrefixes.has(w[0], w[1], w[len(w)-1], len(w)) {
			t.Errorf("leadPrefixes lost %q", w)
		}
	}
}

// wordTable answers as the words map does, for any word of ASCII letters.
func checkWordTable(t *testing.T, w string) {
	t.Helper()
	for i := 0; i < len(w); i++ {
		if !isASCIILetter(w[i]) {
			return
		}
	}
	if got, want := wordTable.find(lowerHash(w), w, false), words[w]; got != want {
		t.Fatalf("find(%q) = %v, want %v", w, got, want)
	}
	if got, want := wordTable.find(lowerHash(w), w, true), words[strings.ToLower(w)]; got != want {
		t.Fatalf("find(%q, fold) = %v, want %v", w, got, want)
	}
}

func FuzzWordTable(f *testing.F) {
	for _, w := range []string{"", "platelets", "ECOG", "Karnofsky", "with", "WiTh", "zz", "x"} {
		f.Add(w)
	}
	f.Fuzz(checkWordTable)
}

// scanTable answers as scanWords and leadWords do, for any word of ASCII
// letters in any case.
func checkScanTable(t *testing.T, w string) {
	t.Helper()
	for i := 0; i < len(w); i++ {
		if !isASCIILetter(w[i]) {
			return
		}
	}
	lw := strings.ToLower(w)
	sl := scanTable.find(lowerHash(w), w)
	e, ok := sl.entry()
	we, wok := scanWords[lw]
	if e != we || ok != wok {
		t.Fatalf("scanTable(%q) = %v %v, want %v %v", w, e, ok, we, wok)
	}
	if got := sl != nil && sl.lead; got != leadWords[lw] {
		t.Fatalf("scanTable(%q).lead = %v, want %v", w, got, leadWords[lw])
	}
}

func TestScanTable(t *testing.T) {
	for w := range scanWords {
		checkScanTable(t, w)
		checkScanTable(t, strings.ToUpper(w))
	}
	for w := range leadWords {
		checkScanTable(t, w)
	}
}

func FuzzScanTable(f *testing.F) {
	for _, w := range []string{"only", "ECOG", "Cohort", "following", "re", "zz"} {
		f.Add(w)
	}
	f.Fuzz(checkScanTable)
}
