package ui

import (
	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"

	"github.com/trials-app/trials/report"
)

// theme styles the browser. Colour only ever repeats what text already
// says: selection is reverse video plus a gutter bar, focus is reverse
// video on the pane's tab, statuses are words, marks are digits — so
// NO_COLOR (which the renderer honours by dropping colours, keeping
// reverse, bold and underline) loses nothing. The palette follows the
// terminal's background, or TRIALS_THEME.
type theme struct {
	palette   report.Palette
	report    report.Theme
	help      help.Styles
	app       lipgloss.Style
	header    lipgloss.Style
	muted     lipgloss.Style
	selected  lipgloss.Style
	tab       lipgloss.Style
	tabActive lipgloss.Style
	match     lipgloss.Style // what the filter or a search matched
	current   lipgloss.Style // the search match n/N is on
	warn      lipgloss.Style
	separator lipgloss.Style
	mark      lipgloss.Style
	input     lipgloss.Style
}

func newTheme(dark bool) *theme {
	p := report.PaletteFor(dark)
	s := lipgloss.NewStyle()
	muted := s.Foreground(p.Muted)
	return &theme{
		palette:  p,
		report:   report.NewTheme(p),
		app:      s.Bold(true).Foreground(p.Heading),
		header:   s.Bold(true),
		muted:    muted,
		selected: s.Reverse(true),
		// Inactive tabs in the ordinary colour: a muted tab on a muted
		// footer was grey on grey.
		tab:       s,
		tabActive: s.Reverse(true).Bold(true),
		match:     s.Bold(true).Underline(true).Foreground(p.Match),
		current:   s.Reverse(true).Bold(true),
		warn:      s.Bold(true).Foreground(p.Warn),
		separator: muted,
		mark:      s.Bold(true).Foreground(p.Mark),
		input:     s.Bold(true),
		help: help.Styles{
			Ellipsis:       muted,
			ShortKey:       s.Bold(true),
			ShortDesc:      muted,
			ShortSeparator: muted,
			FullKey:        s.Bold(true),
			FullDesc:       s,
			FullSeparator:  muted,
		},
	}
}
