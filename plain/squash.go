package plain

import (
	"strings"
	"unicode"
	"unicode/utf8"
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

// isSquashed reports text Squash returns unchanged, without giving up at
// the first non-ASCII letter: "≤", "µL" and "×" are in most criteria that
// state a value, and rebuilding those rune by rune was a tenth of the
// eligibility extractor's time. Plain ASCII is read eight bytes at a time.
func isSquashed(s string) bool {
	prev := byte(' ')
	for i := 0; i < len(s); {
		// eight plain ASCII bytes at a time: no control byte, no byte of a
		// multi-byte rune, no two spaces in a row
		for i+8 <= len(s) {
			b := s[i : i+8]
			x := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
				uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
			if x&hiBits != 0 || (x-' '*loBits)&^x&hiBits != 0 {
				break // a non-ASCII or control byte: read it below
			}
			y := x ^ ' '*loBits
			sp := ^((y&^hiBits + ^hiBits) | y | ^hiBits) // 0x80 in each space byte
			if sp&(sp>>8) != 0 || prev == ' ' && sp&0x80 != 0 {
				return false
			}
			prev = byte(x >> 56)
			i += 8
		}
		if i >= len(s) {
			break
		}
		c := s[i]
		if c > ' ' && c < utf8.RuneSelf {
			prev = c
			i++
			continue
		}
		if c <= ' ' {
			switch {
			case c == ' ' && prev == ' ', c >= '\t' && c <= '\r':
				return false
			}
			prev = c
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || unicode.IsSpace(r) {
			return false // Squash rewrites a stray byte and collapses any space
		}
		prev = c
		i += size
	}
	return prev != ' '
}

const (
	loBits uint64 = 0x0101010101010101
	hiBits uint64 = 0x8080808080808080
)
