package eligibility

import (
	"strings"
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
	s = plain.Squash(s)
	for {
		t := stripMarker(s)
		if t == s {
			break
		}
		s = t
	}
	return s
}

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

// indexRare is strings.Index(s, needle), found by needle[k], a byte rarer
// in registry text than its first ('b' of "ligib", 'f' of "roft", 'x' of
// "aximum"): strings.Index steps through every 'l' or 'r' and then tries
// the needle at every byte, where the rare byte is found by the vector
// search of IndexByte. The item prefilters run on every item read.
func indexRare(s, needle string, k int) int {
	c, tail := needle[k], len(needle)-k // the rare byte and the needle from it on
	for from := k; from+tail <= len(s); {
		i := strings.IndexByte(s[from:len(s)-tail+1], c)
		if i < 0 {
			return -1
		}
		if p := from + i - k; s[p:p+len(needle)] == needle {
			return p
		}
		from += i + 1
	}
	return -1
}
