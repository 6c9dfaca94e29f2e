package sqlite

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/flate"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/trials-app/trials/export"
	"github.com/trials-app/trials/loader"
	"github.com/trials-app/trials/model"
)

// The export benchmarks write trials shaped like registry records: the real
// ClinicalTrials.gov API v2 studies of the loader's fixtures (the same
// records as ../shared/ctgov-fixtures), loaded with loader.Load and
// repeated with a fresh NCT id each, into a SQLite file and, for
// comparison, into a JSON Lines file through the export package. Run them
// one iteration at a time and quote the medians:
//
//	go test ./export/sqlite -run XXX -bench . -benchtime 1x -count 5
//
// MB/s counts the trials' JSON export (what jsonl writes), for both.

var (
	benchOnce   sync.Once
	benchTrials []*model.Trial
	benchBytes  []int // each one's jsonl size
)

func benchCorpus(b *testing.B) ([]*model.Trial, []int) {
	benchOnce.Do(func() {
		res := loader.Load(filepath.Join(fixtures, "json"))
		benchTrials = res.Trials
		for _, t := range benchTrials {
			data, err := json.Marshal(t)
			if err != nil {
				panic(err)
			}
			benchBytes = append(benchBytes, len(data)+1)
		}
	})
	if len(benchTrials) == 0 {
		b.Fatal("no fixture trials loaded")
	}
	return benchTrials, benchBytes
}

// nthTrial is fixture i%len with its own id, as a registry's trial i.
func nthTrial(base []*model.Trial, i int) *model.Trial {
	t := *base[i%len(base)]
	t.ID = fmt.Sprintf("NCT9%07d", i)
	t.NCTID = t.ID
	return &t
}

// -sqlite.trials=550000 adds a size (the whole registry) to the two that
// run by default.
var extraSize = flag.Int("sqlite.trials", 0, "also benchmark this many trials")

var sizes = []int{10_000, 100_000}

func benchSizes() []int {
	if *extraSize > 0 {
		return append(slices.Clone(sizes), *extraSize)
	}
	return sizes
}

func BenchmarkExportSQLite(b *testing.B) {
	base, bytes := benchCorpus(b)
	for _, n := range benchSizes() {
		b.Run(fmt.Sprintf("trials=%d", n), func(b *testing.B) {
			var raw int64
			for i := range n {
				raw += int64(bytes[i%len(bytes)])
			}
			dir := b.TempDir()
			var size int64
			for b.Loop() {
				path := filepath.Join(dir, "trials.db")
				w, err := Create(path, Info{ProgramVersion: "bench"})
				if err != nil {
					b.Fatal(err)
				}
				for i := range n {
					if err := w.Write(nthTrial(base, i)); err != nil {
						b.Fatal(err)
					}
				}
				if err := w.Close(); err != nil {
					b.Fatal(err)
				}
				st, err := os.Stat(path)
				if err != nil {
					b.Fatal(err)
				}
				size = st.Size()
				tm := w.timing
				b.ReportMetric(tm.inserted.Sub(tm.start).Seconds(), "insert-s")
				b.ReportMetric(tm.indexed.Sub(tm.inserted).Seconds(), "index-s")
				b.ReportMetric(tm.published.Sub(tm.indexed).Seconds(), "sync-s")
			}
			report(b, n, raw)
			b.ReportMetric(float64(size)/1e6, "dbMB")
			b.ReportMetric(peakRSS(), "peakRSS-MB") // of the process so far: run one size alone
		})
	}
}

func BenchmarkExportJSONL(b *testing.B) {
	base, bytes := benchCorpus(b)
	for _, n := range benchSizes() {
		b.Run(fmt.Sprintf("trials=%d", n), func(b *testing.B) {
			var raw int64
			for i := range n {
				raw += int64(bytes[i%len(bytes)])
			}
			dir := b.TempDir()
			for b.Loop() {
				f, err := os.Create(filepath.Join(dir, "trials.jsonl"))
				if err != nil {
					b.Fatal(err)
				}
				bw := bufio.NewWriterSize(f, 1<<20)
				enc, err := export.NewEncoder(bw, "jsonl")
				if err != nil {
					b.Fatal(err)
				}
				for i := range n {
					if err := enc.Encode(nthTrial(base, i)); err != nil {
						b.Fatal(err)
					}
				}
				if err := enc.Close(); err != nil {
					b.Fatal(err)
				}
				if err := bw.Flush(); err != nil {
					b.Fatal(err)
				}
				if err := f.Close(); err != nil {
					b.Fatal(err)
				}
			}
			report(b, n, raw)
		})
	}
}

