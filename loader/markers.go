package loader

import (
	"unicode"
	"unicode/utf8"
)

// Hand-written matchers for the list-marker patterns of criteria.go
// (numMarker, outline, letterMark, parenLetter): parseMarker runs on every
// criteria line, two or three times, and the regular expressions' set-up
// and backtracking were most of its cost — 2% of a registry's cold load.
// Each gives exactly what its pattern's FindStringSubmatch gives (checked
// by TestMarkerMatchers and FuzzMarkerMatchers); the patterns stay as the
// specification.

// reSpace is the regular expressions' \s: ASCII space, \t, \n, \f, \r.
func reSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// skipSpaces is the index of the first byte at or after i that is not \s.
func skipSpaces(s string, i int) int {
	for i < len(s) && reSpace(s[i]) {
		i++
	}
	return i
}

// digitsEnd is the end of the run of ASCII digits starting at i.
func digitsEnd(s string, i int) int {
	for i < len(s) && '0' <= s[i] && s[i] <= '9' {
		i++
	}
	return i
}

// lettersEnd is the end of the run of ASCII letters starting at i.
func lettersEnd(s string, i int) int {
	for i < len(s) && ('a' <= s[i]|0x20 && s[i]|0x20 <= 'z') {
		i++
	}
	return i
}

// matchNumMarker is numMarker.FindStringSubmatch(s): the match's length
// and its number (the one group of the three that is set).
func matchNumMarker(s string) (end int, num string, ok bool) {
	if byteAt(s, 0) == '(' {
		// `\((\d{1,3})\)\s*`; the other alternatives need a digit first.
		j := digitsEnd(s, 1)
		if n := j - 1; n >= 1 && n <= 3 && byteAt(s, j) == ')' {
			return skipSpaces(s, j+1), s[1:j], true
		}
		return 0, "", false
	}
	// Shorter than its run, a number is followed by a digit, which no
	// alternative takes.
	j := digitsEnd(s, 0)
	if j < 1 || j > 3 {
		return 0, "", false
	}
	switch byteAt(s, j) {
	case ')': // `(\d{1,3})\)\s*`
		return skipSpaces(s, j+1), s[:j], true
	case '.': // `(\d{1,3})\.\)?\s+`
		k := j + 1
		if byteAt(s, k) == ')' && reSpace(byteAt(s, k+1)) {
			k++
		}
		if !reSpace(byteAt(s, k)) {
			return 0, "", false
		}
		return skipSpaces(s, k), s[:j], true
	}
	return 0, "", false
}

// matchOutline is outline.FindStringSubmatch(s)[1], the outline number.
// Every run of digits must be taken whole (one or two digits): cut short,
// a run is followed by a digit where the pattern wants '.' or a space.
func matchOutline(s string) (num string, ok bool) {
	j := digitsEnd(s, 0)
	if j < 1 || j > 2 {
		return "", false
	}
	parts := 0
	for byteAt(s, j) == '.' {
		k := digitsEnd(s, j+1)
		n := k - (j + 1)
		if n == 0 {
			break
		}
		if n > 2 {
			return "", false
		}
		j = k
		parts++
	}
	if parts == 0 {
		return "", false
	}
	k := j
	if byteAt(s, k) == '.' {
		k++
	}
	if !reSpace(byteAt(s, k)) {
		return "", false
	}
	k = skipSpaces(s, k)
	if k >= len(s) {
		return "", false
	}
	if c := s[k]; c == '(' || c == '[' {
		return s[:j], true
	}
	r, _ := utf8.DecodeRuneInString(s[k:])
	if unicode.Is(unicode.Lu, r) {
		return s[:j], true
	}
	return "", false
}

// matchLetterMark is letterMark.FindStringSubmatch(s): the match's length
// and its letters.
func matchLetterMark(s string) (end int, letters string, ok bool) {
	i := 0
	if byteAt(s, 0) == '(' {
		i = 1 // without it, '(' is no letter
	}
	j := lettersEnd(s, i)
	if n := j - i; n < 1 || n > 5 {
		return 0, "", false
	}
	if c := byteAt(s, j); c != '.' && c != ')' || !reSpace(byteAt(s, j+1)) {
		return 0, "", false
	}
	return skipSpaces(s, j+1), s[i:j], true
}

// matchParenLetter is parenLetter.FindStringSubmatch(s): the match's
// length and its letters.
func matchParenLetter(s string) (end int, letters string, ok bool) {
	if byteAt(s, 0) != '(' {
		return 0, "", false
	}
	j := lettersEnd(s, 1)
	if n := j - 1; n < 1 || n > 5 || byteAt(s, j) != ')' {
		return 0, "", false
	}
	return skipSpaces(s, j+1), s[1:j], true
}
