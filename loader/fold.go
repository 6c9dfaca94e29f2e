package loader

import (
	"bytes"
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
