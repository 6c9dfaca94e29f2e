package ui

import (
	"fmt"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/trials-app/trials/model"
	"github.com/trials-app/trials/report"
	"github.com/trials-app/trials/search"
)

// comparison shows two trials side by side, section by section; both
// columns are one block of lines, so they scroll together.
type comparison struct {
	ctx   *Context
	a, b  *model.Trial
	text  *textView
	keys  compareKeys
	width int
	laid  struct {
		width int
		th    *theme
		a     *model.Trial
	}
}

type compareKeys struct {
	Swap, Back binding
}

func newComparison(ctx *Context, a, b *model.Trial) Component {
	return &comparison{ctx: ctx, a: a, b: b, text: newTextView(ctx), keys: compareKeys{
		Swap: bind("s", "swap sides", "s"),
		Back: bind("esc", "back (marks kept)", "esc"),
	}}
}

func (c *comparison) Title() string { return "compare" }

// layout renders the comparison again when the width, the theme or the
// sides changed, keeping the scroll position.
func (c *comparison) layout() {
	if c.width == 0 || c.laid.width == c.width && c.laid.th == c.ctx.Theme && c.laid.a == c.a {
		return
	}
	c.laid.width, c.laid.th, c.laid.a = c.width, c.ctx.Theme, c.a
	lines := report.RenderCompare(report.Compare([]*model.Trial{c.a, c.b}, search.Key), report.NewCompareLayout(c.width, 2), c.ctx.Theme.report)
	c.text.SetLines(lines, false)
}

func (c *comparison) SetSize(width, height int) {
	c.width = width
	c.text.SetSize(width, height-1) // the title line
	c.layout()
}

func (c *comparison) Typing() bool { return c.text.Typing() }

func (c *comparison) Update(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case themeMsg:
		c.layout()
		return nil, false
	case tea.KeyPressMsg:
		if !c.text.Typing() {
			switch {
			case key.Matches(msg, c.keys.Swap):
				c.a, c.b = c.b, c.a
				c.layout()
				return nil, true
			case c.text.state == searchOff && key.Matches(msg, c.keys.Back):
				return closeView(c), true
			}
		}
	}
	return c.text.Update(msg)
}

func (c *comparison) View() string {
	title := fmt.Sprintf(" Compare  %s  ⇄  %s   (s swaps sides · %d%%)", shortID(c.a.ID), shortID(c.b.ID), c.text.percent())
	return fit(title, c.width) + "\n" + c.text.View()
}

func (c *comparison) KeyMap() help.KeyMap {
	if c.text.Typing() {
		return keyMap{short: c.text.shortKeys(), full: c.text.keyGroups()}
	}
	own := []binding{c.keys.Swap}
	if c.text.state == searchOff {
		own = append(own, c.keys.Back)
	}
	return keyMap{short: append(c.text.shortKeys(), own...), full: append(c.text.keyGroups(), own)}
}

func (c *comparison) Status() string {
	return "≠ the two differ  ·  = both have it  ·  · only one has it"
}
