package search

import (
	"math/bits"
	"strings"

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
	lang  *Language
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
	if q != nil {
		e.lang = q.lang
	}
	if q == nil || q.root == nil {
		m.set = fullSet(n)
	} else {
		e.acc = make([]uint16, n)
		e.sc = ix.zeroBytes()
		m.set = e.eval(q.root, true)
		ix.putZeroBytes(e.sc)
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

// plainExts is what the caller's fields plain words look in too (see
// Extension.Plain) find for a plain term, scored and added to the
// relevance like a hit in the title; nil when they find nothing.
func (e *evaluator) plainExts(t *textNode, pos bool) *Set {
	if t.spec != nil || e.lang == nil || len(e.lang.plain) == 0 {
		return nil
	}
	var out *Set
	for _, x := range e.lang.plain {
		s := x.Match(e.ix, strings.Join(t.words, " "))
		if s == nil || s.empty() {
			continue
		}
		if out == nil {
			out = NewSet(e.n)
		}
		out.or(s)
	}
	if out == nil {
		return nil
	}
	if pos {
		sc := e.sc
		s := qualityWhole * fieldWeight[FieldTitle]
		out.Each(func(r int) { sc[r] = max(sc[r], s) })
		if len(t.words) > 1 {
			e.flush(out, sc) // a phrase's own hits were flushed already
		}
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
		set := e.phrase(t, pos)
		if extra := e.plainExts(t, pos); extra != nil {
			set.or(extra)
		}
		return set
	}
	main, stores, noTypos := target(t)
	w := t.words[0]
	set := NewSet(e.n)
	var sc []uint8
	if pos {
		sc = e.sc
	}
	found := false
	if extra := e.plainExts(t, pos); extra != nil {
		set.or(extra)
		found = true
	}
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
