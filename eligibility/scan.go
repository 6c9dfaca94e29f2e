package eligibility

import (
	"math/bits"
	"strings"
	"unicode/utf8"
)

// An item is first scanned word by word, without tokenizing it: the scan
// tells whether it may name a variable (else it is not parsed) and which
// of the costlier readings of an item — a heading, a restriction of the
// next item, a study group's label, a lead-in's effect on its children —
// could apply at all. Most items of a criteria list need none of them.

type scanFlag uint16

const (
	sOnly      scanFlag = 1 << iota // "only"
	sRestrict                       // criteria, item, apply, required: a restriction's words
	sHeading                        // inclusion, exclusion, eligibility
	sGroup                          // cohort, part, arm …
	sLead                           // a word a lead-in's effect on its children depends on
	sFollowing                      // "following"
	sTwo                            // "two": "at least one of the two"
	sUnfit                          // unfit, frail, ineligible …: who counts as unfit (definesUnfit)
	sDonor                          // donor, donors: the only words donorLead and donorItem look for
	sGroupWord                      // a group's kind as a word of ASCII letters, anywhere: groupLabel may name one
	sValue                          // a digit, a byte outside ASCII or a word a value may be written with (valueWords)
	sPerson                         // the people an age in months may be written after (personAged)
	sAgeWord                        // "age": a table's header by age may name its bands' variable (tableHeader)
)

// valueWords are the words a bound may be written with when the item has
// no digit: "≤ ULN", "within the upper limit of normal", "Child-Pugh A",
// "BCLC stage B", "ECOG zero or one", "life expectancy of six months". An
// item with none of them, no digit and nothing outside ASCII has no value
// to read: a leaf like that is not parsed (walk).
var valueWords = []string{"uln", "ulrr", "iuln", "unl", "uln's", "lln", "upper", "normal", "limit", "limits",
	"child", "pugh", "bclc", "barcelona", "class", "stage", "stages", "grade",
	"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
	"thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty",
	"forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "twice", "thrice", "half",
	"double", "triple", "once", "single"}

type itemScan struct {
	vars   bool // a variable may be named: parse it
	months bool // "months" in a short item: an age only after the people it is of
	flags  scanFlag
}

// mayNameDonor is the cheap test of text, scanned as sc, before splitting
// it into words. donorWords finds "donor" or "donors" only as a run of
// letters between non-letters, ASCII whatever its case (no other rune
// lowercases to d, o, n or r), which the scan reads as a word of its own
// or, after an accented letter, inside one it lowercases (scanAccented):
// without the scan's sDonor the answer is no, and the two substring
// searches of every item that may be parsed — a tenth of the scan's own
// cost — are left to the few items that name a donor.
func (sc itemScan) mayNameDonor(text string) bool {
	return sc.flags&sDonor != 0 && mayNameDonor(text)
}

type scanEntry struct {
	first firstKind
	flags scanFlag
}

// scanWords maps the words the scan knows to what they tell.
var scanWords map[string]scanEntry

func buildScanWords() map[string]scanEntry {
	m := map[string]scanEntry{}
	for w, k := range firstWords {
		e := m[w]
		e.first = k
		m[w] = e
	}
	set := func(f scanFlag, ws ...string) {
		for _, w := range ws {
			e := m[w]
			e.flags |= f
			m[w] = e
		}
	}
	set(sOnly, "only")
	set(sRestrict, "criteria", "criterion", "criterium", "item", "items", "apply", "applies", "applicable",
		"required", "requires", "require")
	set(sHeading, "inclusion", "inclusions", "exclusion", "exclusions", "eligibility", "ineligibility")
	for w := range groupKinds {
		set(sGroup|sGroupWord, w)
	}
	set(sFollowing, "following")
	set(sTwo, "two")
	set(sUnfit, "unfit", "frail", "ineligible", "unsuitable", "noneligible")
	set(sDonor, "donor", "donors")
	set(sValue, valueWords...)
	set(sAgeWord, "age", "ages")
	for w, c := range ageCues {
		if c == cuePerson {
			set(sPerson, w)
		}
	}
	for w := range m {
		scanPrefixes.add(w)
	}
	return m
}

// leadWords are the words a lead-in's effect on its children depends on:
// the words that open a subgroup phrase, a later step, a negation or an
// allowance. They are looked for only in items with children.
var leadWords = func() map[string]bool {
	m := setOf("crossover", "cross", "retreatment", "re", "extension", "continuation", "expansion", "second",
		"reregistration", "escalation", "subgroup", "stage", "step", "phase", "period", "not", "cannot", "none",
		"no", "excluded", "exclude", "excludes", "ineligible", "eligible", "allowed", "permitted", "included",
		"enrolled", "one", "either", "only", "following")
	for w := range triggerWords {
		m[w] = true
	}
	for w := range m {
		leadPrefixes.add(w)
	}
	return m
}()

var scanPrefixes, leadPrefixes prefixSet

// wordTable is the lexicon (words), for wordToken.
var wordTable lexiconTable

