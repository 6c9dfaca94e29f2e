package search

import (
	"cmp"
	"slices"
	"strings"

	"github.com/trials-app/trials/model"
)

// Value is a value of a field with the number of trials having it: a
// facet's row or a completion.
type Value struct {
	Value string // as the corpus spells it: "Germany", "RECRUITING", "PHASE3"
	Label string // as people read it: "Germany", "Recruiting", "Phase 3"
	Count int
	// Term is the query term that selects it: `country:Germany`,
	// `status:recruiting`, `country:"United States"`.
	Term string
}

// Facets are the counts of a result by status, phase, study type, country
// and lead sponsor class, each most frequent first (ties by value).
type Facets struct {
	Status, Phase, Type, Country, SponsorClass []Value
}

// Insert is the value as a completion puts it into the query, in place
// of the range Completion gives: the part of Term after the colon.
func (v Value) Insert() string {
	_, val, _ := strings.Cut(v.Term, ":")
	return val
}

type facetKind uint8

const (
	facetNone facetKind = iota
	facetStatus
	facetPhase
	facetType
	facetCountry
	facetClass
)

// Facets counts the matching records. It reads a byte or two per record
// and column — for a result over half the corpus, of the records left
// out, subtracted from the corpus's counts.
func (m *Matches) Facets() Facets { return m.ix.facets(m.set) }

// facetCounts are raw counts by column code.
type facetCounts struct {
	status  [256]int
	phase   [64]int // by phase mask
	typ     [256]int
	class   [256]int
	country []int
}

func (ix *Index) count(set *Set) *facetCounts {
	c := &ix.col
	fc := &facetCounts{country: make([]int, len(c.countryNames))}
	set.Each(func(r int) {
		fc.status[c.status[r]]++
		fc.phase[c.phase[r]&63]++
		fc.typ[c.typ[r]]++
		fc.class[c.class[r]]++
		for _, code := range c.countryCodes[c.countryOff[r]:c.countryOff[r+1]] {
			fc.country[code]++
		}
	})
	return fc
}

// allCounts are the whole corpus's counts, made once.
func (ix *Index) allCounts() *facetCounts {
	ix.allOnce.Do(func() { ix.all = ix.count(fullSet(ix.Len())) })
	return ix.all
}

func (ix *Index) facets(set *Set) Facets {
	var fc *facetCounts
	if n := set.Len(); n > ix.Len()/2 {
		out := fullSet(ix.Len())
		out.andNot(set)
		fc = ix.count(out)
		all := ix.allCounts()
		sub := func(dst []int, from []int) {
			for i := range dst {
				dst[i] = from[i] - dst[i]
			}
		}
		sub(fc.status[:], all.status[:])
		sub(fc.phase[:], all.phase[:])
		sub(fc.typ[:], all.typ[:])
		sub(fc.class[:], all.class[:])
		sub(fc.country, all.country)
	} else {
		fc = ix.count(set)
	}
	return ix.facetValues(fc)
}

func (ix *Index) facetValues(fc *facetCounts) Facets {
	c := &ix.col
	var phase [6]int
	for m, n := range fc.phase {
		for b := range phase {
			if m&(1<<b) != 0 {
				phase[b] += n
			}
		}
	}
	var f Facets
	for i, s := range statusOrder[1:] {
		if n := fc.status[i+1]; n > 0 {
			f.Status = append(f.Status, Value{string(s), s.Label(), n, "status:" + strings.ToLower(string(s))})
		}
	}
	for b, p := range phaseByBit {
		if n := phase[b]; n > 0 {
			f.Phase = append(f.Phase, Value{string(p), model.PhaseLabel([]model.Phase{p}), n, "phase:" + phaseTerm(p)})
		}
	}
	for i, t := range studyTypes[1:] {
		if n := fc.typ[i+1]; n > 0 {
			f.Type = append(f.Type, Value{string(t), model.Label(t), n, "type:" + typeTerm(t)})
		}
	}
	for i, name := range c.countryNames {
		if n := fc.country[i]; n > 0 {
			f.Country = append(f.Country, Value{name, name, n, "country:" + quoteValue(name)})
		}
	}
	for i, cl := range sponsorClasses[1:] {
		if n := fc.class[i+1]; n > 0 {
			// No query field selects a class: Term is empty.
			f.SponsorClass = append(f.SponsorClass, Value{Value: string(cl), Label: classLabel(cl), Count: n})
		}
	}
	for _, vs := range [][]Value{f.Status, f.Phase, f.Type, f.Country, f.SponsorClass} {
		byCount(vs)
	}
	return f
}

