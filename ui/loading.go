package ui

import (
	"context"
	"fmt"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// loadingState runs the load off the UI goroutine and shows its progress.
type loadingState struct {
	ctx      context.Context
	fn       LoadFunc
	reload   ReloadFunc
	origin   string
	ch       chan tea.Msg
	progress Progress
	started  time.Time
}

type loadProgressMsg Progress

type loadedMsg struct {
	corpus *Corpus
	err    error
}

// start launches the load; progress arrives as messages, at most ten a second.
func (l *loadingState) start() tea.Cmd {
	l.ch = make(chan tea.Msg, 1)
	l.started = time.Now()
	go func() {
		var c *Corpus
		var err error
		func() {
			defer func() {
				if r := recover(); r != nil {
					err = fmt.Errorf("internal error while loading (please report): %v", r)
				}
			}()
			var last time.Time
			c = load(l.ctx, l.fn, l.reload, l.origin, func(p Progress) {
				if now := time.Now(); now.Sub(last) >= 100*time.Millisecond {
					last = now
					select {
					case l.ch <- loadProgressMsg(p):
					default: // the UI is busy; the next report will do
					}
				}
			})
		}()
		l.ch <- loadedMsg{corpus: c, err: err}
	}()
	return l.wait()
}

func (l *loadingState) wait() tea.Cmd {
	ch := l.ch
	return func() tea.Msg { return <-ch }
}

func (m *Model) updateLoading(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case loadProgressMsg:
		if m.loading != nil {
			m.loading.progress = Progress(msg)
			return m.loading.wait()
		}
	case loadedMsg:
		if msg.err != nil {
			m.fatal = msg.err
			return tea.Quit
		}
		m.setCorpus(msg.corpus)
		if len(msg.corpus.Problems) > 0 && msg.corpus.Len() == 0 {
			m.openProblems()
		}
	}
	return nil
}

func (l *loadingState) view(width, height int, th theme) string {
	p := l.progress
	barW := min(width-10, 50)
	frac := 0.0
	if p.TotalDocs > 0 {
		frac = float64(p.Docs) / float64(p.TotalDocs)
	}
	filled := int(frac * float64(barW))
	bar := "[" + strings.Repeat("█", filled) + strings.Repeat("░", barW-filled) + "]"
	elapsed := time.Since(l.started).Seconds()
	rate := ""
	if elapsed > 0.5 && p.Bytes > 0 {
		rate = fmt.Sprintf(" · %.0f MB/s", float64(p.Bytes)/1e6/elapsed)
	}
	lines := []string{
		th.app.Render("trials") + th.muted.Render("  ·  loading "+l.origin),
		"",
		bar + fmt.Sprintf(" %3.0f%%", frac*100),
		fmt.Sprintf("%d of %d documents · %d trials · %d failed%s", p.Docs, p.TotalDocs, p.Trials, p.Failed, rate),
		"",
		th.muted.Render("esc or q cancels"),
	}
	return lipgloss.Place(width, height, lipgloss.Center, lipgloss.Center, strings.Join(lines, "\n"))
}
