package eligibility

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/trials-app/trials/plain"
)

// ItemText is a criterion item as a requirement quotes it (SPEC.md §1):
// whitespace collapsed to single spaces, leading list markers ("- ", "• ",
// "3. ", "(b) ") removed, and markdown escapes ("\<") undone. Every
// requirement's Text is ItemText of one criterion, and its Span indexes
// into that string.
func ItemText(s string) string {
	if needsUnescape(s) {
		s = unescapeMarkdown(s)
	}
	if !squashed(s) {
		s = plain.Squash(s)
	}
	for {
		t := stripMarker(s)
		if t == s {
			break
		}
		s = t
	}
	return s
}

// squashed reports text plain.Squash returns unchanged, as plain's own
// test does, but without giving up at the first non-ASCII letter: "≤",
// "µL" and "×" are in most items that state a value, and rebuilding those
// rune by rune was a tenth of Extract's time.
func squashed(s string) bool {
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

func needsUnescape(s string) bool { return strings.IndexByte(s, '\\') >= 0 }

// unescapeMarkdown drops a backslash before ASCII punctuation: "\<" → "<".
func unescapeMarkdown(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]) {
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

// stripMarker removes one leading list marker and the space after it.
func stripMarker(s string) string {
	if s == "" {
		return s
	}
	r, size := utf8.DecodeRuneInString(s)
	switch r {
	case '-', '*', '•', '·', '▪', '◦', '○', '●', '■', '□', '➢', '►', '–', '—', '+':
		rest := s[size:]
		if rest == "" || rest[0] == ' ' {
			return strings.TrimLeft(rest, " ")
		}
		return s
	}
	// "3. ", "3) ", "(3) ", "a. ", "(b) ", "iv) "
	i := 0
	paren := false
	if s[0] == '(' {
		paren = true
		i = 1
	}
	j := i
	for j < len(s) && j-i < 4 && (isDigit(s[j]) || isASCIILetter(s[j])) {
		j++
	}
	if j == i || j >= len(s) {
		return s
	}
	label := s[i:j]
	if !allDigits(label) && !(len(label) == 1 || isRoman(label)) {
		return s
	}
	switch {
	case paren && s[j] == ')':
		j++
	case !paren && (s[j] == '.' || s[j] == ')'):
		j++
	default:
		return s
	}
	if j < len(s) && s[j] != ' ' {
		return s
	}
	rest := strings.TrimLeft(s[j:], " ")
	if rest == "" {
		return s
	}
	// a letter marker must be followed by a capital or digit: "C. difficile"
	// is a name, not a list item
	if !allDigits(label) && !isROMANorUpperStart(rest) {
		return s
	}
	return rest
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

func isRoman(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] | 0x20 {
		case 'i', 'v', 'x':
		default:
			return false
		}
	}
	return true
}

func isROMANorUpperStart(s string) bool {
	c := s[0]
	return c >= 'A' && c <= 'Z' || isDigit(c) || c >= utf8.RuneSelf
}
