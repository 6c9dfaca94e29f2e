package sqlite

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
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

var sizes = []int{10_000, 100_000}

func BenchmarkExportSQLite(b *testing.B) {
	base, bytes := benchCorpus(b)
	for _, n := range sizes {
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
			}
			report(b, n, raw)
			b.ReportMetric(float64(size)/1e6, "dbMB")
		})
	}
}

func BenchmarkExportJSONL(b *testing.B) {
	base, bytes := benchCorpus(b)
	for _, n := range sizes {
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
