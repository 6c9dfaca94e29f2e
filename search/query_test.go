package search_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/trials-app/trials/model"
	"github.com/trials-app/trials/search"
)

const (
	t1 = "NCT00000001"
	t2 = "NCT00000002"
	t3 = "NCT05168163"
	t4 = "NCT00000004"
	t5 = "CC-ABCDEF12"
	t6 = "NCT00000006"
	t7 = "NCT00000007"
	t8 = "NCT00000008"
)

func ids(xs ...string) []string {
	slices.Sort(xs)
	if xs == nil {
		return []string{}
	}
	return xs
}

func TestFields(t *testing.T) {
	ix, _ := fixture(t)
	tests := []struct {
		query string
		want  []string
	}{
		// status
		{"status:recruiting", ids(t1)},
		{"status:open", ids(t1, t3)},
		{"status:closed", ids(t2, t4, t7)},
		{"status:completed", ids(t2)},
		{`status:"not yet"`, ids(t3)},
		{"status:not_yet_recruiting", ids(t3)},
		{"status:rec", ids(t1)}, // a prefix of one status, as typed
		{"status:recruiting|completed", ids(t1, t2)},
		{"status:available", ids(t6)},
		{"status:unknown", ids(t8)},
		{"status:ENROLLING_BY_INVITATION", ids(t5)},
		// phase: exactly the trials whose phases include it
		{"phase:3", ids(t1, t3)},
		{"phase:2", ids(t2, t3)},
		{"phase:2/3", ids(t3)},
		{"phase:2|3", ids(t1, t2, t3)},
		{"phase:early1", ids(t5)},
		{"phase:na", ids(t8)},
		{"phase:4", ids(t7)},
		{"phase:III", ids(t1, t3)},
		// type
		{"type:obs", ids(t4)},
		{"type:ea", ids(t6)},
		{"type:int", ids(t1, t2, t3, t5, t7, t8)},
		{"type:observational", ids(t4)},
		// places
		{"country:germany", ids(t1)},
		{"country:ger", ids(t1)},
		{`country:"united states"`, ids(t1, t3, t4)},
		{"country:spain", ids(t5)},
		{"city:rochester", ids(t1, t4)},
		{`city:"new york"`, ids(t3)},
		{"city:new", ids(t3)},
		{"city:lyon", ids(t2)},
		{"site:mayo", ids(t1, t4)},
		{`site:"mayo clinic"`, ids(t1, t4)},
		{"site:charite", ids(t1)}, // accents fold
		{"site:deu", ids(t5)},
		{"facility:sloan", ids(t3)},
		// sponsors: lead or collaborator
		{"sponsor:mayo", ids(t1, t4)},
		{"sponsor:pfizer", ids(t5)},
		{"sponsor:eisai", ids(t1)},
		{`sponsor:"national cancer"`, ids(t3)},
		// conditions, interventions, title
		{"cond:hepatocellular", ids(t1, t3)},
		{"cond:liver", ids(t4)},
		{"intr:lenvatinib", ids(t1)},
		{"intr:e7080", ids(t1)}, // an other name
		{"intr:bev", ids(t3)},
		{"intr:mk-3475", ids(t7)},
		{"title:tace", ids(t1)},
		{"title:leap", ids(t1)}, // the acronym
		// ids
		{"id:2011-004792-36", ids(t1)},
		{"id:2011-004792", ids(t1)},
		{"id:E7080-G000-311", ids(t1)},
		{"id:e7080-g000", ids(t1)},
		{"id:NCT05168163", ids(t3)},
		{"id:05168163", ids(t3)},
		{"05168163", ids(t3)}, // a bare number finds the NCT id
		{"id:cc-abc", ids(t5)},
		{"2011-004792-36", ids(t1)},
		// age: the trial's range admits it; open bounds admit
		{"age:67", ids(t1, t2, t4, t6, t7, t8)},
		{"age:16", ids(t3, t4, t5, t6, t7, t8)},
		{"age:3mo", ids(t4, t5, t6, t8)},
		{"age:7mo", ids(t3, t4, t5, t6, t8)},
		// sex: f admits FEMALE or ALL
		{"sex:f", ids(t1, t2, t4, t5, t7)},
		{"sex:m", ids(t1, t3, t4, t5, t7)},
		{"sex:all", ids(t1, t4, t5, t7)},
		// healthy volunteers
		{"hv:yes", ids(t3)},
		{"hv:no", ids(t1, t2)},
		// dates: a month is after January 2025 only if all of it is
		{"updated:>2025-01", ids(t1, t3)},
		{"updated:2025-01", ids(t7)},
		{"updated:<2020", ids(t2)},
		{"updated:2025", ids(t1, t3, t7)},
		{"updated:>=2025-01-15", ids(t1, t3, t7)},
		{"start:2024..2025", ids(t1)},
		{"start:>=2026", ids(t3)},
		{"start:2015-06-01", ids(t2)},
		{"start:..2012", ids(t4)},
		{"start:2024..", ids(t1, t3)},
		// enrollment
		{"enroll:>100", ids(t1, t4, t7)},
		{"enroll:40", ids(t2)},
		{"enroll:100..500", ids(t1, t7)},
		{"enroll:<=40", ids(t2, t5)},
		// status verified, contacts
		{"verified:<2020", ids(t2)},
		{"verified:2025", ids(t1)},
		{"contact:smith", ids(t1)},
		{"contact:martin", ids(t2)},
		{`contact:"jane smith"`, ids(t1)},
		{"contact:eisai", ids(t1)},
		// results
		{"results:yes", ids(t2)},
		{"results:no", ids(t1, t3, t4, t5, t6, t7, t8)},
		// criteria
		{"crit:child-pugh", ids(t1, t2)},
		{"crit:ecog", ids(t1)},
		{"crit:prior", ids(t1)},
		{"crit:pregnan", ids(t2)},
		{"crit:adults", ids(t4)}, // an observational study's population
	}
	for _, tt := range tests {
		got := sortedIDs(ix, run(t, ix, tt.query, search.Options{}))
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s = %v, want %v", tt.query, got, tt.want)
		}
	}
}

