package search_test

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/trials-app/trials/loader"
	"github.com/trials-app/trials/search"
)

// The benchmarks build a synthetic registry: titles, conditions and sponsors
// drawn from the words of the real fixture records, interventions from a
// large pool of generated drug-like names (the real registry has hundreds
// of thousands of distinct intervention names). Quote medians of
//
//	go test ./search -run XXX -bench . -benchtime 20x -count 5

var (
	poolOnce sync.Once
	pool     []string
	drugs    []string
)

func wordPool(b *testing.B) {
	poolOnce.Do(func() {
		seen := map[string]bool{}
		res := loader.Load("../loader/testdata/ctgov/json", "../loader/testdata/ctgov/xml", "../seeds")
		for _, tr := range res.Trials {
			for _, s := range []string{tr.Title, tr.OfficialTitle, tr.BriefSummary, tr.DetailedDescription} {
				for _, w := range strings.Fields(s) {
					w = strings.Trim(w, ".,;:()[]\"'")
					if len(w) > 2 && !seen[strings.ToLower(w)] {
						seen[strings.ToLower(w)] = true
						pool = append(pool, w)
					}
				}
			}
		}
		syl := []string{"ab", "ze", "li", "mu", "ta", "ni", "ve", "ra", "fe", "lo", "zu", "ki", "ro", "pa", "de", "si"}
		ends := []string{"mab", "nib", "tinib", "ciclib", "parib", "stat", "vir", "prazole", "olol", "pril", "sartan", "cept"}
		r := rand.New(rand.NewPCG(1, 2))
		for range 300_000 {
			var sb strings.Builder
			for range 2 + r.IntN(3) {
				sb.WriteString(syl[r.IntN(len(syl))])
			}
			sb.WriteString(ends[r.IntN(len(ends))])
			name := sb.String()
			drugs = append(drugs, strings.ToUpper(name[:1])+name[1:])
		}
	})
	if len(pool) < 1000 {
		b.Fatalf("word pool of %d words", len(pool))
	}
}

func synthetic(b *testing.B, n int) []search.Record {
	wordPool(b)
	r := rand.New(rand.NewPCG(uint64(n), 7))
	pick := func(k int) string {
		ws := make([]string, k)
		for i := range ws {
			ws[i] = pool[r.IntN(len(pool))]
		}
		return strings.Join(ws, " ")
	}
	recs := make([]search.Record, n)
	for i := range recs {
		rec := search.Record{ID: fmt.Sprintf("NCT%08d", i), Title: pick(8 + r.IntN(8)), Sponsor: pick(2 + r.IntN(3)), Enrollment: int32(r.IntN(1000))}
		rec.NCTID = rec.ID
		for range 1 + r.IntN(3) {
			rec.Conditions = append(rec.Conditions, pick(1+r.IntN(3)))
		}
		for range 1 + r.IntN(4) {
			iv := search.Intervention{Name: drugs[r.IntN(len(drugs))], Arms: []string{"Arm A"}}
			if r.IntN(3) == 0 {
				iv.OtherNames = []string{strings.ToUpper(drugs[r.IntN(len(drugs))][:3]) + fmt.Sprint(r.IntN(9999))}
			}
			rec.Interventions = append(rec.Interventions, iv)
		}
		recs[i] = rec
	}
	return recs
}

func BenchmarkIndexBuild(b *testing.B) {
	for _, n := range []int{100_000, 500_000} {
		b.Run(fmt.Sprintf("%dk", n/1000), func(b *testing.B) {
			recs := synthetic(b, n)
			b.ResetTimer()
			for b.Loop() {
				runtime.GC()
				var before runtime.MemStats
				runtime.ReadMemStats(&before)
				ix := search.NewIndex(recs)
				runtime.GC()
				var after runtime.MemStats
				runtime.ReadMemStats(&after)
				b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/float64(n), "index-B/record")
				runtime.KeepAlive(ix)
			}
		})
	}
}

// BenchmarkSearch times one query as the user types it, keystroke by
// keystroke, so the slowest prefixes (one or two letters) count too.
// BenchmarkIndexFinish is what is left to do when the last record of a
// load has been added to a Builder.
func BenchmarkIndexFinish(b *testing.B) {
	recs := synthetic(b, 500_000)
	for b.Loop() {
		b.StopTimer()
		bl := search.NewBuilder(len(recs))
		for _, r := range recs {
			bl.Add(r)
		}
		b.StartTimer()
		_ = bl.Index()
	}
}

func BenchmarkSearch(b *testing.B) {
	queries := map[string]string{
		"typing-lenvatinib": "lenvatinib",
		"two-terms":         "carcinoma ve",
		"typo":              "hepatocelular",
		"id":                "nct0012",
	}
	for _, n := range []int{100_000, 500_000} {
		recs := synthetic(b, n)
		ix := search.NewIndex(recs)
		for name, q := range queries {
			b.Run(fmt.Sprintf("%dk/%s", n/1000, name), func(b *testing.B) {
				var keystrokes []string
				for i := 1; i <= len(q); i++ {
					keystrokes = append(keystrokes, q[:i])
				}
				b.ResetTimer()
				for b.Loop() {
					for _, k := range keystrokes {
						_ = ix.Search(k, search.FieldAll)
					}
				}
				b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(keystrokes))/1000, "ms/keystroke")
			})
		}
	}
}

func BenchmarkCatalog(b *testing.B) {
	recs := synthetic(b, 500_000)
	b.Run("build-500k", func(b *testing.B) {
		for b.Loop() {
			_ = search.NewCatalog(recs)
		}
	})
	c := search.NewCatalog(recs)
	b.Run("find-500k", func(b *testing.B) {
		for b.Loop() {
			for _, k := range []string{"z", "ze", "zel", "zeli", "zelim", "zelima"} {
				_ = c.Find(k)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*6)/1000, "ms/keystroke")
	})
}
