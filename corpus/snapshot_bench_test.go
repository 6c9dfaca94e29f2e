package corpus

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/trials-app/trials/loader"
	"github.com/trials-app/trials/model"
	"github.com/trials-app/trials/search"
	"github.com/trials-app/trials/snapshot"
)

// Snapshot benchmarks at 100,000 and 550,000 trials (the registry):
//
//	go test ./corpus -run XXX -bench Snapshot -benchtime 1x -count 5
//
// The corpus is the real registry records, each copied under its own NCT
// id as members of one zip (as loader/bench_test.go's registry-shaped
// zip), indexed without parsing — building it takes a minute or two at
// 550k. SNAPSHOT_BENCH_SIZES ("20000") picks other sizes. Reopening runs
// in a fresh process, so that its peak resident memory is its own.

func snapshotBenchSizes() []int {
	env := os.Getenv("SNAPSHOT_BENCH_SIZES")
	if env == "" {
		return []int{100_000, 550_000}
	}
	var out []int
	for _, f := range strings.Split(env, ",") {
		if n, err := strconv.Atoi(strings.TrimSpace(f)); err == nil && n > 0 {
			out = append(out, n)
		}
	}
	return out
}

type benchSnapshot struct {
	dir, input string // the cache directory; the input the snapshot is of
	c          *Corpus
	size       int64
}

var (
	benchMu    sync.Mutex
	benchBuilt = map[int]*benchSnapshot{}
	benchDirs  []string
)

func TestMain(m *testing.M) {
	code := m.Run()
	for _, d := range benchDirs {
		os.RemoveAll(d)
	}
	os.Exit(code)
}

// benchCorpus builds (once per size) a corpus of n trials and writes its
// snapshot.
func benchCorpus(b *testing.B, n int) *benchSnapshot {
	benchMu.Lock()
	defer benchMu.Unlock()
	if s := benchBuilt[n]; s != nil {
		return s
	}
	res := loader.Load("../loader/testdata/ctgov/json", "../loader/testdata/ctgov/xml")
	if len(res.Trials) == 0 {
		b.Fatal("no fixtures")
	}
	// Not b.TempDir: the snapshot serves every -count of the benchmarks;
	// TestMain removes it.
	dir, err := os.MkdirTemp("", "trials-snapshot-bench")
	if err != nil {
		b.Fatal(err)
	}
	benchDirs = append(benchDirs, dir)
	input := filepath.Join(dir, "ctg-studies.zip") // stands for the zip the trials came from
	if err := os.WriteFile(input, []byte("PK"), 0o644); err != nil {
		b.Fatal(err)
	}
	info, _ := os.Stat(input)
	ib := search.NewBuilder(n)
	sb := newScreensBuilder(n)
	for i := range n {
		t := *res.Trials[i%len(res.Trials)]
		id := fmt.Sprintf("NCT9%07d", i)
		t.ID, t.NCTID = id, id
		t.Source = model.Source{Path: input, Format: t.Source.Format, Entry: id + ".json",
			Origin: model.Origin{ID: id, Member: i + 1, Size: info.Size(), ModTime: info.ModTime().UnixNano()}}
		ib.AddTrial(&t)
		sb.add(&t)
	}
	c := FromParts(Parts{Index: ib.Index(), Screens: sb.done(), Origin: "bench", Reread: loader.Reload})
	s := &benchSnapshot{dir: filepath.Join(dir, "cache"), input: input, c: c}
	benchBuilt[n] = s
	s.write(b)
	return s
}

func (s *benchSnapshot) path() string {
	cwd, _ := os.Getwd()
	return filepath.Join(s.dir, snapshot.Name([]string{s.input}, cwd))
}

func (s *benchSnapshot) write(b *testing.B) {
	meta := snapshot.Meta{Program: "bench", Created: time.Now(), Paths: []string{s.input},
		Inputs: snapshot.Fingerprint([]string{s.input}), Origin: "bench", Trials: s.c.Len()}
	if err := WriteSnapshot(s.path(), meta, s.c); err != nil {
		b.Fatal(err)
	}
	info, err := os.Stat(s.path())
	if err != nil {
		b.Fatal(err)
	}
	s.size = info.Size()
}

// BenchmarkSnapshotWrite writes the snapshot of a loaded corpus, as the
// browser does in the background once the list is usable.
func BenchmarkSnapshotWrite(b *testing.B) {
	for _, n := range snapshotBenchSizes() {
		b.Run(fmt.Sprintf("%dk", n/1000), func(b *testing.B) {
			s := benchCorpus(b, n)
			for b.Loop() {
				s.write(b)
			}
			b.ReportMetric(float64(s.size)/(1<<20), "snapshot-MB")
			b.ReportMetric(float64(s.size)/float64(n), "B/trial")
		})
	}
}

