package ui

import (
	"fmt"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// overlay is a page of text over the view it was opened from — help, the
// load problems — laid out again at every width, closed by its own keys.
type overlay struct {
	ctx   *Context
	title string
	lines func(width int) []string
	text  *textView
	close binding
	width int
	laid  struct {
		width int
		th    *theme
	}
}

func newOverlay(ctx *Context, title string, close binding, lines func(width int) []string) *overlay {
	return &overlay{ctx: ctx, title: title, lines: lines, close: close, text: newTextView(ctx)}
}

func (o *overlay) Title() string { return o.title }

func (o *overlay) layout() {
	if o.width == 0 || o.laid.width == o.width && o.laid.th == o.ctx.Theme {
		return
	}
	o.laid.width, o.laid.th = o.width, o.ctx.Theme
	o.text.SetLines(o.lines(o.width), false)
}

func (o *overlay) SetSize(width, height int) {
	o.width = width
	o.text.SetSize(width, height)
	o.layout()
}

func (o *overlay) Typing() bool { return o.text.Typing() }

func (o *overlay) Update(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case themeMsg:
		o.layout()
		return nil, false
	case tea.KeyPressMsg:
		if o.text.state == searchOff && key.Matches(msg, o.close) {
			return closeView(o), true
		}
	}
	return o.text.Update(msg)
}

func (o *overlay) View() string { return o.text.View() }

func (o *overlay) KeyMap() help.KeyMap {
	if o.text.state != searchOff {
		return keyMap{short: o.text.shortKeys(), full: o.text.keyGroups()}
	}
	return keyMap{short: append([]binding{o.close}, o.text.shortKeys()...), full: append(o.text.keyGroups(), []binding{o.close})}
}

func (o *overlay) Status() string { return fmt.Sprintf("%d%%", o.text.percent()) }
