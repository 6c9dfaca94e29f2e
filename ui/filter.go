package ui

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/trials-app/trials/model"
	"github.com/trials-app/trials/plain"
	"github.com/trials-app/trials/present"
	"github.com/trials-app/trials/queryext"
	"github.com/trials-app/trials/search"
)

// filter is the list's filter, in three states as in glow: off, typing
// (every key types), applied. The text is a query (search/QUERY.md): it is
// parsed as it is typed — a malformed one keeps the previous rows and says
// why in the status line — and run off the UI goroutine; each run carries
// a generation and a result for older text is dropped.
type filter struct {
	ctx   *Context
	input textinput.Model
	state filterState
	gen   int
	keys  filterKeys
	// sort is the order the user chose; with no query, relevance is
	// corpus order.
	sort search.Sort
	// err is why the text cannot be read, "" when it can.
	err string
	// needsProfile is set when the query names screen: with no profile.
	needsProfile bool
	comp         completion
}

type filterState int

const (
	unfiltered filterState = iota
	filtering              // the input has focus: every key types
	filterApplied
)

type filterKeys struct {
	Start, Apply, Clear, Up, Down, Complete, CompleteBack binding
}

func newFilter(ctx *Context) *filter {
	return &filter{ctx: ctx, input: newInput("/ ", "words, or fields: status:open phase:3 country:germany … (tab completes)"), keys: filterKeys{
		Start:        bind("/", "filter", "/"),
		Apply:        bind("enter", "apply", "enter"),
		Clear:        bind("esc", "clear", "esc"),
		Up:           bind("↑/ctrl+p", "up", "up", "ctrl+p"),
		Down:         bind("↓/ctrl+n", "down", "down", "ctrl+n"),
		Complete:     bind("tab", "complete (again: next)", "tab"),
		CompleteBack: bind("shift+tab", "previous completion", "shift+tab"),
	}}
}

// filterResultMsg carries the matches for one filter text.
type filterResultMsg struct {
	gen int
	m   *search.Matches
}

// firstRows is how many rows a run puts in order before it hands the
// matches over: more than a screen, so the list shows at once.
const firstRows = 256

// run parses the current text and, when it reads, asks for its matches,
// tagged with a new generation. A text that does not read keeps the rows
// shown and says why.
func (f *filter) run() tea.Cmd {
	f.gen++
	c := f.ctx.Corpus
	q, err := f.ctx.queryLanguage().Parse(f.input.Value())
	if err != nil {
		f.err = syntaxMessage(err)
		return nil
	}
	f.err = ""
	f.needsProfile = f.ctx.profile.patient == nil && queryext.UsesScreen(q)
	gen, ix := f.gen, c.Index()
	opts := search.Options{Sort: f.sort, Trial: func(rec int) *model.Trial {
		t, _ := c.Kept(rec)
		return t
	}}
	return func() tea.Msg {
		m := ix.Run(q, opts)
		m.Rows(0, firstRows) // the first screens in order, off the UI goroutine
		return filterResultMsg{gen: gen, m: m}
	}
}

// syntaxMessage is the status line's word on a query that does not read:
// the term and what is wrong with it.
func syntaxMessage(err error) string {
	var se *search.SyntaxError
	if errors.As(err, &se) {
		return "query: " + plain.Line(present.Clip(se.Term, 60)) + " — " + plain.Line(se.Msg)
	}
	return "query: " + plain.Line(err.Error())
}

// start gives the input focus.
func (f *filter) start() tea.Cmd {
	f.state = filtering
	return f.input.Focus()
}

// apply leaves the input, keeping its text (an empty text clears).
func (f *filter) apply() tea.Cmd {
	f.input.Blur()
	f.comp = completion{}
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
	f.comp = completion{}
	f.state = unfiltered
	return f.run()
}

// setQuery replaces the text and runs it (a facet chosen, a reset).
func (f *filter) setQuery(text string) tea.Cmd {
	f.input.SetValue(text)
	f.input.CursorEnd()
	f.comp = completion{}
	if strings.TrimSpace(text) == "" {
		return f.clear()
	}
	if f.state == unfiltered {
		f.state = filterApplied
	}
	return f.run()
}

// addTerm adds a term to the query, ANDed with what is there.
func (f *filter) addTerm(term string) tea.Cmd {
	text := strings.TrimSpace(f.input.Value())
	if text != "" {
		text += " "
	}
	return f.setQuery(text + term)
}

