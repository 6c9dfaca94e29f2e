package search

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/trials-app/trials/model"
)

// phraseCheckLimit bounds the candidates a phrase is checked in, per
// field: those beyond are kept, marked unchecked.
const phraseCheckLimit = 20_000

// maxPhraseWords bounds a phrase (the checker tracks partial matches in
// a bit mask).
const maxPhraseWords = 32

// phrase matches words that stand together, in order. Where the text is
// at hand (title, conditions, interventions, lead sponsor), candidates are
// checked in it. Ids, sites, cities, countries and collaborators are also
// indexed whole and the criteria by compound ("child-pugh"), which
// answers a phrase exactly where it starts one. Elsewhere the words are
// matched one by one, and those hits are marked unchecked — unless
// Options.Trial lets them be checked.
func (e *evaluator) phrase(t *textNode, pos bool) *Set {
	main, stores, _ := target(t)
	verified := NewSet(e.n)
	doubt := NewSet(e.n)
	var sc []uint8
	if pos {
		sc = e.sc
	}
	key := strings.Join(t.words, "-")
	score := uint8(min(qualityWhole*len(t.words), 40))
	if main&FieldID != 0 {
		e.keyWord(-1, key, t.exact, verified, sc, score*fieldWeight[FieldID])
	}
	if at := main &^ FieldID; at != 0 {
		cand, masks := e.sameField(t.words, t.exact, at)
		defer func() {
			clear(masks)
			e.ix.putZeroBytes(masks)
		}()
		checked := 0
		cand.Each(func(r int) {
			if checked++; checked > phraseCheckLimit {
				doubt.Add(r)
				return
			}
			if f := e.phraseInRecord(r, t.words, t.exact, Field(masks[r])); f != 0 {
				verified.Add(r)
				if sc != nil {
					sc[r] = max(sc[r], score*fieldWeight[f])
				}
			}
		})
	}
	for _, st := range stores {
		e.keyWord(st, key, t.exact, verified, sc, score*storeWeight)
		cand := e.allWords(st, t.words, t.exact, 0)
		cand.andNot(verified)
		checked := 0
		cand.Each(func(r int) {
			checked++
			if e.opt.Trial == nil || checked > phraseCheckLimit {
				doubt.Add(r)
				return
			}
			tr := e.opt.Trial(r)
			if tr == nil {
				doubt.Add(r)
				return
			}
			if storeTexts(tr, st, func(s string) bool { return phraseIn(s, t.words, t.exact, &e.buf) }) {
				verified.Add(r)
				if sc != nil {
					sc[r] = max(sc[r], score*storeWeight)
				}
			}
		})
	}
	doubt.andNot(verified)
	if !doubt.empty() {
		if e.doubt == nil {
			e.doubt = NewSet(e.n)
		}
		e.doubt.or(doubt)
		e.m.uncheckedTerms = appendNew(e.m.uncheckedTerms, t.raw)
	}
	if !pos {
		// Excluding on an unchecked phrase could drop trials that do not
		// have it: only the checked ones are excluded, and the others,
		// kept, are marked.
		return verified
	}
	doubt.Each(func(r int) { sc[r] = max(sc[r], qualityNear) })
	verified.or(doubt)
	e.flush(verified, sc)
	return verified
}

// keyWord adds the records with a joined entry (an id, a site… indexed
// whole, or a compound) starting with the phrase's key. st -1 is the
// main index's id field.
func (e *evaluator) keyWord(st int, key string, exact bool, set *Set, sc []uint8, score uint8) {
	tmp := NewSet(e.n)
	add := func(lo, hi int) {
		for i := lo; i < hi; i++ {
			if st < 0 {
				e.addPostings(e.ix.postings(i), FieldID, 1, tmp.words, nil)
			} else {
				e.ix.stores[st].addWord(i, tmp)
			}
		}
	}
	voc := &e.ix.voc
	if st >= 0 {
		voc = &e.ix.stores[st].voc
	}
	if exact {
		if i := voc.find(key); i >= 0 {
			add(i, i+1)
		}
		add(voc.prefixRange(key + "-"))
	} else {
		add(voc.prefixRange(key))
	}
	if sc != nil {
		tmp.Each(func(r int) { sc[r] = max(sc[r], score) })
	}
	set.or(tmp)
}

// allWords is the set of records having every word of a phrase (the last
// as a prefix unless exact) in the main index's fields (st -1) or a store.
func (e *evaluator) allWords(st int, words []string, exact bool, fields Field) *Set {
	var res *Set
	for i, w := range words {
		ex := exact || i < len(words)-1
		s := NewSet(e.n)
		if st < 0 {
			e.mainWord(w, ex, fields, s, nil)
		} else {
			e.storeWord(st, w, ex, s, nil)
		}
		if res == nil {
			res = s
		} else {
			res.and(s)
		}
		if res.empty() {
			break
		}
	}
	return res
}

// sameField is the set of records having every word of a phrase (the
// last as a prefix unless exact) in one same field among fields, and per
// record the fields that have them all: only those can have the phrase.
func (e *evaluator) sameField(words []string, exact bool, fields Field) (*Set, []uint8) {
	ix := e.ix
	masks := ix.zeroBytes() // the fields having every word so far
	cur := ix.zeroBytes()   // the fields having the current word
	defer ix.putZeroBytes(cur)
	var res *Set
	for j, w := range words {
		lo, hi := ix.prefixRange(w)
		if exact || j < len(words)-1 {
			if lo < hi && ix.voc.word(lo) == w {
				hi = lo + 1
			} else {
				hi = lo
			}
		}
		dst := cur
		if j == 0 {
			dst = masks
		}
		for i := lo; i < hi; i++ {
			for _, p := range ix.postings(i) {
				if m := uint8(p & 31 & uint32(fields)); m != 0 {
					dst[p>>5] |= m
				}
			}
		}
		next := NewSet(e.n)
		if j == 0 {
			for r, m := range masks {
				if m != 0 {
					next.Add(r)
				}
			}
		} else {
			res.Each(func(r int) {
				if masks[r] &= cur[r]; masks[r] != 0 {
					next.Add(r)
				}
			})
			clear(cur)
		}
		res = next
		if res.empty() {
			break
		}
	}
	return res, masks
}

