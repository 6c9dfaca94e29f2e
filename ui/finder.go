package ui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/trials-app/trials/plain"
	"github.com/trials-app/trials/present"
	"github.com/trials-app/trials/search"
)

// finder is the intervention finder: a fuzzy search over every
// intervention name and other name in the corpus (stage 0), then the
// trials that use the chosen one, with the arms it is given in (stage 1).
type finder struct {
	ctx   *Context
	keys  finderKeys
	input textinput.Model
	gen   int // the newest search asked for
	// hits are the answer to search hitsGen; while it lags gen they are
	// stale, and enter waits for the fresh ones instead of acting on them.
	hits      []search.Hit
	hitsGen   int
	terms     []string
	openFresh bool // enter was pressed on stale hits
	stage     int
	entry     int // the chosen entry, in stage 1
	cursor    int
	offset    int
	ucur      int // cursor over the entry's uses
	uoff      int
	width     int
	height    int // rows of hits or uses
}

type finderKeys struct {
	scrollKeys
	Up, Down, Choose, OpenTrial, Clear, Back binding
}

func newFinder(ctx *Context) Component {
	f := &finder{ctx: ctx, hitsGen: -1, input: newInput("intervention: ", "name or other name, e.g. lenvatinib"), keys: finderKeys{
		scrollKeys: newScrollKeys(),
		Up:         bind("↑/ctrl+p", "up", "up", "ctrl+p"),
		Down:       bind("↓/ctrl+n", "down", "down", "ctrl+n"),
		Choose:     bind("enter", "trials using it", "enter"),
		OpenTrial:  bind("enter", "open trial", "enter"),
		Clear:      bind("esc", "clear, then close", "esc"),
		Back:       bind("esc", "back to the search", "esc"),
	}}
	return f
}

func (f *finder) Init() tea.Cmd { return tea.Batch(f.input.Focus(), f.search()) }

func (f *finder) Title() string { return "intervention finder" }

// finderResultMsg carries the hits of one query.
type finderResultMsg struct {
	gen   int
	hits  []search.Hit
	terms []string
}

func (f *finder) search() tea.Cmd {
	f.gen++
	gen, q, cat := f.gen, f.input.Value(), f.ctx.Corpus.Catalog()
	return func() tea.Msg { return finderResultMsg{gen: gen, hits: cat.Find(q), terms: search.Terms(q)} }
}

func (f *finder) fresh() bool { return f.hitsGen == f.gen }

func (f *finder) Typing() bool { return f.stage == 0 }

func (f *finder) SetSize(width, height int) {
	f.width = width
	f.height = max(height-2, 1) // the input (or heading) and a summary line
	f.input.SetWidth(max(width-20, 10))
	f.follow()
}

func (f *finder) Update(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case finderResultMsg:
		if msg.gen != f.gen {
			return nil, false // typing has moved on
		}
		f.hits, f.hitsGen, f.terms = msg.hits, msg.gen, msg.terms
		f.cursor, f.offset = 0, 0
		if f.openFresh {
			f.openFresh = false
			f.choose()
		}
		return nil, false
	case tea.KeyPressMsg:
		if f.stage == 1 {
			return f.keyUses(msg)
		}
		return f.keySearch(msg), true
	case tea.MouseWheelMsg:
		n := wheelStep
		if msg.Button == tea.MouseWheelUp {
			n = -n
		}
		f.move(n)
		return nil, true
	case tea.MouseClickMsg:
		f.click(msg.Y - 2)
		return nil, true
	}
	if f.stage == 0 {
		return f.typeQuery(msg), false
	}
	return nil, false
}

func (f *finder) typeQuery(msg tea.Msg) tea.Cmd { return retype(&f.input, msg, f.search) }

func (f *finder) keySearch(msg tea.KeyPressMsg) tea.Cmd {
	k := f.keys
	switch {
	case key.Matches(msg, k.Clear):
		if f.input.Value() != "" {
			f.input.Reset()
			return f.search()
		}
		f.input.Blur()
		return closeView(f)
	case key.Matches(msg, k.Choose):
		if !f.fresh() {
			f.openFresh = true // act on the hits of what was typed, when they come
			return nil
		}
		f.choose()
	case key.Matches(msg, k.Up):
		f.move(-1)
	case key.Matches(msg, k.Down):
		f.move(1)
	case key.Matches(msg, k.PageUp):
		f.move(-f.height)
	case key.Matches(msg, k.PageDown):
		f.move(f.height)
	default:
		return f.typeQuery(msg)
	}
	return nil
}

// choose lists the trials using the hit under the cursor.
func (f *finder) choose() {
	if f.cursor >= len(f.hits) {
		return
	}
	f.entry = f.hits[f.cursor].Entry
	f.stage, f.ucur, f.uoff = 1, 0, 0
	f.input.Blur()
}

