package search_test

import (
	"context"
	"slices"
	"testing"

	"github.com/trials-app/trials/loader"
	"github.com/trials-app/trials/model"
	"github.com/trials-app/trials/search"
	"github.com/trials-app/trials/seeds"
)

func seedRecords(t testing.TB) []search.Record {
	t.Helper()
	res := loader.LoadFS(context.Background(), loader.Options{}, seeds.FS)
	if len(res.Trials) != 5 {
		t.Fatalf("%d seeds", len(res.Trials))
	}
	recs := make([]search.Record, len(res.Trials))
	for i, tr := range res.Trials {
		recs[i] = search.NewRecord(tr)
	}
	return recs
}

func TestSearch(t *testing.T) {
	ix := search.NewIndex(seedRecords(t))
	tests := []struct {
		query  string
		fields search.Field
		want   []string // in order when ranked
	}{
		{"lenvatinib", search.FieldAll, []string{"NCT05033522", "NCT05168163"}},
		// The seeds' misspelling is an other name of one trial's lenvatinib:
		// an exact match, so no typo is tried for the other trial.
		{"levantinib", search.FieldAll, []string{"NCT05033522"}},
		{"lenvatinb", search.FieldAll, []string{"NCT05033522", "NCT05168163"}}, // no such word: near
		{"lenv", search.FieldAll, []string{"NCT05033522", "NCT05168163"}},
		{"atezolizumab lenv", search.FieldAll, []string{"NCT05168163"}}, // terms are ANDed
		{"nct0596", search.FieldAll, []string{"NCT05962450"}},
		{"Vα24", search.FieldAll, []string{"NCT05962450"}},
		{"lenvatinib", search.FieldCondition, nil},
		{"hepatocellular", search.FieldCondition, []string{"NCT05033522", "NCT05233358"}},
		{"mirror biologics", search.FieldSponsor, []string{"NCT05033522"}},
		{"qq zz", search.FieldAll, nil},
	}
	for _, tt := range tests {
		res := ix.Search(tt.query, tt.fields)
		got := rowIDs(ix, res.Hits)
		if !slices.Equal(got, tt.want) {
			t.Errorf("Search(%q) = %v, want %v", tt.query, got, tt.want)
		}
	}
	if res := ix.Search("", search.FieldAll); len(res.Hits) != 5 || res.Ranked {
		t.Errorf("empty query: %+v", res)
	}
}

func TestSearchRanksTitleAboveSponsor(t *testing.T) {
	recs := []search.Record{
		{ID: "A", Title: "Something else", Sponsor: "Regorafenib Foundation"},
		{ID: "B", Title: "Regorafenib after progression"},
	}
	ix := search.NewIndex(recs)
	if got := rowIDs(ix, ix.Search("regorafenib", search.FieldAll).Hits); !slices.Equal(got, []string{"B", "A"}) {
		t.Errorf("ranking %v", got)
	}
}

func TestSpans(t *testing.T) {
	s := "Lenvatinib After Progression on Atezolizumab"
	got := search.Spans(s, search.Terms("lenv atezo"))
	want := [][2]int{{0, 4}, {32, 37}}
	if !slices.Equal(got, want) {
		t.Errorf("Spans = %v, want %v", got, want)
	}
	// A typo is not highlighted by itself: the near words are passed.
	if got := search.Spans("Lenvatinib", search.Terms("levantinib")); got != nil {
		t.Errorf("typo span %v", got)
	}
	// Accented text: spans are byte ranges of the original.
	if got := search.Spans("Sjögren syndrome", search.Terms("sjog")); !slices.Equal(got, [][2]int{{0, 5}}) {
		t.Errorf("accent span %v", got)
	}
}

func TestKey(t *testing.T) {
	for _, s := range []string{"AlloStim®", "allostim", "ALLO-STIM", "Allo Stim"} {
		if k := search.Key(s); k != "allostim" {
			t.Errorf("Key(%q) = %q", s, k)
		}
	}
}

func TestCatalog(t *testing.T) {
	recs := seedRecords(t)
	// Another trial spelling AlloStim differently must share its entry.
	recs = append(recs, search.Record{ID: "X-1", Interventions: []search.Intervention{search.NewIntervention("Allostim Immunotherapy", "", nil, []string{"Arm A"})}})
	c := search.NewCatalog(recs)
	find := func(q string) *search.Entry {
		hits := c.Find(q)
		if len(hits) == 0 {
			t.Fatalf("Find(%q): nothing", q)
		}
		return c.Entry(hits[0].Entry)
	}
	if e := find("allostim"); len(e.Uses) != 2 || e.Name != "AlloStim® immunotherapy" && e.Name != "Allostim Immunotherapy" {
		t.Errorf("AlloStim entry %+v", e)
	}
	// The seeds' own misspelling finds lenvatinib, in both trials using it.
	e := find("levantinib")
	if e.Name != "Lenvatinib" || len(e.Uses) != 2 {
		t.Errorf("levantinib → %+v", e)
	}
	for _, u := range e.Uses {
		if len(u.Arms) == 0 {
			t.Errorf("use in record %d has no arm", u.Record)
		}
	}
	hits := c.Find("levantinib")
	if hits[0].Via == "" {
		t.Error("the match through an other name should say so")
	}
	// Subsequence fallback for a query no word starts with, marked.
	if e := find("rgrfnb"); e.Name != "Regorafenib" {
		t.Errorf("fuzzy fallback → %q", e.Name)
	}
	if h := c.Find("rgrfnb"); len(h[0].Near) == 0 {
		t.Error("the subsequence match must be marked near")
	}
	// The finder's rule is the filter's: a typo only when nothing matches
	// as typed, marked; never for short words or words with digits.
	if h := c.Find("lenvatinb"); len(h) != 1 || c.Entry(h[0].Entry).Name != "Lenvatinib" || !slices.Equal(h[0].Near, []string{"lenvatinib"}) {
		t.Errorf("lenvatinb → %+v", h)
	}
	if h := c.Find("lenvatinib"); len(h) == 0 || h[0].Near != nil {
		t.Errorf("lenvatinib → %+v", h)
	}
	for _, q := range []string{"lenva7", "regoz", "rgrfn"} {
		if h := c.Find(q); len(h) != 0 {
			t.Errorf("%s → %d hits, want none", q, len(h))
		}
	}
	all := c.Find("")
	if len(all) != c.Len() || len(c.Entry(all[0].Entry).Uses) < len(c.Entry(all[len(all)-1].Entry).Uses) {
		t.Error("the empty query lists every entry, most used first")
	}
}

func TestNewRecordAddsArmOnlyInterventions(t *testing.T) {
	tr := &model.Trial{ID: "X", Arms: []model.Arm{{Label: "A", Interventions: []string{"Drug Q"}}, {Label: "B", Interventions: []string{"Drug Q"}}}}
	r := search.NewRecord(tr)
	if len(r.Interventions) != 1 || r.Interventions[0].Name != "Drug Q" || !slices.Equal(r.Interventions[0].Arms(), []string{"A", "B"}) || r.Enrollment != -1 {
		t.Errorf("%+v", r)
	}
}