// scan reads the ASCII words of s; with lead set it looks for leadWords
// too. A word that names a variable only with
// the word after it ("left" in "left ventricular ejection fraction", "WHO"
// in "WHO performance status", but not in "patients who …") counts with
// that word; the units of an age without the word "age" ("18 years or
// older") only in a short item.
func scan(s string, lead bool) itemScan {
	var buf [24]byte
	var out itemScan
	var pending *trieNode // the first word of a longer alias, just read
	short, size := len(s) <= 120, len(s)
	for i := 0; i < len(s); {
		c := s[i]
		if !isASCIILetter(c) {
			if c < utf8.RuneSelf {
				if c >= '0' && c <= '9' {
					out.flags |= sValue
				}
				i++ // a space, a digit, a sign: the common case first
				continue
			}
			out.flags |= sValue
			if c >= 0xe4 && c <= 0xe9 { // the lead byte of most Han characters
				if n, w := hanTermAt(s, i); n > 0 {
					switch scanWords[w].first {
					case firstAlone:
						out.vars = true
					case firstAge:
						out.vars = out.vars || short
					}
					i += n
					continue
				}
			}
			if c >= 0xce && c <= 0xd1 && homoglyphAt(s, i) {
				// "Κarnofsky" with a Greek kappa: rare enough to be parsed
				// whole, where the tokenizer reads the Latin letter
				out.vars = true
			}
			if c == 0xc3 && latinAccentAt(s, i) {
				// "Hémoglobine", "Créatinine": a French word with an accent,
				// rare enough to be read again whole, from the ASCII
				// letters before the accent, by the slow path
				a, j := i, i
				for a > 0 && isASCIILetter(s[a-1]) {
					a--
				}
				for j < len(s) && (isASCIILetter(s[j]) || latinAccentAt(s, j)) {
					if s[j] == 0xc3 {
						j++
					}
					j++
				}
				w := strings.ToLower(s[a:j])
				if pending != nil {
					if c := pending.next[w]; c != nil && c.varBelow {
						out.vars = true
					}
				}
				pending = scanAccented(w, size, lead, &out)
				i = j
				continue
			}
			i++
			continue
		}
		// the end of the word first, and nothing else: the hash is
		// computed only for the few words the prefix sets let through
		j := letterRunEnd(s, i+1)
		n := j - i
		if n > len(buf) || n < 2 {
			// "Child's class": the possessive's s keeps the word before
			// waiting for its next
			if n != 1 || s[i]|0x20 != 's' || !afterApostrophe(s, i) {
				pending = nil
			}
			i = j
			continue
		}
		// the lower-case copy is made only for a word some lookup needs:
		// most words pass none of the prefix tests
		w := buf[:0]
		lower := func() string {
			if len(w) == 0 {
				for k := 0; k < n; k++ {
					buf[k] = s[i+k] | 0x20
				}
				w = buf[:n]
			}
			return string(w)
		}
		if pending != nil {
			if c := pending.next[lower()]; c != nil && c.varBelow {
				out.vars = true
			}
			pending = nil
		}
		var known *scanSlot // the scan's entries for the word, looked up once
		if lead && out.flags&sLead == 0 && leadPrefixes.has(s[i], s[i+1], s[j-1], n) {
			if known = scanTable.find(hashOf(s, i, j), s[i:j]); known != nil && known.lead {
				out.flags |= sLead
			}
		}
		if scanPrefixes.has(s[i], s[i+1], s[j-1], n) {
			if known == nil {
				known = scanTable.find(hashOf(s, i, j), s[i:j])
			}
			if e, ok := known.entry(); ok && out.learn(e, size) {
				pending = lexicon.next[lower()]
			}
		}
		i = j
	}
	// "GI bleeding within the last 3 months" has no age (mayOwnBound:
	// months make one only with the people they are of, "patients ≥ 6
	// months"); "18 years or older" may have
	if out.months && out.flags&sPerson != 0 {
		out.vars = true
	}
	return out
}

// letterRunEnd returns the end of the run of ASCII letters at s[i:]. It
// reads eight bytes at a time: the scan's loop of one byte a step, ending
// at a branch it could not predict, was two fifths of the scan's
// instructions, on every word of every item.
func letterRunEnd(s string, i int) int {
	const lo, hi = 0x0101010101010101, 0x8080808080808080
	for i+8 <= len(s) {
		b := s[i : i+8]
		x := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
			uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
		// each byte in lower case with its top bit cleared, then the top
		// bit of each byte set where it is from 'a' to 'z' and was ASCII:
		// no sum carries into the next byte
		y := (x | 0x20*lo) &^ hi
		letters := (y + (0x80-'a')*lo) &^ (y + (0x80-'z'-1)*lo) &^ x & hi
		if letters != hi {
			return i + bits.TrailingZeros64(^letters&hi)/8
		}
		i += 8
	}
	for i < len(s) && isASCIILetter(s[i]) {
		i++
	}
	return i
}

