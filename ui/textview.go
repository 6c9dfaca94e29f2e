package ui

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/trials-app/trials/present"
)

// textView is text that scrolls — a reading pane, the comparison, help,
// the load problems — in a bubbles viewport, with a search of its own as
// in less and glow: / types a search, matches are highlighted, n and N go
// to the next and previous, esc clears it.
type textView struct {
	ctx    *Context
	vp     viewport.Model
	keys   textKeys
	lines  []string // as laid out, before highlighting
	width  int
	height int

	input   textinput.Model
	state   searchState
	matches []textMatch
	cur     int // the match n/N is on
}

type searchState int

const (
	searchOff searchState = iota
	searchTyping
	searchApplied
)

// textMatch is one match: a line and its cell columns.
type textMatch struct{ line, start, end int }

type textKeys struct {
	scrollKeys
	Search, Next, Prev, Apply, Clear binding
}

func newTextKeys() textKeys {
	return textKeys{
		scrollKeys: newScrollKeys(),
		Search:     bind("/", "search", "/"),
		Next:       bind("n", "next match", "n"),
		Prev:       bind("N", "previous match", "N"),
		Apply:      bind("enter", "find", "enter"),
		Clear:      bind("esc", "clear search", "esc"),
	}
}

func newTextView(ctx *Context) *textView {
	vp := viewport.New()
	vp.FillHeight = true
	return &textView{ctx: ctx, vp: vp, keys: newTextKeys(), input: newInput("/ ", "search this text")}
}

// newInput is a text input with a cursor that does not blink: a blinking
// cursor is a timer firing twice a second for nothing a reader needs.
func newInput(prompt, placeholder string) textinput.Model {
	in := textinput.New()
	in.Prompt = prompt
	in.Placeholder = placeholder
	st := in.Styles()
	st.Cursor.Blink = false
	in.SetStyles(st)
	return in
}

// SetLines replaces the text, keeping the search; top scrolls back to the
// start (a different trial), otherwise the view stays where it was (the
// same text laid out again).
func (v *textView) SetLines(lines []string, top bool) {
	v.lines = lines
	v.findMatches(false)
	if top {
		v.vp.GotoTop()
	}
}

func (v *textView) SetSize(width, height int) {
	v.width, v.height = width, max(height, 1)
	v.input.SetWidth(max(width-4, 10))
	v.vp.SetWidth(width)
	v.vp.SetHeight(v.viewHeight())
	v.render()
}

func (v *textView) viewHeight() int {
	if v.state == searchOff {
		return v.height
	}
	return max(v.height-1, 1) // the search line
}

func (v *textView) Typing() bool { return v.state == searchTyping }

func (v *textView) Update(msg tea.Msg) (tea.Cmd, bool) {
	if w, ok := msg.(tea.MouseWheelMsg); ok {
		v.wheel(w)
		return nil, true
	}
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		if v.state == searchTyping {
			return v.typeSearch(msg), false
		}
		return nil, false
	}
	if v.state == searchTyping {
		switch {
		case key.Matches(k, v.keys.Apply):
			v.applySearch()
		case key.Matches(k, v.keys.Clear):
			v.clearSearch()
		default:
			return v.typeSearch(k), true
		}
		return nil, true
	}
	switch {
	case key.Matches(k, v.keys.Search):
		v.state = searchTyping
		v.input.Reset()
		v.SetSize(v.width, v.height)
		return v.input.Focus(), true
	case v.state == searchApplied && key.Matches(k, v.keys.Next):
		v.stepMatch(1)
	case v.state == searchApplied && key.Matches(k, v.keys.Prev):
		v.stepMatch(-1)
	case v.state == searchApplied && key.Matches(k, v.keys.Clear):
		v.clearSearch()
	default:
		return nil, v.keys.scroll(k, v)
	}
	return nil, true
}

func (v *textView) typeSearch(msg tea.Msg) tea.Cmd {
	return retype(&v.input, msg, func() tea.Cmd { v.findMatches(true); return nil })
}

func (v *textView) applySearch() {
	v.input.Blur()
	if strings.TrimSpace(v.input.Value()) == "" {
		v.clearSearch()
		return
	}
	v.state = searchApplied
	if len(v.matches) == 0 {
		v.ctx.Notify(fmt.Sprintf("Not found: %q", present.Clip(v.input.Value(), 60)))
	}
	v.SetSize(v.width, v.height)
}

func (v *textView) clearSearch() {
	v.input.Blur()
	v.input.Reset()
	v.state = searchOff
	v.matches, v.cur = nil, 0
	v.SetSize(v.width, v.height)
}

// findMatches finds the query in the text; jump moves to the first match
// at or after the top of the view, as less does while one types.
func (v *textView) findMatches(jump bool) {
	v.matches, v.cur = nil, 0
	q := []rune(strings.ToLower(v.input.Value()))
	if v.state != searchOff && len(q) > 0 {
		for i, l := range v.lines {
			v.matches = append(v.matches, findIn(ansi.Strip(l), q, i)...)
		}
	}
	if jump {
		v.cur = 0
		for i, m := range v.matches {
			if m.line >= v.vp.YOffset() {
				v.cur = i
				break
			}
		}
		v.show()
	}
	v.render()
}

