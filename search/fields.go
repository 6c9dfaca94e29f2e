package search

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/trials-app/trials/model"
)

// Language is the set of fields a query may name: the built-in ones and
// the fields a caller adds at run time.
type Language struct {
	ext   map[string]*Extension
	names []string
}

// Extension is a field the caller supplies: the patient screen's
// `screen:possible|excluded`, the user's notes' `note:`. The parser
// accepts it like a built-in field; when a query runs, Match is asked for
// the records matching each value and the answers are combined like any
// other term (negated, ORed, ANDed).
type Extension struct {
	Name string // lower case, letters only: "screen"
	Help string // one line for the field list: "the patient screen's verdict"
	// Values, when set, is the closed list of values the field takes
	// (matched without regard to case, offered by completion); nil for
	// free text.
	Values []string
	// Match returns the records matching value (one of Values, as listed,
	// when Values is set), as a set over the index being searched
	// (NewSet(ix.Len())). It is called on the goroutine running the query,
	// once per value per run: keep what it needs at hand. A nil Set
	// matches nothing.
	Match func(ix *Index, value string) *Set
	// Complete, when set, offers values for a prefix with their counts
	// (for free-text fields: the user's own words, say).
	Complete func(ix *Index, prefix string) []Value
}

var defaultLanguage = mustLanguage()

func mustLanguage() *Language {
	l, err := NewLanguage()
	if err != nil {
		panic(err)
	}
	return l
}

// NewLanguage returns the built-in language with the caller's fields
// added. A name must be letters only and must not be a built-in field's.
func NewLanguage(exts ...Extension) (*Language, error) {
	l := &Language{ext: map[string]*Extension{}}
	for _, f := range builtinFields {
		l.names = append(l.names, f.name)
	}
	for i := range exts {
		e := exts[i]
		e.Name = strings.ToLower(e.Name)
		if e.Name == "" || strings.IndexFunc(e.Name, func(r rune) bool { return r < 'a' || r > 'z' }) >= 0 {
			return nil, fmt.Errorf("field %q: a field name is letters only", e.Name)
		}
		if lookupField(e.Name) != nil || l.ext[e.Name] != nil {
			return nil, fmt.Errorf("field %q is already defined", e.Name)
		}
		if e.Match == nil {
			return nil, fmt.Errorf("field %q has no Match function", e.Name)
		}
		l.ext[e.Name] = &e
		l.names = append(l.names, e.Name)
	}
	return l, nil
}

// FieldNames lists the fields the language knows, built-in ones first.
func (l *Language) FieldNames() []string { return slices.Clone(l.names) }

// FieldInfo describes a field for help and completion.
type FieldInfo struct {
	Name    string
	Help    string
	Example string
}

// Fields describes every field, in order.
func (l *Language) Fields() []FieldInfo {
	var out []FieldInfo
	for _, f := range builtinFields {
		out = append(out, FieldInfo{f.name, f.help, f.example})
	}
	for _, n := range l.names[len(builtinFields):] {
		e := l.ext[n]
		ex := ""
		if len(e.Values) > 0 {
			ex = e.Name + ":" + e.Values[0]
		}
		out = append(out, FieldInfo{e.Name, e.Help, ex})
	}
	return out
}

func (l *Language) field(name string) *fieldSpec { return lookupField(name) }

func lookupField(name string) *fieldSpec {
	for _, f := range builtinFields {
		if f.name == name || slices.Contains(f.aliases, name) {
			return f
		}
	}
	return nil
}

// fieldSpec is a built-in field: either words (in main-index fields and
// stores) or values read into a column filter.
type fieldSpec struct {
	name, help, example string
	aliases             []string
	hint                string // what a value looks like, for messages

	// A field of words: where they are looked up. noTypos for ids.
	main    Field
	stores  []int
	noTypos bool

	// A field of values: parse makes the filter, or a message.
	parse func(v string) (func(ix *Index) *Set, string)
	// facet, for completion and facets: the values the corpus has.
	facet facetKind
}

