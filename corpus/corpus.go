// Package corpus is the set of trials a command works on: it loads them
// (files, directories, zips, or a file system such as the bundled seeds),
// keeps a slim record of each (and, compactly, what screening a patient
// reads of it: screen.go), indexes the records for the filter,
// catalogues their interventions, and hands back a whole trial when one is
// opened — kept in memory when the corpus is small, read again from its
// source through a small cache when it is large. The browser and the
// commands `search`, `show` and `compare` all get their trials here.
//
// A Corpus is made of Parts (records and index, catalogue, whole trials or
// a way to reread them), so that it can later be rebuilt from a snapshot
// file instead of a load; and a load that publishes as it goes would hand
// out successive Corpus values over the records read so far, each
// consistent on its own, which a viewer swaps in as they come.
package corpus

import (
	"container/list"
	"context"
	"fmt"
	"io/fs"
	"maps"
	"math"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/singleflight"

	"github.com/trials-app/trials/loader"
	"github.com/trials-app/trials/model"
	"github.com/trials-app/trials/present"
	"github.com/trials-app/trials/search"
)

// Source names what to load: files, directories and zips, or — when there
// are no paths — a file system (the bundled seeds).
type Source struct {
	Paths  []string
	FS     fs.FS
	Origin string // what the trials are called in headers: "the bundled seeds", "3 paths"
}

// Problem is an input that did not load, and why — or, when Duplicate,
// a copy of a trial read elsewhere too, left out so that the trial counts
// once (see once.go); that is a note, not a failure.
type Problem struct {
	Path      string
	Reason    string
	Duplicate bool
}

// Progress reports a running load.
type Progress = loader.Progress

// Stream reads src, handing each trial to fn once, in input order, soon
// after it is read and keeping none (StreamWindow trials are held back to
// find the copies of one trial); it returns the inputs that failed and the
// copies left out. Exports of the whole registry go through here.
func Stream(ctx context.Context, src Source, progress func(Progress), fn func(*model.Trial)) []Problem {
	return StreamPrepared(ctx, src, progress, nil, func(t *model.Trial, _ any) { fn(t) })
}

// StreamPrepared is Stream with work done ahead: prepare (when not nil)
// runs on each trial in the loader's workers, on every core, and fn gets
// the trial with what prepare made of it — or nil when the trial changed
// after it was prepared (a note that a copy of it was left out was added),
// so that fn must do that work itself. An export renders its trials this
// way.
func StreamPrepared(ctx context.Context, src Source, progress func(Progress), prepare func(*model.Trial) any, fn func(*model.Trial, any)) []Problem {
	l := loader.New()
	defer l.Close()
	once := newStreamOnce(fn)
	problems := stream(ctx, l, src, progress, prepare, once.add)
	once.flush()
	return append(problems, once.problems...)
}

// stream is StreamPrepared through a loader the caller owns, so that the
// archives it opened stay open for rereads.
func stream(ctx context.Context, l *loader.Loader, src Source, progress func(Progress), prepare func(*model.Trial) any, fn func(*model.Trial, any)) []Problem {
	opts := loader.Options{
		Ordered:    true,
		OnProgress: progress,
		OnTrials: func(_ int, ts []*model.Trial) {
			for _, t := range ts {
				fn(t, nil)
			}
		},
	}
	if prepare != nil {
		opts.Prepare = prepare
		opts.OnPrepared = func(_ int, ts []*model.Trial, ps []any) {
			for k, t := range ts {
				fn(t, ps[k])
			}
		}
	}
	var res loader.Result
	if len(src.Paths) == 0 && src.FS != nil {
		res = l.LoadFS(ctx, opts, src.FS)
	} else {
		res = l.LoadContext(ctx, opts, src.Paths...)
	}
	problems := make([]Problem, 0, len(res.Diagnostics))
	for _, d := range res.Diagnostics {
		problems = append(problems, Problem{Path: d.Path, Reason: d.Err.Error()})
	}
	return problems
}

// bigLoad is the number of documents past which a load collects its
// garbage sooner (tightGC).
const bigLoad = 50_000

