package ui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/trials-app/trials/model"
	"github.com/trials-app/trials/plain"
	"github.com/trials-app/trials/report"
	"github.com/trials-app/trials/search"
)

// comparison shows two trials side by side; both columns are one block of
// lines, so they scroll together.
type comparison struct {
	a, b  *model.Trial
	pager pager
	width int
}

func (c *comparison) render(width int, th theme) {
	if c.a == nil || c.b == nil {
		return
	}
	c.width = width
	off := c.pager.offset
	c.pager.setLines(report.RenderCompare(report.Compare(c.a, c.b, search.Key), report.NewCompareLayout(width), th.report))
	c.pager.offset = off
	c.pager.clamp()
}

// layout sizes the comparison; it is laid out again only while shown.
func (c *comparison) layout(width, bodyH int, shown bool, th theme) {
	c.pager.setHeight(bodyH - 1) // the title line
	if shown && width != c.width {
		c.render(width, th)
	}
}

func (m *Model) openCompare() tea.Cmd {
	a, b, ok := m.comparePair()
	if !ok {
		switch {
		case len(m.marks) == 0:
			m.message = "Mark a trial with space, then select another (or mark it too) and press c."
		case m.list.selected() < 0:
			m.message = "No trial is selected to compare with the marked one; clear the filter (esc) or mark a second trial."
		default:
			m.message = "Select a different trial from the marked one, then press c."
		}
		return nil
	}
	ta, err := m.corpus.Trial(a)
	var tb *model.Trial
	if err == nil {
		tb, err = m.corpus.Trial(b)
	}
	if err != nil {
		m.message = "Cannot compare: " + plain.Line(err.Error())
		return nil
	}
	m.compare = comparison{a: ta, b: tb}
	m.view = viewCompare
	m.layout()
	m.compare.render(m.width, m.th)
	return nil
}

func (m *Model) keyCompare(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	c := &m.compare
	switch {
	case key.Matches(msg, k.Quit):
		return tea.Quit
	case key.Matches(msg, k.Back):
		m.view = viewMain // the marks stay
	case key.Matches(msg, k.Help):
		m.openHelp(viewCompare)
	case key.Matches(msg, k.Swap):
		c.a, c.b = c.b, c.a
		c.render(m.width, m.th)
	default:
		m.keyPane(msg, &c.pager)
	}
	return nil
}

func (c *comparison) view(width int) string {
	title := fmt.Sprintf(" Compare  %s  ⇄  %s   (s swaps sides · %d%%)", plain.Line(c.a.ID), plain.Line(c.b.ID), c.pager.percent())
	return fit(title, width) + "\n" + c.pager.view(width)
}
