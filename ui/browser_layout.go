package ui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/trials-app/trials/plain"
)

// The browser's screen: the title lines with their tabs, the list and the
// pane side by side or one at a time, and the mouse over them.

// tabSpan is where a tab label stands on the title line, for clicks.
type tabSpan struct{ x0, x1, target int }

// tabs renders the labels of targets from column x, and where each stands.
func (b *browser) tabs(targets []int, x int) (string, []tabSpan) {
	var sb strings.Builder
	var spans []tabSpan
	for _, t := range targets {
		name := "Trials"
		if t > 0 {
			name = b.panes[t-1].spec.name
		}
		label := fmt.Sprintf(" %d %s ", t+1, name)
		style := b.ctx.Theme.tab
		if t == b.focus {
			style = b.ctx.Theme.tabActive
		}
		sb.WriteString(style.Render(label))
		w := plain.Width(label)
		spans = append(spans, tabSpan{x, x + w, t})
		x += w
	}
	return sb.String(), spans
}

// titles are the list's and the pane's title lines and their tabs: in the
// wide layout the list's tab heads the list and the panes' tabs the pane;
// on narrow terminals every tab heads the one column shown.
func (b *browser) titles() (listTitle, paneTitle string, spans []tabSpan) {
	all := make([]int, len(b.panes)+1)
	for i := range all {
		all[i] = i
	}
	listW, _ := b.columns()
	if b.wide() {
		var ls, ps []tabSpan
		listTitle, ls = b.tabs(all[:1], 0)
		paneTitle, ps = b.tabs(all[1:], listW+1)
		return listTitle, paneTitle, append(ls, ps...)
	}
	t, spans := b.tabs(all, 0)
	return t, t, spans
}

func (b *browser) View() string {
	listW, paneW := b.columns()
	listTitle, paneTitle, _ := b.titles()
	list := fit(b.list.title(listTitle), listW) + "\n" + b.list.View()
	if !b.wide() && b.focus == 0 {
		return list
	}
	p := b.right
	if !b.wide() {
		p = b.focus - 1
	}
	if rec := b.list.selected(); rec >= 0 {
		paneTitle += b.ctx.Theme.muted.Render(fmt.Sprintf("  %s  %d%%", shortID(b.ctx.Corpus.Record(rec).ID), b.panes[p].text.percent()))
	}
	pane := fit(paneTitle, paneW) + "\n" + b.panes[p].View()
	if !b.wide() {
		return pane
	}
	sep := b.ctx.Theme.separator.Render(strings.TrimSuffix(strings.Repeat("│\n", b.height), "\n"))
	return lipgloss.JoinHorizontal(lipgloss.Top, list, sep, pane)
}

// paneAt is what stands at column x of the body: the list (0), a pane
// (its focus number), or -1 for the separator.
func (b *browser) paneAt(x int) int {
	if !b.wide() {
		return b.focus
	}
	listW, _ := b.columns()
	switch {
	case x < listW:
		return 0
	case x > listW:
		return b.right + 1
	}
	return -1
}

// click switches to a tab, selects a row, or focuses the pane clicked.
func (b *browser) click(msg tea.MouseClickMsg) tea.Cmd {
	if msg.Button != tea.MouseLeft {
		return nil
	}
	if msg.Y == 0 {
		_, _, spans := b.titles()
		for _, s := range spans {
			if msg.X >= s.x0 && msg.X < s.x1 {
				return b.setFocus(s.target)
			}
		}
		return nil
	}
	switch at := b.paneAt(msg.X); at {
	case -1:
		return nil
	case 0:
		row := msg
		row.Y-- // the title line
		if _, ok := b.list.Update(row); ok {
			if b.focus != 0 {
				return b.setFocus(0)
			}
			return b.follow()
		}
		return nil
	default:
		return b.setFocus(at)
	}
}

// wheel scrolls what is under the pointer.
func (b *browser) wheel(msg tea.MouseWheelMsg) {
	if at := b.paneAt(msg.X); at > 0 {
		b.panes[at-1].text.wheel(msg)
	} else {
		b.list.Update(msg)
	}
}