// findIn finds q (lower case) in a plain line, case-insensitively, and
// returns the matches in cell columns.
func findIn(line string, q []rune, lineNo int) []textMatch {
	runes := []rune(line)
	var out []textMatch
	cells := make([]int, len(runes)+1) // cell column where rune i starts
	for i, r := range runes {
		cells[i+1] = cells[i] + ansi.StringWidth(string(r))
	}
	for i := 0; i+len(q) <= len(runes); i++ {
		if matchAt(runes[i:], q) {
			out = append(out, textMatch{lineNo, cells[i], cells[i+len(q)]})
			i += len(q) - 1
		}
	}
	return out
}

func matchAt(runes, q []rune) bool {
	for j, r := range q {
		if unicode.ToLower(runes[j]) != r {
			return false
		}
	}
	return true
}

func (v *textView) stepMatch(n int) {
	if len(v.matches) == 0 {
		v.ctx.Notify(fmt.Sprintf("Not found: %q", present.Clip(v.input.Value(), 60)))
		return
	}
	v.cur = (v.cur + n + len(v.matches)) % len(v.matches)
	v.show()
	v.render()
}

// show scrolls the current match into view, a few lines from the top.
func (v *textView) show() {
	if v.cur >= len(v.matches) {
		return
	}
	line := v.matches[v.cur].line
	if line < v.vp.YOffset() || line >= v.vp.YOffset()+v.vp.Height() {
		v.vp.SetYOffset(max(line-2, 0))
	}
}

// render hands the viewport the lines with the matches highlighted: the
// current one in reverse video, the others underlined — neither by colour
// alone.
func (v *textView) render() {
	if len(v.matches) == 0 {
		v.vp.SetContentLines(slices.Clone(v.lines))
		return
	}
	out := slices.Clone(v.lines)
	var ranges []lipgloss.Range
	for i, m := range v.matches {
		style := v.ctx.Theme.match
		if i == v.cur {
			style = v.ctx.Theme.current
		}
		ranges = append(ranges, lipgloss.NewRange(m.start, m.end, style))
		if i+1 == len(v.matches) || v.matches[i+1].line != m.line {
			out[m.line] = lipgloss.StyleRanges(out[m.line], ranges...)
			ranges = ranges[:0]
		}
	}
	off := v.vp.YOffset()
	v.vp.SetContentLines(out)
	v.vp.SetYOffset(off)
}

func (v *textView) View() string {
	body := v.vp.View()
	switch v.state {
	case searchTyping:
		return body + "\n" + fit(v.input.View(), v.width)
	case searchApplied:
		where := "no match"
		if len(v.matches) > 0 {
			where = fmt.Sprintf("match %d of %d", v.cur+1, len(v.matches))
		}
		line := v.ctx.Theme.muted.Render(fmt.Sprintf(" /%s — %s · n next · N previous · esc clears", v.input.Value(), where))
		return body + "\n" + fit(line, v.width)
	}
	return body
}

// keys lists the bindings in effect now.
func (v *textView) keyGroups() [][]binding {
	switch v.state {
	case searchTyping:
		return [][]binding{{v.keys.Apply, v.keys.Clear}}
	case searchApplied:
		return [][]binding{v.keys.all(), {v.keys.Search, v.keys.Next, v.keys.Prev, v.keys.Clear}}
	}
	return [][]binding{v.keys.all(), {v.keys.Search}}
}

// shortKeys is the footer's pick of the bindings in effect.
func (v *textView) shortKeys() []binding {
	switch v.state {
	case searchTyping:
		return []binding{v.keys.Apply, v.keys.Clear}
	case searchApplied:
		return []binding{v.keys.Next, v.keys.Prev, v.keys.Clear}
	}
	return []binding{v.keys.Down, v.keys.Search}
}

func (v *textView) percent() int {
	if v.vp.TotalLineCount() <= v.vp.Height() {
		return 100
	}
	return int(v.vp.ScrollPercent()*100 + 0.5)
}

// wheel scrolls by the mouse wheel.
func (v *textView) wheel(msg tea.MouseWheelMsg) {
	switch msg.Button {
	case tea.MouseWheelUp:
		v.step(-wheelStep)
	case tea.MouseWheelDown:
		v.step(wheelStep)
	}
}

// The text view as a scroller.
func (v *textView) step(n int) {
	if n < 0 {
		v.vp.ScrollUp(-n)
	} else {
		v.vp.ScrollDown(n)
	}
}
func (v *textView) toStart()  { v.vp.GotoTop() }
func (v *textView) toEnd()    { v.vp.GotoBottom() }
func (v *textView) page() int { return v.vp.Height() }

// fit cuts or pads a (possibly styled) line to exactly width columns.
func fit(s string, width int) string {
	if width <= 0 {
		return ""
	}
	w := ansi.StringWidth(s)
	if w > width {
		return ansi.Truncate(s, width, "…")
	}
	return s + strings.Repeat(" ", width-w)
}

// reveal scrolls line into view, a few lines from the top when it was off
// screen.
func (v *textView) reveal(line int) {
	if line < v.vp.YOffset() || line >= v.vp.YOffset()+v.vp.Height() {
		v.vp.SetYOffset(max(line-2, 0))
	}
}