func TestOperators(t *testing.T) {
	ix, _ := fixture(t)
	tests := []struct {
		query string
		want  []string
	}{
		{"hepatocellular", ids(t1, t3)},
		{"hepatocellular -status:recruiting", ids(t3)},
		{"-status:completed -status:recruiting phase:2|3", ids(t3)},
		{"lenvatinib OR sorafenib", ids(t1, t5)},
		{"lenvatinib | sorafenib", ids(t1, t5)},
		{"(lenvatinib OR afatinib) status:completed", ids(t2)},
		{"-(lenvatinib OR afatinib) phase:2|3", ids(t3)},
		{"status:recruiting OR status:completed phase:2", ids(t2)}, // OR binds tighter than AND
		{`"hepatocellular carcinoma"`, ids(t1, t3)},
		{`"carcinoma hepatocellular"`, ids()},
		{`"lenvatinib plus"`, ids(t1)},
		{`"lenvatinib pl"`, ids()}, // quoted: every word whole
		{"lenvatinib-pl", ids(t1)}, // unquoted: the last word a prefix
		{`"lenva"`, ids()},
		{"lenva", ids(t1)},
		{"hepat carc", ids(t1, t3)}, // words ANDed, each a prefix
		{"hepat zz", ids()},
		{"", ids(t1, t2, t3, t4, t5, t6, t7, t8)},
		{"-", ids(t1, t2, t3, t4, t5, t6, t7, t8)}, // no letters: no term
		{"mayo", ids(t4)},                          // plain words: the lead sponsor, not sites or collaborators
	}
	for _, tt := range tests {
		got := sortedIDs(ix, run(t, ix, tt.query, search.Options{}))
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s = %v, want %v", tt.query, got, tt.want)
		}
	}
}

func TestSyntaxErrors(t *testing.T) {
	tests := []struct {
		query, term, msg string
	}{
		{"status:", "status:", "status needs a value"},
		{"phase:3 status:", "status:", "status needs a value"},
		{"enroll:>abc", "enroll:>abc", `"abc" is not a number`},
		{`"child pugh`, `"child pugh`, "unbalanced quote"},
		{`crit:"child pugh`, `crit:"child pugh`, "unbalanced quote"},
		{"foo:bar", "foo:bar", `unknown field "foo"`},
		{"(lenvatinib OR sorafenib", "(lenvatinib OR sorafenib", "no ')'"},
		{"lenvatinib)", ")", "no '('"},
		{"lenvatinib OR", "OR", "a term on each side"},
		{"OR lenvatinib", "OR", "a term on each side"},
		{"a | | b", "|", "a term on each side"},
		{"phase:5", "phase:5", `unknown phase "5"`},
		{"age:abc", "age:abc", "not an age"},
		{"sex:x", "sex:x", "unknown sex"},
		{"updated:>2025-13", "updated:>2025-13", "not a date"},
		{"status:c", "status:c", "closed or completed"},
		{"hv:maybe", "hv:maybe", "yes or no"},
		{`cond:""`, `cond:""`, "letters or digits"},
		{"type:xyz", "type:xyz", "unknown study type"},
		{"status:recruiting|", "status:recruiting|", "empty alternative"},
		{`""`, `""`, "empty phrase"},
	}
	for _, tt := range tests {
		_, err := search.Parse(tt.query)
		var se *search.SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("Parse(%q) = %v, want a SyntaxError", tt.query, err)
			continue
		}
		if se.Term != tt.term || !strings.Contains(se.Msg, tt.msg) {
			t.Errorf("Parse(%q): term %q, message %q; want term %q and %q", tt.query, se.Term, se.Msg, tt.term, tt.msg)
		}
		if !strings.Contains(tt.query, se.Term) || tt.query[se.Pos:se.End] != se.Term {
			t.Errorf("Parse(%q): Pos…End %d…%d does not give the term %q", tt.query, se.Pos, se.End, se.Term)
		}
		if !strings.HasPrefix(err.Error(), se.Term+": ") {
			t.Errorf("Parse(%q): message %q does not name the term first", tt.query, err)
		}
	}
}

