package ui

import (
	"context"
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/progress"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/trials-app/trials/corpus"
	"github.com/trials-app/trials/plain"
	"github.com/trials-app/trials/present"
)

// loadFunc reads the corpus, reporting progress now and then and handing
// out parts of the corpus read so far (see corpus.Options.Publish).
type loadFunc func(ctx context.Context, progress func(corpus.Progress), publish func(*corpus.Corpus)) (*corpus.Corpus, error)

// loading runs the load off the UI goroutine and shows its progress with
// a bubbles progress bar until the first part of the corpus arrives; the
// browser then shows each part as it comes (the root keeps taking the
// load's messages) and the complete corpus at the end. The goroutine never
// outlives ctx: each of its sends gives up when ctx ends, so quitting
// mid-load leaks nothing.
type loading struct {
	ctx      *Context
	run      context.Context
	fn       loadFunc
	origin   string
	ch       chan tea.Msg
	progress corpus.Progress
	started  time.Time
	bar      progress.Model
	cancel   binding
	width    int
	height   int

	// notice, when set, says why the load is not read from a snapshot.
	notice func() string
}

type loadProgressMsg corpus.Progress

// loadPartMsg brings a part of the corpus, read so far.
type loadPartMsg struct{ corpus *corpus.Corpus }

// loadedMsg ends the load.
type loadedMsg struct {
	corpus *corpus.Corpus
	err    error
}

func newLoading(ctx *Context, run context.Context, fn loadFunc, origin string) *loading {
	return &loading{ctx: ctx, run: run, fn: fn, origin: origin,
		bar:    progress.New(progress.WithoutPercentage(), progress.WithFillCharacters('█', '░')),
		cancel: bind("esc/q", "cancel", "esc", "q")}
}

func (l *loading) Title() string { return "loading " + l.origin }

// Init starts the load; progress arrives as messages, at most ten a second.
func (l *loading) Init() tea.Cmd {
	l.ch = make(chan tea.Msg, 1)
	l.started = time.Now()
	go func() {
		var c *corpus.Corpus
		var err error
		func() {
			defer func() {
				if r := recover(); r != nil {
					err = fmt.Errorf("internal error while loading (please report): %v", r)
				}
			}()
			var last time.Time
			c, err = l.fn(l.run, func(p corpus.Progress) {
				if now := time.Now(); now.Sub(last) >= 100*time.Millisecond {
					last = now
					select {
					case l.ch <- loadProgressMsg(p):
					default: // the UI has not taken the last one; the next will do
					}
				}
			}, func(part *corpus.Corpus) {
				// A part is sent, not dropped: the load waits for the UI
				// (it publishes a handful), or for the program's end.
				select {
				case l.ch <- loadPartMsg{part}:
				case <-l.run.Done():
				}
			})
		}()
		select {
		case l.ch <- loadedMsg{corpus: c, err: err}:
		case <-l.run.Done(): // nobody is waiting any more
		}
	}()
	return l.wait()
}

// wait takes the next message of the load, or gives up when the program
// ends.
func (l *loading) wait() tea.Cmd {
	ch, done := l.ch, l.run.Done()
	return func() tea.Msg {
		select {
		case msg := <-ch:
			return msg
		case <-done:
			return nil
		}
	}
}

func (l *loading) SetSize(width, height int) {
	l.width, l.height = width, height
	l.bar.FullColor, l.bar.EmptyColor = l.ctx.Theme.palette.Heading, l.ctx.Theme.palette.Muted
	l.bar.SetWidth(min(width-10, 50))
}

func (l *loading) Update(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if key.Matches(msg, l.cancel) {
			return func() tea.Msg { return cancelLoadMsg{} }, true
		}
	}
	return nil, false
}

// cancelLoadMsg asks the root to stop: the user gave up waiting.
type cancelLoadMsg struct{}

func (l *loading) View() string {
	th, p := l.ctx.Theme, l.progress
	frac := 0.0
	if p.TotalDocs > 0 {
		frac = float64(p.Docs) / float64(p.TotalDocs)
	}
	rate := ""
	if elapsed := time.Since(l.started).Seconds(); elapsed > 0.5 && p.Bytes > 0 {
		rate = fmt.Sprintf(" · %.0f MB/s", float64(p.Bytes)/1e6/elapsed)
	}
	lines := []string{
		th.app.Render("trials") + th.muted.Render("  ·  loading "+plain.Line(l.origin)),
		"",
		l.bar.ViewAs(frac) + fmt.Sprintf(" %3.0f%%", frac*100),
		fmt.Sprintf("%s of %s · %s · %s failed%s", present.Number(p.Docs), present.Count(p.TotalDocs, "document", "documents"),
			present.Count(p.Trials, "trial", "trials"), present.Number(p.Failed), rate),
		"",
		th.muted.Render("esc or q cancels"),
	}
	if l.notice != nil {
		if n := l.notice(); n != "" {
			lines = append(lines[:2], append([]string{th.muted.Render(plain.Line(n)), ""}, lines[2:]...)...)
		}
	}
	for i, s := range lines {
		lines[i] = fitMax(s, l.width)
	}
	return lipgloss.Place(l.width, l.height, lipgloss.Center, lipgloss.Center, strings.Join(lines, "\n"))
}

// fitMax cuts a line to width, without padding it.
func fitMax(s string, width int) string {
	if lipgloss.Width(s) > width {
		return fit(s, width)
	}
	return s
}

func (l *loading) KeyMap() help.KeyMap {
	return keyMap{short: []binding{l.cancel}, full: [][]binding{{l.cancel}}}
}

func (l *loading) Status() string { return "" }
