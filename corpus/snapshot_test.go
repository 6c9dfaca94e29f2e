package corpus

import (
	"archive/zip"
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/trials-app/trials/eligibility"
	"github.com/trials-app/trials/loader"
	"github.com/trials-app/trials/search"
	"github.com/trials-app/trials/snapshot"
)

// inputs copies real registry records into a directory (with one study
// twice, so that a copy is left out), a zip of the legacy XML records
// and a seed page, and returns their paths.
func snapshotInputs(t *testing.T) (dir, zipPath string, paths []string) {
	t.Helper()
	root := t.TempDir()
	dir = filepath.Join(root, "studies")
	if err := os.MkdirAll(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("../loader/testdata/ctgov/json/*.json")
	for i, f := range files[:6] { // few: the suite runs with -race
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		to := filepath.Join(dir, filepath.Base(f))
		if i%3 == 0 {
			to = filepath.Join(dir, "sub", filepath.Base(f))
		}
		writeFile(t, to, data)
		if i == 0 {
			writeFile(t, filepath.Join(dir, "copy-"+filepath.Base(f)), data)
		}
	}
	zipPath = filepath.Join(root, "legacy.zip")
	xmls, _ := filepath.Glob("../loader/testdata/ctgov/xml/*.xml")
	writeZip(t, zipPath, xmls[:4])
	seed, err := os.ReadFile("../seeds/NCT05033522.txt")
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(root, "NCT05033522.txt"), seed)
	return dir, zipPath, []string{dir, zipPath, filepath.Join(root, "NCT05033522.txt")}
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func writeZip(t *testing.T, path string, files []string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		w, _ := zw.Create(filepath.Base(name))
		w.Write(data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	f.Close()
}

func testCache(t *testing.T) (Cache, *[]string) {
	var notices []string
	return Cache{Dir: t.TempDir(), Program: "trials test", MinTrials: 1, Notice: func(s string) { notices = append(notices, s) }}, &notices
}

// open opens the paths through the cache, waiting for the snapshot to be
// written.
func open(t *testing.T, paths []string, cache Cache) (*Corpus, Opened) {
	t.Helper()
	c, o, err := Open(context.Background(), Source{Paths: paths, Origin: "test"}, Options{}, cache)
	if err != nil {
		t.Fatal(err)
	}
	if o.Saved != nil {
		if err := <-o.Saved; err != nil {
			t.Fatal(err)
		}
	}
	return c, o
}

// TestSnapshotAnswersAsTheLoad: the corpus read from a snapshot has the
// records, problems, index answers, catalogue, screens and (reread)
// trials of the one loaded.
func TestSnapshotAnswersAsTheLoad(t *testing.T) {
	_, _, paths := snapshotInputs(t)
	cache, notices := testCache(t)
	fresh, o := open(t, paths, cache)
	if o.FromSnapshot || len(*notices) != 0 {
		t.Fatalf("first open: %+v, %v", o, *notices)
	}
	snap, o := open(t, paths, cache)
	if !o.FromSnapshot || o.Saved != nil || len(*notices) != 0 {
		t.Fatalf("second open: %+v, %v", o, *notices)
	}
	if snap.Len() != fresh.Len() || snap.Len() < 10 || snap.Origin() != "test" {
		t.Fatalf("%d trials, want %d", snap.Len(), fresh.Len())
	}
	if !reflect.DeepEqual(snap.Problems(), fresh.Problems()) || len(fresh.Problems()) == 0 {
		t.Fatalf("problems %v, want %v", snap.Problems(), fresh.Problems())
	}
	for i := range fresh.Len() {
		a, b := fresh.Record(i), snap.Record(i)
		if a.ID != b.ID || a.Title != b.Title || a.Source() != b.Source() || !slices.Equal(a.Conditions, b.Conditions) ||
			a.Status() != b.Status() || a.Start != b.Start || a.MinAge != b.MinAge || len(a.Interventions) != len(b.Interventions) {
			t.Fatalf("record %d: %+v, want %+v", i, *b, *a)
		}
	}
	for _, q := range []string{"", "carcinoma", "c", "status:recruiting phase:2", "country:china", "crit:ecog", "hepato | lung", "enroll:>100"} {
		pq, err := search.Parse(q)
		if err != nil {
			t.Fatal(err)
		}
		if a, b := fresh.Index().Run(pq, search.Options{}).All(), snap.Index().Run(pq, search.Options{}).All(); !slices.Equal(a, b) {
			t.Errorf("%q: %v, want %v", q, b, a)
		}
	}
	for _, q := range []string{"", "sorafenib", "placebo", "pembro"} {
		a, b := fresh.Catalog().Find(q), snap.Catalog().Find(q)
		if len(a) != len(b) {
			t.Fatalf("finder %q: %d hits, want %d", q, len(b), len(a))
		}
		for k := range a {
			if fresh.Catalog().Entry(a[k].Entry).Name != snap.Catalog().Entry(b[k].Entry).Name ||
				len(fresh.Catalog().Entry(a[k].Entry).Uses) != len(snap.Catalog().Entry(b[k].Entry).Uses) {
				t.Fatalf("finder %q: hit %d differs", q, k)
			}
		}
	}
	age, ecog, plt := 67.0, 1.0, 80.0
	patients := []eligibility.Patient{{Age: &age}, {Age: &age, ECOG: &ecog, Platelets: &plt}}
	for i := range fresh.Len() {
		if !reflect.DeepEqual(fresh.Screens().Requirements(i), snap.Screens().Requirements(i)) {
			t.Fatalf("record %d: requirements differ", i)
		}
		for _, p := range patients {
			a, _ := fresh.Screen(i, &p)
			b, _ := snap.Screen(i, &p)
			if !reflect.DeepEqual(a, b) {
				t.Fatalf("record %d: screen %+v, want %+v", i, b, a)
			}
		}
	}
	for i := range fresh.Len() {
		want, err := fresh.Trial(i)
		if err != nil {
			t.Fatal(err)
		}
		got, err := snap.Trial(i)
		if err != nil {
			t.Fatalf("reread %d: %v", i, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("trial %d (%s) reread from the snapshot's sources differs", i, want.ID)
		}
	}
}

// TestSnapshotRebuiltWhenInputsChange: each change to the inputs, or to
// the program, makes the next open load again, saying why, and write a
// snapshot the open after uses.
func TestSnapshotRebuiltWhenInputsChange(t *testing.T) {
	dir, zipPath, paths := snapshotInputs(t)
	later := time.Now().Add(time.Hour)
	cases := []struct {
		name   string
		change func(c *Cache)
		want   string
	}{
		{"file touched", func(*Cache) { os.Chtimes(filepath.Join(dir, "sub", "NCT00184067.json"), later, later) }, "a file in studies changed since the snapshot of "},
		{"file added", func(*Cache) {
			writeFile(t, filepath.Join(dir, "sub", "new.json"), []byte(`{"protocolSection":{"identificationModule":{"nctId":"NCT09999999","briefTitle":"New"}}}`))
		}, "studies now holds 8 files, not 7 since the snapshot of "},
		{"zip replaced", func(*Cache) {
			xmls, _ := filepath.Glob("../loader/testdata/ctgov/xml/*.xml")
			writeZip(t, zipPath, xmls[:2])
		}, "legacy.zip changed since the snapshot of "},
		{"page touched", func(*Cache) { os.Chtimes(paths[2], later, later) }, "NCT05033522.txt changed since"},
		{"program", func(c *Cache) { c.Program = "trials test 2" }, "was written by another build of trials (trials test; this is trials test 2)"},
	}
	cache, notices := testCache(t)
	open(t, paths, cache)
	for _, tc := range cases {
		*notices = nil
		tc.change(&cache)
		c, o := open(t, paths, cache)
		if o.FromSnapshot || len(*notices) != 1 || !strings.Contains((*notices)[0], tc.want) || !strings.HasSuffix((*notices)[0], ": reloading") {
			t.Fatalf("%s: from snapshot %v, notices %q; want %q", tc.name, o.FromSnapshot, *notices, tc.want)
		}
		*notices = nil
		again, o := open(t, paths, cache)
		if !o.FromSnapshot || len(*notices) != 0 || again.Len() != c.Len() {
			t.Fatalf("%s: the rebuilt snapshot is not used: %+v %v", tc.name, o, *notices)
		}
	}
}

// TestSnapshotDamaged: a snapshot truncated, with a byte changed, or
// replaced by another file is never used: the corpus is loaded, the
// notice says why, and the snapshot is written again.
func TestSnapshotDamaged(t *testing.T) {
	_, _, paths := snapshotInputs(t)
	cache, notices := testCache(t)
	want, _ := open(t, paths, cache)
	cwd, _ := os.Getwd()
	path := filepath.Join(cache.Dir, snapshot.Name(paths, cwd))
	good, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	flip := func(at int) []byte { b := slices.Clone(good); b[at] ^= 0x40; return b }
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"truncated", good[:len(good)/2], "is damaged"},
		{"header only", good[:20], "is damaged"},
		{"empty", nil, "not one this program reads"},
		{"byte changed in the records", flip(len(good) / 3), "is damaged"},
		{"byte changed at the end", flip(len(good) - 30), "is damaged"},
		{"byte changed in the table", flip(20), "is damaged"},
		{"foreign", []byte("PK\x03\x04 this is a zip, not a snapshot"), "not one this program reads"},
	}
	for _, tc := range cases {
		*notices = nil
		writeFile(t, path, tc.data)
		c, o := open(t, paths, cache)
		if o.FromSnapshot || c.Len() != want.Len() || len(*notices) != 1 || !strings.Contains((*notices)[0], tc.want) {
			t.Fatalf("%s: from snapshot %v, %d trials, notices %q", tc.name, o.FromSnapshot, c.Len(), *notices)
		}
		if f, err := snapshot.Open(path); err != nil || f.Meta.Trials != want.Len() {
			t.Fatalf("%s: not rebuilt: %v", tc.name, err)
		}
	}
}

// TestSnapshotForeignFilesIgnored: other files in the cache directory are
// neither listed, nor removed by Clear, nor in the way.
func TestSnapshotForeignFilesIgnored(t *testing.T) {
	_, _, paths := snapshotInputs(t)
	cache, _ := testCache(t)
	writeFile(t, filepath.Join(cache.Dir, "README"), []byte("mine"))
	writeFile(t, filepath.Join(cache.Dir, "other.snap"), []byte("not a snapshot at all"))
	open(t, paths, cache)
	if _, o := open(t, paths, cache); !o.FromSnapshot {
		t.Fatal("not reopened from the snapshot")
	}
	list, err := snapshot.List(cache.Dir)
	if err != nil || len(list) != 1 || list[0].Meta.Trials == 0 || list[0].Err != nil || list[0].Meta.Paths[0] != paths[0] {
		t.Fatalf("list: %+v, %v", list, err)
	}
	n, _, err := snapshot.Clear(cache.Dir)
	if err != nil || n != 2 { // the snapshot, and other.snap (a snapshot's name)
		t.Fatalf("cleared %d: %v", n, err)
	}
	if _, err := os.Stat(filepath.Join(cache.Dir, "README")); err != nil {
		t.Fatal("Clear removed a file that is not a snapshot")
	}
}

// TestSnapshotConcurrentWriters: corpora opened and written at once leave
// one whole snapshot.
func TestSnapshotConcurrentWriters(t *testing.T) {
	_, _, paths := snapshotInputs(t)
	cache, _ := testCache(t)
	cache.Notice = nil
	var wg sync.WaitGroup
	for range 3 {
		wg.Go(func() { open(t, paths, cache) })
	}
	wg.Wait()
	des, _ := os.ReadDir(cache.Dir)
	if len(des) != 1 {
		t.Fatalf("%d files in the cache, want one snapshot", len(des))
	}
	f, err := snapshot.Open(filepath.Join(cache.Dir, des[0].Name()))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := FromSnapshot(f, "x", nil); err != nil {
		t.Fatal(err)
	}
}

// TestSnapshotRereadChecksSource: a trial of a corpus read from a snapshot
// is read again from its file, which must still be the one loaded.
func TestSnapshotRereadChecksSource(t *testing.T) {
	dir, _, paths := snapshotInputs(t)
	cache, _ := testCache(t)
	open(t, paths, cache)
	c, o := open(t, paths, cache)
	if !o.FromSnapshot {
		t.Fatal("not from the snapshot")
	}
	i := slices.IndexFunc(c.Index().Records(), func(r search.Record) bool { return r.ID == "NCT00517179" })
	if _, err := c.Trial(i); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(time.Hour)
	os.Chtimes(filepath.Join(dir, "NCT00517179.json"), later, later)
	c, _ = open(t, paths, cache) // rebuilt
	c2, o := open(t, paths, cache)
	if !o.FromSnapshot {
		t.Fatal("not from the snapshot")
	}
	os.Chtimes(filepath.Join(dir, "NCT00517179.json"), later.Add(time.Hour), later.Add(time.Hour))
	if _, err := c2.Trial(i); !errors.Is(err, loader.ErrChanged) {
		t.Fatalf("reread of a changed file: %v", err)
	}
	_ = c
}

// TestSnapshotSmallCorpusNotWritten: below MinTrials, nothing is kept.
func TestSnapshotSmallCorpusNotWritten(t *testing.T) {
	cache, _ := testCache(t)
	cache.MinTrials = 0
	_, o := open(t, []string{"../seeds"}, cache)
	if o.Saved != nil {
		t.Fatal("a snapshot of five trials")
	}
	if des, _ := os.ReadDir(cache.Dir); len(des) != 0 {
		t.Fatalf("%d files in the cache", len(des))
	}
}
