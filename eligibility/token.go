package eligibility

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The tokenizer splits one criterion item into words, numbers, comparison
// signs and punctuation, keeping each token's byte range in the item so a
// requirement can point at the text it was read from. It reads the
// spellings registry text really uses: "≥", ">=", "=>", "=<", "≧", "⩽", the
// fullwidth forms, the UTF-8-read-as-Windows-1252 mojibake "â‰¥", "Ã—",
// "Âµ", superscripts ("10⁹", "mm³"), and numbers with thousands separators.

type kind uint8

const (
	kWord    kind = iota + 1
	kNum          // a number; val holds it
	kOp           // a comparison sign; op holds it
	kTimes        // ×, *, Ã—
	kSlash        // /
	kDash         // - – — − ~
	kLParen       // ( [ {
	kRParen       // ) ] }
	kComma        // ,
	kSemi         // ;
	kColon        // :
	kPeriod       // a full stop, ? or !
	kPercent      // %
	kCaret        // ^
	kSup          // superscript digits; text holds them as ASCII
	kPlus         // +
	kSep          // list separators inside an item: ① ② | •
	kApos         // ' ’
	kOther
)

type op uint8

const (
	opNone op = iota
	opLT
	opLE
	opGT
	opGE
	opEQ
)

type token struct {
	kind  kind
	op    op
	glued bool // no space between this token and the previous one
	upper bool // a word written with a capital first letter
	caps  bool // a word of two or more letters written all in capitals
	depth int8 // bracket depth (a bracket itself has the outer depth)
	start int32
	end   int32
	text  string // words lowercased (µ, μ → u); numbers and superscripts as digits
	val   float64
	// for numbers: how many digits follow a decimal point (-1: none), and
	// how many digits the integer part has
	decimals int8
	intLen   int8
	grouped  bool // written with a thousands separator ("1,500")
	w        *wordEntry
}

// mojibake is UTF-8 that was read as Windows-1252 and written out again.
var mojibake = []struct {
	seq  string
	kind kind
	op   op
	text string
}{
	{"â‰¥", kOp, opGE, ""},
	{"â‰¤", kOp, opLE, ""},
	{"â‰§", kOp, opGE, ""},
	{"â‰¦", kOp, opLE, ""},
	{"Ã—", kTimes, 0, ""},
	{"â€“", kDash, 0, ""},
	{"â€”", kDash, 0, ""},
	{"â€™", kApos, 0, ""},
	{"Â³", kSup, 0, "3"},
	{"Â²", kSup, 0, "2"},
	{"Â¹", kSup, 0, "1"},
	{"â¹", kSup, 0, "9"},
}

// mojibakeAt reports the mojibake sequence starting at s[i], if any. Every
// sequence starts with 'â' or 'Ã' or 'Â' (0xC3 0xA2, 0xC3 0x83, 0xC3 0x82).
func mojibakeAt(s string, i int) int {
	if i+1 >= len(s) || s[i] != 0xC3 || (s[i+1] != 0xA2 && s[i+1] != 0x83 && s[i+1] != 0x82) {
		return -1
	}
	for k, m := range mojibake {
		if strings.HasPrefix(s[i:], m.seq) {
			return k
		}
	}
	return -1
}

// entityAt reads a comparison written as an HTML entity at s[i] and
// returns its length, or 0.
func entityAt(s string, i int) (int, op) {
	for _, e := range [...]struct {
		name string
		op   op
	}{{"&gt;", opGT}, {"&lt;", opLT}, {"&ge;", opGE}, {"&le;", opLE}} {
		if strings.HasPrefix(s[i:], e.name) {
			return len(e.name), e.op
		}
	}
	return 0, opNone
}

