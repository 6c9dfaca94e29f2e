package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/trials-app/trials/model"
	"github.com/trials-app/trials/report"
	"github.com/trials-app/trials/search"
)

// comparison shows trials side by side, section by section: two from the
// list, up to four from the shortlist. All columns are one block of lines,
// so they scroll together. As many trials stand side by side as get 50
// columns each (two at least); s rotates the others in.
type comparison struct {
	ctx    *Context
	trials []*model.Trial // in column order; the first shown ones lead
	text   *textView
	keys   compareKeys
	width  int
	laid   struct {
		width   int
		th      *theme
		first   *model.Trial
		profile int
	}
}

type compareKeys struct {
	Swap, Back binding
}

func newComparison(ctx *Context, trials []*model.Trial) Component {
	c := &comparison{ctx: ctx, trials: trials, text: newTextView(ctx), keys: compareKeys{
		Swap: bind("s", "swap sides", "s"),
		Back: bind("esc", "back (shortlist kept)", "esc"),
	}}
	if len(trials) > 2 {
		c.keys.Swap.SetHelp("s", "rotate the trials")
	}
	return c
}

func (c *comparison) Title() string { return "compare" }

// shown is how many trials stand side by side at this width.
func (c *comparison) shown() int {
	return min(report.TrialsThatFit(c.width, len(c.trials)), len(c.trials))
}

// layout renders the comparison again when the width, the theme or the
// order changed, keeping the scroll position.
func (c *comparison) layout() {
	if c.width == 0 || c.laid.width == c.width && c.laid.th == c.ctx.Theme && c.laid.first == c.trials[0] && c.laid.profile == c.ctx.profile.gen {
		return
	}
	c.laid.width, c.laid.th, c.laid.first, c.laid.profile = c.width, c.ctx.Theme, c.trials[0], c.ctx.profile.gen
	k := c.shown()
	sections := report.CompareFor(c.trials[:k], search.Key, c.ctx.patient())
	lines := report.RenderCompare(sections, report.NewCompareLayout(c.width, k), c.ctx.Theme.report)
	c.text.SetLines(lines, false)
}

func (c *comparison) SetSize(width, height int) {
	c.width = width
	c.text.SetSize(width, height-1) // the title line
	c.layout()
}

// Init says so when not every trial fits.
func (c *comparison) Init() tea.Cmd {
	if k, n := c.shown(), len(c.trials); k < n {
		c.ctx.Notify(fmt.Sprintf("%d of %d fit side by side at %d columns (%d each): s rotates them.",
			k, n, c.width, report.MinTrialColumn))
	}
	return nil
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
				c.trials = append(c.trials[1:], c.trials[0])
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
	c.layout() // the profile may have changed under it
	k := c.shown()
	ids := make([]string, k)
	for i, t := range c.trials[:k] {
		ids[i] = shortID(t.ID)
	}
	title := fmt.Sprintf(" Compare  %s   (s swaps sides · %d%%)", strings.Join(ids, "  ⇄  "), c.text.percent())
	if len(c.trials) > 2 {
		what := fmt.Sprintf("%d trials", k)
		if k < len(c.trials) {
			what = fmt.Sprintf("%d of %d trials", k, len(c.trials))
		}
		title = fmt.Sprintf(" Compare %s  %s   (s rotates · %d%%)", what, strings.Join(ids, " │ "), c.text.percent())
	}
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
	legend := "≠ the two differ  ·  = both have it  ·  · only one has it"
	if len(c.trials) > 2 {
		legend = "≠ they differ  ·  = all have it  ·  · not all have it"
	}
	if c.ctx.patient() != nil {
		legend += "  ·  ✓ met ✗ not met ? unknown, for the patient"
	}
	if k := c.shown(); k < len(c.trials) {
		return fmt.Sprintf("showing %d of %d (s rotates)  ·  ", k, len(c.trials)) + legend
	}
	return legend
}
