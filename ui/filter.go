package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/trials-app/trials/corpus"
	"github.com/trials-app/trials/search"
)

// filter is the list's filter, in three states as in glow: off, typing
// (every key types), applied. Matching runs off the UI goroutine; each
// request carries a generation and a result for older text is dropped.
type filter struct {
	ctx   *Context
	input textinput.Model
	state filterState
	gen   int
	keys  filterKeys
}

type filterState int

const (
	unfiltered filterState = iota
	filtering              // the input has focus: every key types
	filterApplied
)

type filterKeys struct {
	Start, Apply, Clear, Up, Down binding
}

func newFilter(ctx *Context) *filter {
	return &filter{ctx: ctx, input: newInput("/ ", "title, id, condition, intervention, sponsor…"), keys: filterKeys{
		Start: bind("/", "filter", "/"),
		Apply: bind("enter", "apply", "enter"),
		Clear: bind("esc", "clear", "esc"),
		Up:    bind("↑/ctrl+p", "up", "up", "ctrl+p"),
		Down:  bind("↓/ctrl+n", "down", "down", "ctrl+n"),
	}}
}

// searchFields are what the filter searches: title, ids, conditions,
// interventions with their other names, sponsor — not the long texts.
const searchFields = search.FieldAll

// facet narrows the rows the filter's text lets through: a status, a
// phase, the shortlist, the patient screen. To add one, write its facet
// and add it to facets; the filter applies every active facet, in order,
// off the UI goroutine, after the text.
type facet struct {
	name string
	// keep reports whether record rec stays; nil while the facet is off.
	keep func(c *corpus.Corpus, rec int) bool
}

// facets are the filter's facets.
var facets []facet

// filterResultMsg carries the rows for one filter text.
type filterResultMsg struct {
	gen   int
	rows  []int
	terms []string
}

// run asks for the rows of the current text, tagged with a new generation.
func (f *filter) run() tea.Cmd {
	f.gen++
	gen, query, c := f.gen, f.input.Value(), f.ctx.Corpus
	active := make([]facet, 0, len(facets))
	for _, fc := range facets {
		if fc.keep != nil {
			active = append(active, fc)
		}
	}
	return func() tea.Msg {
		res := c.Index().Search(query, searchFields)
		rows := res.Hits
		for _, fc := range active {
			kept := rows[:0:0]
			for _, r := range rows {
				if fc.keep(c, r) {
					kept = append(kept, r)
				}
			}
			rows = kept
		}
		return filterResultMsg{gen: gen, rows: rows, terms: res.Terms}
	}
}

// start gives the input focus.
func (f *filter) start() tea.Cmd {
	f.state = filtering
	return f.input.Focus()
}

// apply leaves the input, keeping its text (an empty text clears).
func (f *filter) apply() tea.Cmd {
	f.input.Blur()
	if strings.TrimSpace(f.input.Value()) == "" {
		return f.clear()
	}
	f.state = filterApplied
	return nil
}

// clear drops the text; any result still on its way is stale.
func (f *filter) clear() tea.Cmd {
	f.input.Blur()
	f.input.Reset()
	f.state = unfiltered
	return f.run()
}

// typeKey passes a message to the input and, when the text changed, asks
// for new rows.
func (f *filter) typeKey(msg tea.Msg) tea.Cmd { return retype(&f.input, msg, f.run) }

// typing handles a key while the input has focus; move is called for the
// keys that move the list's cursor.
func (f *filter) typing(msg tea.KeyPressMsg, move func(int)) tea.Cmd {
	switch {
	case key.Matches(msg, f.keys.Apply):
		return f.apply()
	case key.Matches(msg, f.keys.Clear):
		return f.clear()
	case key.Matches(msg, f.keys.Up):
		move(-1)
		return nil
	case key.Matches(msg, f.keys.Down):
		move(1)
		return nil
	}
	return f.typeKey(msg)
}