// leaf reads one value of the field into a node, or a message.
func (f *fieldSpec) leaf(v string, quoted bool) (node, string) {
	if f.parse != nil {
		m, msg := f.parse(strings.TrimSpace(v))
		if msg != "" {
			return nil, msg
		}
		raw := f.name + ":" + quoteValue(v)
		return &valueNode{spec: f, raw: raw, match: m}, ""
	}
	words := Words(v)
	if len(words) == 0 {
		return nil, f.name + " needs a value with letters or digits: " + f.hint
	}
	return &textNode{spec: f, words: words, exact: quoted, raw: f.name + ":" + quoteValue(v)}, ""
}

var builtinFields []*fieldSpec

func init() {
	builtinFields = []*fieldSpec{
		{name: "status", help: "recruitment status: recruiting, open (recruiting or not yet), closed, or any status", example: "status:open",
			hint: "recruiting, open, closed, not_yet_recruiting, active_not_recruiting, completed, …", parse: parseStatusValue, facet: facetStatus},
		{name: "phase", help: "phase: 1, 2, 3, 4, early1, na; 2/3 for trials in both", example: "phase:3",
			hint: "1, 2, 3, 4, early1, na, or 2/3 for both", parse: parsePhaseValue, facet: facetPhase},
		{name: "type", help: "study type: int (interventional), obs (observational), ea (expanded access)", example: "type:int",
			hint: "int, obs or ea", parse: parseTypeValue, facet: facetType},
		{name: "country", help: "a country of a site", example: "country:germany", hint: "a country, e.g. germany or \"united states\"",
			stores: []int{storeCountry}, facet: facetCountry},
		{name: "city", help: "a city of a site", example: "city:lyon", hint: "a city, e.g. lyon or \"new york\"", stores: []int{storeCity}},
		{name: "site", aliases: []string{"facility"}, help: "a site's name (facility)", example: `site:"mayo clinic"`,
			hint: "words of a site's name", stores: []int{storeSite}},
		{name: "sponsor", help: "the lead sponsor or a collaborator", example: "sponsor:pfizer", hint: "words of a sponsor's name",
			main: FieldSponsor, stores: []int{storeCollab}, facet: facetClass},
		{name: "cond", aliases: []string{"condition"}, help: "a condition", example: "cond:hepatocellular", hint: "words of a condition",
			main: FieldCondition},
		{name: "intr", aliases: []string{"intervention"}, help: "an intervention, by name or other name", example: "intr:lenvatinib",
			hint: "words of an intervention's name", main: FieldIntervention},
		{name: "title", help: "the title (and acronym)", example: "title:adjuvant", hint: "words of the title", main: FieldTitle},
		{name: "id", help: "the NCT id, the sponsor's id or a secondary id (EudraCT…); 05168163 finds NCT05168163", example: "id:2011-004792-36",
			hint: "an id, e.g. NCT05168163 or 2011-004792-36", main: FieldID, noTypos: true},
		{name: "age", help: "the trial admits this age (years; 6mo, 2w, 10d also)", example: "age:67",
			hint: "an age in years, e.g. age:67 or age:6mo", parse: parseAgeValue},
		{name: "sex", help: "the trial admits this sex: f (female or all), m (male or all)", example: "sex:f",
			hint: "f or m", parse: parseSexValue},
		{name: "hv", help: "healthy volunteers accepted: yes or no", example: "hv:yes", hint: "yes or no", parse: parseHVValue},
		{name: "updated", help: "last update: a date, >date, <date, or date..date (2025, 2025-01, 2025-01-31)", example: "updated:>2025-01",
			hint: "a date or range: 2025, >2025-01, 2024..2025", parse: dateParser("updated", func(c *columns) []Date { return c.updated })},
		{name: "start", help: "start date: a date, >date, <date, or date..date", example: "start:2024..2025",
			hint: "a date or range: 2025, >2025-01, 2024..2025", parse: dateParser("start", func(c *columns) []Date { return c.start })},
		{name: "verified", help: "when the sponsor last confirmed the status: a date, >date, <date, or date..date", example: "verified:<2023",
			hint: "a date or range: 2023, <2023-06, 2022..2023", parse: dateParser("verified", func(c *columns) []Date { return c.verified })},
		{name: "contact", help: "a contact's name or e-mail (the study's or a site's)", example: "contact:smith",
			hint: "words of a contact's name or e-mail", stores: []int{storeContact}},
		{name: "enroll", aliases: []string{"enrollment"}, help: "enrollment: N, >N, <N, >=N, <=N or N..M", example: "enroll:>100",
			hint: "a number or range: 100, >100, 50..200", parse: parseEnrollValue},
		{name: "results", help: "results posted: yes or no", example: "results:yes", hint: "yes or no", parse: parseResultsValue},
		{name: "crit", aliases: []string{"criteria"}, help: "words of the eligibility criteria", example: "crit:child-pugh",
			hint: "words of the criteria, e.g. crit:child-pugh", stores: []int{storeCrit}},
	}
}