// phraseInRecord returns the best-weighted field among fields whose kept
// text has the phrase, or 0.
func (e *evaluator) phraseInRecord(r int, words []string, exact bool, fields Field) Field {
	has := func(s string) bool { return phraseIn(s, words, exact, &e.buf) }
	if e.ix.textsOf != nil {
		var best Field
		e.ix.textsOf(r, func(f Field, s string) {
			if f&fields != 0 && fieldWeight[f] > fieldWeight[best] && has(s) {
				best = f
			}
		})
		return best
	}
	// The fields best-weighted first: the first that has it is the answer.
	rec := &e.ix.records[r]
	for _, f := range mainFields {
		if f&fields != 0 && rec.anyText(f, has) {
			return f
		}
	}
	return 0
}

// phraseIn reports whether s has the words in a row (the last a prefix
// unless exact). It tracks the partial matches in flight as bits, so it
// allocates nothing; ASCII text takes a faster road.
func phraseIn(s string, words []string, exact bool, buf *[]byte) bool {
	if found, ok := phraseInASCII(s, words, exact); ok {
		return found
	}
	return phraseInFolded(s, words, exact, buf)
}

func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || 'A' <= c && c <= 'Z'
}

// phraseInASCII is phraseIn comparing bytes in place, for text and words
// in ASCII; ok is false when it meets anything else before an answer.
func phraseInASCII(s string, words []string, exact bool) (found, ok bool) {
	for _, w := range words {
		for i := 0; i < len(w); i++ {
			if w[i] >= utf8.RuneSelf {
				return false, false
			}
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return false, false
		}
		if !isWordByte(c) || i > 0 && isWordByte(s[i-1]) {
			continue
		}
		switch m := matchWordsAt(s, i, words, exact); m {
		case 1:
			return true, true
		case -1:
			return false, false
		}
	}
	return false, true
}

// matchWordsAt: 1 when the words start at s[i], 0 when not, -1 when a
// byte beyond ASCII decides.
func matchWordsAt(s string, i int, words []string, exact bool) int {
	for j, w := range words {
		if len(s)-i < len(w) {
			return 0
		}
		for k := 0; k < len(w); k++ {
			c := s[i+k]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != w[k] {
				return 0
			}
		}
		i += len(w)
		last := j == len(words)-1
		if i < len(s) && s[i] >= utf8.RuneSelf {
			return -1
		}
		if last && !exact {
			return 1
		}
		if i < len(s) && isWordByte(s[i]) {
			return 0 // the text's word goes on
		}
		if last {
			return 1
		}
		for i < len(s) && !isWordByte(s[i]) {
			if s[i] >= utf8.RuneSelf {
				return -1
			}
			i++
		}
	}
	return 0
}

// phraseInFolded is phraseIn for any text: it folds the words as it reads.
func phraseInFolded(s string, words []string, exact bool, buf *[]byte) bool {
	k := len(words)
	if k == 0 || k > 64 {
		return false
	}
	var live uint64 // bit j: words[:j] matched up to here
	found := false
	eachWordBytes(s, buf, func(w []byte, _, _ int) {
		if found {
			return
		}
		next := uint64(0)
		for j := range k {
			if j > 0 && live&(1<<uint(j)) == 0 {
				continue
			}
			ok := string(w) == words[j]
			if !ok && j == k-1 && !exact {
				ok = len(w) > len(words[j]) && string(w[:len(words[j])]) == words[j]
			}
			if !ok {
				continue
			}
			if j == k-1 {
				found = true
				return
			}
			next |= 1 << uint(j+1)
		}
		live = next
	})
	return found
}

// storeTexts calls fn with each text of a trial a store indexes, until fn
// returns true; it reports whether one did.
func storeTexts(t *model.Trial, st int, fn func(string) bool) bool {
	switch st {
	case storeSite:
		for _, l := range t.Locations {
			if fn(l.Facility) {
				return true
			}
		}
	case storeCity:
		for _, l := range t.Locations {
			if fn(l.City) {
				return true
			}
		}
	case storeCountry:
		for _, c := range t.Countries {
			if fn(c) {
				return true
			}
		}
	case storeCollab:
		for _, c := range t.Collaborators {
			if fn(c.Name) {
				return true
			}
		}
	case storeContact:
		cs := slices.Clone(t.CentralContacts)
		for _, l := range t.Locations {
			cs = append(cs, l.Contacts...)
		}
		for _, c := range cs {
			if fn(c.Name) || fn(c.Email) {
				return true
			}
		}
	case storeCrit:
		e := &t.Eligibility
		var walk func([]model.Criterion) bool
		walk = func(cs []model.Criterion) bool {
			for _, c := range cs {
				if fn(c.Text) || walk(c.Children) {
					return true
				}
			}
			return false
		}
		if walk(e.Inclusion) || walk(e.Exclusion) || fn(e.Raw) || fn(e.StudyPopulation) {
			return true
		}
		for _, n := range e.Notes {
			if fn(n) {
				return true
			}
		}
	}
	return false
}
