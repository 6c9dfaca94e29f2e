package eligibility_test

import (
	"path/filepath"
	"testing"

	"github.com/trials-app/trials/eligibility"
	"github.com/trials-app/trials/loader"
	"github.com/trials-app/trials/model"
)

// benchTrials are real criteria: the seeds, the example fixtures and the
// loader's registry records, when present.
func benchTrials(b *testing.B) ([]*model.Trial, int64) {
	b.Helper()
	trials := exampleTrials(b)
	if dirs, _ := filepath.Glob("../loader/testdata/ctgov/*"); len(dirs) > 0 {
		trials = append(trials, loader.Load(dirs...).Trials...)
	}
	var n int64
	for _, t := range trials {
		var walk func([]model.Criterion)
		walk = func(cs []model.Criterion) {
			for _, c := range cs {
				n += int64(len(c.Text))
				walk(c.Children)
			}
		}
		walk(t.Eligibility.Inclusion)
		walk(t.Eligibility.Exclusion)
	}
	return trials, n
}

// BenchmarkExtract reads the requirements of real trials over and over:
//
//	go test ./eligibility -run XXX -bench Extract -benchmem -count 5
//
// ns/trial is what extraction adds to exporting one trial; cpu-ns/trial the
// processor time it takes (with the garbage collector's share), steadier on
// a shared machine.
func BenchmarkExtract(b *testing.B) {
	trials, size := benchTrials(b)
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cpuNanos()
	for b.Loop() {
		for _, t := range trials {
			eligibility.Extract(&t.Eligibility)
		}
	}
	n := float64(b.N * len(trials))
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/n, "ns/trial")
	if c := cpuNanos(); c > 0 {
		b.ReportMetric(float64(c-cpu)/n, "cpu-ns/trial")
	}
}
