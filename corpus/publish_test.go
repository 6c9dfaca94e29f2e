package corpus

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/trials-app/trials/search"
)

// Parts published while a load goes on each hold the trials read so far,
// in order, searchable and screenable exactly as a complete corpus of
// those trials would be, and say how far the load was; the corpus Load
// returns is complete. Copies of a trial read twice count once in every
// part too.
func TestPublishHandsOutWhatWasReadSoFar(t *testing.T) {
	tests := []struct {
		name string
		src  Source
		keep int
	}{
		{"seeds kept whole", seedSource(), 0},
		{"copies of one trial", Source{Paths: onceInputs(t)}, 0},
		{"copies reread", Source{Paths: onceInputs(t)}, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var parts []*Corpus
			c, err := Load(context.Background(), tc.src, Options{Keep: tc.keep, PublishEach: true, Publish: func(p *Corpus) { parts = append(parts, p) }})
			if err != nil {
				t.Fatal(err)
			}
			if c.Loading() != nil {
				t.Error("the corpus Load returns is complete")
			}
			if len(parts) == 0 {
				t.Fatal("nothing published")
			}
			var ids []string
			for i := range c.Len() {
				ids = append(ids, c.Record(i).ID)
			}
			for k, p := range parts {
				l := p.Loading()
				if l == nil || l.Docs > l.TotalDocs {
					t.Fatalf("part %d: loading %+v", k, l)
				}
				if k > 0 && p.Extends(parts[k-1]) {
					for i := range parts[k-1].Len() {
						if p.Record(i).ID != parts[k-1].Record(i).ID {
							t.Errorf("part %d extends part %d but record %d is %s, was %s", k, k-1, i, p.Record(i).ID, parts[k-1].Record(i).ID)
						}
					}
				}
				var got []string
				for i := range p.Len() {
					got = append(got, p.Record(i).ID)
					if tr, err := p.Trial(i); err != nil || tr.ID != p.Record(i).ID {
						t.Errorf("part %d trial %d: %v", k, i, err)
					}
				}
				if !distinct(got) {
					t.Errorf("part %d lists a trial twice: %v", k, got)
				}
				hits := p.Index().Search("lenvatinib", search.FieldAll).Hits
				for _, h := range hits {
					if h >= p.Len() {
						t.Errorf("part %d: hit %d beyond its %d trials", k, h, p.Len())
					}
				}
				if p.Screens() == nil || p.Screens().Len() != p.Len() {
					t.Errorf("part %d: screens for %v of %d trials", k, p.Screens(), p.Len())
				}
				if p.Catalog() == nil {
					t.Errorf("part %d: no catalogue", k)
				}
			}
			last := parts[len(parts)-1]
			if last.Len() > c.Len() {
				t.Errorf("last part %d trials, complete %d", last.Len(), c.Len())
			}
			if c.Extends(parts[0]) != (tc.src.FS != nil) {
				// The seeds hold no copies; the copies' inputs renumber.
				t.Errorf("the complete corpus extends the first part: %v", c.Extends(parts[0]))
			}
			if c.Extends(FromTrials(nil, nil, "")) {
				t.Error("a corpus of another load is never extended")
			}
			if fmt.Sprint(ids) == "" {
				t.Error("no trials")
			}
		})
	}
}

func distinct(ids []string) bool {
	s := slices.Clone(ids)
	slices.Sort(s)
	return len(slices.Compact(s)) == len(ids)
}

// publishSoon: a first part after a second, then each doubling, no two
// within two seconds.
func TestPublishSoon(t *testing.T) {
	tests := []struct {
		sinceStart, sinceLast time.Duration
		n, last               int
		want                  bool
	}{
		{500 * time.Millisecond, 500 * time.Millisecond, 900, 0, false},
		{time.Second, time.Second, 1800, 0, true},
		{3 * time.Second, 3 * time.Second, 3000, 1800, false},
		{5 * time.Second, 3 * time.Second, 3600, 1800, true},
		{5 * time.Second, time.Second, 3600, 1800, false},
	}
	for _, tc := range tests {
		if got := publishSoon(tc.sinceStart, tc.sinceLast, tc.n, tc.last); got != tc.want {
			t.Errorf("publishSoon(%v, %v, %d, %d) = %v", tc.sinceStart, tc.sinceLast, tc.n, tc.last, got)
		}
	}
}
