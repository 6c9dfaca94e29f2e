package search

import (
	"slices"
	"strings"

	"github.com/sahilm/fuzzy"
)

// Catalog lists every intervention of a corpus once: names that differ
// only in case, symbols or spacing ("AlloStim®", "Allostim", "ALLO-STIM")
// are one entry, found also by any of its other names.
type Catalog struct {
	entries []Entry
	// index has one record per name and per other name: record r is
	// entries[entryOf[r]], by its name (alias -1) or its other name alias.
	index   *Index
	entryOf []int32
	aliasOf []int32
}

// Entry is one intervention and the trials that use it.
type Entry struct {
	Name    string   // the spelling most trials use
	Aliases []string // other names given for it, de-duplicated
	Uses    []Use
}

// Use is one trial's use of an intervention.
type Use struct {
	Record int      // index of the record
	Name   string   // the intervention's name as that trial writes it
	Arms   []string // the arms it is given in
}

// NewCatalog builds the catalog of the records' interventions.
func NewCatalog(records []Record) *Catalog {
	type acc struct {
		spellings map[string]int
		aliases   map[string]string
		aliasKeys []string
		uses      []Use
	}
	byKey := map[string]*acc{}
	var keys []string
	for ri := range records {
		for _, iv := range records[ri].Interventions {
			k := Key(iv.Name)
			if k == "" {
				continue
			}
			a := byKey[k]
			if a == nil {
				a = &acc{spellings: map[string]int{}, aliases: map[string]string{}}
				byKey[k] = a
				keys = append(keys, k)
			}
			a.spellings[iv.Name]++
			if n := len(a.uses); n > 0 && a.uses[n-1].Record == ri {
				a.uses[n-1].Arms = appendNew(a.uses[n-1].Arms, iv.Arms()...)
			} else {
				a.uses = append(a.uses, Use{Record: ri, Name: iv.Name, Arms: slices.Clone(iv.Arms())})
			}
			for _, o := range iv.OtherNames() {
				ok := Key(o)
				if ok == "" || ok == k {
					continue
				}
				if _, seen := a.aliases[ok]; !seen {
					a.aliases[ok] = o
					a.aliasKeys = append(a.aliasKeys, ok)
				}
			}
		}
	}
	// Entries go most used first, so that among equally good matches the
	// index's corpus order puts the more widely used first.
	slices.SortStableFunc(keys, func(x, y string) int { return len(byKey[y].uses) - len(byKey[x].uses) })
	c := &Catalog{entries: make([]Entry, 0, len(keys))}
	for _, k := range keys {
		a := byKey[k]
		e := Entry{Name: mostCommon(a.spellings), Uses: a.uses}
		for _, ak := range a.aliasKeys {
			e.Aliases = append(e.Aliases, a.aliases[ak])
		}
		c.entries = append(c.entries, e)
	}
	// An index record per name and per other name: which one a query
	// matched, and how well, is then the index's answer. The index keeps
	// no Records: the names are the entries'.
	b := NewBuilder(0)
	b.light = true
	for i := range c.entries {
		e := &c.entries[i]
		b.AddDoc(prepareTexts(func(add func(Field, string)) { add(FieldTitle, e.Name) }))
		c.entryOf, c.aliasOf = append(c.entryOf, int32(i)), append(c.aliasOf, -1)
		for a, alias := range e.Aliases {
			b.AddDoc(prepareTexts(func(add func(Field, string)) { add(FieldIntervention, alias) }))
			c.entryOf, c.aliasOf = append(c.entryOf, int32(i)), append(c.aliasOf, int32(a))
		}
	}
	c.index = b.Index()
	c.index.textsOf = func(r int, fn func(Field, string)) {
		e := &c.entries[c.entryOf[r]]
		if a := c.aliasOf[r]; a >= 0 {
			fn(FieldIntervention, e.Aliases[a])
		} else {
			fn(FieldTitle, e.Name)
		}
	}
	return c
}

func mostCommon(counts map[string]int) string {
	best, n := "", -1
	for s, c := range counts {
		if c > n || c == n && s < best {
			best, n = s, c
		}
	}
	return best
}

func appendNew(ss []string, more ...string) []string {
	for _, m := range more {
		if !slices.Contains(ss, m) {
			ss = append(ss, m)
		}
	}
	return ss
}

// Len is the number of distinct interventions.
func (c *Catalog) Len() int { return len(c.entries) }

// Entry returns entry i.
func (c *Catalog) Entry(i int) *Entry { return &c.entries[i] }

// Hit is a catalog entry matching a query.
type Hit struct {
	Entry int
	// Via is the other name that matched, when the name itself did not.
	Via string
	// Near lists the words a typo or two from the query that this entry
	// matched, or names the whole spelling when found by its letters in
	// order ("rgrfnb" → Regorafenib): set only when no entry matched the
	// query as typed, and to be shown ("≈ regorafenib").
	Near []string
}

// maxFuzzyFallback bounds the catalog size for the subsequence fallback.
const maxFuzzyFallback = 200_000

// catalogFields are where a catalog query looks: names and other names.
const catalogFields = FieldTitle | FieldIntervention

// Find returns the entries matching query, best first: every word must
// start a word of the name, or of one other name. Only when a word matches
// nothing as typed does it match words a typo or two away — never short
// words or words with digits — and when even that finds nothing, names
// having the query's letters in order. Such hits are marked (Hit.Near).
// Among equally good matches the more widely used come first. An empty
// query lists every entry, most used first.
func (c *Catalog) Find(query string) []Hit {
	q := plainQuery(query, catalogFields)
	if q.Empty() {
		out := make([]Hit, len(c.entries))
		for i := range out {
			out[i] = Hit{Entry: i}
		}
		return out
	}
	m := c.index.Run(q, Options{})
	if m.Len() == 0 {
		return c.subsequence(q.Highlight())
	}
	// Rows come best first: an entry's first row is its best name, which
	// is Via when it is an other name.
	seen := NewSet(len(c.entries))
	out := make([]Hit, 0, m.Len())
	for _, r := range m.All() {
		e := int(c.entryOf[r])
		if seen.Has(e) {
			continue
		}
		seen.Add(e)
		hit := Hit{Entry: e, Near: m.NearWords(r)}
		if a := c.aliasOf[r]; a >= 0 {
			hit.Via = c.entries[e].Aliases[a]
		}
		out = append(out, hit)
	}
	return out
}

// subsequence finds names having the query's letters in order, for a
// query whose every word is long enough to be corrected.
func (c *Catalog) subsequence(terms []string) []Hit {
	if len(c.entries) > maxFuzzyFallback || len(terms) == 0 {
		return nil
	}
	for _, t := range terms {
		if !correctable(t) {
			return nil
		}
	}
	names := make([]string, len(c.entries))
	for i, e := range c.entries {
		names[i] = e.Name
	}
	var out []Hit
	for _, m := range fuzzy.Find(strings.Join(terms, ""), names) {
		out = append(out, Hit{Entry: m.Index, Near: []string{names[m.Index]}})
	}
	return out
}
