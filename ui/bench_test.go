package ui

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/trials-app/trials/corpus"
	"github.com/trials-app/trials/model"
	"github.com/trials-app/trials/search"
)

// BenchmarkFrameWithHugeTitle: one key press and one frame of the list
// when a trial's title is 50 MB. The list cuts what it takes from a field,
// so this costs what a frame of ordinary titles costs.
func BenchmarkFrameWithHugeTitle(b *testing.B) {
	for _, size := range []int{100, 50 << 20} {
		b.Run(fmt.Sprintf("title=%dB", size), func(b *testing.B) {
			trials := seedTrials(b)
			huge := *trials[0]
			huge.Title = strings.Repeat("Hepatocellular ", size/15+1)[:size]
			trials[0] = &huge
			m := newTestModel(b, corpus.FromTrials(trials, nil, "bench"), 120, 40)
			keys := []tea.KeyPressMsg{keyMsg("j"), keyMsg("k")}
			for i := 0; b.Loop(); i++ {
				m.Update(keys[i%2])
				_ = m.View()
			}
		})
	}
}

// BenchmarkFrameLargeCorpus: a frame of the list over 100,000 records; only
// the visible rows are rendered.
func BenchmarkFrameLargeCorpus(b *testing.B) {
	seed := seedTrials(b)
	trials := make([]*model.Trial, 0, 100_000)
	for i := range 100_000 {
		t := *seed[i%len(seed)]
		t.ID = fmt.Sprintf("NCT%08d", i)
		trials = append(trials, &t)
	}
	m := newTestModel(b, corpus.FromTrials(trials, nil, "bench"), 120, 40)
	keys := []tea.KeyPressMsg{keyMsg("j"), keyMsg("k")}
	for i := 0; b.Loop(); i++ {
		m.Update(keys[i%2])
		_ = m.View()
	}
}

// slimCorpus is n records with distinct ids and nothing kept whole, as a
// registry download is held.
func slimCorpus(n int) *corpus.Corpus {
	recs := make([]search.Record, n)
	for i := range recs {
		id := fmt.Sprintf("NCT%08d", i)
		recs[i] = search.Record{ID: id, NCTID: id, Title: "Trial " + id, Enrollment: -1}
	}
	return corpus.FromParts(corpus.Parts{Index: search.NewIndex(recs), Origin: "bench"})
}

// BenchmarkRecordOf: the first lookup of a trial by id builds the map of
// every record (once per corpus; L, c and the export pay it the first
// time), then each lookup is a map read.
func BenchmarkRecordOf(b *testing.B) {
	for _, n := range []int{100_000, 500_000} {
		c := slimCorpus(n)
		b.Run(fmt.Sprintf("first/%dk", n/1000), func(b *testing.B) {
			for b.Loop() {
				ctx := &Context{Corpus: c}
				if _, ok := ctx.recordOf("NCT00000042"); !ok {
					b.Fatal("not found")
				}
			}
		})
		b.Run(fmt.Sprintf("then/%dk", n/1000), func(b *testing.B) {
			ctx := &Context{Corpus: c}
			ctx.recordOf("NCT00000001")
			for b.Loop() {
				ctx.recordOf("NCT00000042")
			}
		})
	}
}

// BenchmarkFrameWithShortlist: a frame of the list over 100,000 records
// with 500 of them shortlisted, tagged and noted: the ★ and the tag column
// ask the shortlist for each visible row.
func BenchmarkFrameWithShortlist(b *testing.B) {
	c := slimCorpus(100_000)
	m := newTestModel(b, c, 120, 40)
	for i := range 500 {
		id := fmt.Sprintf("NCT%08d", i*7)
		m.ctx.Shortlist.Toggle(id, "")
		m.ctx.Shortlist.SetTag(id, "", "eligible")
		m.ctx.Shortlist.SetNote(id, "", "a note")
	}
	keys := []tea.KeyPressMsg{keyMsg("j"), keyMsg("k")}
	for i := 0; b.Loop(); i++ {
		m.Update(keys[i%2])
		_ = m.View()
	}
}

