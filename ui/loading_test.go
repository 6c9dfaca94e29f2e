package ui

import (
	"context"
	"fmt"
	"image/color"
	"strings"
	"testing"
	"testing/synctest"

	tea "charm.land/bubbletea/v2"

	"github.com/trials-app/trials/corpus"
	"github.com/trials-app/trials/search"
	"github.com/trials-app/trials/seeds"
)

// loadingModel is the root over a load that reports half way, then waits
// for release.
func loadingModel(t *testing.T, run context.Context, release chan struct{}) (*Model, *loading) {
	fn := func(ctx context.Context, progress func(corpus.Progress), _ func(*corpus.Corpus)) (*corpus.Corpus, error) {
		progress(corpus.Progress{Docs: 1, TotalDocs: 2, Trials: 1})
		select {
		case <-release:
		case <-ctx.Done():
		}
		return corpus.FromTrials(seedTrials(t), nil, "the bundled seeds"), ctx.Err()
	}
	m := newModel(testList(t), testEnv)
	l := newLoading(m.ctx, run, fn, "the bundled seeds")
	m.stack = []Component{l}
	send(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	return m, l
}

func TestLoadingShowsProgressThenTheList(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		release := make(chan struct{})
		m, l := loadingModel(t, context.Background(), release)
		wait := l.Init()
		_, next := m.Update(wait()) // the progress report
		if s := screen(m); !strings.Contains(s, "50%") || !strings.Contains(s, "1 of 2 documents · 1 trial · 0 failed") {
			t.Errorf("progress:\n%s", s)
		}
		close(release)
		send(t, m, next()) // the end of the load
		if !topIs[*browser](m) || m.ctx.Corpus.Len() != 5 {
			t.Fatalf("after the load: %T", m.top())
		}
	})
}

// TestQuittingMidLoadLeaksNothing: the user quits while a progress report
// waits in the channel and the load is still running; once the program's
// context ends (Run cancels it on return) the load goroutine ends too. The
// bubble fails if any goroutine is left blocked.
func TestQuittingMidLoadLeaksNothing(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		run, cancel := context.WithCancel(context.Background())
		m, l := loadingModel(t, run, make(chan struct{}))
		l.Init() // nobody takes its messages
		synctest.Wait()
		if !press(t, m, "q") || !m.cancelled {
			t.Error("q during the load quits, as cancelled")
		}
		cancel()
		synctest.Wait()
	})
}

func TestThemeFollowsTheBackground(t *testing.T) {
	m := New(seedCorpus(t), testList(t), nil)
	send(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	if !m.ctx.Theme.palette.Dark {
		t.Error("dark until the terminal says otherwise")
	}
	send(t, m, tea.BackgroundColorMsg{Color: color.White})
	if m.ctx.Theme.palette.Dark || m.browser.list.ctx.Theme != m.ctx.Theme {
		t.Error("a white background picks the light palette, everywhere")
	}
	forced := New(seedCorpus(t), testList(t), []string{"TRIALS_THEME=dark"})
	send(t, forced, tea.BackgroundColorMsg{Color: color.White})
	if !forced.ctx.Theme.palette.Dark {
		t.Error("TRIALS_THEME=dark overrides the background")
	}
	if New(seedCorpus(t), testList(t), []string{"TRIALS_THEME=light"}).ctx.Theme.palette.Dark {
		t.Error("TRIALS_THEME=light")
	}
}

// TestListIsUsableWhileLoading: the first part of the corpus replaces the
// progress screen; the list scrolls, opens and filters what has arrived,
// saying that it covers what was loaded so far; views about the whole
// corpus wait; when the load completes, the filter runs again over every
// trial and the selection stays on its trial.
func TestListIsUsableWhileLoading(t *testing.T) {
	release := make(chan struct{})
	fn := func(ctx context.Context, progress func(corpus.Progress), publish func(*corpus.Corpus)) (*corpus.Corpus, error) {
		parts := 0
		return corpus.Load(ctx, corpus.Source{FS: seeds.FS, Origin: "the bundled seeds"}, corpus.Options{Progress: progress, PublishEach: true,
			Publish: func(c *corpus.Corpus) {
				if parts++; parts == 3 {
					publish(c)
					select { // hold the load here until the test has looked
					case <-release:
					case <-ctx.Done():
					}
				}
			}})
	}
	run, cancel := context.WithCancel(context.Background())
	defer cancel()
	m := newModel(testList(t), testEnv)
	l := newLoading(m.ctx, run, fn, "the bundled seeds")
	m.stack = []Component{l}
	send(t, m, tea.WindowSizeMsg{Width: 100, Height: 30})
	wait := l.Init()
	for {
		msg := wait()
		if _, ok := msg.(loadPartMsg); ok {
			m.Update(msg) // its commands would wait for the next message: not yet
			break
		}
		_, wait = m.Update(msg)
	}
	if !topIs[*browser](m) || m.ctx.Corpus.Len() != 3 || m.ctx.Corpus.Loading() == nil {
		t.Fatalf("after the first part: %T, %d trials", m.top(), m.ctx.Corpus.Len())
	}
	s := screen(m)
	if !strings.Contains(s, "3 trials so far from the bundled seeds") || !strings.Contains(s, "3 of 3 loaded so far") {
		t.Errorf("mid-load:\n%s", s)
	}
	press(t, m, "j")
	sel := m.browser.list.selected()
	if sel != 1 {
		t.Errorf("j moves to record 1, at %d", sel)
	}
	selID := m.ctx.Corpus.Record(sel).ID
	press(t, m, "i")
	if s := screen(m); topIs[*finder](m) || !strings.Contains(s, "Available once every trial is loaded") {
		t.Errorf("i mid-load:\n%s", s)
	}
	press(t, m, "/")
	typeText(t, m, "carcinoma")
	press(t, m, "enter")
	mid := m.browser.list.len()
	if s := screen(m); !strings.Contains(s, fmt.Sprintf("%d of 3 loaded so far", mid)) {
		t.Errorf("filtered mid-load:\n%s", s)
	}
	close(release)
	// The rest of the load: its commands run now, to the end.
	send(t, m, wait())
	if m.ctx.Corpus.Loading() != nil || m.ctx.Corpus.Len() != 5 {
		t.Fatalf("after the load: %d trials, loading %v", m.ctx.Corpus.Len(), m.ctx.Corpus.Loading())
	}
	want := len(m.ctx.Corpus.Index().Search("carcinoma", search.FieldAll).Hits)
	if got := m.browser.list.len(); got != want || want < mid {
		t.Errorf("the filter covers %d trials after the load, want %d (%d mid-load)", got, want, mid)
	}
	if s := screen(m); strings.Contains(s, "so far") || !strings.Contains(s, "5 trials from the bundled seeds") {
		t.Errorf("complete:\n%s", s)
	}
	if r := m.browser.list.anchor; r < 0 || m.ctx.Corpus.Record(r).ID != selID {
		t.Errorf("the selection moved off %s", selID)
	}
}