// statusGroups are the statuses' names beyond the enums.
var statusGroups = map[string][]model.Status{
	"open": {model.StatusRecruiting, model.StatusNotYetRecruiting},
	// Closed: no longer enrolling. Enrolling by invitation, available
	// (expanded access) and unknown are neither open nor closed.
	"closed": {model.StatusActiveNotRecruiting, model.StatusCompleted, model.StatusSuspended, model.StatusTerminated,
		model.StatusWithdrawn, model.StatusNoLongerAvailable, model.StatusTemporarilyNotAvailable,
		model.StatusApprovedForMarketing, model.StatusWithheld},
}

// enumChoice resolves v to one of names: an exact name, or a prefix of
// exactly one. ok is false with the candidates when it is ambiguous.
func enumChoice(v string, names []string) (string, []string) {
	var cands []string
	for _, n := range names {
		if n == v {
			return n, nil
		}
		if strings.HasPrefix(n, v) {
			cands = append(cands, n)
		}
	}
	if len(cands) == 1 {
		return cands[0], nil
	}
	return "", cands
}

func statusNames() []string {
	names := []string{"open", "closed"}
	for _, s := range statusOrder[1:] {
		names = append(names, strings.ToLower(string(s)))
	}
	return names
}

func parseStatusValue(v string) (func(*Index) *Set, string) {
	key := strings.ToLower(strings.Join(Words(v), "_"))
	var want []model.Status
	if s, ok := model.ParseStatus(v); ok {
		want = []model.Status{s}
	} else if key == "" {
		return nil, "status needs a value: recruiting, open, closed, completed, …"
	} else {
		name, cands := enumChoice(key, statusNames())
		switch {
		case name == "" && len(cands) > 1:
			return nil, fmt.Sprintf("%q could be %s", v, strings.Join(cands, " or "))
		case name == "":
			return nil, fmt.Sprintf("unknown status %q (recruiting, open, closed, %s)", v, strings.Join(statusNames()[2:], ", "))
		case statusGroups[name] != nil:
			want = statusGroups[name]
		default:
			s, _ := model.ParseStatus(name)
			want = []model.Status{s}
		}
	}
	var codes [256]bool
	for _, s := range want {
		codes[slices.Index(statusOrder, s)] = true
	}
	return func(ix *Index) *Set { return scan8(ix.col.status, &codes) }, ""
}

func parsePhaseValue(v string) (func(*Index) *Set, string) {
	var need uint8
	for _, part := range strings.FieldsFunc(strings.ToLower(v), func(r rune) bool { return r == '/' || r == '+' || r == ',' || r == '&' }) {
		var b uint8
		switch strings.TrimPrefix(strings.ReplaceAll(part, "_", ""), "phase") {
		case "0", "early1", "early", "earlyphase1", "e1":
			b = phaseBit(model.PhaseEarly1)
		case "1", "i":
			b = phaseBit(model.Phase1)
		case "2", "ii":
			b = phaseBit(model.Phase2)
		case "3", "iii":
			b = phaseBit(model.Phase3)
		case "4", "iv":
			b = phaseBit(model.Phase4)
		case "na", "n/a", "notapplicable":
			b = phaseBit(model.PhaseNA)
		default:
			return nil, fmt.Sprintf("unknown phase %q (1, 2, 3, 4, early1, na, or 2/3 for both)", part)
		}
		need |= b
	}
	if need == 0 {
		return nil, "phase needs a value: 1, 2, 3, 4, early1, na, or 2/3 for both"
	}
	var pass [256]bool
	for m := range pass {
		pass[m] = uint8(m)&need == need
	}
	return func(ix *Index) *Set { return scan8(ix.col.phase, &pass) }, ""
}

