package loader

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"sort"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/trials-app/trials/model"
)

// The load benchmarks read a synthetic registry download: a zip of API v2
// study files built from the real fixtures, each copy given its own NCT id,
// deflated like the site's bulk zip. Run them one iteration at a time:
//
//	go test ./loader -run XXX -bench LoadZip -benchtime 1x -count 5
//
// and quote the medians: this machine is shared.

var corpusCache sync.Map // size → path

// syntheticZip writes (once per process) a zip of n study files.
func syntheticZip(b *testing.B, n int) (path string, rawBytes int64) {
	b.Helper()
	type built struct {
		path string
		raw  int64
	}
	if v, ok := corpusCache.Load(n); ok {
		x := v.(built)
		return x.path, x.raw
	}
	files, _ := filepath.Glob("testdata/ctgov/json/*.json")
	var docs [][]byte
	var ids []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, data)
		ids = append(ids, filepath.Base(f[:len(f)-5]))
	}
	dir, err := os.MkdirTemp("", "trials-bench")
	if err != nil {
		b.Fatal(err)
	}
	path = filepath.Join(dir, fmt.Sprintf("ctg-studies-%d.json.zip", n))
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	zw := zip.NewWriter(f)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, flate.BestSpeed)
	})
	for i := range n {
		k := i % len(docs)
		id := fmt.Sprintf("NCT9%07d", i)
		data := bytes.ReplaceAll(docs[k], []byte(ids[k]), []byte(id))
		w, err := zw.Create(id + ".json")
		if err != nil {
			b.Fatal(err)
		}
		if _, err := w.Write(data); err != nil {
			b.Fatal(err)
		}
		rawBytes += int64(len(data))
	}
	if err := zw.Close(); err != nil {
		b.Fatal(err)
	}
	f.Close()
	corpusCache.Store(n, built{path, rawBytes})
	return path, rawBytes
}

func heapBytes() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// BenchmarkLoadZip keeps every trial, as `trials export` of a small corpus
// or a caller wanting whole studies would: it reports throughput over the
// uncompressed JSON and the heap each kept trial costs.
func BenchmarkLoadZip(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		b.Run(fmt.Sprintf("%dk", n/1000), func(b *testing.B) {
			path, raw := syntheticZip(b, n)
			b.SetBytes(raw)
			b.ResetTimer()
			for b.Loop() {
				before := heapBytes()
				start := time.Now()
				res := Load(path)
				elapsed := time.Since(start)
				if len(res.Trials) != n || len(res.Diagnostics) > 0 {
					b.Fatalf("%d trials, %v", len(res.Trials), res.Diagnostics)
				}
				after := heapBytes()
				b.ReportMetric(float64(after-before)/float64(n), "B/trial-kept")
				b.ReportMetric(float64(n)/elapsed.Seconds(), "trials/s")
				runtime.KeepAlive(res)
			}
		})
	}
}

// BenchmarkLoadZipStreaming hands each trial to a callback that keeps
// nothing — the way export streams and the browser keeps only slim records —
// and reports the peak heap: it must stay far below the archive's size.
func BenchmarkLoadZipStreaming(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		b.Run(fmt.Sprintf("%dk", n/1000), func(b *testing.B) {
			path, raw := syntheticZip(b, n)
			b.SetBytes(raw)
			b.ResetTimer()
			for b.Loop() {
				runtime.GC()
				var peak atomic.Uint64
				stop := make(chan struct{})
				done := make(chan struct{})
				go sampleHeap(&peak, stop, done)
				count := 0
				res := LoadContext(context.Background(), Options{Ordered: true, OnTrials: func(_ int, ts []*model.Trial) {
					count += len(ts)
				}}, path)
				close(stop)
				<-done
				if count != n || len(res.Diagnostics) > 0 {
					b.Fatalf("%d trials, %v", count, res.Diagnostics)
				}
				b.ReportMetric(float64(peak.Load())/(1<<20), "peak-heap-MB")
				b.ReportMetric(float64(raw)/(1<<20), "corpus-MB")
			}
		})
	}
}

func sampleHeap(peak *atomic.Uint64, stop, done chan struct{}) {
	defer close(done)
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	t := time.NewTicker(5 * time.Millisecond)
	defer t.Stop()
	for {
		metrics.Read(s)
		if v := s[0].Value.Uint64(); v > peak.Load() {
			peak.Store(v)
		}
		select {
		case <-stop:
			return
		case <-t.C:
		}
	}
}

// BenchmarkParse measures each layout's parser on its seed document.
func BenchmarkParse(b *testing.B) {
	formats := make([]model.Format, 0, len(seedFiles))
	for f := range seedFiles {
		formats = append(formats, f)
	}
	sort.Slice(formats, func(i, j int) bool { return formats[i] < formats[j] })
	for _, f := range formats {
		data, err := os.ReadFile(seedFiles[f])
		if err != nil {
			b.Fatal(err)
		}
		b.Run(string(f), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := Parse("bench", data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkReload rereads one trial of a registry-sized zip, as the browser
// does when a trial of a large corpus is opened: through a Loader that
// keeps the archive open, and through the package-level Reload, which
// reads the archive's directory again each time.
func BenchmarkReload(b *testing.B) {
	path, _ := syntheticZip(b, 100_000)
	l := New()
	defer l.Close()
	var src model.Source
	loadAll := func() {
		res := l.LoadContext(context.Background(), Options{Ordered: true, OnTrials: func(seq int, ts []*model.Trial) {
			if seq == 50_000 {
				src = ts[0].Source
			}
		}}, path)
		if len(res.Diagnostics) > 0 {
			b.Fatal(res.Diagnostics)
		}
	}
	loadAll()
	b.Run("loader", func(b *testing.B) {
		for b.Loop() {
			if _, err := l.Reload(src); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("package", func(b *testing.B) {
		for b.Loop() {
			if _, err := Reload(src); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkParseRegistryJSON parses the registry's own API v2 studies (the
// shape of its bulk zip), whose criteria walls are most of a cold load's
// parsing.
func BenchmarkParseRegistryJSON(b *testing.B) {
	paths, err := filepath.Glob("testdata/ctgov/json/*.json")
	if err != nil || len(paths) == 0 {
		b.Fatalf("no studies in testdata/ctgov/json: %v", err)
	}
	var docs [][]byte
	var size int64
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		docs, size = append(docs, data), size+int64(len(data))
	}
	b.SetBytes(size)
	for b.Loop() {
		for _, d := range docs {
			if _, err := Parse("bench.json", d); err != nil {
				b.Fatal(err)
			}
		}
	}
}