func TestCanonical(t *testing.T) {
	tests := []struct{ query, want string }{
		{"Lenvatinib  status:open", "lenvatinib status:open"},
		{"a b OR c d", "a (b OR c) d"},
		{`"Child-Pugh" crit:child-pugh`, `"child pugh" crit:"child pugh"…`},
		{"-phase:2|3", "-(phase:2 OR phase:3)"},
		{"-(a OR b)", "-(a OR b)"},
		{"country:\"United States\"", `country:"united states"`},
	}
	for _, tt := range tests {
		q, err := search.Parse(tt.query)
		if err != nil {
			t.Fatal(err)
		}
		if got := q.Canonical(); got != tt.want {
			t.Errorf("Canonical(%q) = %q, want %q", tt.query, got, tt.want)
		}
	}
}

// TestNoSilentGuesses: a typo-tolerant match is used only for a word that
// matches nothing as typed, and every such hit says so.
func TestNoSilentGuesses(t *testing.T) {
	ix, _ := fixture(t)
	// axitinib is in no trial: the afatinib trial is found, marked.
	m := run(t, ix, "axitinib", search.Options{})
	if got := sortedIDs(ix, m); !slices.Equal(got, ids(t2)) {
		t.Fatalf("axitinib = %v", got)
	}
	if near := m.Near(); len(near) != 1 || near[0].Term != "axitinib" || !slices.Equal(near[0].Words, []string{"afatinib"}) {
		t.Errorf("Near = %+v", near)
	}
	if w := m.NearWords(m.At(0)); !slices.Equal(w, []string{"afatinib"}) {
		t.Errorf("NearWords = %v", w)
	}
	if !slices.Contains(m.Highlight(), "afatinib") {
		t.Errorf("the near word is not highlighted: %v", m.Highlight())
	}
	// afatinib itself: exact, nothing near.
	m = run(t, ix, "afatinib", search.Options{})
	if len(m.Near()) != 0 || m.NearWords(m.At(0)) != nil {
		t.Errorf("afatinib has near matches: %+v", m.Near())
	}
	// A word with an exact or prefix match never takes a typo's hits:
	// "atezolizumab" also is two edits from nothing else, but "bevacizumab"
	// must not bring pembrolizumab.
	if got := sortedIDs(ix, run(t, ix, "pembrolizumab", search.Options{})); !slices.Equal(got, ids(t7)) {
		t.Errorf("pembrolizumab = %v", got)
	}
	// Never numbers, words with digits, ids or short words.
	for _, q := range []string{"/PHASE3", "phase3", "phase:3x", "lyonn", "nct0516817", "id:NCT05168164", "2011-004792-37", "afatnb5"} {
		pq, err := search.Parse(q)
		if err != nil {
			continue // phase:3x is an error: never a guess either
		}
		m := ix.Run(pq, search.Options{})
		if m.Len() != 0 || len(m.Near()) != 0 {
			t.Errorf("%s = %v near %+v, want nothing", q, sortedIDs(ix, m), m.Near())
		}
	}
	// In a field too, and marked: cond:hepatocelular.
	m = run(t, ix, "cond:hepatocelular", search.Options{})
	if got := sortedIDs(ix, m); !slices.Equal(got, ids(t1, t3)) || len(m.Near()) != 1 {
		t.Errorf("cond:hepatocelular = %v near %+v", got, m.Near())
	}
	// Near hits rank after exact ones: "sorafenib OR lenvatinb".
	m = run(t, ix, "sorafenib OR lenvatinb", search.Options{})
	if got := rowIDs(ix, m.All()); !slices.Equal(got, []string{t5, t1}) || m.NearWords(m.At(0)) != nil || m.NearWords(m.At(1)) == nil {
		t.Errorf("sorafenib OR lenvatinb = %v", got)
	}
	// A negated word is never corrected: -axitinib removes nothing.
	if got := run(t, ix, "-axitinib", search.Options{}); got.Len() != 8 {
		t.Errorf("-axitinib keeps %d", got.Len())
	}
}