func isSuperDigit(r rune) (byte, bool) {
	switch r {
	case '⁰':
		return '0', true
	case '¹':
		return '1', true
	case '²':
		return '2', true
	case '³':
		return '3', true
	case '⁴', '⁵', '⁶', '⁷', '⁸', '⁹':
		return byte('4' + (r - '⁴')), true
	}
	return 0, false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// tokenize splits s into tokens. It never fails: anything it does not know
// becomes kOther.
func tokenize(s string, buf []token) []token {
	toks := buf[:0]
	depth := int8(0)
	glued := false
	add := func(t token) {
		t.glued = glued
		if t.kind == kRParen && depth > 0 {
			depth--
		}
		t.depth = depth
		if t.kind == kLParen && depth < 100 {
			depth++
		}
		toks = append(toks, t)
		glued = true
	}
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			glued = false
			i++
			continue
		case isDigit(c) || (c == '.' && i+1 < len(s) && isDigit(s[i+1]) && (i == 0 || !isDigit(s[i-1]))):
			t, n := lexNumber(s, i)
			add(t)
			i += n
			continue
		case c < utf8.RuneSelf && isASCIILetter(c):
			// most words are ASCII letters to an ASCII non-letter: read
			// to the end once, hashing and counting capitals on the way;
			// a word that runs into a multi-byte rune takes the slow path
			j := letterRunEnd(s, i+1)
			if j < len(s) && s[j] >= utf8.RuneSelf {
				e := lexWord(s, i)
				add(wordToken(s, i, e))
				i = e
				continue
			}
			h, upper := hashWord(s, i, j)
			add(asciiWordToken(s, i, j, h, upper))
			i = j
			continue
		case c == '&' && i+3 < len(s) && s[i+3] == ';' || c == '&' && i+4 < len(s) && s[i+4] == ';':
			// an HTML entity left in text copied from a web page: "&gt;=", "&le;"
			if k, op := entityAt(s, i); k > 0 {
				add(token{kind: kOp, op: op, start: int32(i), end: int32(i + k)})
				i += k
				continue
			}
			add(token{kind: kOther, start: int32(i), end: int32(i + 1)})
			i++
			continue
		case c < utf8.RuneSelf:
			t := token{start: int32(i), end: int32(i + 1)}
			switch c {
			case '<':
				t.kind, t.op = kOp, opLT
			case '>':
				t.kind, t.op = kOp, opGT
			case '=':
				t.kind, t.op = kOp, opEQ
			case '*':
				t.kind = kTimes
				if i > 0 && s[i-1] != ' ' && footnoteStar(s, i+1) {
					// "Bilirubin ≤ ULN* (< 3.0 mg/dL for patients with
					// Gilbert's syndrome)" (DEV39 NCT00084656): a footnote's
					// mark, read as nothing; "ULN*3", "2 * ULN" multiply
					i++
					continue
				}
			case '/':
				t.kind = kSlash
			case '-', '~':
				t.kind = kDash
			case '(', '[', '{':
				t.kind = kLParen
			case ')', ']', '}':
				t.kind = kRParen
			case ',':
				t.kind = kComma
			case ';':
				t.kind = kSemi
			case ':':
				t.kind = kColon
			case '.':
				t.kind = kPeriod
				// "e.g.", "i.e.", "vs.", "N.B.": an abbreviation, not a full stop
				// ("mL/min." ends a sentence: minutes, not "min." for minimum)
				if n := len(toks); n > 0 && glued && toks[n-1].is(cAbbrev) && !(n > 1 && toks[n-2].kind == kSlash) {
					t.kind = kOther
				}
			case '?', '!':
				t.kind = kPeriod
			case '%':
				t.kind = kPercent
			case '^':
				t.kind = kCaret
			case '+':
				t.kind = kPlus
			case '|':
				t.kind = kSep
			case '\'', '`':
				t.kind = kApos
			default:
				t.kind = kOther
			}
			add(t)
			i++
			continue
		}
		if m := mojibakeAt(s, i); m >= 0 {
			mb := mojibake[m]
			add(token{kind: mb.kind, op: mb.op, text: mb.text, start: int32(i), end: int32(i + len(mb.seq))})
			i += len(mb.seq)
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		t := token{start: int32(i), end: int32(i + size)}
		if d, ok := isSuperDigit(r); ok {
			// a run of superscript digits is one token: "10¹²"
			j := i + size
			digits := []byte{d}
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				d2, ok2 := isSuperDigit(r2)
				if !ok2 {
					break
				}
				digits = append(digits, d2)
				j += n2
			}
			t.kind, t.text, t.end = kSup, string(digits), int32(j)
			add(t)
			i = j
			continue
		}
		switch r {
		case '≥', '⩾', '≧':
			t.kind, t.op = kOp, opGE
		case '≤', '⩽', '≦':
			t.kind, t.op = kOp, opLE
		case '＞':
			t.kind, t.op = kOp, opGT
		case '＜':
			t.kind, t.op = kOp, opLT
		case '＝':
			t.kind, t.op = kOp, opEQ
		case '×', '✕', '⨯', 'ⅹ': // ⅹ: a small roman ten, typed for × in East Asian records
			t.kind = kTimes
		case '–', '—', '−', '‐', '‑', '‒', '～':
			t.kind = kDash
		case '（', '［':
			t.kind = kLParen
		case '）', '］':
			t.kind = kRParen
		case '，', '、':
			t.kind = kComma
		case '；':
			t.kind = kSemi
		case '：':
			t.kind = kColon
		case '。':
			t.kind = kPeriod
		case '％':
			t.kind = kPercent
		case '’', '‘':
			t.kind = kApos
		case '\u00a0', '\u2009', '\u202f', '\u2002', '\u2003', '\u2007', '\u3000':
			glued = false
			i += size
			continue
		case '•', '·', '▪', '◦', '○', '●', '■', '□', '➢', '►', '★':
			t.kind = kSep
		default:
			switch {
			case r >= '①' && r <= '⑳', r >= '⑴' && r <= '⒇', r >= '❶' && r <= '❿':
				t.kind = kSep
			case isHan(r):
				e, t := hanWord(s, i)
				add(t)
				i = e
				continue
			case unicode.IsLetter(r):
				e := lexWord(s, i)
				add(wordToken(s, i, e))
				i = e
				continue
			default:
				t.kind = kOther
			}
		}
		add(t)
		i += size
	}
	return toks
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// lexWord returns the end of the run of letters at s[i:], stopping
// before digits, punctuation and mojibake.
func lexWord(s string, i int) int {
	j := i
	for j < len(s) {
		c := s[j]
		if c < utf8.RuneSelf {
			if !isASCIILetter(c) {
				break
			}
			j++
			continue
		}
		if j > i && mojibakeAt(s, j) >= 0 {
			// "Âµ" inside a unit ("Âµmol") stands for µ: keep it in the word
			if strings.HasPrefix(s[j:], "Âµ") {
				j += len("Âµ")
				continue
			}
			break
		}
		r, size := utf8.DecodeRuneInString(s[j:])
		if r == 'Â' && strings.HasPrefix(s[j:], "Âµ") {
			j += len("Âµ")
			continue
		}
		if !unicode.IsLetter(r) || isHan(r) {
			break // "ECOG评分": the Chinese starts a word of its own
		}
		if _, sup := isSuperDigit(r); sup {
			break
		}
		j += size
	}
	if j == i { // a lone letter the loop refused: take one rune
		_, size := utf8.DecodeRuneInString(s[i:])
		j = i + size
	}
	return j
}

