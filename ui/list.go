package ui

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/trials-app/trials/plain"
	"github.com/trials-app/trials/present"
	"github.com/trials-app/trials/search"
)

// trialList is the list of trials: the rows the filter lets through, a
// cursor, and the record the user selected — which survives filtering.
type trialList struct {
	rows   []int // record indices, in display order
	cursor int   // index into rows
	offset int   // first visible row
	height int
	anchor int // the selected record; -1 for none
	terms  []string
}

func newTrialList(n int) trialList {
	l := trialList{anchor: -1}
	l.setRows(allRows(n), nil)
	return l
}

func allRows(n int) []int {
	rows := make([]int, n)
	for i := range rows {
		rows[i] = i
	}
	return rows
}

// setRows replaces the rows, keeping the selected record selected when it
// is among them (and remembering it when it is not).
func (l *trialList) setRows(rows []int, terms []string) {
	l.rows, l.terms = rows, terms
	l.cursor = 0
	if l.anchor >= 0 {
		for i, r := range rows {
			if r == l.anchor {
				l.cursor = i
				break
			}
		}
	}
	l.offset = 0
	l.follow()
}

// selected is the record under the cursor, or -1.
func (l *trialList) selected() int {
	if l.cursor < 0 || l.cursor >= len(l.rows) {
		return -1
	}
	return l.rows[l.cursor]
}

func (l *trialList) move(n int) {
	if len(l.rows) == 0 {
		return
	}
	l.cursor = min(max(l.cursor+n, 0), len(l.rows)-1)
	l.anchor = l.rows[l.cursor]
	l.follow()
}

func (l *trialList) moveTo(i int) { l.move(i - l.cursor) }

// selectRecord puts the cursor on a record, if it is shown.
func (l *trialList) selectRecord(rec int) bool {
	for i, r := range l.rows {
		if r == rec {
			l.moveTo(i)
			return true
		}
	}
	return false
}

func (l *trialList) setHeight(h int) {
	l.height = max(h, 1)
	l.follow()
}

// follow scrolls so the cursor is visible.
func (l *trialList) follow() {
	if l.cursor < l.offset {
		l.offset = l.cursor
	}
	if l.cursor >= l.offset+l.height {
		l.offset = l.cursor - l.height + 1
	}
	l.offset = max(0, min(l.offset, max(len(l.rows)-l.height, 0)))
}

// view renders the visible rows. Only they are rendered, whatever the size
// of the corpus.
func (l *trialList) view(c *Corpus, width int, marks []int, th theme) string {
	var b strings.Builder
	for i := 0; i < l.height; i++ {
		j := l.offset + i
		if j < len(l.rows) {
			b.WriteString(l.row(c.Record(l.rows[j]), j == l.cursor, markOf(marks, l.rows[j]), width, th))
		} else if i == 0 && len(l.rows) == 0 {
			msg := "  No trial matches the filter."
			if c.Len() == 0 {
				msg = "  No trials were loaded (press ! to see why)."
			}
			b.WriteString(fit(th.muted.Render(msg), width))
		} else {
			b.WriteString(strings.Repeat(" ", max(width, 0)))
		}
		if i < l.height-1 {
			b.WriteByte('\n')
		}
	}
	return b.String()
}

func markOf(marks []int, rec int) int {
	for i, m := range marks {
		if m == rec {
			return i + 1
		}
	}
	return 0
}

// row renders one trial: gutter, mark, status, phase, id, title, enrollment.
// Columns drop out on narrow widths so the title keeps room.
func (l *trialList) row(r *search.Record, selected bool, mark int, width int, th theme) string {
	// Two columns: a bar on the selected row (so selection never rests on
	// colour alone) and the mark's number (1 or 2) on marked rows.
	bar, markText := " ", " "
	if selected {
		bar = "▌"
	}
	if mark > 0 {
		markText = fmt.Sprint(mark)
	}
	status := fmt.Sprintf("%-10s", present.StatusShort(r.Status))
	phase := fmt.Sprintf("%-5s", present.PhaseShort(r.Phases))
	id := fmt.Sprintf("%-11s", r.ID)
	enroll := ""
	if r.Enrollment >= 0 {
		enroll = fmt.Sprintf("%6d", r.Enrollment)
	}
	fixed := 2 + 11 + 6 + 12 + 7 // gutter+mark, status, phase, id, enrollment (with spaces)
	showEnroll, showPhase := true, true
	if width-fixed < 24 {
		showEnroll, fixed = false, fixed-7
	}
	if width-fixed < 24 {
		showPhase, fixed = false, fixed-6
	}
	titleW := max(width-fixed, 8)
	// Each segment is styled on its own: an outer reverse would be undone
	// by the resets inside the status badge and the highlighted matches.
	base := lipgloss.NewStyle()
	statusStyle := th.report.Status(r.Status)
	if selected {
		base = th.selected
		statusStyle = statusStyle.Reverse(true)
	}
	title := fitStyled(plain.Line(r.Title), l.terms, titleW, base, th, selected)
	line := statusStyle.Render(status) + base.Render(" ")
	if showPhase {
		line += base.Render(phase + " ")
	}
	line += base.Render(id+" ") + title
	if showEnroll {
		line += base.Render(fmt.Sprintf(" %6s", enroll))
	}
	return fit(th.header.Render(bar)+th.mark.Render(markText)+line, width)
}

// fitStyled cuts s to width and styles it: matched parts of the filter
// terms highlighted, the rest in base, padded to exactly width.
func fitStyled(s string, terms []string, width int, base lipgloss.Style, th theme, selected bool) string {
	if ansi.StringWidth(s) > width {
		s = ansi.Truncate(s, width, "…")
	}
	pad := strings.Repeat(" ", max(width-ansi.StringWidth(s), 0))
	return highlightSpans(s, terms, th, selected, base) + base.Render(pad)
}

// highlightSpans marks the parts of s the filter terms matched.
// The rest of s is styled with base.
func highlightSpans(s string, terms []string, th theme, selected bool, base lipgloss.Style) string {
	style := th.match
	if selected {
		style = style.Reverse(true)
	}
	return present.Highlight(s, search.Spans(s, terms), func(s string) string { return base.Render(s) }, func(s string) string { return style.Render(s) })
}

// rowAt is the row a click at line y of the list lands on.
func (l *trialList) rowAt(y int) int {
	if y < 0 || y >= l.height {
		return -1
	}
	if r := l.offset + y; r < len(l.rows) {
		return r
	}
	return -1
}

// scroll moves the view without moving the selection (the mouse wheel).
func (l *trialList) scroll(n int) {
	l.offset = max(0, min(l.offset+n, max(len(l.rows)-l.height, 0)))
}

// The list as a scroller: the movement keys move its cursor.
func (l *trialList) step(n int) { l.move(n) }
func (l *trialList) toStart()   { l.moveTo(0) }
func (l *trialList) toEnd()     { l.moveTo(len(l.rows) - 1) }
func (l *trialList) page() int  { return l.height }
