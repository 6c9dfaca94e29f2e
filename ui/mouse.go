package ui

import tea "charm.land/bubbletea/v2"

// The screen is: the header (line 0), the body (lines 1 to height-3) whose
// first line is a title or tab line, then the status and help lines.

const wheelStep = 3

// wheel scrolls whatever is under the pointer.
func (m *Model) wheel(msg tea.MouseWheelMsg) {
	if m.corpus == nil || m.tooSmall() {
		return
	}
	step := wheelStep
	if msg.Button == tea.MouseWheelUp {
		step = -step
	} else if msg.Button != tea.MouseWheelDown {
		return
	}
	switch m.view {
	case viewCompare:
		m.compare.pager.scroll(step)
	case viewHelp, viewProblems:
		m.overlay.scroll(step)
	case viewFinder:
		n := len(m.finder.hits)
		if m.finder.stage == 1 {
			n = len(m.corpus.Catalog.Entry(m.finder.entry).Uses)
		}
		m.finder.move(step, n, m.corpus)
	default:
		if p, ok := m.paneAt(msg.X); ok && p != paneList {
			m.panes[p].scroll(step)
			return
		}
		m.list.scroll(step)
	}
}

// click selects the row under the pointer, or focuses the pane under it.
func (m *Model) click(msg tea.MouseClickMsg) {
	if m.corpus == nil || m.tooSmall() || msg.Button != tea.MouseLeft {
		return
	}
	bodyY := msg.Y - 1
	switch m.view {
	case viewMain:
		p, ok := m.paneAt(msg.X)
		if !ok || bodyY < 0 {
			return
		}
		if p != paneList {
			m.setFocus(p)
			return
		}
		if row := m.list.rowAt(bodyY - 1); row >= 0 {
			m.list.moveTo(row)
			if m.focus != paneList {
				m.setFocus(paneList)
			}
			m.panesFollow()
		}
	case viewFinder:
		row := bodyY - 2 // the input and summary lines
		if row < 0 || row >= m.finder.height {
			return
		}
		if m.finder.stage == 0 && m.finder.offset+row < len(m.finder.hits) {
			m.finder.cursor = m.finder.offset + row
		} else if m.finder.stage == 1 {
			m.finder.ucur = m.finder.useAt(m.corpus, row)
		}
	}
}

// paneAt is the pane at column x of the main view.
func (m *Model) paneAt(x int) (pane, bool) {
	if !m.wide() {
		return m.focus, true
	}
	listW, _ := m.columns()
	switch {
	case x < listW:
		return paneList, true
	case x > listW:
		return m.right, true
	}
	return 0, false
}