// hashOf is lowerHash(s[i:j]).
func hashOf(s string, i, j int) uint32 {
	h, _ := hashWord(s, i, j)
	return h
}

// homoglyphAt reports a Greek or Cyrillic letter drawn like a Latin one
// at s[i:], next to a Latin letter.
func homoglyphAt(s string, i int) bool {
	r, n := utf8.DecodeRuneInString(s[i:])
	if _, ok := homoglyphs[r]; !ok {
		return false
	}
	return i > 0 && isASCIILetter(s[i-1]) || i+n < len(s) && isASCIILetter(s[i+n])
}

// latinAccentAt reports an accented Latin letter of the Latin-1
// supplement (é, É, è, ï …: lead byte 0xC3) at s[i:], outside its × (C3 97)
// and ÷ (C3 B7), which are signs.
func latinAccentAt(s string, i int) bool {
	return i+1 < len(s) && s[i] == 0xc3 && s[i+1] >= 0x80 && s[i+1] <= 0xbf && s[i+1] != 0x97 && s[i+1] != 0xb7
}

// scanAccented is what scan learns from a word with an accent, w in lower
// case; it returns the alias the word may start.
func scanAccented(w string, size int, lead bool, out *itemScan) *trieNode {
	if strings.Contains(w, "donor") {
		out.flags |= sDonor // "édonor": the ASCII letters after the accent make a word for donorWords
	}
	// "écohort": mayNameGroup reads the ASCII letters after an accent as a
	// word of their own
	for i := 0; i < len(w); {
		j := letterRunEnd(w, i)
		if _, ok := groupKinds[w[i:j]]; ok {
			out.flags |= sGroupWord
		}
		i = j + 1
	}
	if lead && leadWords[w] {
		out.flags |= sLead
	}
	if e, ok := scanWords[w]; ok && out.learn(e, size) {
		return lexicon.next[w]
	}
	return nil
}

// groupLabel is groupLabel(text, maxAt) for text scanned as sc: its cheap
// test, a group's kind among the first words, needs a word the scan has
// seen, and most lead-ins and headings have none.
func (sc itemScan) groupLabel(text string, maxAt int) string {
	if sc.flags&sGroupWord == 0 {
		return ""
	}
	return groupLabel(text, maxAt)
}

// learn takes in what a known word tells; true when the word may start a
// longer alias.
func (out *itemScan) learn(e scanEntry, size int) (longer bool) {
	out.flags |= e.flags
	switch e.first {
	case firstAlone:
		out.vars = true
	case firstAge:
		out.vars = out.vars || size <= 120
	case firstBare:
		out.vars = out.vars || size <= 16
	case firstMonths:
		out.months = out.months || size <= 120
	case firstLonger:
		return true
	}
	return false
}

// scanTable holds scanWords and leadWords keyed by lowerHash of the word,
// which scan computes from the item's bytes for the words its prefix sets
// let through: one probe, without copying the word, answers both maps.
var scanTable foldTable

// buildScanTable runs once scanWords is built.
func buildScanTable() foldTable {
	var t foldTable
	t.init(len(scanWords) + len(leadWords))
	for w, e := range scanWords {
		sl := t.slot(w)
		sl.scan, sl.inScan = e, true
	}
	for w, ok := range leadWords {
		if ok {
			t.slot(w).lead = true
		}
	}
	return t
}

type scanSlot struct {
	key    string
	used   bool
	inScan bool
	lead   bool // leadWords[key]
	scan   scanEntry
}

// entry is scanWords[key], on a nil slot too.
func (sl *scanSlot) entry() (scanEntry, bool) {
	if sl == nil || !sl.inScan {
		return scanEntry{}, false
	}
	return sl.scan, true
}

// foldTable is an open-addressing set of words, looked up by a word in any
// case (its key in lower case).
type foldTable struct {
	slots []scanSlot
	mask  uint32
}

func (t *foldTable) init(n int) {
	size := 1
	for size < 4*n {
		size <<= 1
	}
	t.slots, t.mask = make([]scanSlot, size), uint32(size-1)
}

// slot returns the slot of key, adding it.
func (t *foldTable) slot(key string) *scanSlot {
	for i := lowerHash(key) & t.mask; ; i = (i + 1) & t.mask {
		sl := &t.slots[i]
		if !sl.used {
			sl.used, sl.key = true, key
			return sl
		}
		if sl.key == key {
			return sl
		}
	}
}

// find returns the slot whose key is w in lower case (h is lowerHash(w)),
// for w of ASCII letters, or nil.
func (t *foldTable) find(h uint32, w string) *scanSlot {
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		sl := &t.slots[i]
		if !sl.used {
			return nil
		}
		if len(sl.key) != len(w) {
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
			return sl
		}
	}
}

// afterApostrophe reports an apostrophe (' or ’) right before s[i].
func afterApostrophe(s string, i int) bool {
	return i > 0 && s[i-1] == '\'' || i >= 3 && s[i-3:i] == "’"
}