func report(b *testing.B, n int, raw int64) {
	s := b.Elapsed().Seconds() / float64(b.N)
	b.ReportMetric(float64(n)/s, "trials/s")
	b.ReportMetric(float64(raw)/1e6/s, "MB/s")
	b.ReportMetric(s*550_000/float64(n), "s@550k")
}

// The end-to-end benchmarks are the brief's measure: `trials export` of a
// registry download, from the zip through the loader (both cores) to the
// file, as jsonl and as sqlite — what the user waits for. The zip is built
// like the loader benchmark's: the fixture studies, each copy given its
// own NCT id, deflated like the site's bulk zip.
//
//	go test ./export/sqlite -run XXX -bench FromZip -benchtime 1x -count 5

// registryZip writes a zip of n studies into dir.
func registryZip(b *testing.B, dir string, n int) (string, int64) {
	b.Helper()
	files, _ := filepath.Glob(filepath.Join(fixtures, "json", "*.json"))
	if len(files) == 0 {
		b.Fatal("no fixture studies")
	}
	var docs [][]byte
	var ids []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, data)
		ids = append(ids, strings.TrimSuffix(filepath.Base(f), ".json"))
	}
	path := filepath.Join(dir, fmt.Sprintf("ctg-studies-%d.json.zip", n))
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	zw := zip.NewWriter(f)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, flate.BestSpeed)
	})
	var raw int64
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
		raw += int64(len(data))
	}
	if err := zw.Close(); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	return path, raw
}

// exportZip loads the zip in input order and hands each trial to write.
func exportZip(b *testing.B, path string, n int, write func(*model.Trial) error) {
	exportZipPrepared(b, path, n, nil, func(t *model.Trial, _ any) error { return write(t) })
}

// exportZipPrepared is exportZip with prepare (when not nil) run on each
// trial in the loader's workers first.
func exportZipPrepared(b *testing.B, path string, n int, prepare func(*model.Trial) any, write func(*model.Trial, any) error) {
	var werr error
	count := 0
	opts := loader.Options{Ordered: true,
		OnTrials: func(_ int, ts []*model.Trial) {
			for _, t := range ts {
				count++
				if werr == nil {
					werr = write(t, nil)
				}
			}
		}}
	if prepare != nil {
		opts.Prepare = prepare
		opts.OnPrepared = func(_ int, ts []*model.Trial, ps []any) {
			for k, t := range ts {
				count++
				if werr == nil {
					werr = write(t, ps[k])
				}
			}
		}
	}
	res := loader.LoadContext(context.Background(), opts, path)
	if werr != nil {
		b.Fatal(werr)
	}
	if count != n || len(res.Diagnostics) > 0 {
		b.Fatalf("%d of %d trials, %v", count, n, res.Diagnostics)
	}
}

func BenchmarkFromZip(b *testing.B) {
	for _, n := range benchSizes() {
		b.Run(fmt.Sprintf("trials=%d", n), func(b *testing.B) {
			path, raw := registryZip(b, b.TempDir(), n) // removed once both formats ran
			for _, format := range []string{"jsonl", "sqlite"} {
				b.Run(format, func(b *testing.B) {
					dir := b.TempDir()
					b.ResetTimer()
					for b.Loop() {
						if format == "sqlite" {
							w, err := Create(filepath.Join(dir, "trials.db"), Info{ProgramVersion: "bench", Sources: []string{path}})
							if err != nil {
								b.Fatal(err)
							}
							exportZip(b, path, n, w.Write)
							if err := w.Close(); err != nil {
								b.Fatal(err)
							}
							continue
						}
						f, err := os.Create(filepath.Join(dir, "trials.jsonl"))
						if err != nil {
							b.Fatal(err)
						}
						bw := bufio.NewWriterSize(f, 1<<20)
						enc, err := export.NewEncoder(bw, "jsonl")
						if err != nil {
							b.Fatal(err)
						}
						// As trials export does: rendered in the workers.
						exportZipPrepared(b, path, n, func(t *model.Trial) any { return enc.Render(t) },
							func(t *model.Trial, p any) error { return enc.EncodeRendered(t, p.(*export.Rendered)) })
						if err := enc.Close(); err != nil {
							b.Fatal(err)
						}
						if err := bw.Flush(); err != nil {
							b.Fatal(err)
						}
						if err := f.Close(); err != nil {
							b.Fatal(err)
						}
					}
					s := b.Elapsed().Seconds() / float64(b.N)
					b.ReportMetric(float64(n)/s, "trials/s")
					b.ReportMetric(float64(raw)/1e6/s, "zipMB/s") // of the studies' JSON, uncompressed
					b.ReportMetric(s*550_000/float64(n), "s@550k")
				})
			}
		})
	}
}
