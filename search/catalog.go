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
	index   *Index // over entry names and other names
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
				a.uses[n-1].Arms = appendNew(a.uses[n-1].Arms, iv.Arms...)
			} else {
				a.uses = append(a.uses, Use{Record: ri, Name: iv.Name, Arms: slices.Clone(iv.Arms)})
			}
			for _, o := range iv.OtherNames {
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
	pseudo := make([]Record, 0, len(keys))
	for _, k := range keys {
		a := byKey[k]
		e := Entry{Name: mostCommon(a.spellings), Uses: a.uses}
		for _, ak := range a.aliasKeys {
			e.Aliases = append(e.Aliases, a.aliases[ak])
		}
		c.entries = append(c.entries, e)
		// The name is the title, the other names the interventions: which
		// field a word matched in tells whether the name did.
		pseudo = append(pseudo, Record{Title: e.Name, Interventions: []Intervention{{OtherNames: e.Aliases}}})
	}
	c.index = NewIndex(pseudo)
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
// start a word of the name or of an other name. Only when a word matches
// nothing as typed does it match words a typo or two away — never short
// words or words with digits — and when even that finds nothing, names
// having the query's letters in order. Such hits are marked (Hit.Near).
// An empty query lists every entry, most used first.
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
	terms := q.Highlight()
	if m.Len() == 0 {
		return c.subsequence(terms)
	}
	// Entries whose own name matched every word need no Via.
	byName := c.index.Run(wordsQuery(query, FieldTitle, false), Options{})
	out := make([]Hit, 0, m.Len())
	for _, h := range m.All() {
		hit := Hit{Entry: h, Near: m.NearWords(h)}
		if !byName.Has(h) {
			hit.Via = c.via(h, append(terms, hit.Near...))
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

// via names the other name a query matched when it matched that name
// better than the entry's own ("levantinib" is not Lenvatinib, but the
// very words of its other name "Levantinib Physician's Choice").
func (c *Catalog) via(i int, terms []string) string {
	e := &c.entries[i]
	own, best, via := quality(e.Name, terms), 0, ""
	for _, a := range e.Aliases {
		if q := quality(a, terms); q > best {
			best, via = q, a
		}
	}
	if best > own {
		return via
	}
	return ""
}

// quality rates how s matches the terms: per term 3 for a whole word, 2
// for a prefix; a term matching no word adds nothing.
func quality(s string, terms []string) int {
	words := Words(s)
	total := 0
	for _, t := range terms {
		best := 0
		for _, w := range words {
			switch {
			case w == t:
				best = 3
			case strings.HasPrefix(w, t):
				best = max(best, 2)
			}
		}
		total += best
	}
	return total
}