func byCount(vs []Value) {
	slices.SortStableFunc(vs, func(a, b Value) int { return cmp.Compare(b.Count, a.Count) })
}

func phaseTerm(p model.Phase) string {
	switch p {
	case model.PhaseEarly1:
		return "early1"
	case model.PhaseNA:
		return "na"
	}
	return strings.TrimPrefix(string(p), "PHASE")
}

func typeTerm(t model.StudyType) string {
	switch t {
	case model.StudyInterventional:
		return "int"
	case model.StudyObservational:
		return "obs"
	}
	return "ea"
}

func classLabel(c model.SponsorClass) string {
	switch c {
	case model.ClassNIH:
		return "NIH"
	case model.ClassFed:
		return "US federal"
	case model.ClassOtherGov:
		return "Other government"
	case model.ClassIndiv:
		return "Individual"
	}
	return model.Label(c)
}

// FieldCompletions are the field names starting with prefix, as they are
// typed: "status:".
func (l *Language) FieldCompletions(prefix string) []string {
	prefix = strings.ToLower(prefix)
	var out []string
	for _, n := range l.names {
		if strings.HasPrefix(n, prefix) {
			out = append(out, n+":")
		}
	}
	return out
}

// Complete offers values of a field starting with prefix, from the
// corpus's own values, with how many trials have each, most frequent
// first, at most limit (0: all): `country:ger` → Germany (1234). For
// fields of words (city, site, sponsor, cond, intr, title, crit) the
// values are words; ids offer nothing. Unknown fields offer nothing.
func (l *Language) Complete(ix *Index, field, prefix string, limit int) []Value {
	field = strings.ToLower(field)
	if e := l.ext[field]; e != nil {
		return clip(l.completeExt(ix, e, prefix), limit)
	}
	spec := lookupField(field)
	if spec == nil || spec.noTypos {
		return nil
	}
	p := strings.ToLower(strings.Trim(prefix, `"`))
	var out []Value
	switch spec.facet {
	case facetStatus:
		out = ix.completeFacet(ix.facetValues(ix.allCounts()).Status, p)
		if strings.HasPrefix("open", p) || strings.HasPrefix("closed", p) {
			counts := ix.facetValues(ix.allCounts()).Status
			for _, g := range []string{"open", "closed"} {
				if !strings.HasPrefix(g, p) {
					continue
				}
				n := 0
				for _, v := range counts {
					if s := model.Status(v.Value); slices.Contains(statusGroups[g], s) {
						n += v.Count
					}
				}
				if n > 0 {
					out = append(out, Value{g, strings.ToUpper(g[:1]) + g[1:], n, "status:" + g})
				}
			}
			byCount(out)
		}
	case facetPhase:
		out = ix.completeFacet(ix.facetValues(ix.allCounts()).Phase, p)
	case facetType:
		out = ix.completeFacet(ix.facetValues(ix.allCounts()).Type, p)
	case facetCountry:
		out = ix.completeCountry(p)
	default:
		if spec.parse != nil {
			return nil // numbers and dates: nothing to offer
		}
		out = ix.completeWords(spec, p)
	}
	return clip(out, limit)
}

func clip(vs []Value, limit int) []Value {
	if limit > 0 && len(vs) > limit {
		return vs[:limit]
	}
	return vs
}

