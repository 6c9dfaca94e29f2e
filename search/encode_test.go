package search_test

import (
	"bytes"
	"reflect"
	"slices"
	"testing"

	"github.com/trials-app/trials/loader"
	"github.com/trials-app/trials/model"
	"github.com/trials-app/trials/search"
	"github.com/trials-app/trials/snapshot"
)

// realIndex indexes the real registry records and the seeds, with every
// prefix heavy so that the heavy bitmaps are written and read too.
func realIndex(t testing.TB) (*search.Index, *search.Catalog) {
	t.Helper()
	defer search.SetHeavyThresholds(50, 200)()
	res := loader.Load("../loader/testdata/ctgov/json", "../loader/testdata/ctgov/xml", "../seeds")
	trials := append(fixtureTrials(), res.Trials...)
	b := search.NewBuilder(len(trials))
	for _, tr := range trials {
		b.AddTrial(tr)
	}
	ix := b.Index()
	return ix, search.NewCatalog(ix.Records())
}

func encodeIndex(t testing.TB, ix *search.Index, cat *search.Catalog) ([]byte, []byte) {
	t.Helper()
	var a, b bytes.Buffer
	if _, err := ix.WriteTo(&a); err != nil {
		t.Fatal(err)
	}
	if _, err := cat.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	return a.Bytes(), b.Bytes()
}

// sameRecord compares records, an empty list being no list.
func sameRecord(a, b *search.Record) bool {
	norm := func(r search.Record) search.Record {
		if len(r.Conditions) == 0 {
			r.Conditions = nil
		}
		if len(r.Interventions) == 0 {
			r.Interventions = nil
		}
		r.Interventions = slices.Clone(r.Interventions)
		for i := range r.Interventions {
			iv := &r.Interventions[i]
			*iv = search.NewIntervention(iv.Name, iv.Type(), iv.OtherNames(), iv.Arms()) // one layout, whatever the reader shared
		}
		return r
	}
	return reflect.DeepEqual(norm(*a), norm(*b))
}

var roundTripQueries = []string{
	"", "hepato", "c", "carcinoma", "lenvatinib hepato", "status:recruiting", "phase:2/3", "type:obs",
	"country:germany", "country:united", "city:lyon", "site:\"mayo clinic\"", "sponsor:pfizer", "cond:carcinoma",
	"intr:pembro", "title:cancer", "id:2011-004792-36", "age:67", "sex:f", "hv:yes", "results:yes",
	"updated:>2020", "start:2015..2024", "verified:<2023", "contact:smith", "enroll:>100", "crit:child-pugh",
	"crit:p", "crit:c", "\"hepatocellular carcinoma\"", "-status:completed", "lung | liver", "(breast OR lung) phase:3",
	"afatinb", "p", "s",
}

// TestIndexRoundTrip: an index read back answers every query as the one
// written, row for row and in order, with the same records, facets and
// completions; the catalogue finds the same entries.
func TestIndexRoundTrip(t *testing.T) {
	ix, cat := realIndex(t)
	ixb, catb := encodeIndex(t, ix, cat)
	got, err := search.ReadIndex(snapshot.Aligned(ixb))
	if err != nil {
		t.Fatal(err)
	}
	gotCat, err := search.ReadCatalog(snapshot.Aligned(catb), got.Len())
	if err != nil {
		t.Fatal(err)
	}
	if got.Len() != ix.Len() || search.HeavyPrefixes(got) != search.HeavyPrefixes(ix) || search.HeavyPrefixes(ix) == 0 {
		t.Fatalf("%d records, %d heavy prefixes; want %d, %d", got.Len(), search.HeavyPrefixes(got), ix.Len(), search.HeavyPrefixes(ix))
	}
	for i := range ix.Len() {
		if !sameRecord(ix.Record(i), got.Record(i)) {
			t.Fatalf("record %d:\n got %+v\nwant %+v", i, *got.Record(i), *ix.Record(i))
		}
		if !slices.Equal(ix.Countries(i), got.Countries(i)) {
			t.Fatalf("record %d: countries %v, want %v", i, got.Countries(i), ix.Countries(i))
		}
	}
	for _, q := range roundTripQueries {
		pq, err := search.Parse(q)
		if err != nil {
			t.Fatalf("%q: %v", q, err)
		}
		for _, s := range search.SortKeys() {
			o := search.Options{Sort: search.Sort{Key: s}}
			want, have := ix.Run(pq, o), got.Run(pq, o)
			if !slices.Equal(want.All(), have.All()) {
				t.Fatalf("%q by %v: rows %v, want %v", q, s, have.All(), want.All())
			}
			if !reflect.DeepEqual(want.Facets(), have.Facets()) || !reflect.DeepEqual(want.Near(), have.Near()) {
				t.Fatalf("%q: facets or near words differ", q)
			}
		}
	}
	lang, _ := search.NewLanguage()
	for _, f := range []string{"country", "sponsor", "cond", "intr"} {
		if a, b := lang.Complete(ix, f, "c", 20), lang.Complete(got, f, "c", 20); !reflect.DeepEqual(a, b) {
			t.Fatalf("complete %s: %v, want %v", f, b, a)
		}
	}
	if gotCat.Len() != cat.Len() {
		t.Fatalf("catalogue: %d entries, want %d", gotCat.Len(), cat.Len())
	}
	for i := range cat.Len() {
		if !reflect.DeepEqual(normEntry(*cat.Entry(i)), normEntry(*gotCat.Entry(i))) {
			t.Fatalf("entry %d: %+v, want %+v", i, *gotCat.Entry(i), *cat.Entry(i))
		}
	}
	for _, q := range []string{"", "pembro", "lenvatinib", "allostim", "e7080", "regorafenb", "rgrfnb", "placebo"} {
		if a, b := cat.Find(q), gotCat.Find(q); !reflect.DeepEqual(a, b) {
			t.Fatalf("catalogue %q: %v, want %v", q, b, a)
		}
	}
}