// wordToken makes the token of the word s[i:j]: lowercased, with the micro
// sign and the Greek mu read as 'u' ("µL" = "uL"), mojibake "Âµ" likewise.
func wordToken(s string, i, j int) token {
	w := s[i:j]
	t := token{kind: kWord, start: int32(i), end: int32(j)}
	ascii := true
	upperCount := 0
	for k := 0; k < len(w); k++ {
		c := w[k]
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
		if c >= 'A' && c <= 'Z' {
			upperCount++
		}
	}
	if ascii {
		return asciiWordToken(s, i, j, lowerHash(w), upperCount)
	}
	var b strings.Builder
	b.Grow(len(w))
	first := true
	mixed := hasASCIILetter(w)
	for k := 0; k < len(w); {
		if strings.HasPrefix(w[k:], "Âµ") {
			b.WriteByte('u')
			k += len("Âµ")
			first = false
			continue
		}
		r, size := utf8.DecodeRuneInString(w[k:])
		switch r {
		case 'µ', 'μ':
			b.WriteByte('u')
		default:
			if first {
				t.upper = unicode.IsUpper(r)
			}
			// "Κarnofsky" with a Greek capital kappa: a letter that looks
			// Latin, in a word of Latin letters, is read as the Latin one
			if l, ok := homoglyphs[r]; ok && mixed {
				b.WriteByte(l)
				break
			}
			b.WriteRune(unicode.ToLower(r))
		}
		first = false
		k += size
	}
	t.text = b.String()
	t.w = words[t.text]
	return t
}

