package search_test

import (
	"fmt"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/trials-app/trials/model"
	"github.com/trials-app/trials/search"
)

// Benchmarks at 100,000 and 550,000 trials (the registry). Quote medians of
//
//	go test ./search -run XXX -bench . -benchtime 5x -count 5
//
// The first use of a size builds its corpus (about a minute at 550k).

var sizes = benchSizes()

// benchSizes are 100k and 550k, or the sizes in $SEARCH_BENCH_SIZES
// ("100000,20000") for a quicker look.
func benchSizes() []int {
	env := os.Getenv("SEARCH_BENCH_SIZES")
	if env == "" {
		return []int{100_000, 550_000}
	}
	var out []int
	for _, f := range strings.Split(env, ",") {
		if n, err := strconv.Atoi(strings.TrimSpace(f)); err == nil && n > 0 {
			out = append(out, n)
		}
	}
	return out
}

type built struct {
	ix    *search.Index
	cat   *search.Catalog
	bytes float64 // live heap per trial: records, index and catalogue
}

var (
	builtMu sync.Mutex
	builtBy = map[int]*built{}
)

func heap() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

func corpus(b *testing.B, n int) *built {
	b.Helper()
	corpusPools(b)
	builtMu.Lock()
	defer builtMu.Unlock()
	if c := builtBy[n]; c != nil {
		return c
	}
	before := heap()
	bl := search.NewBuilder(n)
	for i := range n {
		bl.AddTrial(synthTrial(i))
	}
	ix := bl.Index()
	cat := search.NewCatalog(ix.Records())
	c := &built{ix: ix, cat: cat}
	c.bytes = float64(heap()-before) / float64(n)
	builtBy[n] = c
	return c
}

func sizeName(n int) string { return fmt.Sprintf("%dk", n/1000) }

// BenchmarkIndexBuild indexes n synthetic trials (made a thousand at a
// time, untimed) and reports, in CPU time, per trial the cost of Prepare (parallel in a
// loader's workers) and of AddDoc (serial), the time to pack the index and
// build the catalogue, and the live heap the records, index and catalogue
// take (B/trial), the criteria's share of it (crit-B/trial). The -nocrit
// runs index the same trials without their criteria: the difference is
// what crit: costs.
func BenchmarkIndexBuild(b *testing.B) {
	for _, n := range sizes {
		for _, crit := range []bool{true, false} {
			name := sizeName(n)
			if !crit {
				name += "-nocrit"
			}
			b.Run(name, func(b *testing.B) {
				corpusPools(b)
				for range b.N {
					before := heap()
					bl := search.NewBuilder(n)
					var prep, add time.Duration
					trials := make([]*model.Trial, 1000)
					docs := make([]*search.Doc, 1000)
					for at := 0; at < n; at += len(trials) {
						k := min(len(trials), n-at)
						for i := range k {
							trials[i] = synthTrial(at + i)
							if !crit {
								trials[i].Eligibility = model.Eligibility{}
							}
						}
						// CPU time, not wall time: the machine is shared.
						c0 := cpuTime()
						for i := range k {
							docs[i] = search.Prepare(trials[i])
						}
						c1 := cpuTime()
						for i := range k {
							bl.AddDoc(docs[i])
						}
						prep, add = prep+c1-c0, add+cpuTime()-c1
					}
					clear(trials)
					clear(docs)
					building := heap() // the Builder's live size, before packing
					c0 := cpuTime()
					ix := bl.Index()
					c1 := cpuTime()
					cat := search.NewCatalog(ix.Records())
					pack, catalog := c1-c0, cpuTime()-c1
					after := heap()
					b.ReportMetric(float64(prep.Microseconds())/float64(n), "prepare-cpu-µs/trial")
					b.ReportMetric(float64(add.Microseconds())/float64(n), "add-cpu-µs/trial")
					b.ReportMetric(float64(pack.Milliseconds()), "pack-cpu-ms")
					b.ReportMetric(float64(catalog.Milliseconds()), "catalog-cpu-ms")
					b.ReportMetric(float64(after-before)/float64(n), "B/trial")
					b.ReportMetric(float64(building-before)/float64(n), "builder-B/trial")
					b.ReportMetric(float64(search.StoreBytes(ix)["crit"])/float64(n), "crit-B/trial")
					b.ReportMetric(float64(ix.Bytes())/float64(n), "index-B/trial")
					runtime.KeepAlive(cat)
				}
			})
		}
	}
}

func BenchmarkGenerate(b *testing.B) {
	corpusPools(b)
	for _, n := range sizes {
		b.Run(sizeName(n), func(b *testing.B) {
			for b.Loop() {
				for i := range n {
					_ = synthTrial(i)
				}
			}
		})
	}
}

// keystrokes are the prefixes of q a user types on the way to it; those
// that do not parse yet ("status:") are left out: the browser keeps the
// previous answer and shows why.
func keystrokes(q string) []*search.Query {
	var out []*search.Query
	for i := 1; i <= len(q); i++ {
		if pq, err := search.Parse(q[:i]); err == nil {
			out = append(out, pq)
		}
	}
	return out
}

// visible is how many rows a keystroke's answer shows ranked: a screen.
const visible = 50