// keystrokeCorpus is n synthetic trials shaped like the registry's for the
// list's filter: titles and conditions from the seeds' words, drug-like
// interventions (a few real ones, one of them afatinib), statuses, phases,
// enrollment, dates and countries skewed as the registry's are. Kept slim,
// as a registry download is held. Built once per size.
func keystrokeCorpus(b *testing.B, n int) *corpus.Corpus {
	b.Helper()
	keystrokeMu.Lock()
	defer keystrokeMu.Unlock()
	if c := keystrokeCorpora[n]; c != nil {
		return c
	}
	seen := map[string]bool{}
	var words []string
	for _, t := range seedTrials(b) {
		for _, s := range []string{t.Title, t.OfficialTitle, t.BriefSummary, t.DetailedDescription} {
			for _, w := range strings.Fields(s) {
				w = strings.Trim(w, ".,;:()[]\"'")
				if len(w) > 2 && !seen[strings.ToLower(w)] {
					seen[strings.ToLower(w)] = true
					words = append(words, w)
				}
			}
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	syl := []string{"ab", "ze", "li", "mu", "ta", "ni", "ve", "ra", "fe", "lo", "zu", "ki", "ro", "pa", "de", "si"}
	ends := []string{"mab", "nib", "tinib", "ciclib", "parib", "stat", "vir", "cept"}
	drugs := make([]string, 50_000)
	for i := range drugs {
		var sb strings.Builder
		for range 2 + r.IntN(3) {
			sb.WriteString(syl[r.IntN(len(syl))])
		}
		drugs[i] = sb.String() + ends[r.IntN(len(ends))]
	}
	real := []string{"Lenvatinib", "Sorafenib", "Atezolizumab", "Bevacizumab", "Afatinib", "Regorafenib", "Placebo"}
	countries := []string{"United States", "China", "France", "Germany", "United Kingdom", "Canada", "Italy", "Spain", "Japan", "Egypt"}
	statuses := []model.Status{model.StatusCompleted, model.StatusCompleted, model.StatusRecruiting, model.StatusUnknown,
		model.StatusTerminated, model.StatusActiveNotRecruiting, model.StatusNotYetRecruiting, model.StatusWithdrawn}
	phases := [][]model.Phase{{model.PhaseNA}, {model.Phase1}, {model.Phase2}, {model.Phase3}, {model.Phase2, model.Phase3}, {model.Phase4}}
	pick := func(k int) string {
		ws := make([]string, k)
		for j := range ws {
			ws[j] = words[r.IntN(len(words))]
		}
		return strings.Join(ws, " ")
	}
	bl := search.NewBuilder(n)
	for i := range n {
		t := &model.Trial{ID: fmt.Sprintf("NCT%08d", i), Title: pick(8 + r.IntN(8)), Status: statuses[r.IntN(len(statuses))],
			Phases: phases[r.IntN(len(phases))], StudyType: model.StudyInterventional,
			StartDate: fmt.Sprintf("%d-%02d", 1999+r.IntN(27), 1+r.IntN(12)), LastUpdated: fmt.Sprintf("%d-%02d-%02d", 2008+r.IntN(18), 1+r.IntN(12), 1+r.IntN(28)),
			LeadSponsor: model.Sponsor{Name: pick(2), Class: model.ClassOther}}
		t.NCTID = t.ID
		if r.IntN(30) == 0 {
			t.Title = "Hepatocellular Carcinoma: " + t.Title
			t.Conditions = append(t.Conditions, "Hepatocellular Carcinoma")
		}
		t.Conditions = append(t.Conditions, pick(1+r.IntN(3)))
		enroll := r.IntN(1000)
		t.Enrollment = &enroll
		for range 1 + r.IntN(3) {
			name := drugs[r.IntN(len(drugs))]
			if r.IntN(20) == 0 {
				name = real[r.IntN(len(real))]
			}
			t.Interventions = append(t.Interventions, model.Intervention{Name: name, Type: model.InterventionDrug})
		}
		x := r.Float64()
		t.Countries = []string{countries[int(float64(len(countries))*x*x)]}
		bl.AddTrial(t)
	}
	c := corpus.FromParts(corpus.Parts{Index: bl.Index(), Origin: "bench"})
	keystrokeCorpora[n] = c
	return c
}

var (
	keystrokeMu      sync.Mutex
	keystrokeCorpora = map[int]*corpus.Corpus{}
)

// BenchmarkFilterKeystroke: one keystroke of the list's filter, from the
// text typed to the frame showing its rows — the query parsed, run and
// ranked (off the UI goroutine in the program, here in line) and the
// visible rows rendered — at 100,000 and 550,000 trials (the registry). Each query is the
// text after its last key. Quote medians of
//
//	go test ./ui -run XXX -bench FilterKeystroke -count 5
func BenchmarkFilterKeystroke(b *testing.B) {
	queries := []string{
		"hepatocellular l",          // a second term of one letter
		"status:recruiting phase:3", // fielded, a third of the corpus
		"carcinoma",                 // a large ranked result
		"axitinib",                  // no exact match: near words, marked
		"lenvatinib country:ger",    // a plain word and a country prefix
		"-status:completed c",       // negation and a one-letter prefix
	}
	for _, n := range []int{100_000, 550_000} {
		c := keystrokeCorpus(b, n)
		for _, q := range queries {
			b.Run(fmt.Sprintf("%dk/%s", n/1000, q), func(b *testing.B) {
				m := newTestModel(b, c, 120, 40)
				press(b, m, "/")
				f := m.browser.list.filter
				f.input.SetValue(q)
				c0 := cpuTime()
				for b.Loop() {
					msgs := runCmd(f.run())
					if len(msgs) != 1 {
						b.Fatalf("%q: %d messages (%s)", q, len(msgs), f.err)
					}
					m.Update(msgs[0])
					_ = m.View()
				}
				b.ReportMetric(float64((cpuTime()-c0).Microseconds())/1000/float64(b.N), "cpu-ms/op")
				b.ReportMetric(float64(m.browser.list.len()), "rows")
			})
		}
	}
}
