package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/trials-app/trials/plain"
)

// openHelp shows every key of the view it was opened from.
func (m *Model) openHelp(from view) {
	m.helpFor = from
	var km keyMap
	switch from {
	case viewFinder:
		km = m.keys.finderHelp(m.finder.stage == 1)
	case viewCompare:
		km = m.keys.compareHelp()
	default:
		km = m.keys.listHelp(len(m.marks))
	}
	h := m.help
	h.ShowAll = true
	var lines []string
	lines = append(lines, m.th.header.Render(" Keys"), "")
	for _, l := range strings.Split(h.FullHelpView(km.FullHelp()), "\n") {
		lines = append(lines, " "+l)
	}
	legend := []string{
		"",
		m.th.header.Render(" Reading the screen"),
		"",
		" ▌ marks the selected row; 1 and 2 mark the trials chosen for comparison.",
		" The status column says the status in words; colour only repeats it:",
		"   green open to patients · cyan not yet open · yellow active, closed to new",
		"   patients · red stopped · grey finished or unknown.",
		" The filter (/) matches the start of words in titles, ids, conditions,",
		" interventions and their other names, and sponsors; every word must match.",
		" In a comparison, ≠ marks differing fields, = what both trials share and",
		" · what only one has.",
		" Criteria are numbered 1., a., i. by depth, as the source nests them.",
		"",
		m.th.muted.Render(" esc, q or ? closes this help."),
	}
	lines = append(lines, legend...)
	m.overlay = pager{height: m.overlay.height}
	m.overlay.setLines(lines)
	m.view = viewHelp
}

// openProblems lists the inputs that did not load, with the reason.
func (m *Model) openProblems() {
	lines := []string{m.th.header.Render(" Inputs that did not load"), ""}
	if len(m.corpus.Problems) == 0 {
		lines = append(lines, " Every input loaded.")
	}
	w := max(m.width-4, 20)
	for _, p := range m.corpus.Problems {
		lines = append(lines, " "+m.th.warn.Render("• ")+plain.Line(p.Path))
		for _, l := range plain.Wrap(plain.Line(p.Reason), w) {
			lines = append(lines, "   "+l)
		}
	}
	lines = append(lines, "", m.th.muted.Render(" esc or q closes this list."))
	m.overlay = pager{height: m.overlay.height}
	m.overlay.setLines(lines)
	m.helpFor = m.view
	m.view = viewProblems
}

func (m *Model) keyOverlay(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	switch {
	case key.Matches(msg, k.Back, k.Quit, k.Help):
		back := m.helpFor
		if back == viewHelp || back == viewProblems {
			back = viewMain
		}
		m.view = back
	default:
		m.keyPane(msg, &m.overlay)
	}
	return nil
}
