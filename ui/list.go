package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/trials-app/trials/corpus"
	"github.com/trials-app/trials/plain"
	"github.com/trials-app/trials/present"
	"github.com/trials-app/trials/search"
)

// trialList is the list of trials: the rows the filter lets through, a
// cursor, and the record the user selected — which survives filtering.
//
// It is written here rather than taken from bubbles' list, which holds
// every item as an interface value and filters them all on each key: at
// the registry's 550,000 trials that piles up seconds behind typing. This
// one keeps record numbers, renders only the visible rows, and leaves
// matching to the index, off the UI goroutine.
type trialList struct {
	ctx    *Context
	filter *filter
	keys   listKeys
	rows   []int // record indices, in display order
	cursor int   // index into rows
	offset int   // first visible row
	width  int
	height int
	anchor int // the selected record; -1 for none
	terms  []string
}

type listKeys struct {
	scrollKeys
}

func newTrialList(ctx *Context) *trialList {
	l := &trialList{ctx: ctx, filter: newFilter(ctx), keys: listKeys{newScrollKeys()}, anchor: -1}
	n := ctx.Corpus.Len()
	rows := make([]int, n)
	for i := range rows {
		rows[i] = i
	}
	if n > 0 {
		l.anchor = 0
	}
	l.setRows(rows, nil)
	return l
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

// grew shows the corpus a load has grown (or renumbered: the anchor was
// moved to its trial's new record): unfiltered, the rows are every record,
// with the selection and the scroll kept; filtered, the filter runs again
// over the new corpus, and its result replaces the rows when it comes.
func (l *trialList) grew() tea.Cmd {
	active := l.filter.state != unfiltered
	for _, f := range facets {
		active = active || f.keep != nil
	}
	if active {
		return l.filter.run()
	}
	l.filter.gen++ // a result on its way is for the corpus before
	offset := l.offset
	rows := make([]int, l.ctx.Corpus.Len())
	for i := range rows {
		rows[i] = i
	}
	l.setRows(rows, l.terms)
	l.offset = offset
	l.follow()
	return nil
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

// selectRecord puts the cursor on a record, if it is shown.
func (l *trialList) selectRecord(rec int) bool {
	for i, r := range l.rows {
		if r == rec {
			l.move(i - l.cursor)
			return true
		}
	}
	return false
}

// follow scrolls so the cursor is visible.
func (l *trialList) follow() {
	h := max(l.height, 1)
	if l.cursor < l.offset {
		l.offset = l.cursor
	}
	if l.cursor >= l.offset+h {
		l.offset = l.cursor - h + 1
	}
	l.offset = max(0, min(l.offset, max(len(l.rows)-h, 0)))
}

// visibleRecords are the records on screen, top to bottom.
func (l *trialList) visibleRecords() []int {
	end := min(l.offset+l.height, len(l.rows))
	if l.offset >= end {
		return nil
	}
	return l.rows[l.offset:end]
}

// The list as a scroller: the movement keys move its cursor.
func (l *trialList) step(n int) { l.move(n) }
func (l *trialList) toStart()   { l.move(-len(l.rows)) }
func (l *trialList) toEnd()     { l.move(len(l.rows)) }
func (l *trialList) page() int  { return max(l.height, 1) }

func (l *trialList) SetSize(width, height int) {
	l.width, l.height = width, max(height, 1)
	l.filter.input.SetWidth(max(width-4, 10))
	l.follow()
}

func (l *trialList) Typing() bool { return l.filter.state == filtering }

func (l *trialList) Update(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case filterResultMsg:
		if msg.gen == l.filter.gen {
			l.setRows(msg.rows, msg.terms)
		}
		return nil, false
	case tea.KeyPressMsg:
		f := l.filter
		if f.state == filtering {
			return f.typing(msg, l.move), true
		}
		switch {
		case key.Matches(msg, f.keys.Start):
			return f.start(), true
		case f.state == filterApplied && key.Matches(msg, f.keys.Clear):
			return f.clear(), true
		}
		return nil, l.keys.scroll(msg, l)
	case tea.MouseClickMsg:
		if row := l.rowAt(msg.Y); row >= 0 && msg.Button == tea.MouseLeft {
			l.move(row - l.cursor)
			return nil, true
		}
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelUp:
			l.scroll(-wheelStep)
		case tea.MouseWheelDown:
			l.scroll(wheelStep)
		}
		return nil, true
	}
	if l.filter.state == filtering {
		return l.filter.typeKey(msg), false // pastes
	}
	return nil, false
}

// wheelStep is how many lines the mouse wheel scrolls.
const wheelStep = 3

// rowAt is the row a click at line y of the list lands on, or -1.
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

