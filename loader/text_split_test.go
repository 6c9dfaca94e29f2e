package loader

import (
	"slices"
	"strings"
	"testing"

	"github.com/trials-app/trials/plain"
)

// splitLinesString gives what splitting the lines by strings.Split did.
func checkSplitLines(t *testing.T, s string) {
	t.Helper()
	s2 := plain.Clean(normaliseNewlines(strings.TrimPrefix(s, "\ufeff")))
	var want []line
	for _, r := range strings.Split(s2, "\n") {
		want = append(want, makeLine(r))
	}
	if got := splitLinesString(s); !slices.Equal(got, want) {
		t.Errorf("splitLinesString(%q) = %v, by Split %v", s, got, want)
	}
	if got := splitLines([]byte(s)); !slices.Equal(got, want) {
		t.Errorf("splitLines(%q) = %v, by Split %v", s, got, want)
	}
}

func FuzzSplitLines(f *testing.F) {
	for _, s := range []string{"", "\n", "a\nb", "\ufeff  1. x\r\n\t- y\\>\n\n", "a\rb\r\n", "\x1b[1mx\n"} {
		f.Add(s)
	}
	f.Fuzz(checkSplitLines)
}
