package search

import (
	"math/bits"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/trials-app/trials/model"
	"github.com/trials-app/trials/plain"
)

// Options say how to run a query.
type Options struct {
	Sort Sort
	// Trial, when set, returns trial rec whole, from memory: it is called
	// while the query runs, for at most phraseCheckLimit candidates of each
	// phrase. With it, a phrase in a field the records do not keep (sites,
	// cities, countries, collaborators, criteria) is checked in the
	// trial's text; without it, such a phrase is matched word by word and
	// its hits are marked unchecked (see Matches.Unchecked).
	Trial func(rec int) *model.Trial
}

// phraseCheckLimit bounds the candidates a phrase is checked in, per
// field: those beyond are kept, marked unchecked.
const phraseCheckLimit = 20_000

// maxPhraseWords bounds a phrase (the checker tracks partial matches in
// a bit mask).
const maxPhraseWords = 32

// Match qualities, times the field's weight, make a term's score.
const (
	qualityNear   = 1
	qualityPrefix = 2
	qualityWhole  = 3
)

// Field weights for ranking: an id or title hit says most about a trial.
var fieldWeight = func() [32]uint8 {
	var w [32]uint8
	for m := 1; m < 32; m++ {
		for f, v := range map[Field]uint8{FieldID: 6, FieldTitle: 4, FieldIntervention: 3, FieldCondition: 3, FieldSponsor: 1} {
			if Field(m)&f != 0 {
				w[m] = max(w[m], v)
			}
		}
	}
	return w
}()

// storeWeight is the weight of a hit in a store field.
const storeWeight = 1

type evaluator struct {
	ix    *Index
	n     int
	opt   Options
	acc   []uint16 // relevance per record
	sc    []uint8  // one term's best score per record; zero between terms
	m     *Matches
	doubt *Set // records matched (or kept) by a phrase not checked
	buf   []byte
}

// Run answers a query. A nil query, like Parse(""), matches every record.
func (ix *Index) Run(q *Query, o Options) *Matches {
	n := ix.Len()
	m := &Matches{ix: ix, q: q, sort: o.Sort}
	e := &evaluator{ix: ix, n: n, opt: o, m: m}
	if q == nil || q.root == nil {
		m.set = fullSet(n)
	} else {
		e.acc = make([]uint16, n)
		if sc, ok := ix.scratch.Get().(*[]uint8); ok && len(*sc) == n {
			e.sc = *sc
		} else {
			e.sc = make([]uint8, n)
		}
		m.set = e.eval(q.root, true)
		ix.scratch.Put(&e.sc)
		m.acc = e.acc
		if e.doubt != nil {
			e.doubt.and(m.set)
			if !e.doubt.empty() {
				m.unchecked = e.doubt
			}
		}
		if m.nearSet != nil {
			m.nearSet.and(m.set)
		}
	}
	m.n = m.set.Len()
	return m
}

func (e *evaluator) eval(n node, pos bool) *Set {
	switch n := n.(type) {
	case *andNode:
		var res *Set
		var nots []*notNode
		for _, k := range n.kids {
			if nk, ok := k.(*notNode); ok {
				nots = append(nots, nk)
				continue
			}
			s := e.eval(k, pos)
			if res == nil {
				res = s
			} else {
				res.and(s)
			}
		}
		if res == nil {
			res = fullSet(e.n)
		}
		for _, nk := range nots {
			res.andNot(e.eval(nk.kid, !pos))
		}
		return res
	case *orNode:
		res := NewSet(e.n)
		for _, k := range n.kids {
			res.or(e.eval(k, pos))
		}
		return res
	case *notNode:
		res := fullSet(e.n)
		res.andNot(e.eval(n.kid, !pos))
		return res
	case *valueNode:
		return n.match(e.ix)
	case *extNode:
		return e.ext(n)
	case *textNode:
		return e.text(n, pos)
	}
	return NewSet(e.n)
}

func (e *evaluator) ext(n *extNode) *Set {
	s := n.ext.Match(e.ix, n.value)
	out := NewSet(e.n)
	if s != nil {
		out.or(s)
	}
	return out
}