// asciiWordToken is wordToken of s[i:j], a word of ASCII letters only, h
// its lowerHash and upperCount its capitals.
func asciiWordToken(s string, i, j int, h uint32, upperCount int) token {
	w := s[i:j]
	t := token{kind: kWord, start: int32(i), end: int32(j)}
	t.upper = w[0] >= 'A' && w[0] <= 'Z'
	t.caps = len(w) >= 2 && upperCount == len(w)
	if upperCount == 0 {
		t.text = w
		t.w = wordTable.find(h, w, false)
		if t.w != nil && t.w.num > 0 {
			spelledNumber(&t)
		}
		return t
	}
	// a known word in capitals takes its entry's spelling: no allocation
	if len(w) <= 24 {
		if e := wordTable.find(h, w, true); e != nil {
			t.text, t.w = e.text, e
			if e.num > 0 {
				spelledNumber(&t)
			}
			return t
		}
	}
	t.text = lowerASCII(w)
	return t
}

// homoglyphs are the Greek and Cyrillic letters drawn like Latin ones,
// lowercased.
var homoglyphs = map[rune]byte{
	'Α': 'a', 'Β': 'b', 'Ε': 'e', 'Ζ': 'z', 'Η': 'h', 'Ι': 'i', 'Κ': 'k', 'Μ': 'm', 'Ν': 'n', 'Ο': 'o', 'Ρ': 'p',
	'Τ': 't', 'Υ': 'y', 'Χ': 'x', 'ο': 'o', 'А': 'a', 'В': 'b', 'Е': 'e', 'К': 'k', 'М': 'm', 'Н': 'h', 'О': 'o',
	'Р': 'p', 'С': 'c', 'Т': 't', 'Х': 'x', 'а': 'a', 'е': 'e', 'о': 'o', 'р': 'p', 'с': 'c', 'х': 'x',
}

func hasASCIILetter(w string) bool {
	for k := 0; k < len(w); k++ {
		if c := w[k] | 0x20; 'a' <= c && c <= 'z' {
			return true
		}
	}
	return false
}

// spelledNumber makes a number of a number written as a word: "more than
// three months", "at least six months", "eighteen years or older".
func spelledNumber(t *token) {
	t.kind, t.val, t.decimals = kNum, float64(t.w.num), -1
	t.intLen = 1
	if t.w.num >= 10 {
		t.intLen = 2
	}
}

// lowerASCII lowercases an ASCII word, without allocating when it is
// already lower case.
func lowerASCII(w string) string {
	for k := 0; k < len(w); k++ {
		if w[k] >= 'A' && w[k] <= 'Z' {
			// a Builder's bytes become the string: one allocation, where
			// []byte(w) then string(b) made two
			var b strings.Builder
			b.Grow(len(w))
			b.WriteString(w[:k])
			for m := k; m < len(w); m++ {
				c := w[m]
				if c >= 'A' && c <= 'Z' {
					c += 'a' - 'A'
				}
				b.WriteByte(c)
			}
			return b.String()
		}
	}
	return w
}

