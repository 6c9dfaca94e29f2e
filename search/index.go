package search

import (
	"math/bits"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/trials-app/trials/plain"
)

// Index finds records by the words of their searchable fields.
//
// It holds a sorted vocabulary and, per word, the records using it with the
// fields it appears in (record<<5 | field mask, one uint32 each). A query
// term selects the words it is a prefix of — a binary search for the range
// — and, for long terms, words a typo or two away; terms are ANDed with
// bitsets over the records.
type Index struct {
	records []Record
	words   []string
	offsets []uint32 // postings of words[i] are posts[offsets[i]:offsets[i+1]]
	posts   []uint32
}

// RankLimit is the largest result set ranked by score; larger sets keep
// corpus order (ranking them would cost more than a keystroke may).
const RankLimit = 5000

// NewIndex indexes records. The records are kept, not copied.
func NewIndex(records []Record) *Index {
	b := NewBuilder(len(records))
	b.records = records
	for i := range records {
		b.add(i)
	}
	return b.Index()
}

// Builder indexes records as they arrive — while a corpus is still loading —
// so that only sorting is left when the last one is in.
type Builder struct {
	records  []Record
	ids      map[string]uint32
	words    []string
	lastRec  []int32 // per word id: the last record seen, to merge fields
	lastPair []int32
	pairs    []pair
	buf      []byte
}

type pair struct{ word, post uint32 }

// NewBuilder starts an index expecting about n records.
func NewBuilder(n int) *Builder {
	return &Builder{ids: make(map[string]uint32, n/2+16), pairs: make([]pair, 0, n*24), records: make([]Record, 0, n)}
}

// Add indexes a record and returns its index.
func (b *Builder) Add(r Record) int {
	b.records = append(b.records, r)
	b.add(len(b.records) - 1)
	return len(b.records) - 1
}

func (b *Builder) add(i int) {
	rec := uint32(i) << 5
	b.records[i].texts(func(f Field, s string) {
		eachWordBytes(s, &b.buf, func(w []byte, _, _ int) {
			id, ok := b.ids[string(w)]
			if !ok {
				id = uint32(len(b.words))
				word := string(w)
				b.ids[word] = id
				b.words = append(b.words, word)
				b.lastRec = append(b.lastRec, -1)
				b.lastPair = append(b.lastPair, -1)
			}
			if b.lastRec[id] == int32(i) {
				b.pairs[b.lastPair[id]].post |= uint32(f)
				return
			}
			b.lastRec[id] = int32(i)
			b.lastPair[id] = int32(len(b.pairs))
			b.pairs = append(b.pairs, pair{id, rec | uint32(f)})
		})
	})
}

// Index sorts what was added into an Index. The builder must not be used
// afterwards.
func (b *Builder) Index() *Index {
	words := b.words
	order := make([]uint32, len(words)) // sorted position → word id
	for i := range order {
		order[i] = uint32(i)
	}
	slices.SortFunc(order, func(x, y uint32) int { return strings.Compare(words[x], words[y]) })
	rank := make([]uint32, len(words)) // word id → sorted position
	for pos, id := range order {
		rank[id] = uint32(pos)
	}
	ix := &Index{records: b.records, words: make([]string, len(words)), offsets: make([]uint32, len(words)+1)}
	for pos, id := range order {
		ix.words[pos] = words[id]
	}
	// A counting sort by word; pairs are in record order, so each word's
	// postings come out sorted.
	for _, p := range b.pairs {
		ix.offsets[rank[p.word]+1]++
	}
	for i := 1; i < len(ix.offsets); i++ {
		ix.offsets[i] += ix.offsets[i-1]
	}
	ix.posts = make([]uint32, len(b.pairs))
	next := slices.Clone(ix.offsets[:len(words)])
	for _, p := range b.pairs {
		pos := rank[p.word]
		ix.posts[next[pos]] = p.post
		next[pos]++
	}
	*b = Builder{}
	return ix
}

// Len is the number of records.
func (ix *Index) Len() int { return len(ix.records) }

// Record returns record i.
func (ix *Index) Record(i int) *Record { return &ix.records[i] }

// Records returns all records.
func (ix *Index) Records() []Record { return ix.records }

// Result is the answer to a query.
type Result struct {
	Terms  []string // the query's folded words
	Hits   []int    // record indices, best first (or in corpus order, see Ranked)
	Ranked bool     // whether Hits are ordered by score
}

