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
	"github.com/trials-app/trials/queryext"
	"github.com/trials-app/trials/search"
)

// trialList is the list of trials: the matches of the filter's query, in
// the order chosen, a cursor, and the record the user selected — which
// survives filtering when it is still near the top.
//
// It is written here rather than taken from bubbles' list, which holds
// every item as an interface value and filters them all on each key: at
// the registry's 550,000 trials that piles up seconds behind typing. This
// one keeps the query's Matches, which put rows in order as they are
// asked for, renders only the visible rows, and leaves matching to the
// index, off the UI goroutine.
type trialList struct {
	ctx    *Context
	filter *filter
	keys   listKeys
	m      *search.Matches
	cursor int // index into the rows
	offset int // first visible row
	width  int
	height int // the rows and the header line above them
	anchor int // the selected record; -1 for none
	terms  []string
	menu   *listMenu // the sort menu or the facets panel, nil when closed
}

type listKeys struct {
	scrollKeys
	Sort, Reverse, Facets binding
}

func newListKeys() listKeys {
	return listKeys{scrollKeys: newScrollKeys(),
		Sort:    bind("s", "sort", "s"),
		Reverse: bind("S", "reverse", "S"),
		Facets:  bind("f", "counts", "f"),
	}
}

func newTrialList(ctx *Context) *trialList {
	l := &trialList{ctx: ctx, filter: newFilter(ctx), anchor: -1, keys: newListKeys()}
	if ctx.Corpus.Len() > 0 {
		l.anchor = 0
	}
	l.setMatches(ctx.Corpus.Index().Run(nil, search.Options{}))
	return l
}

// len is the number of rows.
func (l *trialList) len() int { return l.m.Len() }

// setMatches replaces the rows. The selected record stays selected when
// it is among the first screens of a query's rows (further down, a new
// query's best matches come first), or anywhere when there is no query.
func (l *trialList) setMatches(m *search.Matches) {
	l.m, l.terms = m, m.Highlight()
	l.cursor, l.offset = 0, 0
	if l.anchor >= 0 {
		if m.Query().Empty() {
			l.cursor = max(m.IndexOf(l.anchor), 0)
		} else {
			for i, r := range m.Rows(0, firstRows) {
				if r == l.anchor {
					l.cursor = i
					break
				}
			}
		}
	}
	l.follow()
}

// grew shows the corpus a load has grown (or renumbered: the anchor was
// moved to its trial's new record): unfiltered, the rows are every record,
// with the selection and the scroll kept; filtered, the filter runs again
// over the new corpus, and its result replaces the rows when it comes.
func (l *trialList) grew() tea.Cmd {
	if l.filter.state != unfiltered {
		return l.filter.run()
	}
	l.filter.gen++ // a result on its way is for the corpus before
	offset := l.offset
	l.setMatches(l.ctx.Corpus.Index().Run(nil, search.Options{Sort: l.filter.sort}))
	l.offset = offset
	l.follow()
	return nil
}

// selected is the record under the cursor, or -1.
func (l *trialList) selected() int {
	if l.cursor < 0 || l.cursor >= l.len() {
		return -1
	}
	return l.m.At(l.cursor)
}

func (l *trialList) move(n int) {
	if l.len() == 0 {
		return
	}
	l.cursor = min(max(l.cursor+n, 0), l.len()-1)
	l.anchor = l.m.At(l.cursor)
	l.follow()
}

// selectRecord puts the cursor on a record, if it is shown.
func (l *trialList) selectRecord(rec int) bool {
	i := l.m.IndexOf(rec)
	if i < 0 {
		return false
	}
	l.move(i - l.cursor)
	return true
}

// rowsHeight is the room for rows, under the header line.
func (l *trialList) rowsHeight() int { return max(l.height-1, 1) }

