package ui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/trials-app/trials/plain"
	"github.com/trials-app/trials/present"
	"github.com/trials-app/trials/search"
)

// shortlistView is the shortlist (L): the trials on it in the order they
// were added, in the list's columns, with the note of the selected one
// under them. Trials not in the corpus opened are listed too — with the
// title they had and "not in this corpus" — never dropped. Here space picks
// up to four trials and c compares them side by side; x takes a trial off
// the shortlist (it stays on screen until the view is left, so x again
// puts it back); enter opens a trial in the browser.
type shortlistView struct {
	ctx    *Context
	rows   []shortlistRow
	seen   map[string]bool // ids shown in this visit, kept when taken off
	gen    int             // the triage change the rows were read at
	cursor int
	offset int
	keys   shortlistKeys
	width  int
	height int
}

type shortlistKeys struct {
	scrollKeys
	Open, Pick, Compare, Remove, Back binding
}

// maxPicks is how many trials one comparison lays side by side.
const maxPicks = 4

func newShortlistView(ctx *Context, _ Component) Component {
	v := &shortlistView{ctx: ctx, seen: map[string]bool{}, keys: shortlistKeys{
		scrollKeys: newScrollKeys(),
		Open:       bind("enter", "show in the list", "enter"),
		Pick:       bind("space", "pick (4 at most)", "space"),
		Compare:    bind("c", "compare picked", "c"),
		Remove:     bind("x", "off/on the shortlist", "x"),
		Back:       bind("esc/L", "back", "esc", "L"),
	}}
	v.refresh()
	return v
}

func (v *shortlistView) Title() string { return "shortlist" }

// refresh reads the shortlist again after a change, keeping the trials
// taken off in this visit (so that x can put them back) and the selection.
func (v *shortlistView) refresh() {
	v.gen = v.ctx.triage.gen
	var keep string
	if r, ok := v.row(); ok {
		keep = r.entry.ID
	}
	v.rows = v.rows[:0]
	for _, e := range v.ctx.Shortlist.Entries() {
		if !e.Listed && !v.seen[e.ID] {
			continue
		}
		rec, ok := v.ctx.recordOf(e.ID)
		if !ok {
			rec = -1
		}
		v.rows = append(v.rows, shortlistRow{rec: rec, entry: e})
		v.seen[e.ID] = true
	}
	v.cursor = max(0, slices.IndexFunc(v.rows, func(r shortlistRow) bool { return r.entry.ID == keep }))
	v.follow()
}

func (v *shortlistView) row() (shortlistRow, bool) {
	if v.cursor < 0 || v.cursor >= len(v.rows) {
		return shortlistRow{}, false
	}
	return v.rows[v.cursor], true
}

func (v *shortlistView) current() (selection, bool) {
	r, ok := v.row()
	if !ok {
		return selection{}, false
	}
	return r.selection(v.ctx), true
}

// noteLines is how many lines the selected trial's note gets under the
// rows.
func (v *shortlistView) noteLines() int { return max(min(v.height/3, 8), 3) }

func (v *shortlistView) listHeight() int { return max(v.height-1-v.noteLines(), 1) }

func (v *shortlistView) SetSize(width, height int) {
	v.width, v.height = width, height
	v.follow()
}

func (v *shortlistView) follow() {
	h := v.listHeight()
	v.cursor = min(max(v.cursor, 0), max(len(v.rows)-1, 0))
	if v.cursor < v.offset {
		v.offset = v.cursor
	}
	if v.cursor >= v.offset+h {
		v.offset = v.cursor - h + 1
	}
	v.offset = max(0, min(v.offset, max(len(v.rows)-h, 0)))
}

// The view as a scroller.
func (v *shortlistView) step(n int) { v.cursor += n; v.follow() }
func (v *shortlistView) toStart()   { v.cursor = 0; v.follow() }
func (v *shortlistView) toEnd()     { v.cursor = len(v.rows) - 1; v.follow() }
func (v *shortlistView) page() int  { return v.listHeight() }

func (v *shortlistView) Update(msg tea.Msg) (tea.Cmd, bool) {
	if v.gen != v.ctx.triage.gen {
		v.refresh()
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return v.key(msg)
	case tea.MouseClickMsg:
		if i := v.offset + msg.Y - 1; msg.Button == tea.MouseLeft && msg.Y >= 1 && i < len(v.rows) && msg.Y-1 < v.listHeight() {
			v.cursor = i
			v.follow()
		}
		return nil, true
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelUp:
			v.step(-wheelStep)
		case tea.MouseWheelDown:
			v.step(wheelStep)
		}
		return nil, true
	}
	return nil, false
}

func (v *shortlistView) key(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k := v.keys
	r, ok := v.row()
	switch {
	case key.Matches(msg, k.Back):
		return closeView(v), true
	case key.Matches(msg, k.Compare):
		return v.compare(), true
	case !ok && (key.Matches(msg, k.Open) || key.Matches(msg, k.Pick) || key.Matches(msg, k.Remove)):
		v.ctx.Notify("The shortlist is empty: space in the list puts a trial on it.")
		return nil, true
	case key.Matches(msg, k.Open):
		if r.rec < 0 {
			v.ctx.Notify(shortID(r.entry.ID) + " is not in this corpus: open the inputs that hold it to read it.")
			return nil, true
		}
		return showTrial(r.rec), true
	case key.Matches(msg, k.Pick):
		v.pick(r)
		return nil, true
	case key.Matches(msg, k.Remove):
		return v.ctx.toggle(r.selection(v.ctx)), true
	}
	return nil, k.scroll(msg, v)
}