// lexNumber reads the number at s[i:]: "1500", "1,500", "1.5", ".5",
// "100,000". A comma joins digits only as a thousands separator (exactly
// three digits follow); "1,5" stays three tokens and is read by the bound
// parser, which knows whether a European decimal or a list is meant.
func lexNumber(s string, i int) (token, int) {
	j := i
	var v float64
	intLen := 0
	grouped := false
	for {
		for j < len(s) && isDigit(s[j]) {
			v = v*10 + float64(s[j]-'0')
			intLen++
			j++
		}
		// thousands group: ",ddd" not followed by another digit
		if j+4 <= len(s) && s[j] == ',' && isDigit(s[j+1]) && isDigit(s[j+2]) && isDigit(s[j+3]) &&
			(j+4 == len(s) || !isDigit(s[j+4])) && intLen <= 15 {
			j++
			grouped = true
			continue
		}
		break
	}
	decimals := int8(-1)
	point := 0
	if j+1 < len(s) && s[j] == '.' && isDigit(s[j+1]) {
		point = 1
	} else if intLen == 1 && !grouped {
		point = bulletPoint(s, j)
		if point == 0 {
			point = spacedPoint(s, j)
		}
	}
	if point > 0 {
		j += point
		scale := 0.1
		decimals = 0
		for j < len(s) && isDigit(s[j]) {
			v += float64(s[j]-'0') * scale
			scale /= 10
			if decimals < 100 {
				decimals++
			}
			j++
		}
	}
	if intLen > 100 {
		intLen = 100
	}
	t := token{kind: kNum, start: int32(i), end: int32(j), text: s[i:j], val: v, decimals: decimals, intLen: int8(intLen), grouped: grouped}
	if j-i <= 2 {
		t.w = words[t.text]
	}
	return t, j - i
}

// bulletPoint is the length of a bullet or middle dot printed as the
// decimal point of a one-digit number ("less than 1•5 times the upper
// limit of normal", the Lancet's "1·5"), or 0: one or two digits must
// follow it, then no other digit, dot or bullet — "1•2•3" stays a list.
func bulletPoint(s string, j int) int {
	n := 0
	switch {
	case strings.HasPrefix(s[j:], "•"):
		n = len("•")
	case strings.HasPrefix(s[j:], "·"):
		n = len("·")
	default:
		return 0
	}
	k := j + n
	d := 0
	for k+d < len(s) && isDigit(s[k+d]) {
		d++
	}
	if d == 0 || d > 2 || k+d < len(s) && (s[k+d] == '.' || strings.HasPrefix(s[k+d:], "•") || strings.HasPrefix(s[k+d:], "·")) {
		return 0
	}
	return n
}

// spacedPoint reads a decimal point a page spaced out ("Neutrophils ≥ 1. 5
// G/L", DEV38 NCT01601184): read as the sentence's full stop, the 1 became
// a neutrophil floor and the 5 nothing. Only with one or two digits after
// it and a laboratory unit right after them, where "1. 5 G/L" cannot be two
// sentences; "ECOG 0-1. 2 prior regimens" and "≥ 18. 5 years since" stay
// two. It returns the width of ". ".
func spacedPoint(s string, j int) int {
	if j+2 >= len(s) || s[j] != '.' || s[j+1] != ' ' {
		return 0
	}
	k := j + 2
	d := 0
	for k+d < len(s) && isDigit(s[k+d]) {
		d++
	}
	if d == 0 || d > 2 {
		return 0
	}
	k += d
	if k < len(s) && s[k] == ' ' {
		k++
	}
	rest := s[k:min(len(s), k+8)]
	for _, u := range spacedPointUnits {
		if len(rest) >= len(u) && strings.EqualFold(rest[:len(u)], u) {
			return 2
		}
	}
	return 0
}

// spacedPointUnits are the laboratory units a spaced decimal point must
// be followed by, in any case.
var spacedPointUnits = []string{"g/l", "g /l", "g/dl", "mg/dl", "mg/l", "x 10", "x10", "×", "*10", "10^", "/mm",
	"/ul", "/µl", "/mcl", "k/", "µmol", "umol", "mmol", "u/l", "iu/l", "ml/min", "x uln", "xuln", "x the", "times"}