// TestPhrasesUnchecked: a phrase in a field whose text the index does not
// keep is matched word by word, and those hits are marked — unless the
// caller lets them be checked.
func TestPhrasesUnchecked(t *testing.T) {
	ix, trials := fixture(t)
	m := run(t, ix, "crit:child-pugh", search.Options{})
	byID := map[string]int{}
	for _, r := range m.All() {
		byID[ix.Record(r).ID] = r
	}
	if m.IsUnchecked(byID[t1]) {
		t.Error("T1 writes Child-Pugh as one compound: checked")
	}
	if !m.IsUnchecked(byID[t2]) {
		t.Error("T2 has child and pugh apart: unchecked")
	}
	if got := m.Unchecked(); !slices.Equal(got, []string{"crit:child-pugh"}) {
		t.Errorf("Unchecked = %v", got)
	}
	if rowIDs(ix, m.All())[0] != t1 {
		t.Error("the checked hit should rank first")
	}
	// With the trials at hand, every hit is checked.
	trial := func(r int) *model.Trial { return trials[r] }
	m = run(t, ix, "crit:child-pugh", search.Options{Trial: trial})
	if got := sortedIDs(ix, m); !slices.Equal(got, ids(t1, t2)) || len(m.Unchecked()) != 0 {
		t.Errorf("checked: %v unchecked %v", got, m.Unchecked())
	}
	// Words apart are dropped once checked: "pugh score" is there, "score pugh" is not.
	if got := sortedIDs(ix, run(t, ix, `crit:"score pugh"`, search.Options{Trial: trial})); len(got) != 0 {
		t.Errorf(`crit:"score pugh" checked = %v`, got)
	}
	if m := run(t, ix, `crit:"score pugh"`, search.Options{}); m.Len() != 1 || !m.IsUnchecked(m.At(0)) {
		t.Errorf(`crit:"score pugh" unchecked = %v`, sortedIDs(ix, m))
	}
	// A negated unchecked phrase excludes only checked hits; the others
	// stay, marked.
	m = run(t, ix, `type:int -crit:"score pugh"`, search.Options{})
	if !m.Has(byID[t2]) || !m.IsUnchecked(byID[t2]) {
		t.Error("negating an unchecked phrase must keep T2, marked")
	}
	// Phrases in kept text are checked at once: title and conditions.
	m = run(t, ix, `"lung cancer"`, search.Options{})
	if m.Len() != 1 || len(m.Unchecked()) != 0 {
		t.Errorf(`"lung cancer": %v unchecked %v`, sortedIDs(ix, m), m.Unchecked())
	}
}

func TestRelevance(t *testing.T) {
	ix, _ := fixture(t)
	// A title hit outranks a condition-only hit; ties keep corpus order.
	m := run(t, ix, "hepatocellular", search.Options{})
	if got := rowIDs(ix, m.All()); !slices.Equal(got, []string{t1, t3}) {
		t.Errorf("hepatocellular = %v", got)
	}
	// An id beats a title; a whole word beats a prefix.
	recs := []search.Record{
		{ID: "A", Title: "Carcinomas of the liver"},
		{ID: "B", Title: "Carcinoma"},
		{ID: "C", Title: "Other", Sponsor: "Carcinoma Society"},
	}
	ix2 := search.NewIndex(recs)
	if got := rowIDs(ix2, run(t, ix2, "carcinoma", search.Options{}).All()); !slices.Equal(got, []string{"B", "A", "C"}) {
		t.Errorf("ranking %v", got)
	}
	// Reversed: worst first.
	if got := rowIDs(ix2, run(t, ix2, "carcinoma", search.Options{Sort: search.Sort{Reverse: true}}).All()); !slices.Equal(got, []string{"C", "A", "B"}) {
		t.Errorf("reversed %v", got)
	}
}

