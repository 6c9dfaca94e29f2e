package eligibility

import (
	"strings"
	"unicode/utf8"
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
	s = collapseSpace(s)
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

func isSpaceRune(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u2002', '\u2003', '\u2009', '\u202f', '\u3000', '\u2007':
		return true
	}
	return false
}

// wideSpaceAt reports a non-ASCII space of isSpaceRune starting at s[i]
// (U+00A0, U+2002, U+2003, U+2007, U+2009, U+202F, U+3000), from its bytes.
func wideSpaceAt(s string, i int) bool {
	switch s[i] {
	case 0xC2:
		return i+1 < len(s) && s[i+1] == 0xA0
	case 0xE2:
		if i+2 < len(s) && s[i+1] == 0x80 {
			switch s[i+2] {
			case 0x82, 0x83, 0x87, 0x89, 0xAF:
				return true
			}
		}
	case 0xE3:
		return i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x80
	}
	return false
}

// collapseSpace trims s and turns every run of white space into one space.
func collapseSpace(s string) string {
	clean := true
	prevSpace := true
	for i := 0; i < len(s); {
		c := s[i]
		if c == ' ' {
			if prevSpace {
				clean = false
				break
			}
			prevSpace = true
			i++
			continue
		}
		if c < ' ' {
			clean = false
			break
		}
		if c >= utf8.RuneSelf {
			if wideSpaceAt(s, i) {
				clean = false
				break
			}
			i++
			prevSpace = false
			continue
		}
		prevSpace = false
		i++
	}
	if clean && !prevSpace {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if isSpaceRune(r) {
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
