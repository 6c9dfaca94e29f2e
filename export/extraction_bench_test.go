package export_test

import (
	"bufio"
	"fmt"
	"io"
	"testing"
	"time"

	"github.com/trials-app/trials/eligibility"
	"github.com/trials-app/trials/export"
	"github.com/trials-app/trials/loader"
	"github.com/trials-app/trials/loader/synthetic"
)

// BenchmarkExtractionShare is what reading the requirements adds to
// `trials export` (issue 8: at most 10% at 100k trials). Each
// registry-shaped study (about 12 KB of API v2 JSON, made by
// loader/synthetic) is parsed — which extracts its requirements — and
// written as JSON Lines; the extraction of the same criteria is timed on
// its own beside it. extraction-% is that time over the export's time
// without it. Inflating a zip is left out, which only makes the share
// look larger than a real export's.
//
//	go test ./export -run XXX -bench ExtractionShare -benchtime 1x -count 5
func BenchmarkExtractionShare(b *testing.B) {
	g, err := synthetic.New("../loader/testdata/ctgov/json", 1)
	if err != nil {
		b.Skip(err)
	}
	for _, n := range []int{10_000, 100_000} {
		b.Run(fmt.Sprint(n/1000, "k"), func(b *testing.B) {
			for b.Loop() {
				w := bufio.NewWriter(io.Discard)
				enc, err := export.NewEncoder(w, "jsonl")
				if err != nil {
					b.Fatal(err)
				}
				var total, extract time.Duration
				var bytes int64
				for i := range n {
					data := g.Study(i)
					bytes += int64(len(data))
					start := time.Now()
					trials, err := loader.Parse(synthetic.NCTID(i)+".json", data)
					if err != nil || len(trials) != 1 {
						b.Fatalf("study %d: %d trials, %v", i, len(trials), err)
					}
					if err := enc.Encode(trials[0]); err != nil {
						b.Fatal(err)
					}
					mid := time.Now()
					eligibility.Extract(&trials[0].Eligibility)
					extract += time.Since(mid)
					total += mid.Sub(start)
				}
				if err := enc.Close(); err != nil {
					b.Fatal(err)
				}
				b.ReportMetric(100*extract.Seconds()/(total-extract).Seconds(), "extraction-%")
				b.ReportMetric(float64(extract.Microseconds())/float64(n), "extract-µs/trial")
				b.ReportMetric(float64(total.Microseconds())/float64(n), "export-µs/trial")
				b.ReportMetric(float64(bytes)/float64(n)/1000, "KB/study")
			}
		})
	}
}
