package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/trials-app/trials/plain"
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

// Spans returns the byte ranges of s that the query terms match: the
// matched prefix of each word a term starts, or the whole word a term
// matches with a typo. The browser highlights them.
func Spans(s string, terms []string) [][2]int {
	if len(terms) == 0 {
		return nil
	}
	var out [][2]int
	eachWord(s, func(w string, start, end int) {
		best := 0
		for _, t := range terms {
			switch {
			case strings.HasPrefix(w, t):
				best = max(best, prefixBytes(s[start:end], len([]rune(t))))
			case typoBudget(t) > 0 && len(w) >= len(t)-2 && firstRuneOf(w) == firstRuneOf(t) && plain.WithinEdits(t, w, typoBudget(t)):
				best = max(best, end-start)
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

// matchQuality rates how query term t matches word w: 3 for the whole
// word, 2 for a prefix, 1 for a typo within the term's budget, 0 for none.
func matchQuality(w, t string) int {
	switch {
	case w == t:
		return 3
	case strings.HasPrefix(w, t):
		return 2
	case typoBudget(t) > 0 && plain.WithinEdits(t, w, typoBudget(t)):
		return 1
	}
	return 0
}
