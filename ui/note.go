package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/trials-app/trials/plain"
	"github.com/trials-app/trials/present"
	"github.com/trials-app/trials/shortlist"
)

// noteEditor is a one-paragraph note on a trial (a), in a bubbles
// textarea. Every key types while it is open; enter or ctrl+s saves, and
// so does esc — a reflex esc never throws a paragraph away; ctrl+x closes
// without saving. Line breaks (from a paste) become spaces: one paragraph.
type noteEditor struct {
	ctx    *Context
	sel    selection
	area   textarea.Model
	keys   noteKeys
	before string // the note when the editor opened
	width  int
	height int
}

type noteKeys struct {
	Save, SaveClose, Discard binding
}

func newNoteEditor(ctx *Context, under Component) Component {
	sel, ok := selected(ctx, under)
	if !ok {
		return nil
	}
	area := textarea.New()
	area.CharLimit = shortlist.MaxNoteLen
	area.ShowLineNumbers = false
	area.Prompt = ""
	area.Placeholder = "Why this trial, what to ask, what is missing…"
	area.KeyMap.InsertNewline.SetEnabled(false)
	st := textarea.DefaultStyles(ctx.Theme.palette.Dark)
	st.Cursor.Blink = false
	area.SetStyles(st)
	before := ctx.Shortlist.Note(sel.id)
	area.SetValue(before)
	return &noteEditor{ctx: ctx, sel: sel, area: area, before: before, keys: noteKeys{
		Save:      bind("enter/ctrl+s", "save", "enter", "ctrl+s"),
		SaveClose: bind("esc", "also saves", "esc"),
		Discard:   bind("ctrl+x", "discard changes", "ctrl+x"),
	}}
}

// selected is the trial under has selected, or a notice that there is none.
func selected(ctx *Context, under Component) (selection, bool) {
	if s, ok := under.(selecter); ok {
		if sel, ok := s.current(); ok {
			return sel, true
		}
	}
	ctx.Notify("No trial is selected.")
	return selection{}, false
}

func (e *noteEditor) Init() tea.Cmd { return e.area.Focus() }

func (e *noteEditor) Title() string { return "note on " + shortID(e.sel.id) }

func (e *noteEditor) Typing() bool { return true }

func (e *noteEditor) SetSize(width, height int) {
	e.width, e.height = width, height
	e.area.SetWidth(max(width-4, 10))
	// The heading (up to four lines), the box's borders, two lines under it:
	// the rest is the text's, up to twelve lines.
	e.area.SetHeight(max(min(height-8, 12), 3))
}

func (e *noteEditor) Update(msg tea.Msg) (tea.Cmd, bool) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, e.keys.Save), key.Matches(k, e.keys.SaveClose):
			return e.save(), true
		case key.Matches(k, e.keys.Discard):
			e.ctx.Notify("The note on " + shortID(e.sel.id) + " is as it was.")
			return closeView(e), true
		}
	}
	switch msg.(type) {
	case tea.KeyPressMsg, tea.PasteMsg:
	default:
		return nil, false
	}
	var cmd tea.Cmd
	e.area, cmd = e.area.Update(msg)
	if v := e.area.Value(); strings.ContainsAny(v, "\n\r") {
		e.area.SetValue(strings.Join(strings.Fields(v), " "))
	}
	_, isKey := msg.(tea.KeyPressMsg)
	return cmd, isKey
}

// store keeps the text on the shortlist; it reports whether anything
// changed.
func (e *noteEditor) store() (bool, error) {
	text := strings.TrimSpace(e.area.Value())
	if text == strings.TrimSpace(e.before) {
		return false, nil
	}
	if err := e.ctx.Shortlist.SetNote(e.sel.id, e.sel.title, text); err != nil {
		return false, err
	}
	e.before = text
	return true, nil
}

func (e *noteEditor) save() tea.Cmd {
	changed, err := e.store()
	id := shortID(e.sel.id)
	switch {
	case err != nil:
		e.ctx.Notify("Note not saved: " + plain.Line(err.Error()))
		return nil
	case !changed:
		e.ctx.Notify("The note on " + id + " is unchanged.")
		return closeView(e)
	case e.before == "":
		e.ctx.Notify("Note removed from " + id + ".")
	default:
		e.ctx.Notify("Note saved on " + id + ".")
	}
	return tea.Batch(e.ctx.changed(), closeView(e))
}

// commit keeps the text when the program ends with the editor open.
func (e *noteEditor) commit() {
	if changed, err := e.store(); changed && err == nil {
		e.ctx.triage.gen++
	}
}

func (e *noteEditor) View() string {
	th := e.ctx.Theme
	lines := dialogHeading(e.ctx, "Note on", e.sel, e.width)
	box := lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(th.palette.Muted).Padding(0, 1)
	lines = append(lines, strings.Split(box.Render(e.area.View()), "\n")...)
	n := e.area.Length()
	count := fmt.Sprintf("%s of %s characters · one paragraph", present.Number(n), present.Number(shortlist.MaxNoteLen))
	lines = append(lines, th.muted.Render(" "+count),
		th.muted.Render(" enter or ctrl+s saves · esc saves and closes · ctrl+x closes without saving"))
	return fitLines(lines, e.width, e.height)
}

func (e *noteEditor) KeyMap() help.KeyMap {
	k := e.keys
	return keyMap{short: []binding{k.Save, k.SaveClose, k.Discard}, full: [][]binding{{k.Save, k.SaveClose, k.Discard}}}
}

func (e *noteEditor) Status() string {
	return "Every key types here, q and ? included; ctrl+c quits, keeping the note."
}

// dialogHeading is a dialog's first lines: what it is, the trial's id and
// its title.
func dialogHeading(ctx *Context, what string, sel selection, width int) []string {
	th := ctx.Theme
	lines := []string{th.header.Render(" " + what + " " + shortID(sel.id))}
	title := plain.Line(present.Clip(sel.title, maxCell))
	if title == "" {
		title = "(no title)"
	}
	wrapped := plain.Wrap(title, max(width-2, 10))
	if len(wrapped) > 2 {
		wrapped = append(wrapped[:1], truncate(strings.Join(wrapped[1:], " "), max(width-2, 10)))
	}
	for _, l := range wrapped {
		lines = append(lines, th.muted.Render(" "+l))
	}
	return append(lines, "")
}

// fitLines makes lines exactly width × height: cut or padded.
func fitLines(lines []string, width, height int) string {
	var b strings.Builder
	for i := range height {
		l := ""
		if i < len(lines) {
			l = lines[i]
		}
		b.WriteString(fit(l, width))
		if i < height-1 {
			b.WriteByte('\n')
		}
	}
	return b.String()
}
