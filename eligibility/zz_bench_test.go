package eligibility_test

import (
	"archive/zip"
	"io"
	"testing"

	"github.com/trials-app/trials/eligibility"
	"github.com/trials-app/trials/loader"
	"github.com/trials-app/trials/model"
)

func zzTrials(b testing.TB) []*model.Trial {
	zr, err := zip.OpenReader("/tmp/trials-synthetic/ctg-studies-10000-seed1-v2.json.zip")
	if err != nil {
		b.Skip(err)
	}
	defer zr.Close()
	var out []*model.Trial
	for _, f := range zr.File {
		rc, _ := f.Open()
		data, _ := io.ReadAll(rc)
		rc.Close()
		trials, _ := loader.Parse(f.Name, data)
		out = append(out, trials...)
	}
	return out
}

func BenchmarkZZSynthetic(b *testing.B) {
	trials := zzTrials(b)
	b.ResetTimer()
	cpu := cpuNanos()
	for b.Loop() {
		for i := range trials {
			eligibility.Extract(&trials[i].Eligibility)
		}
	}
	if c := cpuNanos(); c > 0 {
		b.ReportMetric(float64(c-cpu)/float64(b.N*len(trials)), "cpu-ns/trial")
	}
}
