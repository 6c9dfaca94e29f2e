package ui

import (
	"container/list"
	"context"
	"fmt"
	"sync"

	"github.com/trials-app/trials/model"
	"github.com/trials-app/trials/search"
)

// Problem is an input that did not load, and why.
type Problem struct {
	Path   string
	Reason string
}

// Progress reports a running load.
type Progress struct {
	Docs, TotalDocs, Trials, Failed int
	Bytes                           int64
}

// LoadFunc reads the corpus: it reports progress now and then, hands over
// each trial as it is read, and returns the inputs that failed. It stops
// early when ctx is cancelled.
type LoadFunc func(ctx context.Context, progress func(Progress), add func(*model.Trial)) []Problem

// ReloadFunc reads one trial again from where it came from, for corpora
// too large to keep whole.
type ReloadFunc func(model.Source) (*model.Trial, error)

// keepWhole is how many trials are kept whole in memory; beyond it only
// slim records are kept and a trial is read again when it is opened.
const keepWhole = 5000

// Corpus is what the browser works on.
type Corpus struct {
	Index    *search.Index
	Catalog  *search.Catalog
	Problems []Problem
	Origin   string // where the trials came from, for the header

	whole  []*model.Trial // by record index, when the corpus is small
	reload ReloadFunc
	mu     sync.Mutex
	cache  map[int]*list.Element
	order  *list.List // most recent first
}

type cached struct {
	rec   int
	trial *model.Trial
	err   error
}

// NewCorpus builds a corpus from whole trials (tests, small inputs).
func NewCorpus(trials []*model.Trial, problems []Problem, origin string) *Corpus {
	b := search.NewBuilder(len(trials))
	for _, t := range trials {
		b.Add(search.NewRecord(t))
	}
	ix := b.Index()
	return &Corpus{Index: ix, Catalog: search.NewCatalog(ix.Records()), Problems: problems, Origin: origin, whole: trials}
}

// Len is the number of trials.
func (c *Corpus) Len() int { return c.Index.Len() }

// Record is the slim record i.
func (c *Corpus) Record(i int) *search.Record { return c.Index.Record(i) }

// kept returns trial i without reading anything, if it is at hand.
func (c *Corpus) kept(i int) (*model.Trial, error, bool) {
	if c.whole != nil {
		return c.whole[i], nil, true
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.cache[i]; ok {
		v := e.Value.(cached)
		return v.trial, v.err, true
	}
	return nil, nil, false
}

// Trial returns trial i whole, reading it again if it is not kept.
func (c *Corpus) Trial(i int) (*model.Trial, error) {
	if c.whole != nil {
		return c.whole[i], nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.cache == nil {
		c.cache, c.order = map[int]*list.Element{}, list.New()
	}
	if e, ok := c.cache[i]; ok {
		c.order.MoveToFront(e)
		v := e.Value.(cached)
		return v.trial, v.err
	}
	var t *model.Trial
	err := fmt.Errorf("trial %s is not kept in memory and cannot be read again", c.Record(i).ID)
	if c.reload != nil {
		t, err = c.reload(c.Record(i).Source)
	}
	c.cache[i] = c.order.PushFront(cached{i, t, err})
	if c.order.Len() > 64 {
		old := c.order.Back()
		delete(c.cache, old.Value.(cached).rec)
		c.order.Remove(old)
	}
	return t, err
}

// load runs a LoadFunc into a corpus, keeping trials whole while there are
// few, indexing each as it arrives.
func load(ctx context.Context, fn LoadFunc, reload ReloadFunc, origin string, progress func(Progress)) *Corpus {
	b := search.NewBuilder(0)
	var whole []*model.Trial
	keep := true
	problems := fn(ctx, progress, func(t *model.Trial) {
		b.Add(search.NewRecord(t))
		if keep {
			whole = append(whole, t)
			if len(whole) > keepWhole {
				keep, whole = false, nil
			}
		}
	})
	ix := b.Index()
	c := &Corpus{Index: ix, Catalog: search.NewCatalog(ix.Records()), Problems: problems, Origin: origin, reload: reload}
	if keep {
		c.whole = whole
		if c.whole == nil {
			c.whole = []*model.Trial{}
		}
	}
	return c
}