// tightGC has the garbage collector run when the heap has grown by half
// since the last collection, not doubled, until every returned func has
// been called (a load, and the snapshot written after it, may overlap).
// A registry's load makes 55 KB of garbage a trial while what it keeps
// grows to a gigabyte: at the default the process held twice that at its
// peak (3.5 GB at 550k, 2.5 GB now). At 100k: peak RSS 688 → 554 MB for
// 11% more CPU (BenchmarkColdLoad; at 30: 445 MB, 24% more).
//
// Half again of a gigabyte is still half a gigabyte of garbage at the end
// of a registry's load, so the heap also gets a soft ceiling (loadCeiling,
// unless the user set GOMEMLIMIT): the collector runs sooner only when the
// heap nears it. A ceiling the live heap itself approaches would have the
// collector run without pause, so after each collection (see watchRoom)
// roomGC raises it as the load, or the snapshot written after it, keeps
// more.
func tightGC() (restore func()) {
	gcTight.Lock()
	defer gcTight.Unlock()
	if gcTight.holds == 0 {
		gcTight.old = debug.SetGCPercent(50)
		if gcTight.old < 50 {
			debug.SetGCPercent(gcTight.old) // GOGC set tighter, or off: as the user asked
		}
		gcTight.oldLimit = debug.SetMemoryLimit(-1)
		gcTight.limit = 0
		if gcTight.oldLimit == math.MaxInt64 { // no limit of the user's
			gcTight.limit = max(loadCeiling, roomAbove(liveHeap()))
			debug.SetMemoryLimit(gcTight.limit)
			gcTight.gen++
			watchRoom(gcTight.gen)
		}
	}
	gcTight.holds++
	var once sync.Once
	return func() {
		once.Do(func() {
			gcTight.Lock()
			defer gcTight.Unlock()
			if gcTight.holds--; gcTight.holds == 0 {
				debug.SetGCPercent(gcTight.old)
				if gcTight.limit != 0 {
					debug.SetMemoryLimit(gcTight.oldLimit)
					gcTight.limit = 0
				}
				// What the load's garbage took is handed back to the
				// system now, not over minutes: after a 550k load the
				// browser sat at 3.0 GB resident for 1.2 GB in use.
				go debug.FreeOSMemory()
			}
		})
	}
}

// loadCeiling is the heap a big load tries to stay under (see tightGC).
var loadCeiling int64 = 1 << 30

// ceilingRoom is how far above the live heap the ceiling is kept, as a
// fraction (a quarter): the collector then runs at least as seldom as at
// GOGC 25.
const ceilingRoom = 4

// watchRoom has roomGC run after every collection while the holds of
// generation gen last: a finalizer runs once the collector has found its
// object unreachable, and arms the next one.
func watchRoom(gen int) {
	s := &roomSentinel{gen: gen}
	runtime.SetFinalizer(s, func(s *roomSentinel) {
		gcTight.Lock()
		active := gcTight.holds > 0 && gcTight.gen == s.gen && gcTight.limit != 0
		gcTight.Unlock()
		if active {
			roomGC()
			watchRoom(s.gen)
		}
	})
}

// roomSentinel is large enough and holds a pointer, so that it is an
// object of its own (the tiny allocator's are finalized together).
type roomSentinel struct {
	gen int
	_   *int
}

// roomGC raises the ceiling tightGC set when the heap in use at the last
// collection comes within a quarter of it.
func roomGC() {
	live := liveHeap()
	gcTight.Lock()
	defer gcTight.Unlock()
	if want := roomAbove(live); gcTight.limit != 0 && want > gcTight.limit {
		gcTight.limit = want
		debug.SetMemoryLimit(want)
	}
}

// settleRoom sets the ceiling tightGC set afresh, from the heap in use
// at the last collection, lowering it if need be: once a load's garbage
// is collected, what was live while its documents were in flight (a
// tenth more, at 550k) no longer is, and a ceiling kept above that let
// the pack grow the heap into room the load no longer needed — the pack
// runs no collection otherwise, and was then the top of the load's
// resident memory (1,106 MB at 550k, for 775 MB in use as it began).
func settleRoom() {
	live := liveHeap()
	gcTight.Lock()
	defer gcTight.Unlock()
	if gcTight.limit != 0 {
		gcTight.limit = max(loadCeiling, roomAbove(live))
		debug.SetMemoryLimit(gcTight.limit)
	}
}

func roomAbove(live int64) int64 { return live + live/ceilingRoom }