// childResult is what a reopening process reports.
type childResult struct {
	OpenMS, OpenCPUMS, QueryMS, FinderMS float64
	PeakRSSMB, HeapMB                    float64
	Trials, Hits                         int
}

// BenchmarkSnapshotOpen reopens the corpus from its snapshot in a fresh
// process: the time until the corpus is usable (the browser's first
// frame) and the processor time it took (user and system, all threads:
// on a busy machine the wall time is mostly waiting for a core), the
// first query answered on it (typing "carcinoma", ranked
// rows of the first screen), the finder's first letter, and the process's
// peak resident memory.
func BenchmarkSnapshotOpen(b *testing.B) {
	for _, n := range snapshotBenchSizes() {
		b.Run(fmt.Sprintf("%dk", n/1000), func(b *testing.B) {
			s := benchCorpus(b, n)
			runtime.GC()
			var runs []childResult
			for b.Loop() {
				cmd := exec.Command(os.Args[0], "-test.run=^TestSnapshotOpenChild$", "-test.count=1")
				cmd.Env = append(os.Environ(), "SNAPSHOT_CHILD_DIR="+s.dir, "SNAPSHOT_CHILD_INPUT="+s.input)
				out, err := cmd.CombinedOutput()
				if err != nil {
					b.Fatalf("%v: %s", err, out)
				}
				var r childResult
				line := out[strings.Index(string(out), "{") : strings.Index(string(out), "}")+1]
				if err := json.Unmarshal(line, &r); err != nil || r.Trials != n {
					b.Fatalf("%v: %s", err, out)
				}
				runs = append(runs, r)
			}
			med := func(f func(childResult) float64) float64 {
				v := make([]float64, len(runs))
				for i, r := range runs {
					v[i] = f(r)
				}
				sort.Float64s(v)
				return v[len(v)/2]
			}
			b.ReportMetric(med(func(r childResult) float64 { return r.OpenMS }), "open-ms")
			b.ReportMetric(med(func(r childResult) float64 { return r.OpenCPUMS }), "open-cpu-ms")
			b.ReportMetric(med(func(r childResult) float64 { return r.QueryMS }), "first-query-ms")
			b.ReportMetric(med(func(r childResult) float64 { return r.FinderMS }), "finder-ms")
			b.ReportMetric(med(func(r childResult) float64 { return r.PeakRSSMB }), "peak-RSS-MB")
			b.ReportMetric(med(func(r childResult) float64 { return r.HeapMB }), "heap-MB")
			b.ReportMetric(float64(s.size)/(1<<20), "snapshot-MB")
		})
	}
}

// TestSnapshotOpenChild is BenchmarkSnapshotOpen's reopening process; it
// does nothing in an ordinary test run.
func TestSnapshotOpenChild(t *testing.T) {
	dir, input := os.Getenv("SNAPSHOT_CHILD_DIR"), os.Getenv("SNAPSHOT_CHILD_INPUT")
	if dir == "" {
		t.Skip("run by BenchmarkSnapshotOpen")
	}
	start, cpu := time.Now(), cpuTime()
	c, o, err := Open(context.Background(), Source{Paths: []string{input}, Origin: "bench"}, Options{}, Cache{Dir: dir, Program: "bench",
		Notice: func(s string) { t.Fatal(s) }})
	if err != nil || !o.FromSnapshot {
		t.Fatalf("%v, %+v", err, o)
	}
	opened, openCPU := time.Since(start), cpuTime()-cpu
	start = time.Now()
	q, _ := search.Parse("carcinoma")
	m := c.Index().Run(q, search.Options{})
	rows := m.Rows(0, 50)
	query := time.Since(start)
	start = time.Now()
	hits := c.Catalog().Find("p")
	finder := time.Since(start)
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	r := childResult{OpenMS: ms64(opened), OpenCPUMS: ms64(openCPU), QueryMS: ms64(query), FinderMS: ms64(finder), PeakRSSMB: peakRSSMB(),
		HeapMB: float64(ms.HeapAlloc) / (1 << 20), Trials: c.Len(), Hits: m.Len() + len(rows)*0 + len(hits)*0}
	out, _ := json.Marshal(r)
	fmt.Printf("%s\n", out)
	runtime.KeepAlive(slices.Clip(rows))
}

func ms64(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
