package search

import (
	"encoding/binary"
	"sync"

	"github.com/trials-app/trials/model"
)

// Index finds records by the words of their fields and by their values.
//
// Words of the fields plain words search (title, ids, conditions,
// interventions, lead sponsor) are in a sorted vocabulary with, per word,
// the records using it and the fields it appears in (record<<5 | field
// mask, four bytes each): what ranking needs. Words of the fields searched
// only through a field name (sites, cities, countries, collaborators,
// criteria) are in compressed stores, one per field (see store). Values
// that are filtered, sorted and counted (status, phases, dates, ages,
// enrollment…) are in columns, a byte or four per record.
//
// An Index is immutable: it may be searched from several goroutines.
type Index struct {
	records []Record
	n       int
	// textsOf gives record r's kept texts, for phrases; nil: the records'.
	textsOf func(r int, fn func(Field, string))
	voc     vocab
	offsets []uint32 // postings of word i are posts[offsets[i]:offsets[i+1]]
	posts   []uint32
	stores  [numStores]*store
	col     columns
	heavy   map[string]*heavyMain // see heavy.go

	// scratch holds per-record byte arrays between runs (term scores,
	// phrase field masks), all zero when put back: a keystroke at 550,000
	// trials would otherwise allocate a few megabytes for the collector.
	scratch sync.Pool
	hists   sync.Pool // *[]int32 of 1<<16, zero

	allOnce sync.Once
	all     *facetCounts // the corpus's facet counts

	sortOnce [numSortKeys]sync.Once
	sortPerm [numSortKeys][]int32
}

// The stores, one per field searched only by name (contact: the names
// and e-mail addresses of the central and site contacts).
const (
	storeSite = iota
	storeCity
	storeCountry
	storeCollab
	storeCrit
	storeContact
	numStores
)

// columns are the values the query filters on, one entry per record.
type columns struct {
	status   []uint8 // position in statusOrder, 0 when unknown
	phase    []uint8 // phase mask
	typ      []uint8 // position in studyTypes, 0 when unknown
	sex      []uint8 // position in sexes
	hv       []int8
	results  *Set
	class    []uint8 // lead sponsor class: position in sponsorClasses
	enroll   []int32
	start    []Date
	updated  []Date
	verified []Date
	minAge   []Age
	maxAge   []Age
	// countries: record i's are codes into countryNames, countryCodes[countryOff[i]:countryOff[i+1]]
	countryOff   []uint32
	countryCodes []uint16
	countryNames []string // sorted
}

// NewIndex indexes records. The records are kept, not copied.
func NewIndex(records []Record) *Index {
	b := NewBuilder(len(records))
	for i := range records {
		d := prepareRecord(records[i])
		records[i].trial = nil
		b.addDoc(i, d)
		d.release()
	}
	b.records, b.count = records, len(records)
	return b.Index()
}

// Builder indexes records as they arrive — while a corpus is still loading —
// so that only packing is left when the last one is in.
type Builder struct {
	records []Record
	light   bool // keep no records (the catalogue's index)
	count   int
	words   *wordTable
	// A main word's postings (record<<5 | field mask): its first in
	// first[id]; when it has more, the others in chains[rest[id]-1], each
	// as a uvarint of its difference from the one before, in blocks of
	// words' pages. Most words are in one trial (ids). A slice of postings
	// per word cost its header and, grown by appending, a quarter again
	// its size: 66 MB for a registry's 14 million postings; its chains
	// take half that.
	first     []uint32
	rest      []uint32
	chains    []postChain
	mainPosts int // postings in first and chains
	stores    [numStores]*storeBuilder
	home      *recordHome // where kept records' texts and lists move (see settle.go)

	countryIDs   map[string]uint16
	countryNames []string
	countryOff   []uint32
	countryCodes []uint16
}

// NewBuilder starts an index expecting about n records.
func NewBuilder(n int) *Builder {
	b := &Builder{words: newWordTable(n/2 + 16), records: make([]Record, 0, n), countryIDs: map[string]uint16{}, countryOff: []uint32{0}}
	for i := range b.stores {
		b.stores[i] = newStoreBuilder()
	}
	return b
}

// Add indexes a record and returns its index. A record made by NewRecord
// brings its trial's other texts (sites, criteria, …), which are indexed
// and let go.
func (b *Builder) Add(r Record) int { return b.AddDoc(prepareRecord(r)) }

// AddTrial is Add(NewRecord(t)).
func (b *Builder) AddTrial(t *model.Trial) int { return b.AddDoc(Prepare(t)) }