func normEntry(e search.Entry) search.Entry {
	if len(e.Aliases) == 0 {
		e.Aliases = nil
	}
	e.Uses = slices.Clone(e.Uses)
	for i := range e.Uses {
		if len(e.Uses[i].Arms) == 0 {
			e.Uses[i].Arms = nil
		}
	}
	return e
}

// TestReadIndexDamaged: every truncation and a flipped byte in each part
// of the encoding is an error or an index that still runs queries, never a
// panic.
func TestReadIndexDamaged(t *testing.T) {
	ix, cat := realIndex(t)
	ixb, catb := encodeIndex(t, ix, cat)
	for _, cut := range []int{0, 1, 7, 8, 100, len(ixb) / 3, len(ixb) / 2, len(ixb) - 8, len(ixb) - 1} {
		if _, err := search.ReadIndex(snapshot.Aligned(ixb[:cut])); err == nil {
			t.Errorf("index cut to %d bytes read without error", cut)
		}
		if _, err := search.ReadCatalog(snapshot.Aligned(catb[:min(cut, len(catb)-1)]), ix.Len()); err == nil {
			t.Errorf("catalogue cut to %d bytes read without error", cut)
		}
	}
	step := max(len(ixb)/64, 1)
	for at := 0; at < len(ixb); at += step {
		b := snapshot.Aligned(ixb)
		b[at] ^= 0xA5
		got, err := search.ReadIndex(b)
		if err == nil {
			runAll(t, got)
		}
	}
}

func runAll(t *testing.T, ix *search.Index) {
	t.Helper()
	for _, q := range roundTripQueries {
		if pq, err := search.Parse(q); err == nil {
			checkRun(t, ix, pq)
		}
	}
}

// FuzzReadIndex: whatever the bytes, ReadIndex returns an error or an
// index whose queries run without panicking.
func FuzzReadIndex(f *testing.F) {
	b := search.NewBuilder(0)
	for _, tr := range fixtureTrials() {
		b.AddTrial(tr)
	}
	b.AddTrial(&model.Trial{ID: "X"})
	ix := b.Index()
	ixb, catb := encodeIndex(f, ix, search.NewCatalog(ix.Records()))
	f.Add(ixb, false)
	f.Add(catb, true)
	f.Fuzz(func(t *testing.T, data []byte, catalogue bool) {
		if catalogue {
			if c, err := search.ReadCatalog(data, 6); err == nil {
				for _, q := range []string{"", "lenva", "a", "rgrfnb"} {
					for _, h := range c.Find(q) {
						_ = c.Entry(h.Entry)
					}
				}
			}
			return
		}
		if got, err := search.ReadIndex(data); err == nil {
			for i := range got.Len() {
				if got.Len() == len(got.Records()) {
					_ = got.Record(i)
					_ = got.Countries(i)
				}
			}
			runAll(t, got)
		}
	})
}
