package eligibility

import "testing"

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