// Terms splits a query into its folded words.
func Terms(query string) []string { return Words(query) }

// Search returns the records matching every term of query in the given
// fields. An empty query matches everything, in corpus order.
func (ix *Index) Search(query string, fields Field) Result {
	terms := Terms(query)
	res := Result{Terms: terms}
	if len(terms) == 0 {
		res.Hits = make([]int, len(ix.records))
		for i := range res.Hits {
			res.Hits[i] = i
		}
		return res
	}
	var set bitset
	for i, t := range terms {
		s := ix.termSet(t, fields)
		if i == 0 {
			set = s
		} else {
			set.and(s)
		}
	}
	res.Hits = set.members()
	if len(res.Hits) <= RankLimit {
		ix.rank(res.Hits, terms, fields)
		res.Ranked = true
	}
	return res
}

// prefixRange is the range of vocabulary words starting with p.
func (ix *Index) prefixRange(p string) (int, int) {
	lo := sort.SearchStrings(ix.words, p)
	hi := lo + sort.Search(len(ix.words)-lo, func(i int) bool {
		return !strings.HasPrefix(ix.words[lo+i], p)
	})
	return lo, hi
}

// termSet is the set of records having, in one of fields, a word that
// starts with t or (for long terms) is a typo or two away from it.
func (ix *Index) termSet(t string, fields Field) bitset {
	set := newBitset(len(ix.records))
	add := func(w int) {
		for _, p := range ix.posts[ix.offsets[w]:ix.offsets[w+1]] {
			if Field(p&31)&fields != 0 {
				set.set(int(p >> 5))
			}
		}
	}
	lo, hi := ix.prefixRange(t)
	for w := lo; w < hi; w++ {
		add(w)
	}
	if k := typoBudget(t); k > 0 {
		// Typos keep the first letter far more often than not; searching
		// only those words keeps this to a small slice of the vocabulary.
		first := string(firstRuneOf(t))
		flo, fhi := ix.prefixRange(first)
		n := utf8.RuneCountInString(t)
		for w := flo; w < fhi; w++ {
			if w >= lo && w < hi {
				continue
			}
			word := ix.words[w]
			if d := utf8.RuneCountInString(word) - n; d > k || -d > k {
				continue
			}
			if plain.WithinEdits(t, word, k) {
				add(w)
			}
		}
	}
	return set
}

// Field weights for ranking: an id or title hit says most about a trial.
var fieldWeight = map[Field]int{FieldID: 6, FieldTitle: 4, FieldIntervention: 3, FieldCondition: 3, FieldSponsor: 1}

// rank orders hits by how well each term matched: in which field, and
// whether as a whole word, a prefix or with a typo. Ties keep corpus order.
func (ix *Index) rank(hits []int, terms []string, fields Field) {
	scores := make(map[int]int, len(hits))
	for _, h := range hits {
		scores[h] = Score(&ix.records[h], terms, fields)
	}
	slices.SortStableFunc(hits, func(a, b int) int { return scores[b] - scores[a] })
}

// Score rates how well a record matches the terms (higher is better).
func Score(r *Record, terms []string, fields Field) int {
	best := make([]int, len(terms))
	r.texts(func(f Field, s string) {
		if f&fields == 0 {
			return
		}
		eachWord(s, func(w string, _, _ int) {
			for i, t := range terms {
				if s := matchQuality(w, t) * fieldWeight[f]; s > best[i] {
					best[i] = s
				}
			}
		})
	})
	total := 0
	for _, b := range best {
		total += b
	}
	return total
}

// bitset is a set of record indices.
type bitset []uint64

func newBitset(n int) bitset    { return make(bitset, (n+63)/64) }
func (b bitset) set(i int)      { b[i>>6] |= 1 << (uint(i) & 63) }
func (b bitset) has(i int) bool { return b[i>>6]&(1<<(uint(i)&63)) != 0 }
func (b bitset) and(o bitset) {
	for i := range b {
		b[i] &= o[i]
	}
}

func (b bitset) members() []int {
	n := 0
	for _, w := range b {
		n += bits.OnesCount64(w)
	}
	out := make([]int, 0, n)
	for i, w := range b {
		for w != 0 {
			t := bits.TrailingZeros64(w)
			out = append(out, i*64+t)
			w &= w - 1
		}
	}
	return out
}
