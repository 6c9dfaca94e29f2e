package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Words are maximal runs of letters and digits, lower-cased and with Latin
// accents folded, so "Sjögren's" is "sjogren", "s" and "PD-1" is "pd", "1".

// foldRune lower-cases a letter and drops a Latin diacritic.
func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}
	r = unicode.ToLower(r)
	if f, ok := accents[r]; ok {
		return f
	}
	return r
}

var accents = map[rune]rune{
	'à': 'a', 'á': 'a', 'â': 'a', 'ã': 'a', 'ä': 'a', 'å': 'a', 'ç': 'c', 'è': 'e', 'é': 'e',
	'ê': 'e', 'ë': 'e', 'ì': 'i', 'í': 'i', 'î': 'i', 'ï': 'i', 'ñ': 'n', 'ò': 'o', 'ó': 'o',
	'ô': 'o', 'õ': 'o', 'ö': 'o', 'ø': 'o', 'ù': 'u', 'ú': 'u', 'û': 'u', 'ü': 'u', 'ý': 'y',
	'ÿ': 'y', 'ş': 's', 'ğ': 'g', 'ı': 'i', 'ł': 'l', 'ś': 's', 'ź': 'z', 'ż': 'z', 'č': 'c',
	'ř': 'r', 'š': 's', 'ž': 'z', 'ě': 'e', 'ů': 'u', 'ő': 'o', 'ű': 'u', 'ą': 'a', 'ę': 'e',
	'ć': 'c', 'ń': 'n',
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// eachWord calls fn with each folded word of s and its byte span in s.
func eachWord(s string, fn func(word string, start, end int)) {
	var buf []byte
	eachWordBytes(s, &buf, func(w []byte, start, end int) { fn(string(w), start, end) })
}

// eachWordBytes is eachWord folding into *buf, which it reuses: fn must not
// keep w. Indexing half a million records allocates only for new words.
func eachWordBytes(s string, buf *[]byte, fn func(w []byte, start, end int)) {
	b := (*buf)[:0]
	start := -1
	for i := 0; i < len(s); {
		c := s[i]
		var r rune
		size := 1
		if c < utf8.RuneSelf {
			r = rune(c)
		} else {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if c < utf8.RuneSelf && ('a' <= c && c <= 'z' || '0' <= c && c <= '9' || 'A' <= c && c <= 'Z') || c >= utf8.RuneSelf && isWordRune(r) {
			if start < 0 {
				start = i
				b = b[:0]
			}
			b = utf8.AppendRune(b, foldRune(r))
		} else if start >= 0 {
			fn(b, start, i)
			start = -1
		}
		i += size
	}
	if start >= 0 {
		fn(b, start, len(s))
	}
	*buf = b
}

// joinedKey folds s into one vocabulary entry: its words joined by '-',
// which no word contains ("BO 42843" and "BO-42843" are "bo-42843",
// "2011-004792-36" stays as it is). Ids, cities, sites, countries and
// collaborators are indexed by it too, so that a phrase is found in them
// exactly where it starts a value. It returns false for a single word.
func joinedKey(s string, buf *[]byte) ([]byte, bool) {
	var key []byte
	words := 0
	eachWordBytes(s, buf, func(w []byte, _, _ int) {
		if words > 0 {
			key = append(key, '-')
		}
		key = append(key, w...)
		words++
	})
	return key, words > 1 && len(key) <= maxKeyLen
}

// maxKeyLen bounds a joined entry: a longer value is found by its words.
const maxKeyLen = 64

// Words returns the folded words of s.
func Words(s string) []string {
	var out []string
	eachWord(s, func(w string, _, _ int) { out = append(out, w) })
	return out
}

// Key folds a name for de-duplication: letters and digits only, lower-cased,
// accents dropped — "AlloStim®", "allostim" and "Allo-Stim" share one key.
func Key(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if isWordRune(r) {
			b.WriteRune(foldRune(r))
		}
	}
	return b.String()
}

// typoBudget is how many edits a query word may be from a word it matches:
// none for short words, one for mid-length, two for long ones.
func typoBudget(term string) int {
	n := utf8.RuneCountInString(term)
	switch {
	case n >= 8:
		return 2
	case n >= 6:
		return 1
	}
	return 0
}

// Spans returns the byte ranges of s that the words match: the matched
// prefix of each word of s a word starts. The browser highlights them;
// pass Matches.Highlight, which has the near words a row was found by.
func Spans(s string, words []string) [][2]int {
	if len(words) == 0 {
		return nil
	}
	var out [][2]int
	eachWord(s, func(w string, start, end int) {
		best := 0
		for _, t := range words {
			if strings.HasPrefix(w, t) {
				best = max(best, prefixBytes(s[start:end], len([]rune(t))))
			}
		}
		if best > 0 {
			out = append(out, [2]int{start, start + best})
		}
	})
	return out
}

// prefixBytes is the byte length of the first n runes of s.
func prefixBytes(s string, n int) int {
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	return len(s)
}

func firstRuneOf(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}