// AddDoc indexes a prepared trial (see Prepare) and returns its index.
// The Doc's words are let go: a Doc is added once.
func (b *Builder) AddDoc(d *Doc) int {
	i := b.count
	b.count++
	if !b.light {
		if b.home == nil {
			b.home = &recordHome{}
		}
		b.records = append(b.records, d.rec)
		b.home.settle(&b.records[i])
	}
	b.addDoc(i, d)
	d.release()
	return i
}

// Source is where record i was read (a builder that keeps records).
func (b *Builder) Source(i int) model.Source { return b.records[i].Source() }

// ID is record i's id (a builder that keeps records).
func (b *Builder) ID(i int) string { return b.records[i].ID }

// Len is the number of records added so far.
func (b *Builder) Len() int { return b.count }

func (b *Builder) addDoc(i int, d *Doc) {
	for _, t := range d.toks {
		w := d.word(t)
		if t.kind > 0 {
			b.stores[t.kind-1].add(w, t.hash, i)
			continue
		}
		id := b.words.id(w, t.hash)
		p := uint32(i)<<5 | uint32(t.fields)
		b.mainPosts++
		if int(id) == len(b.first) {
			b.first, b.rest = append(b.first, p), append(b.rest, 0)
			continue
		}
		if b.rest[id] == 0 {
			b.chains = append(b.chains, postChain{last: b.first[id]})
			b.rest[id] = uint32(len(b.chains))
		}
		c := &b.chains[b.rest[id]-1]
		var gap [binary.MaxVarintLen32]byte
		// Postings only grow (one per word and record, records in
		// order); the difference wraps like the sum that undoes it, so
		// any would read back.
		b.words.push(&c.head, &c.tail, gap[:binary.PutUvarint(gap[:], uint64(p-c.last))])
		c.last = p
	}
	for _, c := range d.countries {
		b.addCountry(c)
	}
	b.countryOff = append(b.countryOff, uint32(len(b.countryCodes)))
}

func (b *Builder) addCountry(name string) {
	code, ok := b.countryIDs[name]
	if !ok {
		if len(b.countryNames) >= 1<<16 {
			return // not a country list any more; searchable by word still
		}
		code = uint16(len(b.countryNames))
		b.countryIDs[name] = code
		b.countryNames = append(b.countryNames, name)
	}
	b.countryCodes = append(b.countryCodes, code)
}

// Index packs what was added into an Index. The builder must not be used
// afterwards.
func (b *Builder) Index() *Index {
	ix := b.pack(false)
	*b = Builder{}
	return ix
}

// Snapshot packs what was added so far into an Index of its own, and the
// builder carries on: a load can hand out the records read so far,
// searchable, while it goes on reading. It costs about what Index does.
func (b *Builder) Snapshot() *Index { return b.pack(true) }

// pack builds the index's parts side by side: the main postings, each
// store and the columns share nothing, and at the registry's size each
// takes up to seconds, which one core would add up.
func (b *Builder) pack(snapshot bool) *Index {
	if !snapshot {
		b.home = nil // the records are settled; the table of shared texts goes
	}
	n := b.count
	ix := &Index{records: b.records[:len(b.records):len(b.records)], n: n}
	var wg sync.WaitGroup
	for s := range b.stores {
		wg.Go(func() {
			ix.stores[s] = b.stores[s].finish(n, snapshot)
			ix.stores[s].buildHeavy()
		})
	}
	wg.Go(func() { ix.col = b.columns() })
	b.packMain(ix, snapshot)
	wg.Wait()
	return ix
}

// postChain is a main word's postings after its first, while building.
type postChain struct {
	last       uint32 // the last posting
	head, tail uint32 // blocks of the words' pages (see wordTable.push)
}

func (b *Builder) packMain(ix *Index, snapshot bool) {
	words := b.words
	voc, order := words.sorted()
	if !snapshot {
		b.words = nil
		words.forgetLookup() // the chains' pages are read below
	}
	ix.voc, ix.offsets = voc, make([]uint32, len(order)+1)
	ix.posts = make([]uint32, 0, b.mainPosts)
	var gaps []byte
	for pos, id := range order {
		ix.offsets[pos] = uint32(len(ix.posts))
		p := b.first[id]
		ix.posts = append(ix.posts, p)
		if r := b.rest[id]; r > 0 {
			c := &b.chains[r-1]
			gaps = words.appendChain(gaps[:0], c.head, c.tail)
			for j := 0; j < len(gaps); {
				g, k := binary.Uvarint(gaps[j:])
				j += k
				p += uint32(g)
				ix.posts = append(ix.posts, p)
			}
		}
	}
	ix.offsets[len(order)] = uint32(len(ix.posts))
	ix.buildHeavyMain()
}