// target is where a text term looks: fields of the main index and stores.
func target(t *textNode) (main Field, stores []int, noTypos bool) {
	if t.spec == nil {
		return FieldAll, nil, false
	}
	return t.spec.main, t.spec.stores, t.spec.noTypos
}

func (e *evaluator) text(t *textNode, pos bool) *Set {
	if len(t.words) > 1 {
		return e.phrase(t, pos)
	}
	main, stores, noTypos := target(t)
	w := t.words[0]
	set := NewSet(e.n)
	var sc []uint8
	if pos {
		sc = e.sc
	}
	found := false
	if main != 0 {
		found = e.mainWord(w, t.exact, main, set, sc) || found
		if main&FieldID != 0 && isDigits(w) && len(w) >= 4 {
			found = e.mainWord("nct"+w, t.exact, FieldID, set, sc) || found
		}
	}
	for _, st := range stores {
		found = e.storeWord(st, w, t.exact, set, sc) || found
	}
	if !found && pos && !t.exact && !noTypos && correctable(w) {
		e.near(t, w, main, stores, set, sc)
	}
	if pos {
		e.flush(set, sc)
	}
	return set
}

// correctable says whether a word may be matched with a typo: never
// numbers, ids or anything with a digit ("phase3"), never short words.
func correctable(w string) bool { return typoBudget(w) > 0 && !hasDigit(w) }

// flush adds a term's scores to the records' relevance.
func (e *evaluator) flush(set *Set, sc []uint8) {
	if sc == nil {
		return
	}
	acc := e.acc
	set.Each(func(r int) {
		if v := uint32(acc[r]) + uint32(sc[r]); v < 1<<16 {
			acc[r] = uint16(v)
		} else {
			acc[r] = 1<<16 - 1
		}
		sc[r] = 0
	})
}

// mainWord adds the records with a word of the main index starting with w
// (equal to w when exact) in one of fields, and reports whether there was
// any.
func (e *evaluator) mainWord(w string, exact bool, fields Field, set *Set, sc []uint8) bool {
	ix := e.ix
	lo, hi := ix.prefixRange(w)
	if exact {
		if lo < hi && ix.voc.word(lo) == w {
			hi = lo + 1
		} else {
			hi = lo
		}
	}
	if h := ix.heavy[w]; h != nil && !exact {
		return e.heavyMainWord(h, w, lo, hi, fields, set, sc)
	}
	found := false
	ws := set.words
	for i := lo; i < hi; i++ {
		q := uint8(qualityPrefix)
		if len(ix.voc.word(i)) == len(w) {
			q = qualityWhole
		}
		found = e.addPostings(ix.postings(i), fields, q, ws, sc) || found
	}
	return found
}

// heavyMainWord answers a heavy prefix from its bitmaps, best-weighted
// field first, then the word w itself as a whole word.
func (e *evaluator) heavyMainWord(h *heavyMain, w string, lo, hi int, fields Field, set *Set, sc []uint8) bool {
	var covered *Set
	if sc != nil {
		covered = NewSet(e.n)
	}
	for k, f := range mainFields {
		bm := h.fields[k]
		if bm == nil || f&fields == 0 {
			continue
		}
		set.orWords(bm)
		if sc == nil {
			continue
		}
		s := qualityPrefix * fieldWeight[f]
		for i, word := range bm {
			word &^= covered.words[i]
			covered.words[i] |= word
			for word != 0 {
				r := i*64 + bits.TrailingZeros64(word)
				word &= word - 1
				sc[r] = max(sc[r], s)
			}
		}
	}
	if lo < hi && e.ix.voc.word(lo) == w {
		e.addPostings(e.ix.postings(lo), fields, qualityWhole, set.words, sc)
	}
	return !set.empty()
}

// addPostings adds one word's postings in fields, scoring them q times
// the best field's weight.
func (e *evaluator) addPostings(ps []uint32, fields Field, q uint8, ws []uint64, sc []uint8) bool {
	found := false
	f := uint32(fields)
	for _, p := range ps {
		m := p & 31 & f
		if m == 0 {
			continue
		}
		r := p >> 5
		ws[r>>6] |= 1 << (r & 63)
		found = true
		if sc != nil {
			if s := q * fieldWeight[m]; s > sc[r] {
				sc[r] = s
			}
		}
	}
	return found
}