// follow scrolls so the cursor is visible.
func (l *trialList) follow() {
	h := l.rowsHeight()
	if l.cursor < l.offset {
		l.offset = l.cursor
	}
	if l.cursor >= l.offset+h {
		l.offset = l.cursor - h + 1
	}
	l.offset = max(0, min(l.offset, max(l.len()-h, 0)))
}

// visibleRecords are the records on screen, top to bottom.
func (l *trialList) visibleRecords() []int {
	return l.m.Rows(l.offset, l.offset+l.rowsHeight())
}

// The list as a scroller: the movement keys move its cursor.
func (l *trialList) step(n int) { l.move(n) }
func (l *trialList) toStart()   { l.move(-l.len()) }
func (l *trialList) toEnd()     { l.move(l.len()) }
func (l *trialList) page() int  { return l.rowsHeight() }

func (l *trialList) SetSize(width, height int) {
	l.width, l.height = width, max(height, 2)
	l.filter.input.SetWidth(max(width-4, 10))
	l.follow()
	if l.menu != nil {
		l.menu.follow(l.rowsHeight())
	}
}

func (l *trialList) Typing() bool { return l.filter.state == filtering }

func (l *trialList) Update(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case filterResultMsg:
		if msg.gen == l.filter.gen {
			l.setMatches(msg.m)
			if l.menu != nil && l.menu.kind == menuFacets {
				l.openFacets() // the counts of the new result
			}
		}
		return nil, false
	case tea.KeyPressMsg:
		f := l.filter
		if f.state == filtering {
			return f.typing(msg, l.move), true
		}
		if l.menu != nil {
			if cmd, ok := l.menuKey(msg); ok {
				return cmd, true
			}
		}
		switch {
		case key.Matches(msg, f.keys.Start):
			l.menu = nil
			return f.start(), true
		case f.state == filterApplied && key.Matches(msg, f.keys.Clear):
			return f.clear(), true
		case key.Matches(msg, l.keys.Sort):
			l.openSort()
			return nil, true
		case key.Matches(msg, l.keys.Reverse):
			if f.sort.Key == search.SortRelevance && l.m.Query().Empty() {
				// Without a query every row ties: the order stays the inputs'.
				l.ctx.Notify("The list is as loaded: s chooses an order to reverse.")
				return nil, true
			}
			f.sort.Reverse = !f.sort.Reverse
			if l.menu != nil && l.menu.kind == menuSort {
				l.openSort()
			}
			return f.run(), true
		case key.Matches(msg, l.keys.Facets):
			l.openFacets()
			return nil, true
		}
		return nil, l.keys.scroll(msg, l)
	case tea.MouseClickMsg:
		if l.menu != nil {
			return nil, true
		}
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
	y-- // the header line
	if y < 0 || y >= l.rowsHeight() {
		return -1
	}
	if r := l.offset + y; r < l.len() {
		return r
	}
	return -1
}

