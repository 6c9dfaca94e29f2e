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
	c := &Catalog{entries: make([]Entry, 0, len(keys))}
	pseudo := make([]Record, 0, len(keys))
	for _, k := range keys {
		a := byKey[k]
		e := Entry{Name: mostCommon(a.spellings), Uses: a.uses}
		for _, ak := range a.aliasKeys {
			e.Aliases = append(e.Aliases, a.aliases[ak])
		}
		c.entries = append(c.entries, e)
		pseudo = append(pseudo, Record{Title: e.Name, Interventions: []Intervention{{Name: e.Name, OtherNames: e.Aliases}}})
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
}

// maxFuzzyFallback bounds the catalog size for the subsequence fallback.
const maxFuzzyFallback = 200_000

// Find returns the entries matching query, best first: by the words of
// their names and other names (prefixes, and typos in long words), then —
// when that finds nothing — by fuzzy subsequence over the names. An empty
// query lists every entry, most used first.
func (c *Catalog) Find(query string) []Hit {
	res := c.index.Search(query, FieldTitle|FieldIntervention)
	hits := res.Hits
	if len(res.Terms) == 0 {
		hits = slices.Clone(hits)
		slices.SortStableFunc(hits, func(a, b int) int { return len(c.entries[b].Uses) - len(c.entries[a].Uses) })
	} else if len(hits) == 0 && len(c.entries) <= maxFuzzyFallback {
		names := make([]string, len(c.entries))
		for i, e := range c.entries {
			names[i] = e.Name
		}
		for _, m := range fuzzy.Find(strings.Join(res.Terms, ""), names) {
			hits = append(hits, m.Index)
		}
	} else if res.Ranked {
		// Among equally good word matches, the more widely used first.
		scores := make(map[int]int, len(hits))
		for _, h := range hits {
			scores[h] = Score(c.index.Record(h), res.Terms, FieldTitle|FieldIntervention)
		}
		slices.SortStableFunc(hits, func(a, b int) int {
			if d := scores[b] - scores[a]; d != 0 {
				return d
			}
			return len(c.entries[b].Uses) - len(c.entries[a].Uses)
		})
	}
	out := make([]Hit, 0, len(hits))
	for _, h := range hits {
		out = append(out, Hit{Entry: h, Via: c.via(h, res.Terms)})
	}
	return out
}

// via names the other name a query matched when it matched that name
// better than the entry's own ("levantinib" is a typo of Lenvatinib, but
// the very words of its other name "Levantinib Physician's Choice").
func (c *Catalog) via(i int, terms []string) string {
	if len(terms) == 0 {
		return ""
	}
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

// quality rates how s matches every term: per term 3 for a whole word, 2
// for a prefix, 1 for a typo; 0 when a term matches no word.
func quality(s string, terms []string) int {
	words := Words(s)
	total := 0
	for _, t := range terms {
		best := 0
		for _, w := range words {
			best = max(best, matchQuality(w, t))
		}
		if best == 0 {
			return 0
		}
		total += best
	}
	return total
}