// storeWord adds the records of a store's words starting with w.
func (e *evaluator) storeWord(st int, w string, exact bool, set *Set, sc []uint8) bool {
	s := e.ix.stores[st]
	lo, hi := s.voc.prefixRange(w)
	if exact {
		if lo < hi && s.voc.word(lo) == w {
			hi = lo + 1
		} else {
			hi = lo
		}
	}
	if lo == hi {
		return false
	}
	bm := s.heavy[w]
	if bm != nil && !exact {
		set.orWords(bm)
		if sc == nil {
			return true
		}
	}
	if sc == nil {
		s.addRange(lo, hi, set)
		return true
	}
	if bm != nil {
		for i, word := range bm {
			for word != 0 {
				r := i*64 + bits.TrailingZeros64(word)
				word &= word - 1
				sc[r] = max(sc[r], qualityPrefix*storeWeight)
			}
		}
		if s.voc.word(lo) == w {
			tmp := NewSet(e.n)
			s.addWord(lo, tmp)
			tmp.Each(func(r int) { sc[r] = max(sc[r], qualityWhole*storeWeight) })
		}
		return true
	}
	// Whole-word hits score above prefix hits: add the word itself last.
	whole := -1
	if s.voc.word(lo) == w {
		whole = lo
	}
	tmp := NewSet(e.n)
	for i := lo; i < hi; i++ {
		if i != whole {
			s.addWord(i, tmp)
		}
	}
	tmp.Each(func(r int) { sc[r] = max(sc[r], qualityPrefix*storeWeight) })
	set.or(tmp)
	if whole >= 0 {
		tmp = NewSet(e.n)
		s.addWord(whole, tmp)
		tmp.Each(func(r int) { sc[r] = max(sc[r], qualityWhole*storeWeight) })
		set.or(tmp)
	}
	return true
}

// near matches a word that matched nothing as written by the words a typo
// or two away (keeping the first letter, as typos mostly do), and records
// what it used: every such hit is marked.
func (e *evaluator) near(t *textNode, w string, main Field, stores []int, set *Set, sc []uint8) {
	k := typoBudget(w)
	n := runeLen(w)
	first := string(firstRuneOf(w))
	nt := nearTerm{term: t.raw}
	nearSet := NewSet(e.n)
	close := func(word string) bool {
		d := runeLen(word) - n
		return d <= k && -d <= k && plain.WithinEdits(w, word, k)
	}
	if main != 0 {
		ix := e.ix
		lo, hi := ix.prefixRange(first)
		for i := lo; i < hi; i++ {
			word := ix.voc.word(i)
			if strings.IndexByte(word, '-') >= 0 || !close(word) {
				continue
			}
			if e.addPostings(ix.postings(i), main, qualityNear, nearSet.words, sc) {
				nt.words = appendNew(nt.words, word)
				nt.refs = append(nt.refs, nearRef{store: -1, word: i, fields: main})
			}
		}
	}
	for _, st := range stores {
		s := e.ix.stores[st]
		lo, hi := s.voc.prefixRange(first)
		for i := lo; i < hi; i++ {
			word := s.voc.word(i)
			if strings.IndexByte(word, '-') >= 0 || !close(word) {
				continue
			}
			tmp := NewSet(e.n)
			s.addWord(i, tmp)
			if sc != nil {
				tmp.Each(func(r int) { sc[r] = max(sc[r], qualityNear*storeWeight) })
			}
			nearSet.or(tmp)
			nt.words = appendNew(nt.words, word)
			nt.refs = append(nt.refs, nearRef{store: st, word: i})
		}
	}
	if len(nt.words) == 0 {
		return
	}
	set.or(nearSet)
	e.m.near = append(e.m.near, nt)
	if e.m.nearSet == nil {
		e.m.nearSet = NewSet(e.n)
	}
	e.m.nearSet.or(nearSet)
}

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
	masks := make([]uint8, e.n) // the fields having every word so far
	cur := make([]uint8, e.n)   // the fields having the current word
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
	var best Field
	e.ix.texts(r, func(f Field, s string) {
		if f&fields == 0 || fieldWeight[f] <= fieldWeight[best] {
			return
		}
		if phraseIn(s, words, exact, &e.buf) {
			best = f
		}
	})
	return best
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