// scroll moves the view without moving the selection (the mouse wheel).
func (l *trialList) scroll(n int) {
	l.offset = max(0, min(l.offset+n, max(l.len()-l.rowsHeight(), 0)))
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

// View renders the header line and the visible rows (or the open menu).
// Only they are rendered, whatever the size of the corpus.
func (l *trialList) View() string {
	var b strings.Builder
	cols, flex := visibleColumns(l.ctx, l.width)
	if line := l.filter.completionLine(l.width); line != "" {
		b.WriteString(line)
	} else {
		b.WriteString(l.header(cols, flex))
	}
	b.WriteByte('\n')
	h := l.rowsHeight()
	if l.menu != nil {
		b.WriteString(l.menu.view(l.ctx, l.width, h))
		return b.String()
	}
	rows := l.visibleRecords()
	for i := 0; i < h; i++ {
		switch {
		case i < len(rows):
			b.WriteString(l.row(rows[i], l.offset+i == l.cursor, cols, flex))
		case i == 0:
			b.WriteString(fit(l.ctx.Theme.muted.Render("  "+l.empty()), l.width))
		default:
			b.WriteString(spaces(l.width))
		}
		if i < h-1 {
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// header names the columns, marks the one the rows are sorted by with its
// direction (↓ largest, newest or best first), and gives the cursor's row
// among the matches: "12/53".
func (l *trialList) header(cols []column, flex int) string {
	th := l.ctx.Theme
	srt := l.filter.sort
	arrow := "↑"
	if srt.Descending() {
		arrow = "↓"
	}
	pos := "0/0"
	if l.len() > 0 {
		pos = present.Number(l.cursor+1) + "/" + present.Number(l.len())
	}
	var b strings.Builder
	b.WriteString(spaces(rowLead))
	sortedShown := false
	for _, c := range cols {
		if c.sorts && c.sortKey == srt.Key && srt.Key != search.SortRelevance {
			sortedShown = true
		}
	}
	for i, c := range cols {
		if i > 0 {
			b.WriteByte(' ')
		}
		w := c.width
		if w == 0 {
			w = flex
		}
		head := c.head
		if c.sorts && c.sortKey == srt.Key && srt.Key != search.SortRelevance {
			head += " " + arrow
		}
		if w == flex { // the title: the order when no column shows it, and the position
			order := ""
			switch {
			case srt.Key == search.SortRelevance && !l.m.Query().Empty():
				order = "by relevance " + arrow
			case srt.Key == search.SortRelevance:
			case !sortedShown:
				order = "by " + strings.ToLower(srt.Key.Label()) + " " + arrow
			}
			left := head
			if order != "" && plain.Width(head)+2+plain.Width(order)+2+plain.Width(pos) <= w {
				left += "  " + order
			}
			// A space after the position: the next header may be
			// right-aligned against it.
			gap := w - plain.Width(left) - plain.Width(pos) - 1
			if gap < 1 {
				head = truncate(left, max(w-plain.Width(pos)-2, 0)) + " " + pos + " "
			} else {
				head = left + spaces(gap) + pos + " "
			}
		}
		head = truncate(head, w)
		if c.right {
			head = spaces(w-plain.Width(head)) + head
		}
		b.WriteString(head + spaces(w-plain.Width(head)))
	}
	return fit(th.muted.Render(b.String()), l.width)
}

// empty says why there are no rows, consistently with the ! list.
func (l *trialList) empty() string {
	c := l.ctx.Corpus
	switch {
	case c.Len() > 0 && l.filter.needsProfile:
		return "No trial matches: " + queryext.NeedsProfile + "."
	case c.Len() > 0:
		return "No trial matches the filter."
	case corpus.Failures(c.Problems()) > 0:
		return fmt.Sprintf("No trials were loaded: %s failed (press ! to see why).", present.Count(corpus.Failures(c.Problems()), "input", "inputs"))
	}
	return "No trial documents were found in " + plain.Line(c.Origin()) + "."
}

// row renders one trial: the gutter bar when selected (so selection never
// rests on colour alone), ★ when it is on the shortlist, then the columns;
// a row found only through a near word says which before its title.
func (l *trialList) row(rec int, selected bool, cols []column, flex int) string {
	r := l.ctx.Corpus.Record(rec)
	marks := rowMarks{terms: l.terms, lead: l.rowLead(rec)}
	return renderRow(l.ctx, rec, r, selected, l.ctx.shortlistMark(r.ID), cols, flex, marks, l.width)
}

// rowLead is what stands before a row's title: "≈ afatinib" for a row
// found by a word a typo away from the one typed, "~" for one whose phrase
// could not be checked (its words are there, maybe not together).
func (l *trialList) rowLead(rec int) string {
	if near := l.m.NearWords(rec); len(near) > 0 {
		s := "≈ " + plain.Line(present.Clip(near[0], 40))
		if len(near) > 1 {
			s += " +" + fmt.Sprint(len(near)-1)
		}
		return s
	}
	if l.m.IsUnchecked(rec) {
		return "~"
	}
	return ""
}

// rowMarks are what a row shows of the query: the words to highlight, and
// the lead before the title.
type rowMarks struct {
	terms []string
	lead  string
}

// renderRow is a row of the list, or of the shortlist view: bar, mark and
// columns, at exactly width. rec is the record's number, -1 for a trial
// not in the corpus.
func renderRow(ctx *Context, rec int, r *search.Record, selected bool, mark string, cols []column, flex int, marks rowMarks, width int) string {
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
		b.WriteString(c.cell(ctx, rec, r, w, marks, base, th, selected))
	}
	return fit(b.String(), width)
}

func (l *trialList) KeyMap() help.KeyMap {
	f := l.filter
	if f.state == filtering {
		return keyMap{short: []binding{f.keys.Apply, f.keys.Clear, f.keys.Complete, f.keys.Up, f.keys.Down},
			full: [][]binding{{f.keys.Apply, f.keys.Clear, f.keys.Complete, f.keys.Up, f.keys.Down}}}
	}
	if l.menu != nil {
		k := l.menu.keys()
		return keyMap{short: k, full: [][]binding{k}}
	}
	start := f.keys.Start
	group := []binding{start}
	if f.state == filterApplied {
		clear := f.keys.Clear
		clear.SetHelp("esc", "clear the filter")
		group = append(group, clear)
	}
	group = append(group, l.keys.Sort, l.keys.Reverse, l.keys.Facets)
	return keyMap{short: []binding{l.keys.Down, start, l.keys.Sort, l.keys.Facets}, full: [][]binding{l.keys.all(), group}}
}

func (l *trialList) Status() string {
	th := l.ctx.Theme
	f := l.filter
	// What the user must be told first, before the counts: on a narrow
	// terminal the end of the line is cut.
	var parts []string
	if f.err != "" {
		// The rows are the last query's that read: say so with the error.
		parts = append(parts, th.warn.Render(f.err)+" (showing the last query that read)")
	}
	if f.needsProfile {
		parts = append(parts, th.warn.Render(queryext.NeedsProfile))
	}
	for _, t := range l.m.Near() {
		var words []string
		for _, w := range t.Words {
			words = append(words, "≈ "+plain.Line(present.Clip(w, 40)))
		}
		parts = append(parts, th.warn.Render("near matches for "+plain.Line(present.Clip(t.Term, 40))+": "+strings.Join(words, ", ")))
	}
	if un := l.m.Unchecked(); len(un) > 0 {
		var terms []string
		for _, t := range un {
			terms = append(terms, plain.Line(present.Clip(t, 40)))
		}
		parts = append(parts, th.warn.Render("~ "+strings.Join(terms, ", ")+" not checked as a phrase: the words, maybe apart"))
	}
	parts = append(parts, l.countText())
	switch {
	case f.state == filtering && f.err == "":
		parts = append(parts, "filtering…")
	case f.state == filterApplied:
		parts = append(parts, fmt.Sprintf("filter %q", plain.Line(present.Clip(f.input.Value(), maxCell))))
	}
	if s := l.ctx.screenStatus(); s != "" {
		parts = append(parts, s)
	}
	return strings.Join(parts, "  ·  ")
}

// countText says how many rows are shown of how many trials; while a large
// input loads, what is shown covers the part of the corpus in place, which
// may be fewer trials than the load has read, and it says so.
func (l *trialList) countText() string {
	shown, of := present.Number(l.len()), present.Number(l.ctx.Corpus.Len())
	if lp := l.ctx.Corpus.Loading(); lp != nil {
		if lp.Last {
			return fmt.Sprintf("%s of the first %s read (all once loaded)", shown, of)
		}
		return fmt.Sprintf("%s of %s loaded so far", shown, of)
	}
	return fmt.Sprintf("%s/%s shown", shown, of)
}

func spaces(n int) string { return strings.Repeat(" ", max(n, 0)) }

// truncate cuts a plain line to width cells with an ellipsis.
func truncate(s string, width int) string { return ansi.Truncate(s, width, "…") }
