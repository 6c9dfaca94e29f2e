package corpus

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"runtime/debug"
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

// study is a registry JSON study of the given id, title and last update.
func study(id, title, updated string) string {
	return fmt.Sprintf(`{"protocolSection": {"identificationModule": {"nctId": %q, "briefTitle": %q}, "statusModule": {"overallStatus": "RECRUITING", "lastUpdatePostDateStruct": {"date": %q}}, "contactsLocationsModule": {"centralContacts": [{"name": "Jane Smith"}]}}}`, id, title, updated)
}

// onceInputs writes the documents of TestOneTrialOnce: a search page, the
// study files fetched from it (one of them updated since), and a second
// fetch, in the order the loader walks them.
func onceInputs(t *testing.T) []string {
	t.Helper()
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	page := write("a/page.json", `{"studies": [`+study("NCT09100001", "Page copy", "2024-01-10")+`,`+study("NCT09100002", "Page copy", "2024-01-10")+`,`+study("NCT09100003", "Only on the page", "2024-01-10")+`]}`)
	// Fetched later: NCT09100001 unchanged (a tie), NCT09100002 updated since.
	one := write("b/NCT09100001.json", study("NCT09100001", "File copy", "2024-01-10"))
	two := write("b/NCT09100002.json", study("NCT09100002", "File copy, updated", "2024-03-02"))
	// An older fetch of NCT09100002, given last.
	old := write("c/NCT09100002.json", study("NCT09100002", "Old copy", "2023-11-30"))
	return []string{page, one, two, old}
}

// TestOneTrialOnce: the same NCT id from several inputs is one trial in a
// load, a stream and a find — the most recently updated copy, the later
// input's on a tie — and the copies left out are noted (issue 10 §5).
func TestOneTrialOnce(t *testing.T) {
	paths := onceInputs(t)
	wantTitles := map[string]string{"NCT09100001": "File copy", "NCT09100002": "File copy, updated", "NCT09100003": "Only on the page"}
	checkDups := func(t *testing.T, problems []Problem, want int) {
		t.Helper()
		n := 0
		for _, p := range problems {
			if !p.Duplicate {
				t.Errorf("not a duplicate note: %+v", p)
				continue
			}
			n++
		}
		if n != want {
			t.Errorf("%d copies noted, want %d: %+v", n, want, problems)
		}
	}
	for _, keep := range []int{0, 1} {
		t.Run(fmt.Sprintf("load keep=%d", keep), func(t *testing.T) {
			c, err := Load(context.Background(), Source{Paths: paths}, Options{Keep: keep})
			if err != nil || c.Len() != 3 {
				t.Fatalf("%d trials, %v", c.Len(), err)
			}
			checkDups(t, c.Problems(), 3)
			for i := range c.Len() {
				tr, err := c.Trial(i)
				if err != nil {
					t.Fatal(err)
				}
				if tr.Title != wantTitles[tr.ID] {
					t.Errorf("%s: kept %q, want %q", tr.ID, tr.Title, wantTitles[tr.ID])
				}
				if tr.ID != "NCT09100003" && !strings.Contains(strings.Join(tr.Warnings, "\n"), "also read from") {
					t.Errorf("%s: no note of the other copy in %q", tr.ID, tr.Warnings)
				}
			}
			// The copies left out are not in the index: "page" finds only
			// the trial the page alone lists.
			if hits := c.Index().Search("page", search.FieldAll).Hits; len(hits) != 1 {
				t.Errorf("the index holds %d trials with \"page\", want 1", len(hits))
			}
			// The texts indexed only by word survive the copies left out,
			// with the trials kept whole or not.
			if q, _ := search.Parse("contact:smith"); c.Index().Run(q, search.Options{}).Len() != 3 {
				t.Errorf("contact:smith finds %d trials, want 3", c.Index().Run(q, search.Options{}).Len())
			}
		})
	}
	t.Run("stream", func(t *testing.T) {
		var got []*model.Trial
		problems := Stream(context.Background(), Source{Paths: paths}, nil, func(tr *model.Trial) { got = append(got, tr) })
		checkDups(t, problems, 3)
		if len(got) != 3 {
			t.Fatalf("%d trials streamed, want 3", len(got))
		}
		for _, tr := range got {
			if tr.Title != wantTitles[tr.ID] {
				t.Errorf("%s: streamed %q, want %q", tr.ID, tr.Title, wantTitles[tr.ID])
			}
		}
	})
	t.Run("find", func(t *testing.T) {
		found, n, problems := Find(context.Background(), Source{Paths: paths}, nil, "NCT09100002", "NCT09100001")
		if found[0] == nil || found[0].Title != "File copy, updated" || found[1] == nil || found[1].Title != "File copy" {
			t.Fatalf("found %+v", found)
		}
		if n != 3 {
			t.Errorf("%d trials read, want 3", n)
		}
		checkDups(t, problems, 3)
	})
}

