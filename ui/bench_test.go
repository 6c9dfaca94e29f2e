package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/trials-app/trials/corpus"
	"github.com/trials-app/trials/model"
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
