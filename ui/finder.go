package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/trials-app/trials/plain"
	"github.com/trials-app/trials/present"
	"github.com/trials-app/trials/search"
)

// finder is the intervention finder: a fuzzy search over every intervention
// name and other name in the corpus (stage 0), then the trials that use the
// chosen one, with the arms it is given in (stage 1).
type finder struct {
	input  textinput.Model
	gen    int
	hits   []search.Hit
	terms  []string
	stage  int
	entry  int // the chosen entry, in stage 1
	cursor int
	offset int
	ucur   int // cursor over the entry's uses
	uoff   int
	height int
	width  int
	ready  bool
}

func newFinder() finder {
	in := textinput.New()
	in.Prompt = "intervention: "
	in.Placeholder = "name or other name, e.g. lenvatinib"
	return finder{input: in}
}

type finderResultMsg struct {
	gen   int
	hits  []search.Hit
	terms []string
}

func finderCmd(c *Corpus, gen int, query string) tea.Cmd {
	return func() tea.Msg {
		return finderResultMsg{gen: gen, hits: c.Catalog.Find(query), terms: search.Terms(query)}
	}
}

func (f *finder) result(msg finderResultMsg) {
	if msg.gen != f.gen {
		return // typing has moved on
	}
	f.hits, f.terms, f.ready = msg.hits, msg.terms, true
	f.cursor, f.offset = 0, 0
}

func (f *finder) layout(width, bodyH int, c *Corpus) {
	f.width = width
	f.input.SetWidth(max(width-20, 10))
	f.height = max(bodyH-2, 1) // the input line and a rule
	f.offset = max(0, min(f.offset, len(f.hits)-f.height))
	if c != nil {
		f.follow(c)
	}
}

func (f *finder) typeQuery(msg tea.Msg, c *Corpus) tea.Cmd {
	return retype(&f.input, &f.gen, msg, func(gen int, q string) tea.Cmd { return finderCmd(c, gen, q) })
}

