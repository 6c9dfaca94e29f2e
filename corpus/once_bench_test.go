package corpus

import (
	"fmt"
	"runtime"
	"testing"

	"github.com/trials-app/trials/model"
)

// BenchmarkStreamOnce passes 100,000 distinct trials through the export's
// one-trial-once filter: the time it adds per trial, and the memory it
// keeps per trial written (the ids it must remember) once the stream is
// done — what a whole-registry export pays for counting each trial once.
func BenchmarkStreamOnce(b *testing.B) {
	const n = 100_000
	trials := make([]*model.Trial, n)
	for i := range trials {
		trials[i] = &model.Trial{ID: fmt.Sprintf("NCT%08d", i), LastUpdated: "2024-01-01", Source: model.Source{Path: "ctg-studies.zip"}}
	}
	var retained float64
	for b.Loop() {
		var before, after runtime.MemStats
		b.StopTimer()
		runtime.GC()
		runtime.ReadMemStats(&before)
		b.StartTimer()
		s := newStreamOnce(func(*model.Trial, any) {})
		for _, t := range trials {
			s.add(t, nil)
		}
		s.flush()
		b.StopTimer()
		runtime.GC()
		runtime.ReadMemStats(&after)
		retained = float64(after.HeapAlloc-before.HeapAlloc) / n
		runtime.KeepAlive(s)
		b.StartTimer()
	}
	b.ReportMetric(retained, "B/trial-kept")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/n, "ns/trial")
}
