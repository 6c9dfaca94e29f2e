package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/trials-app/trials/plain"
	"github.com/trials-app/trials/present"
	"github.com/trials-app/trials/search"
)

// The list's menus, drawn in place of its rows: the sort menu (s) and the
// facets panel (f) — the counts of the current result by status, phase,
// study type, country and sponsor class, where choosing a value adds its
// term to the query.

type menuKind int

const (
	menuSort menuKind = iota
	menuFacets
)

type listMenu struct {
	kind   menuKind
	title  string
	items  []menuItem
	cursor int // an item that is not a heading
	offset int
	k      menuKeys
}

type menuItem struct {
	heading bool
	label   string
	count   int  // shown when counted
	counted bool //
	current bool // the sort in use
	sort    search.SortKey
	term    string
}

type menuKeys struct {
	Up, Down, Choose, Close binding
}

func newMenuKeys(choose string) menuKeys {
	return menuKeys{
		Up:     bind("k/↑", "up", "k", "up"),
		Down:   bind("j/↓", "down", "j", "down"),
		Choose: bind("enter", choose, "enter"),
		Close:  bind("esc", "close", "esc"),
	}
}

func (m *listMenu) keys() []binding {
	k := []binding{m.k.Choose, m.k.Close, m.k.Up, m.k.Down}
	if m.kind == menuSort {
		k = append(k, bind("S", "reverse the order", "S"))
	}
	return k
}

// sortDirection says which way a key's rows come in, for the menu.
func sortDirection(k search.SortKey, s search.Sort) string {
	desc := search.Sort{Key: k}.Descending()
	if s.Key == k {
		desc = s.Descending()
	}
	switch k {
	case search.SortRelevance:
		if desc {
			return "best match first"
		}
		return "weakest match first"
	case search.SortUpdated, search.SortStart:
		if desc {
			return "newest first"
		}
		return "oldest first"
	case search.SortEnrollment:
		if desc {
			return "largest first"
		}
		return "smallest first"
	case search.SortStatus:
		if desc {
			return "closed first"
		}
		return "open first"
	case search.SortPhase:
		if desc {
			return "highest first"
		}
		return "lowest first"
	}
	if desc {
		return "descending"
	}
	return "ascending"
}

// openSort opens the sort menu on the order in use.
func (l *trialList) openSort() {
	cur := l.filter.sort
	m := &listMenu{kind: menuSort, title: "Sort by — enter chooses, S reverses, esc closes", k: newMenuKeys("sort by it")}
	query := !l.m.Query().Empty()
	for _, k := range search.SortKeys() {
		label := k.Label()
		if k == search.SortRelevance && !query {
			label = "As loaded"
		}
		dir := sortDirection(k, cur)
		if k == search.SortRelevance && !query {
			dir = "the order of the inputs"
		}
		if k == search.SortEnrollment || k == search.SortUpdated || k == search.SortStart || k == search.SortPhase || k == search.SortStatus {
			dir += ", unknown last"
		}
		m.items = append(m.items, menuItem{label: label + " (" + dir + ")", sort: k, current: k == cur.Key})
		if k == cur.Key {
			m.cursor = len(m.items) - 1
		}
	}
	l.menu = m
	m.follow(l.rowsHeight())
}

// openFacets opens the facets panel on the counts of the rows shown.
func (l *trialList) openFacets() {
	keep := 0
	if l.menu != nil && l.menu.kind == menuFacets {
		keep = l.menu.cursor
	}
	m := &listMenu{kind: menuFacets, k: newMenuKeys("add to the query")}
	m.title = "Counts of the " + present.Count(l.len(), "trial", "trials") + " shown — enter adds to the query, esc closes"
	fs := l.m.Facets()
	for _, g := range []struct {
		name string
		vs   []search.Value
	}{{"Status", fs.Status}, {"Phase", fs.Phase}, {"Study type", fs.Type}, {"Sponsor class", fs.SponsorClass}, {"Country (of a site)", fs.Country}} {
		if len(g.vs) == 0 {
			continue
		}
		m.items = append(m.items, menuItem{heading: true, label: g.name})
		for _, v := range g.vs {
			m.items = append(m.items, menuItem{label: v.Label, count: v.Count, counted: true, term: v.Term})
		}
	}
	if len(m.items) == 0 {
		l.ctx.Notify("Nothing to count: no trial is shown.")
		l.menu = nil
		return
	}
	m.cursor = min(keep, len(m.items)-1)
	m.skip(1)
	l.menu = m
	m.follow(l.rowsHeight())
}