func (f *finder) follow(c *Corpus) {
	if f.stage == 1 {
		// Rows are as tall as their arms need. Keep the chosen trial on
		// screen: measure back from it, at most a screenful of rows.
		if f.ucur < f.uoff {
			f.uoff = f.ucur
		}
		e := c.Catalog.Entry(f.entry)
		h := 0
		for j := f.ucur; j >= f.uoff; j-- {
			h += f.useHeight(c, e, j)
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
}

func (f *finder) move(n, count int, c *Corpus) {
	cur := &f.cursor
	if f.stage == 1 {
		cur = &f.ucur
	}
	if count == 0 {
		return
	}
	*cur = min(max(*cur+n, 0), count-1)
	f.follow(c)
}

func (m *Model) openFinder() tea.Cmd {
	m.view = viewFinder
	f := &m.finder
	f.stage = 0
	cmd := f.input.Focus()
	if !f.ready {
		f.gen++
		cmd = tea.Batch(cmd, finderCmd(m.corpus, f.gen, f.input.Value()))
	}
	return cmd
}

func (m *Model) keyFinder(msg tea.KeyPressMsg) tea.Cmd {
	f := &m.finder
	k := m.keys
	if f.stage == 1 {
		uses := m.corpus.Catalog.Entry(f.entry).Uses
		switch {
		case key.Matches(msg, k.Quit):
			return tea.Quit
		case key.Matches(msg, k.Help):
			m.openHelp(viewFinder)
		case key.Matches(msg, k.Back):
			f.stage = 0
			return f.input.Focus()
		case key.Matches(msg, k.Up):
			f.move(-1, len(uses), m.corpus)
		case key.Matches(msg, k.Down):
			f.move(1, len(uses), m.corpus)
		case key.Matches(msg, k.PageUp):
			f.move(-f.height, len(uses), m.corpus)
		case key.Matches(msg, k.PageDown):
			f.move(f.height, len(uses), m.corpus)
		case key.Matches(msg, k.Top):
			f.move(-len(uses), len(uses), m.corpus)
		case key.Matches(msg, k.Bottom):
			f.move(len(uses), len(uses), m.corpus)
		case key.Matches(msg, k.Open):
			if f.ucur < len(uses) {
				m.openTrial(uses[f.ucur].Record)
			}
		}
		return nil
	}
	switch {
	case key.Matches(msg, k.ClearInput):
		if f.input.Value() != "" {
			f.input.Reset()
			f.gen++
			return finderCmd(m.corpus, f.gen, "")
		}
		f.input.Blur()
		m.view = viewMain
		return nil
	case key.Matches(msg, k.Apply):
		if f.cursor < len(f.hits) {
			f.entry = f.hits[f.cursor].Entry
			f.stage, f.ucur, f.uoff = 1, 0, 0
			f.input.Blur()
		}
		return nil
	case key.Matches(msg, k.FinderUp):
		f.move(-1, len(f.hits), m.corpus)
		return nil
	case key.Matches(msg, k.FinderDown):
		f.move(1, len(f.hits), m.corpus)
		return nil
	case msg.String() == "pgup":
		f.move(-f.height, len(f.hits), m.corpus)
		return nil
	case msg.String() == "pgdown":
		f.move(f.height, len(f.hits), m.corpus)
		return nil
	}
	return f.typeQuery(msg, m.corpus)
}

// openTrial shows a trial in the main view, clearing a filter that hides it.
func (m *Model) openTrial(rec int) {
	m.view = viewMain
	if !m.list.selectRecord(rec) {
		m.clearFilter()
		m.list.selectRecord(rec)
	}
	m.setFocus(paneDetail)
}

func (f *finder) view(c *Corpus, width int, th theme) string {
	var lines []string
	if f.stage == 0 {
		lines = append(lines, fit(f.input.View(), width))
		summary := fmt.Sprintf("%d interventions in %d trials", c.Catalog.Len(), c.Len())
		if f.ready && f.input.Value() != "" {
			summary = fmt.Sprintf("%d matching", len(f.hits))
		}
		lines = append(lines, fit(th.muted.Render(" "+summary+" · ↑/↓ choose · enter: trials using it · esc: back"), width))
		for i := 0; i < f.height; i++ {
			j := f.offset + i
			if j >= len(f.hits) {
				if i == 0 && f.ready {
					lines = append(lines, fit(th.muted.Render("  No intervention matches."), width))
				} else {
					lines = append(lines, "")
				}
				continue
			}
			lines = append(lines, f.entryRow(c, f.hits[j], j == f.cursor, width, th))
		}
		return strings.Join(lines, "\n")
	}
	e := c.Catalog.Entry(f.entry)
	head := fmt.Sprintf(" %s — used in %d trial(s)", plain.Line(e.Name), len(e.Uses))
	lines = append(lines, fit(th.header.Render(head), width))
	other := "no other names"
	if len(e.Aliases) > 0 {
		other = "also: " + plain.Line(strings.Join(e.Aliases, "; "))
	}
	lines = append(lines, fit(th.muted.Render(" "+other+" · enter: open trial · esc: back"), width))
	// Each trial: what it is, then the arms the intervention is given in,
	// wrapped in full — they are what the user asked for.
	for j := f.uoff; j < len(e.Uses) && len(lines) < f.height+2; j++ {
		lines = append(lines, f.useLines(c, e, j, j == f.ucur, width, th)...)
	}
	lines = lines[:min(len(lines), f.height+2)]
	for len(lines) < f.height+2 {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

// whereGiven says in which arms a trial gives the intervention.
func whereGiven(e *search.Entry, u search.Use) string {
	arms := "no arm named"
	if len(u.Arms) > 0 {
		arms = strings.Join(u.Arms, "; ")
	}
	where := "given in: " + plain.Line(arms)
	if u.Name != e.Name {
		where += " (as " + plain.Line(u.Name) + ")"
	}
	return where
}

// useHeight is how many lines useLines takes.
func (f *finder) useHeight(c *Corpus, e *search.Entry, j int) int {
	return 1 + len(plain.Wrap(whereGiven(e, e.Uses[j]), max(f.width-6, 10)))
}

// useLines renders one trial using the chosen intervention.
func (f *finder) useLines(c *Corpus, e *search.Entry, j int, selected bool, width int, th theme) []string {
	u := e.Uses[j]
	r := c.Record(u.Record)
	text := plain.Line(fmt.Sprintf("%-10s %-5s %-11s %s", present.StatusShort(r.Status), present.PhaseShort(r.Phases), r.ID, r.Title))
	out := []string{selectLine(text, selected, width, th)}
	for _, l := range plain.Wrap(whereGiven(e, u), max(width-6, 10)) {
		if selected {
			out = append(out, th.header.Render("▌ ")+th.selected.Render(fit("    "+l, width-2)))
		} else {
			out = append(out, fit("      "+th.muted.Render(l), width))
		}
	}
	return out
}

func (f *finder) entryRow(c *Corpus, h search.Hit, selected bool, width int, th theme) string {
	e := c.Catalog.Entry(h.Entry)
	name := highlightSpans(plain.Line(e.Name), f.terms, th, selected, baseStyle(selected, th))
	n := fmt.Sprintf("%5d trial", len(e.Uses))
	if len(e.Uses) != 1 {
		n += "s"
	} else {
		n += " "
	}
	extra := ""
	if h.Via != "" {
		extra = baseStyle(selected, th).Render("  (other name: ") + highlightSpans(plain.Line(h.Via), f.terms, th, selected, baseStyle(selected, th)) + baseStyle(selected, th).Render(")")
	}
	b := baseStyle(selected, th)
	line := b.Render(n+"  ") + name + extra
	if pad := width - 2 - ansi.StringWidth(line); pad > 0 {
		line += b.Render(strings.Repeat(" ", pad))
	}
	lead := "  "
	if selected {
		lead = th.header.Render("▌ ")
	}
	return fit(lead+line, width)
}

func baseStyle(selected bool, th theme) lipgloss.Style {
	if selected {
		return th.selected
	}
	return lipgloss.NewStyle()
}

// selectLine renders a plain list line, reversed with a bar when selected.
func selectLine(text string, selected bool, width int, th theme) string {
	if selected {
		return th.header.Render("▌ ") + th.selected.Render(fit(text, width-2))
	}
	return fit("  "+text, width)
}

// useAt is the trial at line row of the trials list.
func (f *finder) useAt(c *Corpus, row int) int {
	e := c.Catalog.Entry(f.entry)
	y := 0
	for j := f.uoff; j < len(e.Uses); j++ {
		y += f.useHeight(c, e, j)
		if row < y {
			return j
		}
	}
	return f.ucur
}