// liveHeap is the heap in use at the end of the last collection.
func liveHeap() int64 {
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(sample)
	if sample[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return int64(sample[0].Value.Uint64())
}

var gcTight struct {
	sync.Mutex
	holds, old      int
	oldLimit, limit int64 // limit: the ceiling set, 0 when none is ours
	gen             int   // of the holds: see watchRoom
}

// DefaultKeep is how many trials are kept whole in memory; beyond it only
// slim records stay and a trial is read again when it is opened.
const DefaultKeep = 5000

// Options tune a load.
type Options struct {
	Progress func(Progress)
	// Keep is how many trials may be kept whole: 0 means DefaultKeep, a
	// negative number none (records only, as `trials search` needs).
	Keep int
	// Reread reads one trial again from its source; nil means through the
	// loader that read it, which keeps its archives open for that.
	Reread func(model.Source) (*model.Trial, error)
	// Publish, if set, receives corpora of the trials read so far while
	// the load goes on (see Corpus.Loading), the first a second after the
	// first trial is read, then each time the count has doubled, up to a
	// quarter of the documents (see maxPart): a viewer shows them as they
	// come. It is called on the load's goroutine, which waits for it; the
	// corpus Load returns is the complete one.
	Publish func(*Corpus)
	// PublishEach publishes after every document that adds a trial, not on
	// publishSoon's schedule: for tests, which must not wait on the clock.
	PublishEach bool
}

// publishSoon publishes a first part a second after the first trial was
// read, then whenever the count has doubled, at most every two seconds:
// each part costs about as much as indexing what it holds, so doubling
// keeps their sum below the cost of the final index.
func publishSoon(sinceStart, sinceLast time.Duration, n, last int) bool {
	if last == 0 {
		return sinceStart >= time.Second
	}
	return n >= 2*last && sinceLast >= 2*time.Second
}

// maxPart is the most trials a part holds, but for the first, in a load of
// docs documents: a part is an index of its own beside the one being
// built, and the viewer holds the last one until the load ends, so parts
// beyond a quarter of the whole would cost more memory than they are
// worth. (The load's progress still counts every trial read.)
func maxPart(docs int) int { return max(docs/4, 50_000) }

// prepared is what a loader worker makes of each trial for Load.
type prepared struct {
	key  string
	copy copyOf
	doc  *search.Doc
}

// Load reads src into a corpus. When ctx is cancelled it stops and returns
// what it read so far, with ctx's error.
func Load(ctx context.Context, src Source, opts Options) (*Corpus, error) {
	keep := opts.Keep
	if keep == 0 {
		keep = DefaultKeep
	}
	b := search.NewBuilder(0)
	sb := newScreensBuilder(0)
	whole := []*model.Trial{}
	l := loader.New()
	// One trial once (see once.go): every record stays, so a copy that
	// wins replaces the one it beats, exactly.
	at := newRecordsByKey(0, func(rec int) string { return idKey(b.ID(rec)) }) // key → record of the copy kept so far
	// By record, what the kept copy was: its date and fullness only (its
	// source is the record's), since a registry's half million of them
	// are held while its index packs, the top of the load's memory.
	var copies []keptCopy
	var dates keptDates
	var dead map[int]bool // records a later copy replaced
	notes := map[int][]string{}
	var dups []Problem

	when := publishSoon
	if opts.PublishEach {
		when = func(_, _ time.Duration, n, last int) bool { return n > last }
	}
	var started, lastAt time.Time
	last := 0
	lineage := new(int)
	var prog Progress
	progress := func(p Progress) {
		prog = p
		if opts.Progress != nil {
			opts.Progress(p)
		}
	}
	// part is a corpus of what was read so far: it shares the builders'
	// records, as a snapshot of each.
	part := func() *Corpus {
		index, screens := b.Snapshot(), sb.snapshot()
		var w []*model.Trial
		if whole != nil {
			w = whole[:len(whole):len(whole)]
		}
		ns := maps.Clone(notes)
		if dead != nil {
			index, w, ns = dropReplaced(index, w, ns, dead)
			screens = screens.without(dead)
		}
		reread := opts.Reread
		if reread == nil {
			reread = l.Reload // open until the load ends, and after it if rereads need it
		}
		c := FromParts(Parts{Index: index, Screens: screens, Whole: w, Reread: reread, Problems: slices.Clone(dups), Origin: src.Origin})
		c.notes = ns
		// The next part would hold twice as many: past maxPart, there is none.
		c.loading = &Loading{Docs: prog.Docs, TotalDocs: prog.TotalDocs, Last: !opts.PublishEach && 2*b.Len() > maxPart(prog.TotalDocs)}
		c.lineage, c.renumbered = lineage, len(dead)
		return c
	}

	restoreGC, big := func() {}, false
	defer func() { restoreGC() }()
	lopts := loader.Options{
		Ordered:    true,
		OnProgress: progress,
		// More documents than trials are kept whole: none will be, so none
		// needs what only the whole trial shows (it is read again then).
		Slim: func(docs int) bool {
			// Asked before any trial arrives: the builders are sized for
			// what is coming (at least a trial a document), so that the
			// records of a registry are not copied a dozen times over as
			// they grow, nor left with half again their size as slack.
			b, sb = search.NewBuilder(docs), newScreensBuilder(docs)
			at = newRecordsByKey(docs, at.keyOf)
			copies = make([]keptCopy, 0, docs)
			if docs > keep {
				whole = nil
				if docs > bigLoad {
					restoreGC, big = tightGC(), true
				}
				return true
			}
			return false
		},
		Prepare: func(t *model.Trial) any {
			return &prepared{key: onceKey(t), copy: summarise(t), doc: search.Prepare(t)}
		},
		OnPrepared: func(_ int, ts []*model.Trial, ps []any) {
			for k, t := range ts {
				p := ps[k].(*prepared)
				key, cur := p.key, p.copy
				if i, ok := at.get(key); ok {
					was := dates.copyOf(copies[i], b.Source(i))
					if !newer(was, cur) {
						notes[i] = append(notes[i], keptNote(was, cur))
						dups = append(dups, leftOut(t.ID, was, cur))
						continue
					}
					if dead == nil {
						dead = map[int]bool{}
					}
					dead[i] = true
					dups = append(dups, leftOut(t.ID, cur, was))
					notes[len(copies)] = append(notes[i], keptNote(cur, was))
					delete(notes, i)
				}
				at.set(key, len(copies))
				copies = append(copies, dates.keep(cur))
				b.AddDoc(p.doc)
				sb.add(t)
				if whole != nil {
					whole = append(whole, t)
					if len(whole) > keep {
						whole = nil
					}
				}
			}
			if opts.Publish != nil {
				if started.IsZero() {
					// The clock starts with the first trial, not while a
					// registry zip's directory is read (a second of its
					// own): a first part of one trial helps no one.
					started, lastAt = time.Now(), time.Now()
				}
				if now := time.Now(); (last == 0 || b.Len() <= maxPart(prog.TotalDocs)) && when(now.Sub(started), now.Sub(lastAt), b.Len(), last) {
					opts.Publish(part())
					lastAt, last = time.Now(), b.Len()
				}
			}
		},
	}
	var res loader.Result
	if len(src.Paths) == 0 && src.FS != nil {
		res = l.LoadFS(ctx, lopts, src.FS)
	} else {
		res = l.LoadContext(ctx, lopts, src.Paths...)
	}
	problems := make([]Problem, 0, len(res.Diagnostics))
	for _, d := range res.Diagnostics {
		problems = append(problems, Problem{Path: d.Path, Reason: d.Err.Error()})
	}

	if big {
		// The index packs into fresh memory beside the builders: the load's
		// garbage is collected first, so that the pack reuses its pages
		// rather than growing the heap past them — the top of a load.
		runtime.GC()
		settleRoom()
	}
	index, screens := b.Index(), sb.done()
	if dead != nil {
		index, whole, notes = dropReplaced(index, whole, notes, dead)
		screens = screens.without(dead)
	}
	if whole != nil && len(notes) > 0 {
		// The parts published share whole and its trials: the notes go on
		// copies, so that a viewer reading a part races with nothing.
		whole = slices.Clone(whole)
		for i, ns := range notes {
			t := *whole[i]
			t.Warnings = append(slices.Clip(t.Warnings), ns...)
			whole[i] = &t
		}
	}
	problems = append(problems, dups...)
	reread := opts.Reread
	if reread == nil && whole == nil {
		reread = l.Reload
	} else {
		l.Close()
		if reread == nil {
			reread = loader.Reload
		}
	}
	c := FromParts(Parts{Index: index, Screens: screens, Whole: whole, Reread: reread, Problems: problems, Origin: src.Origin})
	if len(notes) > 0 {
		// A trial read again from its source gets its notes back (a
		// snapshot keeps them for that, even of a corpus kept whole).
		c.notes = notes
	}
	c.lineage, c.renumbered = lineage, len(dead)
	return c, ctx.Err()
}

// dropReplaced rebuilds the index without the records a later copy
// replaced, and renumbers what is kept by record.
func dropReplaced(ix *search.Index, whole []*model.Trial, notes map[int][]string, dead map[int]bool) (*search.Index, []*model.Trial, map[int][]string) {
	var keptWhole []*model.Trial
	if whole != nil {
		keptWhole = make([]*model.Trial, 0, ix.Len()-len(dead))
	}
	renumbered := map[int][]string{}
	kept := 0
	for i := range ix.Len() {
		if dead[i] {
			continue
		}
		if ns, ok := notes[i]; ok {
			renumbered[kept] = ns
		}
		kept++
		if whole != nil {
			keptWhole = append(keptWhole, whole[i])
		}
	}
	// Without, not NewIndex(kept): the records alone no longer hold the
	// texts indexed only by word (sites, countries, criteria…).
	return ix.Without(func(i int) bool { return dead[i] }), keptWhole, renumbered
}

// Parts are what a corpus is made of. A snapshot would store the index
// (which holds the records) and the catalogue, and set Reread.
type Parts struct {
	Index   *search.Index
	Catalog *search.Catalog // nil: built from the index's records
	// Screens is what screening a patient reads of each record; nil: built
	// from Whole, or none (the corpus then cannot screen).
	Screens *Screens
	// Whole holds every trial by record, when the corpus is small enough
	// to keep; nil when trials are read again through Reread.
	Whole    []*model.Trial
	Reread   func(model.Source) (*model.Trial, error)
	Problems []Problem
	Origin   string
}

// cacheSize is how many reread trials stay at hand: enough to move back
// and forth along a screenful of the list without touching the disk.
const cacheSize = 64

// Corpus is a loaded set of trials. Its records, index and catalogue never
// change once made, so any goroutine may read them; Trial is safe to call
// from several goroutines at once.
type Corpus struct {
	index       *search.Index
	catalogOnce sync.Once
	catalog     *search.Catalog
	loading     *Loading // nil once the load is complete
	// lineage is shared by the corpora of one load, and renumbered counts
	// the records a later copy had replaced when each was made: see Extends.
	lineage    *int
	renumbered int
	problems   []Problem
	origin     string
	whole      []*model.Trial
	reread     func(model.Source) (*model.Trial, error)
	screens    *Screens

	notes map[int][]string // by record: warnings about copies left out, for rereads

	reads singleflight.Group // one reread per record at a time
	mu    sync.Mutex         // guards cache and order, never held during I/O
	cache map[int]*list.Element
	order *list.List // of cached, most recently used first
}

type cached struct {
	rec   int
	trial *model.Trial
}

// FromParts makes a corpus.
func FromParts(p Parts) *Corpus {
	if p.Index == nil {
		p.Index = search.NewIndex(nil)
	}
	if p.Screens == nil && p.Whole != nil && len(p.Whole) == p.Index.Len() {
		p.Screens = ScreensOf(p.Whole)
	}
	if p.Screens != nil && p.Screens.Len() != p.Index.Len() {
		p.Screens = nil // not these records: screening would name the wrong trials
	}
	return &Corpus{index: p.Index, catalog: p.Catalog, problems: p.Problems, origin: p.Origin,
		whole: p.Whole, reread: p.Reread, screens: p.Screens, cache: map[int]*list.Element{}, order: list.New()}
}

// FromTrials makes a corpus of trials kept whole (small inputs, tests).
func FromTrials(trials []*model.Trial, problems []Problem, origin string) *Corpus {
	b := search.NewBuilder(len(trials))
	for _, t := range trials {
		b.Add(search.NewRecord(t))
	}
	if trials == nil {
		trials = []*model.Trial{}
	}
	return FromParts(Parts{Index: b.Index(), Whole: trials, Problems: problems, Origin: origin})
}

// Len is the number of trials.
func (c *Corpus) Len() int { return c.index.Len() }

// Record is the slim record of trial i.
func (c *Corpus) Record(i int) *search.Record { return c.index.Record(i) }

// Index is the word index over the records, behind the filter.
func (c *Corpus) Index() *search.Index { return c.index }

// Catalog lists every intervention once, with the trials using it. Unless
// the corpus was made with one, it is built on the first call (seconds at
// the registry's size, which a load or a command not using it never pays).
func (c *Corpus) Catalog() *search.Catalog {
	c.catalogOnce.Do(func() {
		if c.catalog == nil {
			c.catalog = search.NewCatalog(c.index.Records())
		}
	})
	return c.catalog
}

// Extends reports whether c holds prev's trials as its first records, in
// the same order, so that a record number in prev names the same trial in
// c: the corpora one load publishes do, unless a later copy of a trial
// replaced one prev holds (its records are then renumbered).
func (c *Corpus) Extends(prev *Corpus) bool {
	return prev != nil && c.lineage != nil && c.lineage == prev.lineage && c.renumbered == prev.renumbered && c.Len() >= prev.Len()
}

// Loading is how far the load was when a part of a corpus was published.
type Loading struct {
	Docs, TotalDocs int // documents read, of those found
	// Last is set on the last part before the complete corpus: the rest
	// of the trials appear only when the load ends.
	Last bool
}

// Loading reports, for a part of a corpus published while the load goes
// on (see Options.Publish), how far the load was; nil for a complete one.
// Everything a part holds is complete for its trials — a search over it,
// a patient screened against it — but it does not hold every trial.
func (c *Corpus) Loading() *Loading { return c.loading }

// Problems are the inputs that did not load.
func (c *Corpus) Problems() []Problem { return c.problems }

// Origin is where the trials came from, for headers.
func (c *Corpus) Origin() string { return c.origin }

// Kept returns trial i if it is at hand without reading anything.
func (c *Corpus) Kept(i int) (*model.Trial, bool) {
	if c.whole != nil {
		return c.whole[i], true
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.cache[i]; ok {
		c.order.MoveToFront(e)
		return e.Value.(cached).trial, true
	}
	return nil, false
}

// Trial returns trial i whole, reading it again from its source when it is
// not kept. Concurrent calls for one trial share a single read, and no lock
// is held while reading, so a slow disk never stalls the others. A trial
// whose source now holds a different study is an error, never shown in its
// place. Failures are not cached: the next call tries again.
func (c *Corpus) Trial(i int) (*model.Trial, error) {
	if t, ok := c.Kept(i); ok {
		return t, nil
	}
	rec := c.Record(i)
	if c.reread == nil {
		return nil, fmt.Errorf("trial %s is not kept in memory and cannot be read again", rec.ID)
	}
	v, err, _ := c.reads.Do(strconv.Itoa(i), func() (any, error) {
		t, err := c.reread(rec.Source())
		if err != nil {
			return nil, err
		}
		if !strings.EqualFold(t.ID, rec.ID) {
			return nil, fmt.Errorf("%s changed on disk since loading: %s now holds %s", rec.ID, present.Source(rec.Source()), t.ID)
		}
		if ns := c.notes[i]; len(ns) > 0 {
			t.Warnings = append(t.Warnings, ns...)
		}
		c.remember(i, t)
		return t, nil
	})
	if err != nil {
		return nil, err
	}
	return v.(*model.Trial), nil
}

func (c *Corpus) remember(i int, t *model.Trial) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.cache[i]; ok {
		c.order.MoveToFront(e)
		return
	}
	c.cache[i] = c.order.PushFront(cached{i, t})
	for c.order.Len() > cacheSize {
		old := c.order.Back()
		delete(c.cache, old.Value.(cached).rec)
		c.order.Remove(old)
	}
}

// Is says whether id names a trial: its id or its NCT id, ignoring case and
// surrounding space.
func Is(t *model.Trial, id string) bool {
	id = strings.TrimSpace(id)
	return strings.EqualFold(t.ID, id) || t.NCTID != "" && strings.EqualFold(t.NCTID, id)
}

// Find reads src keeping only the trials named by ids — `show` on a
// registry download holds two trials, not half a million. It returns them
// in the order of ids (nil where not found), how many trials were read,
// and the inputs that failed.
//
// Copies of one trial count once: of the copies of a trial asked for, the
// most recently updated is returned (see once.go), with a note about the
// others; copies of other trials are not compared (that would mean
// remembering every id) and are counted each time.
func Find(ctx context.Context, src Source, progress func(Progress), ids ...string) ([]*model.Trial, int, []Problem) {
	found := make([]*model.Trial, len(ids))
	n := 0
	var dups []Problem
	l := loader.New()
	defer l.Close()
	problems := stream(ctx, l, src, progress, nil, func(t *model.Trial, _ any) {
		n++
		counted := false
		for i, id := range ids {
			if !Is(t, id) {
				continue
			}
			if prev := found[i]; prev != nil && prev != t {
				was, cur := summarise(prev), summarise(t)
				if !counted {
					n, counted = n-1, true
				}
				if !newer(was, cur) {
					prev.Warnings = append(prev.Warnings, keptNote(was, cur))
					dups = append(dups, leftOut(t.ID, was, cur))
					continue
				}
				t.Warnings = append(t.Warnings, keptNote(cur, was))
				dups = append(dups, leftOut(t.ID, cur, was))
			}
			found[i] = t
		}
	})
	return found, n, append(problems, dups...)
}
