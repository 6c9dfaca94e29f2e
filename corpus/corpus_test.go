package corpus

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"

	"github.com/trials-app/trials/model"
	"github.com/trials-app/trials/search"
	"github.com/trials-app/trials/seeds"
)

func seedSource() Source { return Source{FS: seeds.FS, Origin: "the bundled seeds"} }

func TestLoadKeepsSmallCorporaWhole(t *testing.T) {
	c, err := Load(context.Background(), seedSource(), Options{})
	if err != nil || c.Len() != 5 || len(c.Problems()) != 0 || c.Origin() != "the bundled seeds" {
		t.Fatalf("load: %v, %d trials, problems %v", err, c.Len(), c.Problems())
	}
	for i := range c.Len() {
		tr, ok := c.Kept(i)
		if !ok || tr.ID != c.Record(i).ID {
			t.Errorf("trial %d not kept whole", i)
		}
	}
	if c.Catalog().Len() == 0 || len(c.Index().Search("lenvatinib", search.FieldAll).Hits) != 2 {
		t.Error("the index and the catalogue are built")
	}
}

func TestLoadBeyondKeepRereads(t *testing.T) {
	var reads atomic.Int32
	c, err := Load(context.Background(), seedSource(), Options{Keep: 2, Reread: func(src model.Source) (*model.Trial, error) {
		reads.Add(1)
		return nil, fmt.Errorf("%s: gone", src.Path)
	}})
	if err != nil || c.Len() != 5 {
		t.Fatal(err)
	}
	if _, ok := c.Kept(0); ok {
		t.Error("a corpus over Keep keeps no trial whole")
	}
	if _, err := c.Trial(0); err == nil || !strings.Contains(err.Error(), "gone") || reads.Load() != 1 {
		t.Errorf("reread: %v after %d reads", err, reads.Load())
	}
	// Failures are not cached: the next open tries again.
	c.Trial(0)
	if reads.Load() != 2 {
		t.Errorf("%d reads, want 2", reads.Load())
	}
}

func TestStreamReportsProblems(t *testing.T) {
	n := 0
	problems := Stream(context.Background(), Source{Paths: []string{"../seeds/NCT05033522.txt", "/no/such/file"}}, nil, func(*model.Trial) { n++ })
	if n != 1 || len(problems) != 1 || problems[0].Path != "/no/such/file" || problems[0].Reason == "" {
		t.Errorf("%d trials, problems %v", n, problems)
	}
}

func TestFind(t *testing.T) {
	found, n, problems := Find(context.Background(), seedSource(), nil, "nct05962450", "NCT00000000", " CC-B505B9C8 ")
	if n != 5 || len(problems) != 0 || found[0] == nil || found[0].ID != "NCT05962450" || found[1] != nil || found[2] == nil {
		t.Errorf("found %v of %d", found, n)
	}
}

// reread makes a corpus of the seeds that keeps none whole and rereads
// through fn.
func rereadCorpus(t *testing.T, fn func(src model.Source) (*model.Trial, error)) (*Corpus, []*model.Trial) {
	t.Helper()
	whole, err := Load(context.Background(), seedSource(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var trials []*model.Trial
	for i := range whole.Len() {
		tr, _ := whole.Kept(i)
		trials = append(trials, tr)
	}
	return FromParts(Parts{Index: whole.Index(), Reread: fn}), trials
}

func TestRereadChecksTheID(t *testing.T) {
	var trials []*model.Trial
	c, trials := rereadCorpus(t, func(src model.Source) (*model.Trial, error) { return trials[1], nil })
	if _, err := c.Trial(0); err == nil || !strings.Contains(err.Error(), "NCT05033522 changed on disk since loading") {
		t.Errorf("a source that now holds another trial: %v", err)
	}
	if tr, err := c.Trial(1); err != nil || tr.ID != "NCT05168163" {
		t.Errorf("the right trial: %v", err)
	}
	if _, ok := c.Kept(1); !ok {
		t.Error("a reread trial is cached")
	}
}

// TestRereadsAreSharedAndLockFree: several opens of one trial share one
// read, and while it blocks on the disk, trials at hand are still served.
func TestRereadsAreSharedAndLockFree(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		release := make(chan struct{})
		var reads atomic.Int32
		var trials []*model.Trial
		c, trials := rereadCorpus(t, func(src model.Source) (*model.Trial, error) {
			reads.Add(1)
			if src == trials[0].Source {
				<-release // a slow disk
			}
			for _, tr := range trials {
				if tr.Source == src {
					return tr, nil
				}
			}
			return nil, errors.New("not found")
		})
		if _, err := c.Trial(1); err != nil { // cached
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		for range 8 {
			wg.Go(func() {
				if tr, err := c.Trial(0); err != nil || tr.ID != "NCT05033522" {
					t.Errorf("trial 0: %v", err)
				}
			})
		}
		synctest.Wait() // every opener waits on the one read
		if _, ok := c.Kept(1); !ok {
			t.Error("a cached trial is served while another is read")
		}
		if _, err := c.Trial(2); err != nil {
			t.Error(err)
		}
		close(release)
		wg.Wait()
		if n := reads.Load(); n != 3 { // trials 1, 2 and one shared read of 0
			t.Errorf("%d reads, want 3", n)
		}
	})
}

func TestCacheIsBounded(t *testing.T) {
	var trials []*model.Trial
	c, trials := rereadCorpus(t, func(src model.Source) (*model.Trial, error) {
		for _, tr := range trials {
			if tr.Source == src {
				return tr, nil
			}
		}
		return nil, errors.New("not found")
	})
	for i := range 5 {
		c.Trial(i)
	}
	if c.order.Len() != 5 || len(c.cache) != 5 {
		t.Fatalf("cache %d", c.order.Len())
	}
	for i := range cacheSize + 10 {
		c.remember(1000+i, trials[0])
	}
	if c.order.Len() != cacheSize || len(c.cache) != cacheSize {
		t.Errorf("cache grew to %d", c.order.Len())
	}
	if _, ok := c.Kept(0); ok {
		t.Error("the least recently used trial is dropped first")
	}
}
