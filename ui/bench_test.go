package ui

import (
	"fmt"
	"strings"
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
