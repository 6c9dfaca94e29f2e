package export_test

import (
	"archive/zip"
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/trials-app/trials/eligibility"
	"github.com/trials-app/trials/export"
	"github.com/trials-app/trials/loader"
	"github.com/trials-app/trials/loader/synthetic"
)

// BenchmarkExtractionShare is what reading the requirements adds to
// `trials export --format jsonl` of a registry download (issue 8: at most
// 10% at 100k trials). It walks a registry-shaped zip made by
// loader/synthetic (about 12.8 KB of API v2 JSON a study; kept in
// $TMPDIR/trials-synthetic between runs, as the corpus benchmarks do) on
// one goroutine, doing an export's work for each study — inflate, parse
// (which extracts its requirements), write JSON Lines — and times the
// extraction of the same criteria on its own beside it. extraction-% is
// that time over the export's time without it.
//
//	go test ./export -run XXX -bench ExtractionShare -benchtime 1x -count 5
func BenchmarkExtractionShare(b *testing.B) {
	dir := filepath.Join(os.TempDir(), "trials-synthetic")
	for _, n := range []int{10_000, 100_000} {
		b.Run(fmt.Sprint(n/1000, "k"), func(b *testing.B) {
			path, _, err := synthetic.Cached(dir, "../loader/testdata/ctgov/json", n, 1)
			if err != nil {
				b.Skip(err)
			}
			zr, err := zip.OpenReader(path)
			if err != nil {
				b.Fatal(err)
			}
			defer zr.Close()
			for b.Loop() {
				w := bufio.NewWriter(io.Discard)
				enc, err := export.NewEncoder(w, "jsonl")
				if err != nil {
					b.Fatal(err)
				}
				var total, extract time.Duration
				count := 0
				for _, f := range zr.File {
					start := time.Now()
					rc, err := f.Open()
					if err != nil {
						b.Fatal(err)
					}
					data, err := io.ReadAll(rc)
					rc.Close()
					if err != nil {
						b.Fatal(err)
					}
					trials, err := loader.Parse(f.Name, data)
					if err != nil || len(trials) != 1 {
						b.Fatalf("%s: %d trials, %v", f.Name, len(trials), err)
					}
					if err := enc.Encode(trials[0]); err != nil {
						b.Fatal(err)
					}
					mid := time.Now()
					eligibility.Extract(&trials[0].Eligibility)
					extract += time.Since(mid)
					total += mid.Sub(start)
					count++
				}
				if err := enc.Close(); err != nil {
					b.Fatal(err)
				}
				if count != n {
					b.Fatalf("%d studies in the zip, want %d", count, n)
				}
				b.ReportMetric(100*extract.Seconds()/(total-extract).Seconds(), "extraction-%")
				b.ReportMetric(float64(extract.Microseconds())/float64(n), "extract-µs/trial")
				b.ReportMetric(float64(total.Microseconds())/float64(n), "export-µs/trial")
			}
		})
	}
}
