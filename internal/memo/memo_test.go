package memo

import (
	"strconv"
	"sync"
	"testing"
)

func TestStrings(t *testing.T) {
	calls := 0
	c := Strings[int]{MaxLen: 4, Max: 2}
	f := func(s string) (int, bool) { calls++; return len(s), true }
	for _, tc := range []struct {
		s         string
		want, ran int
	}{{"ab", 2, 1}, {"ab", 2, 1}, {"abc", 3, 2}, {"abc", 3, 2}, {"x", 1, 3}, {"x", 1, 4}, {"abcde", 5, 5}, {"abcde", 5, 6}} {
		if got := c.Get(tc.s, f); got != tc.want || calls != tc.ran {
			t.Errorf("Get(%q) = %d after %d calls, want %d after %d", tc.s, got, calls, tc.want, tc.ran)
		}
	}
}

func TestStringsConcurrent(t *testing.T) {
	c := Strings[string]{MaxLen: 8, Max: 50}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range 200 {
				s := strconv.Itoa((i + g) % 100)
				if got := c.Get(s, func(s string) (string, bool) { return "v" + s, true }); got != "v"+s {
					t.Errorf("Get(%q) = %q", s, got)
				}
			}
		})
	}
	wg.Wait()
}

func TestStringsKeep(t *testing.T) {
	calls := 0
	c := Strings[int]{MaxLen: 8, Max: 8}
	f := func(s string) (int, bool) { calls++; return len(s), s == "kept" }
	for range 2 {
		c.Get("kept", f)
		c.Get("not", f)
	}
	if calls != 3 {
		t.Errorf("%d calls, want 3 (the kept answer once, the other twice)", calls)
	}
}
