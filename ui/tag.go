package ui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/trials-app/trials/plain"
	"github.com/trials-app/trials/shortlist"
)

// tagEditor gives a trial its one-word tag (t): eligible, ask-PI, no. The
// tag is checked as it is typed (shortlist.CheckTag), and the reason a tag
// is refused stands under the input; tab completes a tag already in use
// (the input's suggestions).
type tagEditor struct {
	ctx    *Context
	sel    selection
	input  textinput.Model
	keys   tagKeys
	before string
	inUse  []string // tags on other trials, most used first
	width  int
	height int
}

type tagKeys struct {
	Save, Complete, Cancel binding
}

func newTagEditor(ctx *Context, under Component) Component {
	sel, ok := selected(ctx, under)
	if !ok {
		return nil
	}
	in := newInput("tag: ", "one word: eligible, ask-PI, no…")
	// One more than a tag may have, so that a tag too long is said to be,
	// not silently cut.
	in.CharLimit = shortlist.MaxTagLen + 1
	before := ctx.Shortlist.Tag(sel.id)
	in.SetValue(before)
	in.CursorEnd()
	inUse := tagsInUse(ctx.Shortlist)
	// The input's own suggestions complete a tag in use: tab accepts.
	in.ShowSuggestions = true
	in.SetSuggestions(inUse)
	return &tagEditor{ctx: ctx, sel: sel, input: in, before: before, inUse: inUse, keys: tagKeys{
		Save:     bind("enter", "save", "enter"),
		Complete: bind("tab", "complete", "tab"),
		Cancel:   bind("esc", "cancel", "esc"),
	}}
}

// tagsInUse are the distinct tags of the shortlist, most used first.
func tagsInUse(l *shortlist.List) []string {
	counts := map[string]int{}
	for _, e := range l.Entries() {
		if e.Tag != "" {
			counts[e.Tag]++
		}
	}
	tags := make([]string, 0, len(counts))
	for t := range counts {
		tags = append(tags, t)
	}
	slices.SortFunc(tags, func(a, b string) int {
		if counts[a] != counts[b] {
			return counts[b] - counts[a]
		}
		return strings.Compare(strings.ToLower(a), strings.ToLower(b))
	})
	return tags
}

func (e *tagEditor) Init() tea.Cmd { return e.input.Focus() }

func (e *tagEditor) Title() string { return "tag " + shortID(e.sel.id) }

func (e *tagEditor) Typing() bool { return true }

func (e *tagEditor) SetSize(width, height int) {
	e.width, e.height = width, height
	e.input.SetWidth(max(min(width-8, shortlist.MaxTagLen+2), 10))
}

// value is the tag as typed, less surrounding spaces; problem why it cannot
// be saved, or nil.
func (e *tagEditor) value() (string, error) {
	v := strings.TrimSpace(e.input.Value())
	return v, shortlist.CheckTag(v)
}

func (e *tagEditor) Update(msg tea.Msg) (tea.Cmd, bool) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, e.keys.Save):
			return e.save(), true
		case key.Matches(k, e.keys.Cancel):
			e.ctx.Notify("The tag on " + shortID(e.sel.id) + " is as it was.")
			return closeView(e), true
		}
	}
	switch msg.(type) {
	case tea.KeyPressMsg, tea.PasteMsg:
	default:
		return nil, false
	}
	var cmd tea.Cmd
	e.input, cmd = e.input.Update(msg)
	_, isKey := msg.(tea.KeyPressMsg)
	return cmd, isKey
}

func (e *tagEditor) store() (bool, error) {
	v, err := e.value()
	if err != nil {
		return false, err
	}
	if v == e.before {
		return false, nil
	}
	if err := e.ctx.Shortlist.SetTag(e.sel.id, e.sel.title, v); err != nil {
		return false, err
	}
	e.before = v
	return true, nil
}

func (e *tagEditor) save() tea.Cmd {
	changed, err := e.store()
	id := shortID(e.sel.id)
	switch {
	case err != nil:
		e.ctx.Notify("Not saved: " + plain.Line(err.Error()) + ".")
		return nil
	case !changed:
		e.ctx.Notify("The tag on " + id + " is unchanged.")
		return closeView(e)
	case e.before == "":
		e.ctx.Notify("Tag removed from " + id + ".")
	default:
		e.ctx.Notify(id + " is tagged " + e.before + ".")
	}
	return tea.Batch(e.ctx.changed(), closeView(e))
}

// commit keeps a valid tag when the program ends with the editor open.
func (e *tagEditor) commit() {
	if changed, err := e.store(); changed && err == nil {
		e.ctx.triage.gen++
	}
}

func (e *tagEditor) View() string {
	th := e.ctx.Theme
	lines := dialogHeading(e.ctx, "Tag", e.sel, e.width)
	lines = append(lines, " "+e.input.View(), "")
	switch v, err := e.value(); {
	case err != nil:
		lines = append(lines, th.warn.Render(" ✗ "+plain.Line(err.Error())+": enter will not save it"))
	case v == "" && e.before != "":
		lines = append(lines, th.muted.Render(" empty: enter removes the tag "+plain.Line(e.before)))
	case v == "":
		lines = append(lines, th.muted.Render(" one word, at most "+fmt.Sprint(shortlist.MaxTagLen)+" characters, no spaces, commas or semicolons"))
	default:
		lines = append(lines, th.muted.Render(" ✓ enter saves it"))
	}
	if len(e.inUse) > 0 {
		lines = append(lines, "", th.muted.Render(" In use (tab completes): ")+plain.Line(strings.Join(e.inUse, ", ")))
	}
	lines = append(lines, "", th.muted.Render(" The tag shows in the list's tag column and goes into exports (a CSV column, a RIS keyword)."))
	return fitLines(lines, e.width, e.height)
}

func (e *tagEditor) KeyMap() help.KeyMap {
	k := e.keys
	return keyMap{short: []binding{k.Save, k.Complete, k.Cancel}, full: [][]binding{{k.Save, k.Complete, k.Cancel}}}
}

func (e *tagEditor) Status() string { return "Every key types here; ctrl+c quits." }