func parseTypeValue(v string) (func(*Index) *Set, string) {
	var want model.StudyType
	switch k := strings.ToLower(strings.Join(Words(v), "_")); {
	case k == "int" || strings.HasPrefix("interventional", k) && len(k) >= 3:
		want = model.StudyInterventional
	case k == "obs" || strings.HasPrefix("observational", k) && len(k) >= 3:
		want = model.StudyObservational
	case k == "ea" || strings.HasPrefix("expanded_access", k) && len(k) >= 2:
		want = model.StudyExpandedAccess
	default:
		return nil, fmt.Sprintf("unknown study type %q (int, obs or ea)", v)
	}
	var pass [256]bool
	pass[slices.Index(studyTypes, want)] = true
	return func(ix *Index) *Set { return scan8(ix.col.typ, &pass) }, ""
}

func parseSexValue(v string) (func(*Index) *Set, string) {
	var ok [256]bool
	all := uint8(slices.Index(sexes, model.SexAll))
	switch strings.ToLower(v) {
	case "f", "female", "women", "w":
		ok[slices.Index(sexes, model.SexFemale)], ok[all] = true, true
	case "m", "male", "men":
		ok[slices.Index(sexes, model.SexMale)], ok[all] = true, true
	case "all", "both", "a":
		ok[all] = true
	default:
		return nil, fmt.Sprintf("unknown sex %q (f or m; all for trials open to both)", v)
	}
	return func(ix *Index) *Set { return scan8(ix.col.sex, &ok) }, ""
}

func yesNo(v string) (bool, bool) {
	switch strings.ToLower(v) {
	case "yes", "y", "true", "1":
		return true, true
	case "no", "n", "false", "0":
		return false, true
	}
	return false, false
}

func parseHVValue(v string) (func(*Index) *Set, string) {
	yes, ok := yesNo(v)
	if !ok {
		return nil, fmt.Sprintf("%q: want yes or no", v)
	}
	want := int8(0)
	if yes {
		want = 1
	}
	return func(ix *Index) *Set {
		s := NewSet(ix.Len())
		for i, h := range ix.col.hv {
			if h == want {
				s.Add(i)
			}
		}
		return s
	}, ""
}

func parseResultsValue(v string) (func(*Index) *Set, string) {
	yes, ok := yesNo(v)
	if !ok {
		return nil, fmt.Sprintf("%q: want yes or no", v)
	}
	return func(ix *Index) *Set {
		s := ix.col.results.clone()
		if !yes {
			all := fullSet(ix.Len())
			all.andNot(s)
			return all
		}
		return s
	}, ""
}

// bound is one side of a range; inclusive unless strict.
type rangeOp struct {
	lo, hi         float64 // math.Inf for open sides
	loStrict, hiSt bool
}

// parseRange reads N, >N, >=N, <N, <=N, N..M (either side may be empty)
// with num reading each number and giving the interval it stands for.
func parseRange(v string, num func(string) (lo, hi float64, ok bool)) (rangeOp, string, bool) {
	r := rangeOp{lo: math.Inf(-1), hi: math.Inf(1)}
	bad := func(s string) (rangeOp, string, bool) { return r, s, false }
	switch {
	case strings.HasPrefix(v, ">=") || strings.HasPrefix(v, "≥"):
		s := strings.TrimPrefix(strings.TrimPrefix(v, ">="), "≥")
		lo, _, ok := num(s)
		if !ok {
			return bad(s)
		}
		r.lo = lo
	case strings.HasPrefix(v, "<=") || strings.HasPrefix(v, "≤"):
		s := strings.TrimPrefix(strings.TrimPrefix(v, "<="), "≤")
		_, hi, ok := num(s)
		if !ok {
			return bad(s)
		}
		r.hi = hi
	case strings.HasPrefix(v, ">"):
		_, hi, ok := num(v[1:])
		if !ok {
			return bad(v[1:])
		}
		r.lo, r.loStrict = hi, true
	case strings.HasPrefix(v, "<"):
		lo, _, ok := num(v[1:])
		if !ok {
			return bad(v[1:])
		}
		r.hi, r.hiSt = lo, true
	case strings.Contains(v, ".."):
		a, b, _ := strings.Cut(v, "..")
		if a == "" && b == "" {
			return bad(v)
		}
		if a != "" {
			lo, _, ok := num(a)
			if !ok {
				return bad(a)
			}
			r.lo = lo
		}
		if b != "" {
			_, hi, ok := num(b)
			if !ok {
				return bad(b)
			}
			r.hi = hi
		}
		if r.lo > r.hi {
			return r, "", true // an empty range: matches nothing
		}
	default:
		lo, hi, ok := num(v)
		if !ok {
			return bad(v)
		}
		r.lo, r.hi = lo, hi
	}
	return r, "", true
}