func TestSort(t *testing.T) {
	ix, _ := fixture(t)
	tests := []struct {
		sort string
		want []string
	}{
		{"updated", []string{t3, t1, t7, t5, t4, t6, t2, t8}},
		{"updated:asc", []string{t2, t6, t4, t5, t7, t1, t3, t8}},
		{"start", []string{t3, t1, t5, t7, t2, t4, t6, t8}},
		{"enrollment", []string{t4, t7, t1, t2, t5, t3, t6, t8}},
		{"enroll:asc", []string{t5, t2, t1, t7, t4, t3, t6, t8}},
		{"status", []string{t1, t3, t5, t6, t4, t2, t7, t8}},
		{"phase", []string{t7, t1, t3, t2, t5, t8, t4, t6}},
		{"id", []string{t5, t1, t2, t4, t6, t7, t8, t3}},
		{"id:desc", []string{t3, t8, t7, t6, t4, t2, t1, t5}},
		{"relevance", []string{t1, t2, t3, t4, t5, t6, t7, t8}}, // the empty query: corpus order
	}
	q, _ := search.Parse("")
	for _, tt := range tests {
		s, err := search.ParseSort(tt.sort)
		if err != nil {
			t.Fatal(err)
		}
		m := ix.Run(q, search.Options{Sort: s})
		if got := rowIDs(ix, m.All()); !slices.Equal(got, tt.want) {
			t.Errorf("sort %s = %v, want %v", tt.sort, got, tt.want)
		}
		// Asked row by row, the order is the same.
		m = ix.Run(q, search.Options{Sort: s})
		var one []string
		for i := range m.Len() {
			one = append(one, ix.Record(m.At(i)).ID)
		}
		if !slices.Equal(one, tt.want) {
			t.Errorf("sort %s row by row = %v", tt.sort, one)
		}
	}
	// Sorting a query's hits.
	s, _ := search.ParseSort("updated")
	if got := rowIDs(ix, run(t, ix, "hepatocellular", search.Options{Sort: s}).All()); !slices.Equal(got, []string{t3, t1}) {
		t.Errorf("hepatocellular by update = %v", got)
	}
	for _, bad := range []string{"", "colour", "updated:up", "s"} {
		if _, err := search.ParseSort(bad); err == nil {
			t.Errorf("ParseSort(%q) accepted", bad)
		}
	}
	if s, _ := search.ParseSort("enroll:desc"); s.String() != "enrollment:desc" || s.Reverse {
		t.Errorf("enroll:desc = %+v %s", s, s)
	}
}

// TestSortStable: ties keep corpus order in both directions, and many
// rows come in the same order asked at once or screen by screen.
func TestSortStable(t *testing.T) {
	b := search.NewBuilder(0)
	for i := range 1000 {
		b.Add(search.Record{ID: string(rune('A'+i%26)) + strings.Repeat("x", i%7), Title: "trial", Enrollment: int32(i % 3), Updated: search.ParseDate([]string{"2020", "2021-05", "2021-05-01", ""}[i%4])})
	}
	ix := b.Index()
	q, _ := search.Parse("trial")
	for _, key := range []string{"enrollment", "enrollment:asc", "updated", "updated:asc", "relevance", "relevance:asc", "id", "id:desc"} {
		s, _ := search.ParseSort(key)
		all := ix.Run(q, search.Options{Sort: s}).All()
		m := ix.Run(q, search.Options{Sort: s})
		var paged []int
		for from := 0; from < m.Len(); from += 300 {
			paged = append(paged, m.Rows(from, from+300)...)
		}
		if !slices.Equal(all, paged) || len(all) != 1000 {
			t.Errorf("%s: paged order differs", key)
		}
		for i := 1; i < len(all); i++ {
			a, c := ix.Record(all[i-1]), ix.Record(all[i])
			var same bool
			switch s.Key {
			case search.SortEnrollment:
				same = a.Enrollment == c.Enrollment
			case search.SortUpdated:
				same = a.Updated == c.Updated
			case search.SortID:
				same = a.ID == c.ID
			default:
				same = true
			}
			if same && all[i-1] > all[i] {
				t.Errorf("%s: tie out of corpus order at row %d", key, i)
				break
			}
		}
	}
}

func TestFacets(t *testing.T) {
	ix, _ := fixture(t)
	f := run(t, ix, "hepatocellular OR liver", search.Options{}).Facets()
	want := map[string]int{"RECRUITING": 1, "NOT_YET_RECRUITING": 1, "ACTIVE_NOT_RECRUITING": 1}
	for _, v := range f.Status {
		if want[v.Value] != v.Count {
			t.Errorf("status %s: %d", v.Value, v.Count)
		}
	}
	if len(f.Status) != 3 {
		t.Errorf("status facets %+v", f.Status)
	}
	if f.Country[0].Value != "United States" || f.Country[0].Count != 3 || f.Country[0].Term != `country:"United States"` {
		t.Errorf("country facets %+v", f.Country)
	}
	if f.Phase[0].Value != "PHASE3" || f.Phase[0].Count != 2 || f.Phase[0].Term != "phase:3" {
		t.Errorf("phase facets %+v", f.Phase)
	}
	if len(f.Type) != 2 || f.Type[0].Term != "type:int" || f.Type[0].Count != 2 {
		t.Errorf("type facets %+v", f.Type)
	}
	if len(f.SponsorClass) != 3 {
		t.Errorf("class facets %+v", f.SponsorClass)
	}
	// Each facet's term selects exactly its count.
	for _, vs := range [][]search.Value{f.Status, f.Phase, f.Type, f.Country} {
		for _, v := range vs {
			if n := run(t, ix, "(hepatocellular OR liver) "+v.Term, search.Options{}).Len(); n != v.Count {
				t.Errorf("%s selects %d, facet says %d", v.Term, n, v.Count)
			}
		}
	}
}

