package search

import (
	"slices"
	"sort"
)

// Matches is the answer to a query: the matching records, put in order
// as they are asked for — the first screens at once, the rest on demand —
// and what the user must be told about them: which hits are near matches
// and which phrases could not be checked.
//
// A Matches is not safe for concurrent use: hand it to the goroutine that
// shows it.
type Matches struct {
	ix   *Index
	q    *Query
	sort Sort
	set  *Set
	n    int
	acc  []uint16 // relevance per record, nil for the empty query

	order []int32 // the rows put in order so far
	done  bool    // order is complete
	cur   int     // for key sorts: how far the walk has gone

	near           []nearTerm
	nearSet        *Set
	unchecked      *Set
	uncheckedTerms []string
}

// NearTerm is a query word that matched nothing as written and was
// answered by words a typo or two away: "near matches for axitinib".
type NearTerm struct {
	Term  string   // as typed: "axitinib", "intr:axitinib"
	Words []string // the words it matched: "afatinib"
}

type nearTerm struct {
	term  string
	words []string
	refs  []nearRef
}

// nearRef is one word a near term used: in a store, or (store -1) the
// main index, in fields.
type nearRef struct {
	store  int
	word   int
	fields Field
}

// Len is the number of matching records.
func (m *Matches) Len() int { return m.n }

// Query is the query answered.
func (m *Matches) Query() *Query { return m.q }

// Sort is the order the rows come in.
func (m *Matches) Sort() Sort { return m.sort }

// Has reports whether record rec matches.
func (m *Matches) Has(rec int) bool { return m.set.Has(rec) }

// Set returns the matching records as a set (not a copy: do not modify).
func (m *Matches) Set() *Set { return m.set }

// At returns the record of row i (0 ≤ i < Len).
func (m *Matches) At(i int) int {
	m.need(i + 1)
	return int(m.order[i])
}

// Rows returns the records of rows from…to-1, clipped to the matches.
func (m *Matches) Rows(from, to int) []int {
	to = min(to, m.n)
	from = max(from, 0)
	if from >= to {
		return nil
	}
	m.need(to)
	out := make([]int, to-from)
	for i := range out {
		out[i] = int(m.order[from+i])
	}
	return out
}

// All returns every matching record, in order.
func (m *Matches) All() []int { return m.Rows(0, m.n) }

// Index of rec among the rows, or -1; it puts every row in order.
func (m *Matches) IndexOf(rec int) int {
	if !m.set.Has(rec) {
		return -1
	}
	m.need(m.n)
	return slices.Index(m.order, int32(rec))
}

// Near lists the terms answered by near matches. Empty when every term
// matched as written.
func (m *Matches) Near() []NearTerm {
	out := make([]NearTerm, len(m.near))
	for i, t := range m.near {
		out[i] = NearTerm{Term: t.term, Words: slices.Clone(t.words)}
	}
	return out
}

// NearWords returns the near words record rec matched ("afatinib" for a
// row found by "axitinib"), nil when it matched every term as written.
func (m *Matches) NearWords(rec int) []string {
	if !m.nearSet.Has(rec) {
		return nil
	}
	var out []string
	for _, t := range m.near {
		for _, ref := range t.refs {
			if m.ix.hasWord(ref, rec) {
				out = appendNew(out, wordOf(m.ix, ref))
			}
		}
	}
	return out
}

// Unchecked lists the phrases matched word by word in fields whose text
// the index does not keep: their hits have the words, not necessarily
// together. Empty when every phrase was checked.
func (m *Matches) Unchecked() []string { return slices.Clone(m.uncheckedTerms) }

// IsUnchecked reports whether record rec matched only through unchecked
// phrases' words (see Unchecked).
func (m *Matches) IsUnchecked(rec int) bool { return m.unchecked.Has(rec) }

// Highlight returns the words to emphasise in a row: the query's words
// and the near words used.
func (m *Matches) Highlight() []string {
	out := m.q.Highlight()
	for _, t := range m.near {
		for _, w := range t.words {
			out = appendNew(out, w)
		}
	}
	return out
}

func wordOf(ix *Index, ref nearRef) string {
	if ref.store < 0 {
		return ix.voc.word(ref.word)
	}
	return ix.stores[ref.store].voc.word(ref.word)
}

func (ix *Index) hasWord(ref nearRef, rec int) bool {
	if ref.store >= 0 {
		return ix.stores[ref.store].has(ref.word, rec)
	}
	ps := ix.postings(ref.word)
	i := sort.Search(len(ps), func(i int) bool { return ps[i]>>5 >= uint32(rec) })
	return i < len(ps) && ps[i]>>5 == uint32(rec) && Field(ps[i]&31)&ref.fields != 0
}

// firstScreens is how many rows are put in order before any is asked
// beyond them: a few screens, at once.
const firstScreens = 256

// need puts at least k rows in order.
func (m *Matches) need(k int) {
	k = min(k, m.n)
	if m.done || len(m.order) >= k {
		return
	}
	if m.sort.Key == SortRelevance {
		m.rankRelevance(k)
		return
	}
	m.walkKey(k)
}

// relevanceKey ranks a record: hits through near words last, then hits of
// unchecked phrases, each group by score. Higher is better.
func (m *Matches) relevanceKey(r int) uint16 {
	group := uint16(2)
	if m.nearSet.Has(r) {
		group = 0
	} else if m.unchecked.Has(r) {
		group = 1
	}
	return group<<14 | min(m.acc[r], 1<<14-1)
}

func (ix *Index) hist() []int32 {
	if h, ok := ix.hists.Get().(*[]int32); ok {
		return *h
	}
	return make([]int32, 1<<16)
}

func (ix *Index) putHist(h []int32) {
	clear(h)
	ix.hists.Put(&h)
}

// rankRelevance orders by relevance with a counting sort on the small
// integer keys — stable, so ties keep corpus order, and linear. Asked for
// the first screens, it only places the rows whose keys reach the
// threshold those screens need.
func (m *Matches) rankRelevance(k int) {
	if m.acc == nil { // the empty query: corpus order
		m.order = make([]int32, 0, m.n)
		m.set.Each(func(r int) { m.order = append(m.order, int32(r)) })
		m.done = true
		return
	}
	hist := m.ix.hist() // rows per relevance key
	defer m.ix.putHist(hist)
	maxKey := 0
	m.set.Each(func(r int) {
		key := int(m.relevanceKey(r))
		hist[key]++
		maxKey = max(maxKey, key)
	})
	// Rank 0 comes first: the best key, or the worst when reversed.
	rankOf := func(key int) int {
		if m.sort.Reverse {
			return key
		}
		return maxKey - key
	}
	byRank := make([]int, maxKey+1)
	for key := 0; key <= maxKey; key++ {
		byRank[rankOf(key)] = int(hist[key])
	}
	key := func(r int) int { return rankOf(int(m.relevanceKey(r))) }
	limit := maxKey + 1 // ranks placed
	total := m.n
	if k <= firstScreens && m.n > firstScreens {
		sum := 0
		for j := 0; j <= maxKey; j++ {
			sum += byRank[j]
			if sum >= firstScreens {
				limit, total = j+1, sum
				break
			}
		}
	}
	starts := make([]int, limit)
	pos := 0
	for j := range limit {
		starts[j] = pos
		pos += byRank[j]
	}
	order := make([]int32, total)
	m.set.Each(func(r int) {
		if j := key(r); j < limit {
			order[starts[j]] = int32(r)
			starts[j]++
		}
	})
	m.order = order
	m.done = total == m.n
}