// timeKeystrokes runs each keystroke b.N times, ranking a screen of rows,
// and reports the mean wall time per keystroke, the slowest keystroke's
// mean, and the CPU time per keystroke.
func timeKeystrokes(b *testing.B, n int, keys []*search.Query, run func(q *search.Query) *search.Matches) {
	per := make([]time.Duration, len(keys))
	runtime.GC()
	b.ResetTimer()
	cpu0 := cpuTime()
	for b.Loop() {
		for k, q := range keys {
			start := time.Now()
			m := run(q)
			_ = m.Rows(0, visible)
			per[k] += time.Since(start)
		}
	}
	cpu := cpuTime() - cpu0
	reportKeystrokes(b, per, cpu)
}

func reportKeystrokes(b *testing.B, per []time.Duration, cpu time.Duration) {
	var total time.Duration
	for _, d := range per {
		total += d
	}
	iters := float64(b.N)
	b.ReportMetric(float64(total.Microseconds())/iters/float64(len(per))/1000, "ms/keystroke")
	b.ReportMetric(float64(slices.Max(per).Microseconds())/iters/1000, "max-ms/keystroke")
	b.ReportMetric(float64(cpu.Microseconds())/iters/float64(len(per))/1000, "cpu-ms/keystroke")
}

var queryShapes = []struct{ name, q string }{
	{"lenvatinib", "lenvatinib"},
	{"two-terms", "hepatocellular l"},
	{"typo", "hepatocelular"},
	{"id", "nct0012"},
	{"bare-id", "00123456"},
	{"fielded", "status:recruiting phase:3 cond:hepatocellular"},
	{"sites", "country:germany city:zelira"},
	{"crit", "crit:child-pugh"},
	{"crit-short", "crit:p"},
	{"phrase", `"hepatocellular carcinoma"`},
	{"or-not", "lenvatinib OR sorafenib -status:completed"},
	{"ranges", "age:67 sex:f enroll:>100 updated:>2020-01"},
}

func BenchmarkSearch(b *testing.B) {
	for _, n := range sizes {
		c := corpus(b, n)
		for _, s := range queryShapes {
			b.Run(sizeName(n)+"/"+s.name, func(b *testing.B) {
				timeKeystrokes(b, n, keystrokes(s.q), func(q *search.Query) *search.Matches {
					return c.ix.Run(q, search.Options{})
				})
			})
		}
	}
}

// BenchmarkSort is a keystroke of a query sorted by a key other than
// relevance, and the whole corpus sorted (the empty query).
func BenchmarkSort(b *testing.B) {
	for _, n := range sizes {
		c := corpus(b, n)
		for _, s := range []struct {
			name, q, sort string
		}{{"carcinoma-updated", "carcinoma", "updated"}, {"all-start-asc", "", "start:asc"}, {"all-phase", "", "phase"}, {"recruiting-enroll", "status:recruiting", "enrollment"}} {
			srt, err := search.ParseSort(s.sort)
			if err != nil {
				b.Fatal(err)
			}
			q, _ := search.Parse(s.q)
			c.ix.Run(q, search.Options{Sort: srt}).Rows(0, 1) // the sort's permutation is built once
			b.Run(sizeName(n)+"/"+s.name, func(b *testing.B) {
				timeKeystrokes(b, n, []*search.Query{q}, func(q *search.Query) *search.Matches {
					return c.ix.Run(q, search.Options{Sort: srt})
				})
			})
		}
	}
}

func BenchmarkFacets(b *testing.B) {
	for _, n := range sizes {
		c := corpus(b, n)
		for _, q := range []string{"", "status:recruiting", "carcinoma"} {
			pq, _ := search.Parse(q)
			m := c.ix.Run(pq, search.Options{})
			b.Run(fmt.Sprintf("%s/%q", sizeName(n), q), func(b *testing.B) {
				for b.Loop() {
					_ = m.Facets()
				}
				b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/1000, "ms/op")
			})
		}
		b.Run(sizeName(n)+"/complete-country", func(b *testing.B) {
			lang, _ := search.NewLanguage()
			for b.Loop() {
				_ = lang.Complete(c.ix, "country", "ger", 10)
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/1000, "ms/op")
		})
	}
}

func BenchmarkCatalog(b *testing.B) {
	for _, n := range sizes {
		c := corpus(b, n)
		b.Run(sizeName(n)+"/build", func(b *testing.B) {
			for b.Loop() {
				_ = search.NewCatalog(c.ix.Records())
			}
		})
		for _, q := range []string{"zelima", "l", "lenvatinib"} {
			b.Run(sizeName(n)+"/find-"+q, func(b *testing.B) {
				var keys []string
				for i := 1; i <= len(q); i++ {
					keys = append(keys, q[:i])
				}
				per := make([]time.Duration, len(keys))
				runtime.GC()
				b.ResetTimer()
				cpu0 := cpuTime()
				for b.Loop() {
					for k, key := range keys {
						start := time.Now()
						_ = c.cat.Find(key)
						per[k] += time.Since(start)
					}
				}
				reportKeystrokes(b, per, cpuTime()-cpu0)
			})
		}
	}
}

// BenchmarkPrepare is Prepare alone, on synthetic trials made beforehand.
func BenchmarkPrepare(b *testing.B) {
	corpusPools(b)
	trials := make([]*model.Trial, 2000)
	for i := range trials {
		trials[i] = synthTrial(i)
	}
	b.ResetTimer()
	c0 := cpuTime()
	for i := 0; b.Loop(); i++ {
		_ = search.Prepare(trials[i%len(trials)])
	}
	b.ReportMetric(float64((cpuTime()-c0).Nanoseconds())/float64(b.N)/1000, "cpu-µs/op")
}