func (f *finder) keyUses(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k := f.keys
	uses := f.ctx.Corpus.Catalog().Entry(f.entry).Uses
	switch {
	case key.Matches(msg, k.Back):
		f.stage = 0
		return f.input.Focus(), true
	case key.Matches(msg, k.OpenTrial):
		if f.ucur < len(uses) {
			return showTrial(uses[f.ucur].Record), true
		}
		return nil, true
	}
	return nil, k.scroll(msg, f)
}

// The finder as a scroller of its current list.
func (f *finder) step(n int) { f.move(n) }
func (f *finder) toStart()   { f.move(-f.count()) }
func (f *finder) toEnd()     { f.move(f.count()) }
func (f *finder) page() int  { return f.height }
func (f *finder) count() int {
	if f.stage == 1 {
		return len(f.ctx.Corpus.Catalog().Entry(f.entry).Uses)
	}
	return len(f.hits)
}

func (f *finder) move(n int) {
	count := f.count()
	if count == 0 {
		return
	}
	cur := &f.cursor
	if f.stage == 1 {
		cur = &f.ucur
	}
	*cur = min(max(*cur+n, 0), count-1)
	f.follow()
}

func (f *finder) follow() {
	if f.stage == 1 {
		// Rows are as tall as their arms need. Keep the chosen trial on
		// screen: measure back from it, at most a screenful of rows.
		if f.ucur < f.uoff {
			f.uoff = f.ucur
		}
		e := f.ctx.Corpus.Catalog().Entry(f.entry)
		h := 0
		for j := f.ucur; j >= f.uoff; j-- {
			h += f.useHeight(e, j)
			if h > f.height {
				f.uoff = j + 1
				break
			}
		}
		return
	}
	if f.cursor < f.offset {
		f.offset = f.cursor
	}
	if f.cursor >= f.offset+f.height {
		f.offset = f.cursor - f.height + 1
	}
	f.offset = max(0, min(f.offset, len(f.hits)-f.height))
}

// click selects the row at line y of the list.
func (f *finder) click(y int) {
	if y < 0 || y >= f.height {
		return
	}
	if f.stage == 0 {
		if f.offset+y < len(f.hits) {
			f.cursor = f.offset + y
		}
		return
	}
	e := f.ctx.Corpus.Catalog().Entry(f.entry)
	at := 0
	for j := f.uoff; j < len(e.Uses); j++ {
		at += f.useHeight(e, j)
		if y < at {
			f.ucur = j
			return
		}
	}
}

func (f *finder) View() string {
	th, c := f.ctx.Theme, f.ctx.Corpus
	var lines []string
	if f.stage == 0 {
		lines = append(lines, fit(f.input.View(), f.width))
		summary := fmt.Sprintf("%s in %s", present.Count(c.Catalog().Len(), "intervention", "interventions"), present.Count(c.Len(), "trial", "trials"))
		if f.fresh() && f.input.Value() != "" {
			summary = present.Number(len(f.hits)) + " matching"
		}
		line := th.muted.Render(" " + summary + " · ↑/↓ choose · enter: trials using it · esc: back")
		if near := f.nearSummary(); near != "" {
			// First, where a narrow terminal cannot cut it off.
			line = " " + th.warn.Render(near) + th.muted.Render(" · "+summary+" · enter: trials using it")
		}
		lines = append(lines, fit(line, f.width))
		for i := 0; i < f.height; i++ {
			j := f.offset + i
			switch {
			case j < len(f.hits):
				lines = append(lines, f.entryRow(f.hits[j], j == f.cursor))
			case i == 0 && f.fresh():
				lines = append(lines, fit(th.muted.Render("  No intervention matches."), f.width))
			default:
				lines = append(lines, spaces(f.width))
			}
		}
		return strings.Join(lines, "\n")
	}
	e := c.Catalog().Entry(f.entry)
	head := " " + plain.Line(present.Clip(e.Name, maxCell)) + " — used in " + present.Count(len(e.Uses), "trial", "trials")
	lines = append(lines, fit(th.header.Render(head), f.width))
	other := "no other names"
	if len(e.Aliases) > 0 {
		other = "also: " + plain.Line(present.Clip(strings.Join(e.Aliases, "; "), maxCell))
	}
	lines = append(lines, fit(th.muted.Render(" "+other+" · enter: open trial · esc: back"), f.width))
	// Each trial: what it is, then the arms the intervention is given in,
	// wrapped in full — they are what the user asked for.
	for j := f.uoff; j < len(e.Uses) && len(lines) < f.height+2; j++ {
		lines = append(lines, f.useLines(e, j, j == f.ucur)...)
	}
	lines = lines[:min(len(lines), f.height+2)]
	for len(lines) < f.height+2 {
		lines = append(lines, spaces(f.width))
	}
	return strings.Join(lines, "\n")
}