// TestStreamBeyondItsWindow: copies farther apart than StreamWindow are
// compared with what was written: an older later copy is left out as
// usual, a newer one is an error naming it — never passed off silently.
func TestStreamBeyondItsWindow(t *testing.T) {
	var written []*model.Trial
	s := newStreamOnce(func(tr *model.Trial, _ any) { written = append(written, tr) })
	mk := func(id, updated string) *model.Trial {
		return &model.Trial{ID: id, LastUpdated: updated, Source: model.Source{Path: id + "@" + updated}}
	}
	s.add(mk("NCT09200001", "2024-01-01"), nil)
	s.add(mk("NCT09200002", "2024-01-01"), nil)
	for i := range StreamWindow {
		s.add(mk(fmt.Sprintf("NCT093%05d", i), "2024-01-01"), nil)
	}
	s.add(mk("NCT09200001", "2023-01-01"), nil) // older: a note
	s.add(mk("NCT09200002", "2025-01-01"), nil) // newer, too late: an error
	s.flush()
	if len(written) != StreamWindow+2 {
		t.Fatalf("%d written", len(written))
	}
	if len(s.problems) != 2 || !s.problems[0].Duplicate || s.problems[1].Duplicate ||
		!strings.Contains(s.problems[1].Reason, "more recent") || s.problems[1].Path != "NCT09200002@2025-01-01" {
		t.Errorf("problems %+v", s.problems)
	}
}

// What a worker prepared reaches fn with its trial, except for a trial
// that changed after (a note about a copy left out): fn gets nil for it,
// and does the work itself.
func TestStreamOncePrepared(t *testing.T) {
	got := map[string]any{}
	var order []string
	s := newStreamOnce(func(tr *model.Trial, p any) {
		got[tr.Source.Path], order = p, append(order, tr.Source.Path)
	})
	mk := func(id, updated string) *model.Trial {
		return &model.Trial{ID: id, LastUpdated: updated, Source: model.Source{Path: id + "@" + updated}}
	}
	s.add(mk("NCT09300001", "2024-01-01"), "kept, then noted")
	s.add(mk("NCT09300001", "2023-01-01"), "older copy")
	s.add(mk("NCT09300002", "2023-01-01"), "replaced")
	s.add(mk("NCT09300002", "2024-01-01"), "newer copy, noted")
	s.add(mk("NCT09300003", "2024-01-01"), "untouched")
	s.flush()
	want := map[string]any{"NCT09300001@2024-01-01": nil, "NCT09300002@2024-01-01": nil, "NCT09300003@2024-01-01": "untouched"}
	if !reflect.DeepEqual(got, want) || len(order) != 3 {
		t.Errorf("emitted %v (%v), want %v", got, order, want)
	}
}

