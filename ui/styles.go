package ui

import (
	"charm.land/lipgloss/v2"

	"github.com/trials-app/trials/report"
)

// theme styles the browser. Colour only ever repeats what text already
// says: selection is reverse video plus a gutter mark, focus is reverse
// video on the pane's tab, statuses are words — so NO_COLOR loses nothing.
type theme struct {
	report    report.Theme
	app       lipgloss.Style
	header    lipgloss.Style
	muted     lipgloss.Style
	selected  lipgloss.Style
	tab       lipgloss.Style
	tabActive lipgloss.Style
	match     lipgloss.Style
	warn      lipgloss.Style
	separator lipgloss.Style
	mark      lipgloss.Style
	input     lipgloss.Style
}

func newTheme() theme {
	s := lipgloss.NewStyle()
	return theme{
		report:    report.DefaultTheme(),
		app:       s.Bold(true).Foreground(lipgloss.Color("12")),
		header:    s.Bold(true),
		muted:     s.Foreground(lipgloss.Color("8")),
		selected:  s.Reverse(true),
		tab:       s.Foreground(lipgloss.Color("8")),
		tabActive: s.Reverse(true).Bold(true),
		match:     s.Bold(true).Underline(true).Foreground(lipgloss.Color("3")),
		warn:      s.Foreground(lipgloss.Color("3")).Bold(true),
		separator: s.Foreground(lipgloss.Color("8")),
		mark:      s.Foreground(lipgloss.Color("5")).Bold(true),
		input:     s.Bold(true),
	}
}
