package loader

import (
	"bytes"
	"math/bits"
	"strings"
	"unicode/utf8"
)

// lowerInto lowers a criteria line for the role tests that look for their
// words in any case (notice, introduction, qualifier, heading label):
// those ask it of every line of every trial, and strings.ToLower's copy of
// each line was a twentieth of a registry's load. A line of up to foldMax
// bytes is lowered into buf (on the caller's stack); look in the result
// with bytes.Contains.
func lowerInto(buf *[foldMax]byte, s string) []byte {
	if len(s) > foldMax {
		return []byte(strings.ToLower(s))
	}
	// Only the ASCII letters are lowered, the rest copied: an ASCII needle
	// can only match within a run of ASCII bytes, and ToLower keeps those
	// runs as they are (a letter beyond ASCII stays beyond it) — but for İ
	// and the Kelvin sign, the two it makes ASCII of ("i", "k").
	b := buf[:len(s)]
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		} else if c >= utf8.RuneSelf && (strings.HasPrefix(s[i:], "\u0130") || strings.HasPrefix(s[i:], "\u212a")) {
			return []byte(strings.ToLower(s))
		}
		b[i] = c
	}
	return b
}

const foldMax = 1024

// containsLower is strings.Contains(strings.ToLower(s), needle) for one
// needle in lower case.
func containsLower(s, needle string) bool {
	var buf [foldMax]byte
	return bytes.Contains(lowerInto(&buf, s), []byte(needle))
}

// foldNeedles finds any of a few lower-case ASCII needles in a line, in
// any ASCII case, in one pass and without copying the line: a byte that
// opens no needle costs a table look-up. It is the cheap test in front of
// the role tests' lowering and patterns, which most criteria lines fail.
type foldNeedles struct {
	needles []string
	first   [256]uint32 // bit k: needle k starts with this byte, in either case
}

// newFoldNeedles takes up to 32 needles of two bytes or more.
func newFoldNeedles(needles ...string) *foldNeedles {
	f := &foldNeedles{needles: needles}
	for k, n := range needles {
		if len(n) < 2 || k >= 32 {
			panic("foldNeedles: a needle shorter than two bytes, or too many")
		}
		c := n[0]
		f.first[c] |= 1 << k
		if 'a' <= c && c <= 'z' {
			f.first[c-'a'+'A'] |= 1 << k
		}
	}
	return f
}

// in reports whether s holds one of the needles, ASCII letters in any case.
func (f *foldNeedles) in(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		m := f.first[s[i]]
		if m == 0 {
			continue
		}
		// The second byte first: the first letters are common ones.
		c := s[i+1]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		for ; m != 0; m &= m - 1 {
			if n := f.needles[bits.TrailingZeros32(m)]; n[1] == c && hasPrefixFoldASCII(s[i+2:], n[2:]) {
				return true
			}
		}
	}
	return false
}

// hasPrefixFoldASCII reports whether s starts with the lower-case needle,
// its ASCII letters in any case.
func hasPrefixFoldASCII(s, needle string) bool {
	if len(s) < len(needle) {
		return false
	}
	for j := 0; j < len(needle); j++ {
		c := s[j]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != needle[j] {
			return false
		}
	}
	return true
}

// hasFoldTraps reports İ or the Kelvin sign, which lowerInto (as
// strings.ToLower) lowers to ASCII: with either, a needle test on the line
// as written may not give what one on the lowered line gives.
func hasFoldTraps(s string) bool {
	return strings.Contains(s, "\u0130") || strings.Contains(s, "\u212a")
}

// hasLongS reports ſ, which a case-insensitive pattern takes for "s".
func hasLongS(s string) bool { return strings.Contains(s, "\u017f") }