// pick picks the row's trial for comparison, or unpicks it.
func (v *shortlistView) pick(r shortlistRow) {
	id := r.entry.ID
	ctx := v.ctx
	switch {
	case slices.Contains(ctx.Picks, id):
		ctx.unpick(id)
		ctx.Notify(fmt.Sprintf("Unpicked %s (%d picked).", shortID(id), len(ctx.Picks)))
	case r.rec < 0:
		ctx.Notify(shortID(id) + " is not in this corpus, so it cannot be compared.")
	case !r.entry.Listed:
		ctx.Notify(shortID(id) + " is off the shortlist: x puts it back first.")
	case len(ctx.Picks) >= maxPicks:
		ctx.Notify(fmt.Sprintf("%d trials are picked, the most one comparison lays side by side: unpick one first.", maxPicks))
	default:
		ctx.Picks = append(ctx.Picks, id)
		if len(ctx.Picks) == 1 {
			ctx.Notify("Picked " + shortID(id) + ": pick one to three more with space, then c compares them.")
		} else {
			ctx.Notify(fmt.Sprintf("Picked %s (%d picked): c compares them.", shortID(id), len(ctx.Picks)))
		}
	}
}

// compare compares the picked trials in the order picked.
func (v *shortlistView) compare() tea.Cmd {
	var recs []int
	for _, id := range v.ctx.Picks {
		if rec, ok := v.ctx.recordOf(id); ok {
			recs = append(recs, rec)
		}
	}
	if len(recs) < 2 {
		v.ctx.Notify("Pick two to four trials with space, then press c.")
		return nil
	}
	return readForCompare(v.ctx, recs)
}

// mark is a row's mark: its pick number, ★ while it is on the shortlist,
// nothing once x took it off.
func (v *shortlistView) mark(r shortlistRow) string {
	if i := slices.Index(v.ctx.Picks, r.entry.ID); i >= 0 {
		return fmt.Sprint(i + 1)
	}
	if v.ctx.Shortlist.Has(r.entry.ID) {
		return "★"
	}
	return " "
}

func (v *shortlistView) View() string {
	if v.gen != v.ctx.triage.gen {
		v.refresh()
	}
	th := v.ctx.Theme
	lines := []string{fit(th.header.Render(" Shortlist")+th.muted.Render("  "+v.summary()), v.width)}
	cols, flex := visibleColumns(v.ctx, v.width)
	for i := range v.listHeight() {
		j := v.offset + i
		switch {
		case j < len(v.rows):
			r := v.rows[j]
			lines = append(lines, renderRow(v.ctx, r.rec, v.record(r), j == v.cursor, v.mark(r), cols, flex, rowMarks{}, v.width))
		case i == 0:
			lines = append(lines, th.muted.Render("  Nothing is on the shortlist yet: in the list, space puts the selected trial on it."))
		default:
			lines = append(lines, "")
		}
	}
	lines = append(lines, v.noteView()...)
	return fitLines(lines, v.width, v.height)
}

// summary is the title line's count of the shortlist and the picks.
func (v *shortlistView) summary() string {
	listed, missing := 0, 0
	for _, r := range v.rows {
		if r.entry.Listed {
			listed++
			if r.rec < 0 {
				missing++
			}
		}
	}
	parts := []string{present.Count(listed, "trial", "trials")}
	if missing > 0 {
		parts = append(parts, fmt.Sprintf("%d not in this corpus", missing))
	}
	if n := len(v.ctx.Picks); n > 0 {
		parts = append(parts, fmt.Sprintf("%d picked to compare", n))
	}
	return strings.Join(parts, " · ")
}

// record is the row as the list's columns read it: the corpus's record, or
// for a trial not in the corpus one made of what the shortlist kept.
func (v *shortlistView) record(r shortlistRow) *search.Record {
	var rec search.Record
	if r.rec >= 0 {
		rec = *v.ctx.Corpus.Record(r.rec)
	} else {
		rec = search.Record{ID: r.entry.ID, Title: "(not in this corpus) " + r.entry.Title, Enrollment: -1}
	}
	if !r.entry.Listed {
		rec.Title = "(off the shortlist: x puts it back) " + rec.Title
	}
	return &rec
}

// noteView is the selected trial's note, under a rule.
func (v *shortlistView) noteView() []string {
	th := v.ctx.Theme
	n := v.noteLines()
	r, ok := v.row()
	if !ok {
		return nil
	}
	head := " Note on " + shortID(r.entry.ID) + " "
	lines := []string{th.separator.Render("──") + th.header.Render(head) + th.separator.Render(strings.Repeat("─", max(v.width-plain.Width(head)-2, 0)))}
	note := v.ctx.Shortlist.Note(r.entry.ID)
	if note == "" {
		return append(lines, th.muted.Render(" No note: a writes one."))
	}
	wrapped := plain.Lines(plain.Clean(note), max(v.width-2, 10))
	if len(wrapped) > n-1 {
		wrapped = append(wrapped[:n-2], th.muted.Render("… (a shows the whole note)"))
	}
	for _, l := range wrapped {
		lines = append(lines, " "+l)
	}
	return lines
}

func (v *shortlistView) KeyMap() help.KeyMap {
	k := v.keys
	return keyMap{
		short: []binding{k.Pick, k.Compare, k.Back, k.Open, k.Remove},
		full:  [][]binding{k.all(), {k.Open, k.Pick, k.Compare, k.Remove, k.Back}},
	}
}

func (v *shortlistView) Status() string {
	s := "space picks, c compares the picked side by side (as many as get 50 columns)"
	if v.ctx.triage.warn != "" {
		s = v.ctx.triageStatus() + "  ·  " + s
	}
	return s
}
