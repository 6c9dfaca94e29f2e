package corpus

import (
	"archive/zip"
	"bufio"
	"bytes"
	"context"
	goflag "flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/trials-app/trials/export"
	"github.com/trials-app/trials/loader/synthetic"
	"github.com/trials-app/trials/model"
)

// The cold-load benchmarks read a synthetic registry download (package
// loader/synthetic: API v2 study files of about 13 KB, zipped like the
// site's bulk ctg-studies.json.zip), written once into -load.dir and kept
// there for the next run — delete it when done, a 550k zip is 2.5 GB:
//
//	go test ./corpus -run XXX -bench 'ColdLoad|ExportJSONL' -benchtime 1x -count 5
//	go test ./corpus -run XXX -bench ColdLoad -benchtime 1x -count 5 -load.sizes 550000
//
// Run one size at a time for peak RSS: it is the process's, reset (on
// Linux) before each load. Quote medians: the machine is shared.

var (
	loadSizes = goflag.String("load.sizes", "100000", "studies in the synthetic zips, comma-separated")
	loadHeap  = goflag.String("load.heapprofile", "", "write the heap in use once the corpus is loaded to this file")
	loadCeil  = goflag.Int64("load.ceiling", 0, "the heap ceiling of a big load in MB (0: loadCeiling's): a smaller corpus's load at a registry's proportions")
	loadDir   = goflag.String("load.dir", filepath.Join(os.TempDir(), "trials-synthetic"), "where the synthetic zips are kept between runs")
)

func benchZips(b *testing.B) []struct {
	n    int
	path string
	st   synthetic.Stats
} {
	b.Helper()
	var out []struct {
		n    int
		path string
		st   synthetic.Stats
	}
	for _, s := range strings.Split(*loadSizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n <= 0 {
			b.Fatalf("-load.sizes: %q is not a number of studies", s)
		}
		path, st, err := synthetic.Cached(*loadDir, "../loader/testdata/ctgov/json", n, 1)
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, struct {
			n    int
			path string
			st   synthetic.Stats
		}{n, path, st})
	}
	runtime.GC()
	return out
}

func sizeName(n int) string {
	if n%1000 == 0 {
		return fmt.Sprintf("%dk", n/1000)
	}
	return strconv.Itoa(n)
}

// BenchmarkColdLoad opens a registry download as the browser does: every
// trial's slim record, index, catalogue and screening data, with the
// trials themselves let go. It reports the wall time to the complete
// corpus, the CPU seconds it took, what it allocated, the peak resident
// memory, and when the first part of the list could be shown.
func BenchmarkColdLoad(b *testing.B) {
	if *loadCeil > 0 {
		defer func(was int64) { loadCeiling = was }(loadCeiling)
		loadCeiling = *loadCeil << 20
	}
	for _, z := range benchZips(b) {
		b.Run(sizeName(z.n), func(b *testing.B) {
			b.SetBytes(z.st.JSONBytes)
			for b.Loop() {
				runtime.GC()
				resetPeakRSS()
				var before runtime.MemStats
				runtime.ReadMemStats(&before)
				cpu0 := cpuSeconds()
				start := time.Now()
				var first time.Duration
				parts := 0
				c, err := Load(context.Background(), Source{Paths: []string{z.path}, Origin: "bench"}, Options{Publish: func(p *Corpus) {
					if parts++; parts == 1 {
						first = time.Since(start)
					}
				}})
				elapsed := time.Since(start)
				cpu := cpuSeconds() - cpu0
				var after runtime.MemStats
				runtime.ReadMemStats(&after)
				if err != nil || c.Len() != z.n || len(c.Problems()) > 0 {
					b.Fatalf("%d trials, %v, %v", c.Len(), err, c.Problems())
				}
				b.ReportMetric(elapsed.Seconds(), "s")
				b.ReportMetric(first.Seconds(), "first-part-s")
				b.ReportMetric(float64(parts), "parts")
				b.ReportMetric(cpu, "CPU-s")
				b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/1e9, "alloc-GB")
				b.ReportMetric(peakRSSMB(), "peakRSS-MB")
				runtime.GC()
				b.ReportMetric(float64(heapInUse())/1e6, "live-MB")
				if *loadHeap != "" {
					if f, err := os.Create(*loadHeap); err == nil {
						pprof.Lookup("heap").WriteTo(f, 0)
						f.Close()
					}
				}
				runtime.KeepAlive(c)
			}
		})
	}
}

