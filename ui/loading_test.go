package ui

import (
	"context"
	"image/color"
	"strings"
	"testing"
	"testing/synctest"

	tea "charm.land/bubbletea/v2"

	"github.com/trials-app/trials/corpus"
)

// loadingModel is the root over a load that reports half way, then waits
// for release.
func loadingModel(t *testing.T, run context.Context, release chan struct{}) (*Model, *loading) {
	fn := func(ctx context.Context, progress func(corpus.Progress)) (*corpus.Corpus, error) {
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