// typeKey passes a message to the input and, when the text changed, asks
// for new rows.
func (f *filter) typeKey(msg tea.Msg) tea.Cmd { return retype(&f.input, msg, f.run) }

// typing handles a key while the input has focus; move is called for the
// keys that move the list's cursor.
func (f *filter) typing(msg tea.KeyPressMsg, move func(int)) tea.Cmd {
	switch {
	case key.Matches(msg, f.keys.Complete):
		return f.complete(1)
	case key.Matches(msg, f.keys.CompleteBack):
		return f.complete(-1)
	}
	f.comp = completion{}
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

// completion is tab's state: the candidates for the term under the cursor
// and the one in place; tab again puts the next in its place.
type completion struct {
	base   string // the text before the first tab
	start  int    // the byte range of base a candidate replaces
	end    int
	items  []search.Value // Term for the list, Insert() for the text
	fields bool           // the candidates are field names (Value.Term is "status:")
	at     int
	word   string // what was being completed, for "nothing to complete"
}

// maxCompletions is how many candidates tab offers.
const maxCompletions = 50

// complete puts the next (or previous) candidate for the term under the
// cursor in its place, and runs the query.
func (f *filter) complete(step int) tea.Cmd {
	if f.comp.items == nil {
		f.comp = f.candidates()
		if len(f.comp.items) == 0 {
			if f.comp.word != "" {
				f.ctx.Notify("Nothing to complete for " + plain.Line(present.Clip(f.comp.word, 40)) + ".")
			}
			f.comp = completion{}
			return nil
		}
		f.comp.at = 0
		if step < 0 {
			f.comp.at = len(f.comp.items) - 1
		}
	} else {
		n := len(f.comp.items)
		f.comp.at = ((f.comp.at+step)%n + n) % n
	}
	c := f.comp
	insert := c.items[c.at].Insert()
	if c.fields {
		insert = c.items[c.at].Term
	}
	text := c.base[:c.start] + insert + c.base[c.end:]
	f.input.SetValue(text)
	f.input.SetCursor(utf8.RuneCountInString(c.base[:c.start] + insert))
	return f.run()
}

// candidates are the completions of the term under the cursor: field
// names while a field's name (or a plain word) is typed, else the
// corpus's values of the field with their counts.
func (f *filter) candidates() completion {
	text := f.input.Value()
	pos := len(string([]rune(text)[:min(f.input.Position(), utf8.RuneCountInString(text))]))
	field, prefix, start, end := search.Completion(text, pos)
	c := completion{base: text, start: start, end: end, word: text[start:end]}
	lang := f.ctx.queryLanguage()
	if field == "" {
		c.fields = true
		for _, name := range lang.FieldCompletions(prefix) {
			c.items = append(c.items, search.Value{Term: name})
		}
		return c
	}
	c.items = lang.Complete(f.ctx.Corpus.Index(), field, prefix, maxCompletions)
	return c
}

// completionLine is the candidates on one line, the one in place marked,
// as many as fit width around it; "" when not completing.
func (f *filter) completionLine(width int) string {
	c := f.comp
	if c.items == nil {
		return ""
	}
	th := f.ctx.Theme
	label := func(i int) string {
		v := c.items[i]
		if c.fields {
			return plain.Line(v.Term)
		}
		return plain.Line(present.Clip(v.Label, 40)) + " (" + present.Number(v.Count) + ")"
	}
	lead := fmt.Sprintf(" tab %d/%d: ", c.at+1, len(c.items))
	room := width - plain.Width(lead) - 2
	// In order, from a start that keeps the one in place in view.
	width1 := func(i int) int { return plain.Width(label(i)) + 3 }
	first, used := c.at, width1(c.at)
	for first > 0 && used+width1(first-1) <= room/2 {
		first--
		used += width1(first)
	}
	var parts []string
	if first > 0 {
		parts = append(parts, th.muted.Render("…"))
	}
	used = 0
	for i := first; i < len(c.items); i++ {
		s := label(i)
		w := plain.Width(s) + 3
		if used+w > room && i > c.at {
			parts = append(parts, th.muted.Render("…"))
			break
		}
		used += w
		if i == c.at {
			parts = append(parts, th.selected.Render(truncate(s, max(room, 4))))
		} else {
			parts = append(parts, th.muted.Render(s))
		}
	}
	return fit(th.muted.Render(lead)+strings.Join(parts, th.muted.Render(" · ")), width)
}