// BenchmarkExportJSONL streams a registry download to JSON Lines, as
// `trials export --format jsonl` does: MB/s counts the JSON written.
func BenchmarkExportJSONL(b *testing.B) {
	for _, z := range benchZips(b) {
		b.Run(sizeName(z.n), func(b *testing.B) {
			for b.Loop() {
				resetPeakRSS()
				var out countingWriter
				w := bufio.NewWriterSize(&out, 1<<20)
				enc, err := export.NewEncoder(w, "jsonl")
				if err != nil {
					b.Fatal(err)
				}
				n := 0
				start := time.Now()
				// As `trials export` does: each trial rendered in the
				// loader's workers, written in order.
				prepare := func(t *model.Trial) any { return enc.Render(t) }
				problems := StreamPrepared(context.Background(), Source{Paths: []string{z.path}}, nil, prepare, func(t *model.Trial, p any) {
					n++
					r, _ := p.(*export.Rendered)
					if err := enc.EncodeRendered(t, r); err != nil {
						b.Fatal(err)
					}
				})
				if err := enc.Close(); err != nil {
					b.Fatal(err)
				}
				w.Flush()
				elapsed := time.Since(start)
				if n != z.n || len(problems) > 0 {
					b.Fatalf("%d trials, %v", n, problems)
				}
				b.ReportMetric(float64(out)/1e6/elapsed.Seconds(), "MB/s-written")
				b.ReportMetric(elapsed.Seconds(), "s")
				b.ReportMetric(peakRSSMB(), "peakRSS-MB")
			}
		})
	}
}

type countingWriter int64

func (c *countingWriter) Write(p []byte) (int, error) {
	*c += countingWriter(len(p))
	return len(p), nil
}

func cpuSeconds() float64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}

func heapInUse() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse
}

// resetPeakRSS starts a new peak (Linux: writing 5 to clear_refs resets
// VmHWM); elsewhere the peak is the process's so far.
func resetPeakRSS() { _ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) }

// peakRSSMB is VmHWM, the peak resident set since the last reset.
func peakRSSMB() float64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for line := range bytes.Lines(data) {
		if rest, ok := bytes.CutPrefix(line, []byte("VmHWM:")); ok {
			f := strings.Fields(string(rest))
			if len(f) > 0 {
				kb, _ := strconv.ParseFloat(f[0], 64)
				return kb / 1024
			}
		}
	}
	return 0
}

var _ io.Writer = (*countingWriter)(nil)

// BenchmarkInflateFloor reads every member of the registry zip on every
// core and does nothing with it: the time a cold load cannot go below
// with the standard library's inflate (klauspost/compress's was 7%
// faster on these zips — not enough to earn a dependency).
func BenchmarkInflateFloor(b *testing.B) {
	for _, z := range benchZips(b) {
		b.Run(sizeName(z.n), func(b *testing.B) {
			b.SetBytes(z.st.JSONBytes)
			for b.Loop() {
				zr, err := zip.OpenReader(z.path)
				if err != nil {
					b.Fatal(err)
				}
				start := time.Now()
				cpu0 := cpuSeconds()
				next := make(chan *zip.File)
				var wg sync.WaitGroup
				for range runtime.GOMAXPROCS(0) {
					wg.Go(func() {
						buf := make([]byte, 1<<20)
						for f := range next {
							rc, err := f.Open()
							if err != nil {
								b.Error(err)
								continue
							}
							for {
								if _, err := rc.Read(buf); err != nil {
									break
								}
							}
							rc.Close()
						}
					})
				}
				for _, f := range zr.File {
					next <- f
				}
				close(next)
				wg.Wait()
				b.ReportMetric(time.Since(start).Seconds(), "s")
				b.ReportMetric(cpuSeconds()-cpu0, "CPU-s")
				zr.Close()
			}
		})
	}
}