// whereGiven says in which arms a trial gives the intervention.
func whereGiven(e *search.Entry, u search.Use) string {
	arms := "no arm named"
	if len(u.Arms) > 0 {
		arms = strings.Join(u.Arms, "; ")
	}
	where := "given in: " + plain.Line(present.Clip(arms, maxCell))
	if u.Name != e.Name {
		where += " (as " + plain.Line(present.Clip(u.Name, maxCell)) + ")"
	}
	return where
}

// useHeight is how many lines useLines takes.
func (f *finder) useHeight(e *search.Entry, j int) int {
	return 1 + len(plain.Wrap(whereGiven(e, e.Uses[j]), max(f.width-6, 10)))
}

// useLines renders one trial using the chosen intervention.
func (f *finder) useLines(e *search.Entry, j int, selected bool) []string {
	th := f.ctx.Theme
	u := e.Uses[j]
	r := f.ctx.Corpus.Record(u.Record)
	text := plain.Line(fmt.Sprintf("%-10s %-5s %-11s %s", present.StatusShort(r.Status()), present.PhaseShort(r.Phases()), shortID(r.ID), present.Clip(r.Title, maxCell)))
	out := []string{f.selectLine(text, selected)}
	for _, l := range plain.Wrap(whereGiven(e, u), max(f.width-6, 10)) {
		if selected {
			out = append(out, th.header.Render("▌ ")+th.selected.Render(fit("    "+l, f.width-2)))
		} else {
			out = append(out, fit("      "+th.muted.Render(l), f.width))
		}
	}
	return out
}

// selectLine renders a plain list line, reversed with a bar when selected.
func (f *finder) selectLine(text string, selected bool) string {
	th := f.ctx.Theme
	if selected {
		return th.header.Render("▌ ") + th.selected.Render(fit(text, f.width-2))
	}
	return fit("  "+text, f.width)
}

func (f *finder) entryRow(h search.Hit, selected bool) string {
	th := f.ctx.Theme
	e := f.ctx.Corpus.Catalog().Entry(h.Entry)
	base := lipgloss.NewStyle()
	match := th.match
	if selected {
		base, match = th.selected, match.Reverse(true)
	}
	terms := f.terms
	if len(h.Near) > 0 {
		terms = slices.Concat(f.terms, h.Near)
	}
	mark := func(s string) string {
		s = plain.Line(present.Clip(s, maxCell))
		return present.Highlight(s, search.Spans(s, terms), func(s string) string { return base.Render(s) }, func(s string) string { return match.Render(s) })
	}
	n := fmt.Sprintf("%5s trials", present.Number(len(e.Uses)))
	if len(e.Uses) == 1 {
		n = fmt.Sprintf("%5s trial ", present.Number(len(e.Uses)))
	}
	line := base.Render(n+"  ") + mark(e.Name)
	if len(h.Near) > 0 {
		// Not the word typed: said before the name, where it is always seen.
		warn := th.warn
		if selected {
			warn = warn.Reverse(true)
		}
		line = warn.Render("≈ "+plain.Line(present.Clip(strings.Join(h.Near, ", "), 60))) + base.Render(" ") + line
	}
	if h.Via != "" {
		line += base.Render("  (other name: ") + mark(h.Via) + base.Render(")")
	}
	if pad := f.width - 2 - ansi.StringWidth(line); pad > 0 {
		line += base.Render(spaces(pad))
	}
	lead := "  "
	if selected {
		lead = th.header.Render("▌ ")
	}
	return fit(lead+line, f.width)
}

func (f *finder) KeyMap() help.KeyMap {
	k := f.keys
	if f.stage == 1 {
		return keyMap{short: []binding{k.scrollKeys.Down, k.OpenTrial, k.Back}, full: [][]binding{k.all(), {k.OpenTrial, k.Back}}}
	}
	return keyMap{short: []binding{k.Down, k.Choose, k.Clear}, full: [][]binding{{k.Up, k.Down, k.PageUp, k.PageDown}, {k.Choose, k.Clear}}}
}

// nearSummary is "near matches for axitinib: ≈ afatinib" when the hits
// were found by words a typo away (the catalogue then found nothing as
// typed), "" otherwise.
func (f *finder) nearSummary() string {
	if !f.fresh() {
		return ""
	}
	var words []string
	for _, h := range f.hits {
		for _, w := range h.Near {
			if !slices.Contains(words, w) {
				words = append(words, w)
			}
		}
	}
	if len(words) == 0 {
		return ""
	}
	if len(words) > 3 {
		words = append(words[:3], "…")
	}
	return "near matches for " + plain.Line(present.Clip(f.input.Value(), 40)) + ": ≈ " + plain.Line(strings.Join(words, ", "))
}

func (f *finder) Status() string {
	if near := f.nearSummary(); near != "" && f.stage == 0 {
		return near + " — not the word typed"
	}
	c := f.ctx.Corpus
	return fmt.Sprintf("%s across %s; names that differ only in case, symbols or spacing are one",
		present.Count(c.Catalog().Len(), "distinct intervention", "distinct interventions"), present.Count(c.Len(), "trial", "trials"))
}