// skip moves the cursor off a heading, in direction dir.
func (m *listMenu) skip(dir int) {
	for m.cursor >= 0 && m.cursor < len(m.items) && m.items[m.cursor].heading {
		m.cursor += dir
	}
	if m.cursor < 0 || m.cursor >= len(m.items) {
		m.cursor = max(0, min(m.cursor, len(m.items)-1))
		if m.items[m.cursor].heading && dir != 0 {
			m.skip(-dir)
		}
	}
}

func (m *listMenu) move(n int) {
	dir := 1
	if n < 0 {
		dir = -1
	}
	at := m.cursor
	m.cursor = max(0, min(m.cursor+n, len(m.items)-1))
	m.skip(dir)
	if m.items[m.cursor].heading {
		m.cursor = at
	}
}

// follow scrolls so the cursor (and its heading) is visible in h lines,
// the title line taking one.
func (m *listMenu) follow(h int) {
	rows := max(h-1, 1)
	top := m.cursor
	if top > 0 && m.items[top-1].heading {
		top--
	}
	if top < m.offset {
		m.offset = top
	}
	if m.cursor >= m.offset+rows {
		m.offset = m.cursor - rows + 1
	}
	m.offset = max(0, min(m.offset, max(len(m.items)-rows, 0)))
}

// menuKey handles a key while a menu is open; ok is false for keys it
// leaves to the list (s, f and S, / and the global keys).
func (l *trialList) menuKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	m := l.menu
	switch {
	case key.Matches(msg, m.k.Up):
		m.move(-1)
	case key.Matches(msg, m.k.Down):
		m.move(1)
	case key.Matches(msg, l.keys.PageDown):
		m.move(max(l.rowsHeight()-2, 1))
	case key.Matches(msg, l.keys.PageUp):
		m.move(-max(l.rowsHeight()-2, 1))
	case key.Matches(msg, m.k.Close):
		l.menu = nil
		return nil, true
	case key.Matches(msg, m.k.Choose):
		it := m.items[m.cursor]
		l.menu = nil
		if m.kind == menuSort {
			l.filter.sort = search.Sort{Key: it.sort}
			return l.filter.run(), true
		}
		return l.filter.addTerm(it.term), true
	case m.kind == menuSort && key.Matches(msg, l.keys.Sort), m.kind == menuFacets && key.Matches(msg, l.keys.Facets):
		l.menu = nil // the key that opened it closes it
		return nil, true
	default:
		return nil, false
	}
	m.follow(l.rowsHeight())
	return nil, true
}

// view renders the menu in h lines of width.
func (m *listMenu) view(ctx *Context, width, h int) string {
	th := ctx.Theme
	lines := []string{fit(" "+th.header.Render(plain.Line(m.title)), width)}
	countW := 0
	for _, it := range m.items {
		if it.counted {
			countW = max(countW, plain.Width(present.Number(it.count)))
		}
	}
	labelW := min(max(width-countW-8, 10), 48)
	for i := m.offset; i < len(m.items) && len(lines) < h; i++ {
		it := m.items[i]
		if it.heading {
			lines = append(lines, fit(" "+th.header.Render(plain.Line(it.label)), width))
			continue
		}
		mark := "  "
		if it.current {
			mark = "✓ "
		}
		text := plain.Line(present.Clip(it.label, maxCell))
		if it.counted {
			text = truncate(text, labelW)
			text += spaces(labelW-plain.Width(text)) + " " + spaces(countW-plain.Width(present.Number(it.count))) + present.Number(it.count)
		}
		line := mark + text
		if i == m.cursor {
			lines = append(lines, fit(th.header.Render("▌ ")+th.selected.Render(line), width))
		} else {
			lines = append(lines, fit("  "+line, width))
		}
	}
	for len(lines) < h {
		lines = append(lines, spaces(width))
	}
	return strings.Join(lines[:h], "\n")
}
