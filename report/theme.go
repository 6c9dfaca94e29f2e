package report

import (
	"image/color"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/trials-app/trials/model"
)

// Palette is the colours of one terminal background. Colour only ever
// repeats what the text says (statuses are words, differences carry a
// mark), so a palette can be dropped (NO_COLOR) without losing anything.
// The colours are from the 256-colour table: each downsamples to the
// nearest of a 16-colour terminal's own.
type Palette struct {
	Dark    bool
	Heading color.Color
	Muted   color.Color // secondary text, readable on the background (not grey on grey)
	Accent  color.Color
	Warn    color.Color
	Match   color.Color // what a search matched
	Mark    color.Color // the comparison marks of the list
	// Status colours, by what a status means for a patient looking for a trial.
	Open, Soon, Closed, Stopped, Over color.Color
}

// PaletteFor is the palette for a dark or a light background. On a light
// background yellow and cyan are unreadable; there they are amber and teal
// dark enough for a white page.
func PaletteFor(dark bool) Palette {
	c := lipgloss.Color
	if dark {
		return Palette{Dark: true, Heading: c("75"), Muted: c("247"), Accent: c("80"), Warn: c("214"),
			Match: c("221"), Mark: c("213"),
			Open: c("78"), Soon: c("81"), Closed: c("221"), Stopped: c("203"), Over: c("247")}
	}
	return Palette{Dark: false, Heading: c("25"), Muted: c("240"), Accent: c("30"), Warn: c("130"),
		Match: c("130"), Mark: c("127"),
		Open: c("28"), Soon: c("25"), Closed: c("94"), Stopped: c("124"), Over: c("240")}
}

// ThemeChoice reads TRIALS_THEME from an environment: light or dark forces
// that palette (ok is true); anything else leaves the choice to the
// terminal's background.
func ThemeChoice(environ []string) (dark, ok bool) {
	for _, kv := range environ {
		if v, found := strings.CutPrefix(kv, "TRIALS_THEME="); found {
			switch strings.ToLower(strings.TrimSpace(v)) {
			case "dark":
				return true, true
			case "light":
				return false, true
			}
		}
	}
	return true, false
}

// Theme styles the parts of a report.
type Theme struct {
	Title   lipgloss.Style
	Heading lipgloss.Style
	Label   lipgloss.Style
	Value   lipgloss.Style
	Muted   lipgloss.Style
	Accent  lipgloss.Style
	Warn    lipgloss.Style
	Match   lipgloss.Style
	// Source marks, in a criterion, the words a requirement was read
	// from: underlined and bold, so it shows without colour.
	Source lipgloss.Style
	// Met, NotMet and Unknown style a screen's verdicts; the words and
	// symbols (✓ ✗ ?) say it, colour only repeats them.
	Met, NotMet, Unknown lipgloss.Style
	// Status styles a recruitment status badge.
	Status func(model.Status) lipgloss.Style
}

// PlainTheme styles nothing: for pipes and NO_COLOR.
func PlainTheme() Theme {
	s := lipgloss.NewStyle()
	return Theme{Title: s, Heading: s, Label: s, Value: s, Muted: s, Accent: s, Warn: s, Match: s, Source: s,
		Met: s, NotMet: s, Unknown: s, Status: func(model.Status) lipgloss.Style { return s }}
}

// DefaultTheme is the theme for a dark background.
func DefaultTheme() Theme { return NewTheme(PaletteFor(true)) }

// NewTheme styles reports in a palette.
func NewTheme(p Palette) Theme {
	s := lipgloss.NewStyle()
	return Theme{
		Title:   s.Bold(true),
		Heading: s.Bold(true).Foreground(p.Heading),
		Label:   s.Foreground(p.Muted),
		Value:   s,
		Muted:   s.Foreground(p.Muted),
		Accent:  s.Foreground(p.Accent),
		Warn:    s.Foreground(p.Warn),
		Match:   s.Bold(true).Underline(true).Foreground(p.Match),
		Source:  s.Bold(true).Underline(true),
		Met:     s.Foreground(p.Open),
		NotMet:  s.Bold(true).Foreground(p.Stopped),
		Unknown: s.Foreground(p.Muted),
		Status:  func(st model.Status) lipgloss.Style { return StatusStyle(st, p) },
	}
}

// StatusStyle colours a status by what it means for a patient looking for a
// trial: open, soon, closed to new patients, stopped, over.
func StatusStyle(st model.Status, p Palette) lipgloss.Style {
	s := lipgloss.NewStyle().Bold(true)
	switch st {
	case model.StatusRecruiting, model.StatusAvailable, model.StatusEnrollingByInvitation:
		return s.Foreground(p.Open)
	case model.StatusNotYetRecruiting, model.StatusTemporarilyNotAvailable:
		return s.Foreground(p.Soon)
	case model.StatusSuspended, model.StatusTerminated, model.StatusWithdrawn, model.StatusWithheld, model.StatusNoLongerAvailable:
		return s.Foreground(p.Stopped)
	case model.StatusActiveNotRecruiting:
		return s.Foreground(p.Closed)
	}
	return s.Foreground(p.Over)
}