func TestTightGCCeiling(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	runtime.GC() // the live heap is measured at a collection
	for _, tt := range []struct {
		name        string
		user        int64 // GOMEMLIMIT before the load
		ceiling     int64
		wantDuring  func(int64) bool
		raisedAbove int64 // roomGC must leave the limit at least this
	}{
		{"no limit of the user's: the ceiling", math.MaxInt64, 1 << 40, func(l int64) bool { return l == 1<<40 }, 1 << 40},
		// A ceiling below what the heap holds already starts a quarter
		// above it, and roomGC keeps it there.
		{"a ceiling below the live heap", math.MaxInt64, 1, func(l int64) bool { return l > 1 && l >= roomAbove(liveHeap()) }, 2},
		{"the user's limit stands", 3 << 40, 1 << 40, func(l int64) bool { return l == 3<<40 }, 3 << 40},
	} {
		t.Run(tt.name, func(t *testing.T) {
			defer func(was int64) { loadCeiling = was }(loadCeiling)
			loadCeiling = tt.ceiling
			debug.SetMemoryLimit(tt.user)
			restore := tightGC()
			if during := debug.SetMemoryLimit(-1); !tt.wantDuring(during) {
				t.Errorf("limit %d during the load", during)
			}
			roomGC()
			if during := debug.SetMemoryLimit(-1); during < tt.raisedAbove {
				t.Errorf("limit %d after roomGC, want at least %d", during, tt.raisedAbove)
			}
			restore()
			if after := debug.SetMemoryLimit(-1); after != tt.user {
				t.Errorf("limit %d after the load, want %d", after, tt.user)
			}
		})
	}
}

// TestTightGCCeilingFollowsHeap: after a collection the ceiling is raised
// to a quarter above what the heap holds, without any call: the load does
// not have to.
func TestTightGCCeilingFollowsHeap(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	defer func(was int64) { loadCeiling = was }(loadCeiling)
	loadCeiling = 1
	runtime.GC()
	restore := tightGC()
	defer restore()
	start := debug.SetMemoryLimit(-1)
	kept := make([]byte, 64<<20) // the heap grows by more than the room
	for i := range kept {
		kept[i] = byte(i)
	}
	for range 1000 { // finalizers run on their own goroutine, soon after
		runtime.GC()
		runtime.Gosched()
		if debug.SetMemoryLimit(-1) >= start+64<<20 {
			break
		}
	}
	if got := debug.SetMemoryLimit(-1); got < start+64<<20 {
		t.Errorf("ceiling %d after the heap grew by 64 MB from a ceiling of %d", got, start)
	}
	runtime.KeepAlive(kept)
}

func TestTightGC(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	for _, tt := range []struct{ before, during int }{{100, 50}, {200, 50}, {30, 30}, {-1, -1}} {
		debug.SetGCPercent(tt.before)
		restore := tightGC()
		during := debug.SetGCPercent(tt.during)
		restore()
		after := debug.SetGCPercent(tt.before)
		if during != tt.during || after != tt.before {
			t.Errorf("GOGC %d: %d during the load, %d after; want %d, %d", tt.before, during, after, tt.during, tt.before)
		}
	}
	// Overlapping holds: the setting comes back when the last one ends,
	// and a restore called twice counts once.
	debug.SetGCPercent(100)
	load, write := tightGC(), tightGC()
	load()
	load()
	if got := debug.SetGCPercent(50); got != 50 {
		t.Errorf("GOGC %d while the snapshot is written, want 50", got)
	}
	write()
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("GOGC %d after both, want 100", got)
	}
}

// TestSettleRoom: once the load's garbage is collected, the ceiling comes
// down to the room above what is live (never below loadCeiling), and a
// limit of the user's is never touched.
func TestSettleRoom(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	defer func(was int64) { loadCeiling = was }(loadCeiling)
	loadCeiling = 1
	runtime.GC()
	restore := tightGC()
	gcTight.Lock()
	gcTight.limit = 1 << 40 // raised while documents were in flight
	debug.SetMemoryLimit(gcTight.limit)
	gcTight.Unlock()
	settleRoom()
	if got, want := debug.SetMemoryLimit(-1), roomAbove(liveHeap()); got >= 1<<40 || got < want/2 {
		t.Errorf("ceiling %d after settling, want about %d", got, want)
	}
	loadCeiling = 1 << 41
	settleRoom()
	if got := debug.SetMemoryLimit(-1); got != 1<<41 {
		t.Errorf("ceiling %d after settling, want loadCeiling's %d", got, int64(1<<41))
	}
	restore()

	debug.SetMemoryLimit(3 << 40) // the user's
	restore = tightGC()
	settleRoom()
	if got := debug.SetMemoryLimit(-1); got != 3<<40 {
		t.Errorf("the user's limit became %d", got)
	}
	restore()
}
