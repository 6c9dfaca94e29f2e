package plain

import (
	"strings"
	"unicode"
)

// Squash trims s and turns each run of Unicode white space in it — the
// no-break, thin and ideographic spaces criteria are typed with, and the
// line and paragraph separators some readers take for line ends — into one
// ASCII space. Text already squashed (the common case: ASCII with single
// inner spaces) is returned as it is, without allocating.
func Squash(s string) string {
	if isSquashed(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isSquashed(s string) bool {
	prev := byte(' ')
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || c < 0x20 || (c == ' ' && prev == ' ') {
			return false
		}
		prev = c
	}
	return prev != ' '
}