var abbreviations = map[string]bool{"e": true, "g": true, "i": true, "eg": true, "ie": true, "vs": true,
	"etc": true, "approx": true, "cf": true, "al": true, "n": true, "b": true, "nb": true, "dr": true, "no": true,
	"resp": true, "incl": true, "max": true, "min": true, "ca": true, "pts": true}

// lexiconTable is the lexicon (words) as an open-addressing table keyed by
// lowerHash of a word, which the tokenizer computes from the item's bytes
// (hashWord): the lexicon lookup was the largest single cost of
// tokenizing. It answers exactly as words does.
type lexiconTable struct {
	slots []lexiconSlot
	mask  uint32
}

type lexiconSlot struct {
	key string
	e   *wordEntry
}

// lowerHash is the hash of w in lower case that the lexicon's and the
// scan's tables are keyed by, for w of ASCII letters (any other key hashes
// alike wherever it is looked up, and matches no word of letters).
func lowerHash(w string) uint32 {
	h, _ := hashWord(w, 0, len(w))
	return h
}

// hashWord returns lowerHash(s[i:j]) and the capitals of s[i:j], a word of
// ASCII letters. It reads eight bytes at a time — the bytes of s past j,
// when there are, masked off — where a hash of one byte a step (FNV-1a)
// was most of the tokenizer's loop over a word's letters: a letter is a
// capital where its 0x20 bit is clear, and setting that bit lowercases it.
func hashWord(s string, i, j int) (uint32, int) {
	const lo = 0x0101010101010101
	h := uint64(j-i) * 0x9e3779b97f4a7c15
	upper := 0
	for ; i < j; i += 8 {
		var x uint64
		if i+8 <= len(s) {
			b := s[i : i+8]
			x = uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
				uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
		} else {
			for k := len(s) - 1; k >= i; k-- {
				x = x<<8 | uint64(s[k])
			}
		}
		valid := ^uint64(0)
		if n := j - i; n < 8 {
			valid = 1<<(8*n) - 1
		}
		x &= valid
		upper += bits.OnesCount64(^x & (0x20 * lo) & valid)
		h = (h ^ (x | (0x20*lo)&valid)) * 0xff51afd7ed558ccd
		h ^= h >> 29
	}
	return uint32(h ^ h>>32), upper
}

func newLexiconTable(m map[string]*wordEntry) lexiconTable {
	n := 1
	for n < 4*len(m) {
		n <<= 1
	}
	t := lexiconTable{slots: make([]lexiconSlot, n), mask: uint32(n - 1)}
	for k, e := range m {
		if e == nil {
			continue // a nil entry reads as absent, as from the map
		}
		i := lowerHash(k) & t.mask
		for t.slots[i].e != nil {
			i = (i + 1) & t.mask
		}
		t.slots[i] = lexiconSlot{key: k, e: e}
	}
	return t
}

// find returns words[w] (h is lowerHash(w)); with fold set, words[w in
// lower case], for w of ASCII letters.
func (t *lexiconTable) find(h uint32, w string, fold bool) *wordEntry {
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		sl := &t.slots[i]
		if sl.e == nil {
			return nil
		}
		if len(sl.key) != len(w) {
			continue
		}
		if !fold {
			if sl.key == w {
				return sl.e
			}
			continue
		}
		same := true
		for k := 0; k < len(w); k++ {
			if sl.key[k] != w[k]|0x20 {
				same = false
				break
			}
		}
		if same {
			return sl.e
		}
	}
}

// footnoteStar reports that what follows a star at j (after spaces) is a
// bracket, a stop or the end: nothing it could multiply.
func footnoteStar(s string, j int) bool {
	for j < len(s) && s[j] == ' ' {
		j++
	}
	if j == len(s) {
		return true
	}
	switch s[j] {
	case '(', '[', ',', ';', '.', ')':
		return true
	}
	return false
}