// title is the list's title line: the filter's input while typing,
// otherwise tabs and the applied filter.
func (l *trialList) title(tabs string) string {
	th := l.ctx.Theme
	switch l.filter.state {
	case filtering:
		return l.filter.input.View()
	case filterApplied:
		return tabs + th.muted.Render("  filter: ") + th.input.Render(plain.Line(present.Clip(l.filter.input.Value(), maxCell))) + th.muted.Render("  (esc clears)")
	}
	return tabs
}

// View renders the visible rows. Only they are rendered, whatever the size
// of the corpus.
func (l *trialList) View() string {
	var b strings.Builder
	cols, flex := visibleColumns(l.ctx, l.width)
	for i := 0; i < l.height; i++ {
		j := l.offset + i
		switch {
		case j < len(l.rows):
			b.WriteString(l.row(l.rows[j], j == l.cursor, cols, flex))
		case i == 0:
			b.WriteString(fit(l.ctx.Theme.muted.Render("  "+l.empty()), l.width))
		default:
			b.WriteString(spaces(l.width))
		}
		if i < l.height-1 {
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// empty says why there are no rows, consistently with the ! list.
func (l *trialList) empty() string {
	c := l.ctx.Corpus
	switch {
	case c.Len() > 0:
		return "No trial matches the filter."
	case corpus.Failures(c.Problems()) > 0:
		return fmt.Sprintf("No trials were loaded: %s failed (press ! to see why).", present.Count(corpus.Failures(c.Problems()), "input", "inputs"))
	}
	return "No trial documents were found in " + plain.Line(c.Origin()) + "."
}

// row renders one trial: the gutter bar when selected (so selection never
// rests on colour alone), ★ when it is on the shortlist, then the columns.
func (l *trialList) row(rec int, selected bool, cols []column, flex int) string {
	r := l.ctx.Corpus.Record(rec)
	return renderRow(l.ctx, rec, r, selected, l.ctx.shortlistMark(r.ID), cols, flex, l.terms, l.width)
}

// renderRow is a row of the list, or of the shortlist view: bar, mark and
// columns, at exactly width. rec is the record's number, -1 for a trial
// not in the corpus.
func renderRow(ctx *Context, rec int, r *search.Record, selected bool, mark string, cols []column, flex int, terms []string, width int) string {
	th := ctx.Theme
	bar := " "
	if selected {
		bar = "▌"
	}
	// Each cell is styled on its own: an outer reverse would be undone by
	// the resets inside the status badge and the highlighted matches.
	base := lipgloss.NewStyle()
	if selected {
		base = th.selected
	}
	var b strings.Builder
	b.WriteString(th.header.Render(bar) + th.mark.Render(mark) + base.Render(" "))
	for i, c := range cols {
		if i > 0 {
			b.WriteString(base.Render(" "))
		}
		w := c.width
		if w == 0 {
			w = flex
		}
		b.WriteString(c.cell(ctx, rec, r, w, terms, base, th, selected))
	}
	return fit(b.String(), width)
}

func (l *trialList) KeyMap() help.KeyMap {
	f := l.filter
	if f.state == filtering {
		return keyMap{short: []binding{f.keys.Apply, f.keys.Clear, f.keys.Up, f.keys.Down},
			full: [][]binding{{f.keys.Apply, f.keys.Clear, f.keys.Up, f.keys.Down}}}
	}
	start := f.keys.Start
	group := []binding{start}
	if f.state == filterApplied {
		clear := f.keys.Clear
		clear.SetHelp("esc", "clear the filter")
		group = append(group, clear)
	}
	return keyMap{short: []binding{l.keys.Down, start}, full: [][]binding{l.keys.all(), group}}
}

func (l *trialList) Status() string {
	parts := []string{fmt.Sprintf("%s/%s shown", present.Number(len(l.rows)), present.Number(l.ctx.Corpus.Len()))}
	if c := l.ctx.Corpus; c.Loading() != nil {
		// What is shown, filtered or not, covers the part of the corpus in
		// place, which may be fewer trials than the load has read.
		if c.Loading().Last {
			parts[0] = fmt.Sprintf("%s of the first %s read (all once loaded)", present.Number(len(l.rows)), present.Number(c.Len()))
		} else {
			parts[0] = fmt.Sprintf("%s of %s loaded so far", present.Number(len(l.rows)), present.Number(c.Len()))
		}
	}
	switch l.filter.state {
	case filtering:
		parts = append(parts, "filtering…")
	case filterApplied:
		parts = append(parts, fmt.Sprintf("filter %q", plain.Line(present.Clip(l.filter.input.Value(), maxCell))))
	}
	for _, f := range facets {
		if f.keep != nil {
			parts = append(parts, "only "+f.name)
		}
	}
	if s := l.ctx.screenStatus(); s != "" {
		parts = append(parts, s)
	}
	return strings.Join(parts, "  ·  ")
}

func spaces(n int) string { return strings.Repeat(" ", max(n, 0)) }

// truncate cuts a plain line to width cells with an ellipsis.
func truncate(s string, width int) string { return ansi.Truncate(s, width, "…") }
