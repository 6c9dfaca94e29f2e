package ui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"

	"github.com/trials-app/trials/model"
	"github.com/trials-app/trials/plain"
)

// paneSpec is a reading pane beside the list: its tab's name and how it
// lays a trial out. The panes are registered in browser.go.
type paneSpec struct {
	name   string
	render func(t *model.Trial, width int, th *theme) string
}

// readingPane shows one paneSpec of the selected trial, scrolling, with
// its own search. It lays the trial out again only when the trial, the
// width or the theme changed.
type readingPane struct {
	spec  paneSpec
	ctx   *Context
	text  *textView
	trial *model.Trial
	note  string // said instead of a trial: none selected, reading, failed
	width int
	laid  struct {
		trial *model.Trial
		width int
		th    *theme
	}
}

func newReadingPane(ctx *Context, spec paneSpec) *readingPane {
	return &readingPane{spec: spec, ctx: ctx, text: newTextView(ctx)}
}

// setTrial shows t from its top.
func (p *readingPane) setTrial(t *model.Trial) {
	p.trial, p.note = t, ""
	p.layout(true)
}

// setNote shows a line in place of a trial ("Reading NCT… from …").
func (p *readingPane) setNote(note string) {
	p.trial, p.note = nil, note
	p.laid.trial = nil
	p.text.SetLines([]string{p.ctx.Theme.muted.Render(" " + plain.Line(note))}, true)
}

func (p *readingPane) layout(top bool) {
	if p.trial == nil || p.width == 0 {
		return
	}
	w := max(p.width-1, 20)
	if p.laid.trial == p.trial && p.laid.width == w && p.laid.th == p.ctx.Theme {
		return
	}
	p.laid.trial, p.laid.width, p.laid.th = p.trial, w, p.ctx.Theme
	p.text.SetLines(strings.Split(p.spec.render(p.trial, w, p.ctx.Theme), "\n"), top)
}

func (p *readingPane) SetSize(width, height int) {
	p.width = width
	p.text.SetSize(width, height)
	p.layout(false)
}

func (p *readingPane) Update(msg tea.Msg) (tea.Cmd, bool) {
	if _, ok := msg.(themeMsg); ok {
		if p.note != "" {
			p.setNote(p.note)
		}
		p.layout(false)
		return nil, false
	}
	return p.text.Update(msg)
}

func (p *readingPane) View() string   { return p.text.View() }
func (p *readingPane) Typing() bool   { return p.text.Typing() }
func (p *readingPane) Status() string { return "" }

func (p *readingPane) KeyMap() help.KeyMap {
	return keyMap{short: p.text.shortKeys(), full: p.text.keyGroups()}
}