func (l *Language) completeExt(ix *Index, e *Extension, prefix string) []Value {
	if e.Complete != nil {
		return e.Complete(ix, prefix)
	}
	var out []Value
	for _, v := range e.Values {
		if strings.HasPrefix(strings.ToLower(v), strings.ToLower(prefix)) {
			n := 0
			if s := e.Match(ix, v); s != nil {
				n = s.Len()
			}
			out = append(out, Value{v, v, n, e.Name + ":" + quoteValue(v)})
		}
	}
	return out
}

// completeFacet keeps the values whose term's value or label starts with p.
func (ix *Index) completeFacet(vs []Value, p string) []Value {
	var out []Value
	for _, v := range vs {
		_, tv, _ := strings.Cut(v.Term, ":")
		if strings.HasPrefix(tv, p) || strings.HasPrefix(strings.ToLower(v.Label), p) || strings.HasPrefix(strings.ToLower(v.Value), p) {
			out = append(out, v)
		}
	}
	return out
}

// completeCountry offers the countries one of whose words starts with p
// (all the words of p, for "united st").
func (ix *Index) completeCountry(p string) []Value {
	words := Words(p)
	counts := ix.facetValues(ix.allCounts()).Country
	var out []Value
	for _, v := range counts {
		if matchesWordPrefixes(v.Value, words) {
			out = append(out, v)
		}
	}
	return out
}

func matchesWordPrefixes(s string, words []string) bool {
	have := Words(s)
	for _, w := range words {
		ok := false
		for _, h := range have {
			if strings.HasPrefix(h, w) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// completeWords offers the words of a word field starting with p, by the
// number of trials using them.
func (ix *Index) completeWords(spec *fieldSpec, p string) []Value {
	words := Words(p)
	if len(words) != 1 {
		return nil
	}
	w := words[0]
	counts := map[string]int{}
	if spec.main != 0 {
		lo, hi := ix.prefixRange(w)
		for i := lo; i < hi; i++ {
			word := ix.voc.word(i)
			if strings.IndexByte(word, '-') >= 0 {
				continue
			}
			n := 0
			for _, post := range ix.postings(i) {
				if Field(post&31)&spec.main != 0 {
					n++
				}
			}
			if n > 0 {
				counts[word] += n
			}
		}
	}
	for _, st := range spec.stores {
		s := ix.stores[st]
		lo, hi := s.voc.prefixRange(w)
		for i := lo; i < hi; i++ {
			if word := s.voc.word(i); strings.IndexByte(word, '-') < 0 {
				counts[word] += int(s.df[i])
			}
		}
	}
	out := make([]Value, 0, len(counts))
	for word, n := range counts {
		out = append(out, Value{word, word, n, spec.name + ":" + word})
	}
	slices.SortFunc(out, func(a, b Value) int {
		if c := cmp.Compare(b.Count, a.Count); c != 0 {
			return c
		}
		return strings.Compare(a.Value, b.Value)
	})
	return out
}

// Completion finds the term being typed at byte offset pos of a query,
// for tab completion: its field ("" while the field name itself is being
// typed, or for a plain word), the value typed so far, and the byte range
// [start, end) a completion replaces.
func Completion(query string, pos int) (field, prefix string, start, end int) {
	pos = max(0, min(pos, len(query)))
	start = pos
	inQuote := strings.Count(query[:pos], `"`)%2 == 1
	for start > 0 {
		c := query[start-1]
		if !inQuote && (isSpace(c) || c == '(' || c == ')') {
			break
		}
		if c == '"' && inQuote {
			// the start of the quoted value: keep going to its field
			inQuote = false
		}
		start--
	}
	end = pos
	for end < len(query) && !isSpace(query[end]) && query[end] != ')' {
		end++
	}
	term := query[start:pos]
	term = strings.TrimPrefix(term, "-")
	if term != query[start:pos] {
		start++
	}
	if i := strings.IndexByte(term, ':'); i > 0 {
		field = strings.ToLower(term[:i])
		prefix = term[i+1:]
		if j := strings.LastIndexByte(prefix, '|'); j >= 0 {
			start += i + 1 + j + 1
			prefix = prefix[j+1:]
		} else {
			start += i + 1
		}
		return field, strings.TrimPrefix(prefix, `"`), start, end
	}
	return "", term, start, end
}