func TestComplete(t *testing.T) {
	ix, _ := fixture(t)
	l, _ := search.NewLanguage()
	tests := []struct {
		field, prefix string
		want          []string // Terms
	}{
		{"country", "ger", []string{"country:Germany"}},
		{"country", "united", []string{`country:"United States"`}},
		{"country", "", []string{`country:"United States"`, "country:France", "country:Germany", "country:Spain"}},
		{"status", "rec", []string{"status:recruiting"}},
		{"status", "o", []string{"status:open"}},
		{"phase", "2", []string{"phase:2"}},
		{"type", "o", []string{"type:obs"}},
		{"city", "ro", []string{"city:rochester"}},
		{"sponsor", "ma", []string{"sponsor:mayo"}},
		{"cond", "hepato", []string{"cond:hepatocellular", "cond:hepatoblastoma"}},
		{"crit", "chi", []string{"crit:child"}},
		{"id", "nct", nil},
		{"enroll", "1", nil},
		{"nonsense", "x", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, v := range l.Complete(ix, tt.field, tt.prefix, 0) {
			got = append(got, v.Term)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Complete(%s, %q) = %v, want %v", tt.field, tt.prefix, got, tt.want)
		}
	}
	if v := l.Complete(ix, "country", "ger", 0); v[0].Count != 1 || v[0].Label != "Germany" {
		t.Errorf("Germany: %+v", v)
	}
	if got := l.FieldCompletions("s"); !slices.Equal(got, []string{"status:", "site:", "sponsor:", "sex:", "start:"}) {
		t.Errorf("FieldCompletions = %v", got)
	}
}

func TestCompletion(t *testing.T) {
	tests := []struct {
		query         string
		pos           int
		field, prefix string
		replaced      string
	}{
		{"lenvatinib country:ger", 22, "country", "ger", "ger"},
		{"lenvatinib country:ger", 14, "", "cou", "country:ger"},
		{"-status:rec", 11, "status", "rec", "rec"},
		{"status:recruiting|comp phase:3", 22, "status", "comp", "comp"},
		{`site:"mayo cl`, 13, "site", "mayo cl", `"mayo cl`},
		{"(cond:hep", 9, "cond", "hep", "hep"},
		{"", 0, "", "", ""},
	}
	for _, tt := range tests {
		field, prefix, start, end := search.Completion(tt.query, tt.pos)
		if field != tt.field || prefix != tt.prefix || tt.query[start:end] != tt.replaced {
			t.Errorf("Completion(%q, %d) = %q %q %q, want %q %q %q", tt.query, tt.pos, field, prefix, tt.query[start:end], tt.field, tt.prefix, tt.replaced)
		}
	}
}

// TestExtension: a field the caller adds plugs in without the parser
// knowing it.
func TestExtension(t *testing.T) {
	ix, _ := fixture(t)
	verdict := map[string][]string{"possible": {t1, t3}, "excluded": {t2}}
	screen := search.Extension{
		Name: "screen", Help: "the patient screen", Values: []string{"possible", "excluded", "unknown"},
		Match: func(ix *search.Index, v string) *search.Set {
			return search.SetOf(ix.Len(), func(i int) bool { return slices.Contains(verdict[v], ix.Record(i).ID) })
		},
	}
	notes := search.Extension{Name: "note", Match: func(ix *search.Index, v string) *search.Set {
		if v != "ask dr lee" {
			return nil
		}
		s := search.NewSet(ix.Len())
		s.Add(4)
		return s
	}}
	l, err := search.NewLanguage(screen, notes)
	if err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string][]string{
		"screen:possible":                 ids(t1, t3),
		"screen:possible|excluded":        ids(t1, t2, t3),
		"screen:POSSIBLE phase:3":         ids(t1, t3),
		"-screen:excluded phase:2":        ids(t3),
		`note:"ask dr lee"`:               ids(t5),
		"note:other":                      ids(),
		"screen:unknown":                  ids(),
		"screen:possible OR status:avail": ids(t1, t3, t6),
	} {
		pq, err := l.Parse(q)
		if err != nil {
			t.Errorf("Parse(%q): %v", q, err)
			continue
		}
		if got := sortedIDs(ix, ix.Run(pq, search.Options{})); !slices.Equal(got, want) {
			t.Errorf("%s = %v, want %v", q, got, want)
		}
	}
	if _, err := l.Parse("screen:maybe"); err == nil || !strings.Contains(err.Error(), "possible, excluded, unknown") {
		t.Errorf("screen:maybe: %v", err)
	}
	if _, err := search.Parse("screen:possible"); err == nil {
		t.Error("the default language must not know screen:")
	}
	if _, err := search.NewLanguage(search.Extension{Name: "status", Match: screen.Match}); err == nil {
		t.Error("an extension may not replace a built-in field")
	}
	if v := l.Complete(ix, "screen", "p", 0); len(v) != 1 || v[0].Count != 2 || v[0].Term != "screen:possible" {
		t.Errorf("Complete(screen, p) = %+v", v)
	}
}