func (b *Builder) columns() columns {
	n := len(b.records)
	c := columns{
		status: make([]uint8, n), phase: make([]uint8, n), typ: make([]uint8, n), sex: make([]uint8, n),
		hv: make([]int8, n), results: NewSet(n), class: make([]uint8, n), enroll: make([]int32, n),
		start: make([]Date, n), updated: make([]Date, n), verified: make([]Date, n), minAge: make([]Age, n), maxAge: make([]Age, n),
	}
	for i := range b.records {
		r := &b.records[i]
		c.status[i] = r.status // 0 for a value the list lacks, as before
		c.phase[i] = r.phases
		c.typ[i] = r.studyType
		c.sex[i] = r.sex
		c.hv[i] = r.HealthyVolunteers
		if r.HasResults {
			c.results.Add(i)
		}
		c.class[i] = r.class
		c.enroll[i] = r.Enrollment
		c.start[i], c.updated[i], c.verified[i] = r.Start, r.Updated, r.Verified
		c.minAge[i], c.maxAge[i] = r.MinAge, r.MaxAge
	}
	// Country codes in name order, so that facets list them sorted.
	names, rank := sortedWords(b.countryNames)
	codes := make([]uint16, len(b.countryCodes))
	for i, code := range b.countryCodes {
		codes[i] = uint16(rank[code])
	}
	c.countryNames, c.countryOff, c.countryCodes = names, b.countryOff, codes
	return c
}

// Len is the number of records.
func (ix *Index) Len() int { return ix.n }

// zeroBytes returns a zeroed byte per record; give it back with
// putZeroBytes, zeroed again.
func (ix *Index) zeroBytes() []uint8 {
	if b, ok := ix.scratch.Get().(*[]uint8); ok && len(*b) == ix.n {
		return *b
	}
	return make([]uint8, ix.n)
}

func (ix *Index) putZeroBytes(b []uint8) { ix.scratch.Put(&b) }

// Record returns record i.
func (ix *Index) Record(i int) *Record { return &ix.records[i] }

// Records returns all records.
func (ix *Index) Records() []Record { return ix.records }

// Countries returns the countries of record i, as the registry spells them.
func (ix *Index) Countries(i int) []string {
	c := &ix.col
	var out []string
	for _, code := range c.countryCodes[c.countryOff[i]:c.countryOff[i+1]] {
		out = append(out, c.countryNames[code])
	}
	return out
}

// prefixRange is the range of vocabulary words starting with p.
func (ix *Index) prefixRange(p string) (int, int) { return ix.voc.prefixRange(p) }

func (ix *Index) postings(w int) []uint32 { return ix.posts[ix.offsets[w]:ix.offsets[w+1]] }

// Bytes estimates the memory the index holds besides its records.
func (ix *Index) Bytes() int {
	n := ix.voc.bytes() + 4*cap(ix.offsets) + 4*cap(ix.posts)
	for _, h := range ix.heavy {
		for _, f := range h.fields {
			n += 8 * len(f)
		}
	}
	for _, s := range ix.stores {
		n += s.bytes()
	}
	c := &ix.col
	n += 7*len(c.status) + len(c.results.words)*8 + 4*(len(c.enroll)+len(c.start)+len(c.updated)+len(c.verified)+len(c.minAge)+len(c.maxAge))
	n += 4*len(c.countryOff) + 2*len(c.countryCodes)
	return n
}

// The enumerations as the columns number them; 0 is "not stated".
var (
	// statusOrder is also the order of the status sort: open first.
	statusOrder = []model.Status{"", model.StatusRecruiting, model.StatusNotYetRecruiting,
		model.StatusEnrollingByInvitation, model.StatusAvailable, model.StatusActiveNotRecruiting,
		model.StatusSuspended, model.StatusTemporarilyNotAvailable, model.StatusCompleted,
		model.StatusApprovedForMarketing, model.StatusTerminated, model.StatusWithdrawn,
		model.StatusNoLongerAvailable, model.StatusWithheld, model.StatusUnknown}
	studyTypes     = []model.StudyType{"", model.StudyInterventional, model.StudyObservational, model.StudyExpandedAccess}
	sexes          = []model.Sex{"", model.SexAll, model.SexFemale, model.SexMale}
	sponsorClasses = []model.SponsorClass{"", model.ClassIndustry, model.ClassNIH, model.ClassFed, model.ClassOtherGov,
		model.ClassIndiv, model.ClassNetwork, model.ClassAmbig, model.ClassOther, model.ClassUnknown}
)
