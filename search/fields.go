package search

import (
	"fmt"
	"slices"
	"strings"
)

// Language is the set of fields a query may name: the built-in ones and
// the fields a caller adds at run time.
type Language struct {
	ext   map[string]*Extension
	names []string
	plain []*Extension // the extensions plain words look in too
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
	// Plain, for a free-text field, makes plain words look there too: a
	// plain word (or unfielded phrase) also matches the records Match
	// gives for it, its folded words joined by spaces — the user's notes
	// are searched like the title. A word matched there counts as matched
	// as typed, so it is never answered with near words.
	Plain bool
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
		if e.Plain && e.Values != nil {
			return nil, fmt.Errorf("field %q: plain words can look only in a free-text field", e.Name)
		}
		l.ext[e.Name] = &e
		l.names = append(l.names, e.Name)
		if e.Plain {
			l.plain = append(l.plain, &e)
		}
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