func TestDateAndAge(t *testing.T) {
	for s, want := range map[string]string{"2023-08-01": "2023-08-01", "2023-08": "2023-08", "2023": "2023", "23-08": "", "2023-13": "", "2023-8": "", "": "", "2023-02-30": "2023-02-30"} {
		if got := search.ParseDate(s).String(); got != want {
			t.Errorf("ParseDate(%q) = %q, want %q", s, got, want)
		}
	}
	for s, want := range map[string]search.Age{"18 Years": 18, "6 Months": 0.5, "1 Year": 1, "N/A": search.NoAge, "": search.NoAge, "12 Hours": search.Age(12.0 / (24 * 365.25))} {
		if got := search.ParseAge(s); got != want {
			t.Errorf("ParseAge(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestRecordKeepsNoTrial(t *testing.T) {
	ix, trials := fixture(t)
	r := ix.Record(0)
	if r.ID != t1 || r.MinAge != 18 || r.Start.String() != "2024-03" || !r.EnrollmentEstimated || r.HealthyVolunteers != 0 {
		t.Errorf("record %+v", r)
	}
	if got := ix.Countries(0); !slices.Equal(got, []string{"United States", "Germany"}) && !slices.Equal(got, []string{"Germany", "United States"}) {
		t.Errorf("Countries = %v", got)
	}
	_ = trials
}

// TestFacetsLargeResults: a result over half the corpus is counted from
// what it leaves out; the counts must be those of the rows.
func TestFacetsLargeResults(t *testing.T) {
	ix, _ := fixture(t)
	for _, q := range []string{"", "-status:completed", "-phase:3", "type:int"} {
		m := run(t, ix, q, search.Options{})
		want := map[string]int{}
		for _, r := range m.All() {
			rec := ix.Record(r)
			want["s"+string(rec.Status())]++
			want["t"+string(rec.StudyType())]++
			for _, p := range rec.Phases() {
				want["p"+string(p)]++
			}
			for _, c := range ix.Countries(r) {
				want["c"+c]++
			}
		}
		got := map[string]int{}
		f := m.Facets()
		for _, v := range f.Status {
			got["s"+v.Value] = v.Count
		}
		for _, v := range f.Type {
			got["t"+v.Value] = v.Count
		}
		for _, v := range f.Phase {
			got["p"+v.Value] = v.Count
		}
		for _, v := range f.Country {
			got["c"+v.Value] = v.Count
		}
		for k, n := range want {
			if got[k] != n {
				t.Errorf("%q: %s counted %d, rows have %d", q, k[1:], got[k], n)
			}
		}
		if len(got) != len(want) {
			t.Errorf("%q: facets %v, rows %v", q, got, want)
		}
	}
}

// TestConcurrentRuns: one index answers several goroutines at once (the
// browser's filter and facets, a CLI): run with -race.
func TestConcurrentRuns(t *testing.T) {
	ix, _ := fixture(t)
	queries := []string{"hepatocellular", "crit:child-pugh", "status:open", "axitinib", `"lung cancer"`, ""}
	want := map[string][]int{}
	for _, q := range queries {
		want[q] = run(t, ix, q, search.Options{}).All()
	}
	done := make(chan bool)
	for g := range 4 {
		go func() {
			defer func() { done <- true }()
			for i := range 50 {
				q := queries[(g+i)%len(queries)]
				pq, _ := search.Parse(q)
				s := search.Sort{Key: search.SortKeys()[i%7]}
				m := ix.Run(pq, search.Options{Sort: s})
				_ = m.Facets()
				if s.Key == search.SortRelevance && !slices.Equal(m.All(), want[q]) {
					t.Errorf("%q: another answer under load", q)
				}
			}
		}()
	}
	for range 4 {
		<-done
	}
}

// TestPhraseIn: the ASCII road and the folding one agree.
func TestPhraseIn(t *testing.T) {
	tests := []struct {
		text, phrase string
		exact, want  bool
	}{
		{"Hepatocellular Carcinoma (HCC)", "hepatocellular carcinoma", true, true},
		{"hepatocellular  -- carcinoma", "hepatocellular carcinoma", true, true},
		{"Hepatocellular Carcinomas", "hepatocellular carcinoma", true, false},
		{"Hepatocellular Carcinomas", "hepatocellular carcinoma", false, true},
		{"Carcinoma, Hepatocellular", "hepatocellular carcinoma", false, false},
		{"pre-hepatocellular carcinoma", "hepatocellular carcinoma", true, true},
		{"xhepatocellular carcinoma", "hepatocellular carcinoma", true, false},
		{"Child-Pugh B", "child pugh", true, true},
		{"child child pugh", "child pugh", true, true},
		{"Sjögren's syndrome", "sjogren s", true, true},
		{"Hépatocellular carcinoma", "hepatocellular carcinoma", true, true},
		{"hepatocellular carcinomaé", "hepatocellular carcinoma", true, false},
		{"hepatocellular carcinomaé", "hepatocellular carcinoma", false, true},
		{"PD-1", "pd 1", true, true},
		{"PD-10", "pd 1", true, false},
		{"PD-10", "pd 1", false, true},
		{"", "a b", false, false},
	}
	for _, tt := range tests {
		ix := search.NewIndex([]search.Record{{ID: "A", Title: tt.text}})
		q := `"` + tt.phrase + `"`
		if !tt.exact {
			q = strings.ReplaceAll(tt.phrase, " ", "-")
		}
		pq, err := search.Parse("title:" + q)
		if err != nil {
			t.Fatal(err)
		}
		if got := ix.Run(pq, search.Options{}).Len() == 1; got != tt.want {
			t.Errorf("%q in %q (exact %v) = %v, want %v", tt.phrase, tt.text, tt.exact, got, tt.want)
		}
	}
}

// TestPlainExtension: plain words also look in a free-text field the
// caller marks Plain (the user's notes), and a word found there is not
// answered with near words.
func TestPlainExtension(t *testing.T) {
	ix, _ := fixture(t)
	notes := map[string]string{t1: "ask dr lee about axitinib", t2: "lee declined"}
	note := search.Extension{Name: "note", Plain: true, Match: func(ix *search.Index, v string) *search.Set {
		return search.SetOf(ix.Len(), func(i int) bool {
			words := search.Words(notes[ix.Record(i).ID])
			for k := range words {
				if strings.HasPrefix(strings.Join(words[k:], " "), v) {
					return true
				}
			}
			return false
		})
	}}
	l, err := search.NewLanguage(note)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		query string
		want  []string
		near  bool
	}{
		{"lee", ids(t1, t2), false},
		{"lee lenvatinib", ids(t1), false},
		{"-lee phase:3", ids(t3), false},
		{`"dr lee"`, ids(t1), false},
		{"note:declined", ids(t2), false},
		{"lee OR atezolizumab", ids(t1, t2, t3), false},
		// found in a note as typed: no near words for it
		{"axitinib", ids(t1), false},
		{"lenvatinib", ids(t1), false},
	}
	for _, tt := range tests {
		q, err := l.Parse(tt.query)
		if err != nil {
			t.Fatalf("Parse(%q): %v", tt.query, err)
		}
		m := ix.Run(q, search.Options{})
		if got := sortedIDs(ix, m); !slices.Equal(got, tt.want) {
			t.Errorf("%s = %v, want %v", tt.query, got, tt.want)
		}
		if got := len(m.Near()) > 0; got != tt.near {
			t.Errorf("%s: near = %v, want %v", tt.query, m.Near(), tt.near)
		}
	}
	// Without the notes, axitinib is a typo answered by afatinib, marked.
	q, err := search.Parse("axitinib")
	if err != nil {
		t.Fatal(err)
	}
	m := ix.Run(q, search.Options{})
	if got := sortedIDs(ix, m); !slices.Equal(got, ids(t2)) || len(m.Near()) == 0 {
		t.Errorf("axitinib without notes = %v near %v", got, m.Near())
	}
	if _, err := search.NewLanguage(search.Extension{Name: "verdict", Plain: true, Values: []string{"a"}, Match: note.Match}); err == nil {
		t.Error("a field with closed values cannot take plain words")
	}
}

func TestUses(t *testing.T) {
	l, err := search.NewLanguage(search.Extension{Name: "screen", Values: []string{"possible"}, Match: func(*search.Index, string) *search.Set { return nil }})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		query, field string
		want         bool
	}{
		{"screen:possible", "screen", true},
		{"lenvatinib (phase:3 OR -screen:possible)", "screen", true},
		{"lenvatinib screen", "screen", false},
		{`title:"screen:possible"`, "screen", false},
		{"facility:mayo", "site", true},
		{"site:mayo", "facility", true},
		{"phase:3", "status", false},
		{"", "screen", false},
	}
	for _, tt := range tests {
		q, err := l.Parse(tt.query)
		if err != nil {
			t.Fatalf("Parse(%q): %v", tt.query, err)
		}
		if got := q.Uses(tt.field); got != tt.want {
			t.Errorf("Parse(%q).Uses(%q) = %v, want %v", tt.query, tt.field, got, tt.want)
		}
	}
}
