package ui

import (
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/trials-app/trials/model"
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

// statusShort is a status in ten columns or fewer, for the list.
func statusShort(st model.Status) string {
	switch st {
	case model.StatusRecruiting:
		return "Recruiting"
	case model.StatusNotYetRecruiting:
		return "Not yet"
	case model.StatusActiveNotRecruiting:
		return "Active"
	case model.StatusEnrollingByInvitation:
		return "Invitation"
	case model.StatusCompleted:
		return "Completed"
	case model.StatusSuspended:
		return "Suspended"
	case model.StatusTerminated:
		return "Terminated"
	case model.StatusWithdrawn:
		return "Withdrawn"
	case model.StatusUnknown:
		return "Unknown"
	case model.StatusAvailable:
		return "Available"
	case model.StatusNoLongerAvailable:
		return "No longer"
	case model.StatusTemporarilyNotAvailable:
		return "Paused"
	case model.StatusApprovedForMarketing:
		return "Approved"
	case model.StatusWithheld:
		return "Withheld"
	}
	return "—"
}

// phaseShort is a phase list in five columns or fewer: "2/3", "N/A", "E1".
func phaseShort(ps []model.Phase) string {
	if len(ps) == 0 {
		return "—"
	}
	var s string
	for i, p := range ps {
		if i > 0 {
			s += "/"
		}
		switch p {
		case model.PhaseNA:
			return "N/A"
		case model.PhaseEarly1:
			s += "E1"
		default:
			s += strings.TrimPrefix(string(p), "PHASE")
		}
	}
	return "P" + s
}