// intBounds turns the range over integers into inclusive bounds.
func (r rangeOp) intBounds() (lo, hi int64) {
	lo, hi = math.MinInt64, math.MaxInt64
	if !math.IsInf(r.lo, -1) {
		lo = int64(r.lo)
		if r.loStrict {
			lo++
		}
	}
	if !math.IsInf(r.hi, 1) {
		hi = int64(r.hi)
		if r.hiSt {
			hi--
		}
	}
	return lo, hi
}

func parseEnrollValue(v string) (func(*Index) *Set, string) {
	num := func(s string) (float64, float64, bool) {
		n, err := strconv.ParseInt(strings.ReplaceAll(s, ",", ""), 10, 64)
		if err != nil || n < 0 {
			return 0, 0, false
		}
		return float64(n), float64(n), true
	}
	r, bad, ok := parseRange(v, num)
	if !ok {
		return nil, fmt.Sprintf("%q is not a number (enroll:100, enroll:>100, enroll:50..200)", bad)
	}
	lo, hi := r.intBounds()
	lo = max(lo, 0) // -1 is "not stated"
	return func(ix *Index) *Set {
		s := NewSet(ix.Len())
		for i, e := range ix.col.enroll {
			if int64(e) >= lo && int64(e) <= hi {
				s.words[i>>6] |= 1 << (uint(i) & 63)
			}
		}
		return s
	}, ""
}

func dateParser(name string, col func(*columns) []Date) func(string) (func(*Index) *Set, string) {
	return func(v string) (func(*Index) *Set, string) {
		num := func(s string) (float64, float64, bool) {
			d := ParseDate(s)
			if d == 0 {
				return 0, 0, false
			}
			return float64(d.first()), float64(d.last()), true
		}
		r, bad, ok := parseRange(v, num)
		if !ok {
			return nil, fmt.Sprintf("%q is not a date (%s:2025, %s:>2025-01, %s:2024..2025-06-30)", bad, name, name, name)
		}
		// Packed dates order as integers: compare them so. A date lies in
		// the range only if all the days it can mean do ("2023-08" is not
		// after 15 August 2023).
		lo, hi := r.intBounds()
		return func(ix *Index) *Set {
			s := NewSet(ix.Len())
			for i, d := range col(&ix.col) {
				if d != 0 && int64(d.first()) >= lo && int64(d.last()) <= hi {
					s.words[i>>6] |= 1 << (uint(i) & 63)
				}
			}
			return s
		}, ""
	}
}

func parseAgeValue(v string) (func(*Index) *Set, string) {
	s := strings.ToLower(strings.TrimSpace(v))
	i := strings.IndexFunc(s, func(r rune) bool { return (r < '0' || r > '9') && r != '.' })
	num, unit := s, "y"
	if i >= 0 {
		num, unit = s[:i], strings.TrimSpace(s[i:])
	}
	n, err := strconv.ParseFloat(num, 64)
	if err != nil || n < 0 || n > 150 {
		return nil, fmt.Sprintf("%q is not an age (age:67, age:6mo, age:2w)", v)
	}
	years, ok := inYears(n, unit)
	if !ok {
		return nil, fmt.Sprintf("%q is not an age (age:67, age:6mo, age:2w)", v)
	}
	a := Age(years)
	return func(ix *Index) *Set {
		s := NewSet(ix.Len())
		c := &ix.col
		maxAge := c.maxAge[:len(c.minAge)]
		for i, lo := range c.minAge {
			if lo <= a && (maxAge[i] >= a || maxAge[i] == NoAge) { // NoAge (-1) is below every age
				s.words[i>>6] |= 1 << (uint(i) & 63)
			}
		}
		return s
	}, ""
}

// scan8 is the set of records whose column value passes.
func scan8(col []uint8, pass *[256]bool) *Set {
	s := NewSet(len(col))
	for i, c := range col {
		if pass[c] {
			s.words[i>>6] |= 1 << (uint(i) & 63)
		}
	}
	return s
}
