// Package ui is the trials browser: a Bubble Tea program whose root holds
// a stack of views — the browser (trial list and reading panes), the
// intervention finder, the comparison, help, load problems, the loading
// screen — and routes every message to them. Each view is a Component;
// they share one Context (sizes, theme, corpus, marked trials) and talk to
// the root only through messages (open a view, close it, show a trial).
//
// Keys are routed in one order: ctrl+c always quits; then a component
// whose text input has focus gets every key (letters type, they never fire
// commands); then the active component, through its own key.Bindings; then
// the global keys (the views of the registry in views.go, and q). Help and
// the footer are built from the same bindings, so they cannot disagree
// with what the keys do.
//
// Adding to the house:
//   - a view opened by a key: one file with its Component and one line in
//     views (views.go); a key that acts on the selected trial without a
//     view of its own (o, y, Y): one line in actions (actions.go);
//   - a reading pane beside the list: one file with a paneSpec and one line
//     in panes (browser.go);
//   - a list column: one file (or entry) with a column and one line in
//     columns (columns.go);
//   - a field of the filter's query from the user's own data (the screen,
//     notes, tags): an Extension in queryext, fed from the Context in
//     query.go — the CLI reads the same definitions;
//   - a facet count in the f panel: a group in openFacets (list_menu.go).
package ui

import (
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/trials-app/trials/corpus"
	"github.com/trials-app/trials/plain"
	"github.com/trials-app/trials/shortlist"
)

// Component is one view or part of a view.
type Component interface {
	// Update handles a message. handled reports whether it was the
	// component's: a key one of its bindings names, or a key typed into
	// its focused input. Keys it does not handle go to the global keys.
	Update(msg tea.Msg) (cmd tea.Cmd, handled bool)
	// View renders exactly the size last set: height lines, none wider
	// than width.
	View() string
	// SetSize gives the component its share of the screen.
	SetSize(width, height int)
	// KeyMap lists the component's bindings, for the footer and for help.
	KeyMap() help.KeyMap
	// Status is the status line's text while the component is active.
	Status() string
}

// Optional parts of a component.
type (
	// typer is a component that can have a focused text input: while
	// Typing, every key but ctrl+c is its.
	typer interface{ Typing() bool }
	// titled names the view in the header ("intervention finder").
	titled interface{ Title() string }
	// starter has work to start when it is opened.
	starter interface{ Init() tea.Cmd }
	// selecter has a trial selected that the trial keys (a, t, o, y, Y)
	// act on: ok is false when none is.
	selecter interface {
		current() (sel selection, ok bool)
	}
	// committer holds typing not yet stored (a note being written), to
	// keep when the program ends under it.
	committer interface{ commit() }
)

// Context is what every component shares: never a global, always passed
// down.
type Context struct {
	Corpus *corpus.Corpus
	Theme  *theme
	// Shortlist is the user's shortlist, notes and tags; never nil.
	Shortlist *shortlist.List
	// Picks are the shortlisted trials (by id) chosen in the shortlist
	// view for a comparison, in the order picked; four at most.
	Picks []string
	// Width and Height are the terminal's.
	Width, Height int

	notice string
	triage triageState
	// profile is the patient profile (profile.go); screen the list's
	// verdicts for it (screen.go).
	profile profileState
	screen  screenState
	// query is the filter's language's state (query.go); requery runs the
	// list's query again, its answer changed (a note, a profile).
	query   queryState
	requery func() tea.Cmd
	// visible is the records on the list's screen, which are screened
	// first.
	visible func() []int
	// compareGen is the newest comparison asked for; an older one arriving
	// late is dropped.
	compareGen int
	// now is the clock (export file names); open the web browser's opener
	// and clipboard the terminal's — each replaced in tests.
	now       func() time.Time
	open      opener
	clipboard func(string) tea.Cmd
	// filtered is the browser's list as shown, and its filter in words.
	filtered func() (rows []int, filter string)
	// workDir is where the export dialog puts a file named without a
	// directory; "" for the process's working directory.
	workDir string
	// loadProgress is the running load's, while Corpus is a part of what
	// it reads (Corpus.Loading() != nil).
	loadProgress corpus.Progress
}

// Notify puts a one-line notice in the status line until the next key.
func (c *Context) Notify(s string) { c.notice = s }

// The messages components send the root.
type (
	// openMsg puts a view on top of the stack.
	openMsg struct{ view Component }
	// closeMsg takes a view off the stack — that view, not whichever is on
	// top when the message arrives (a key pressed meanwhile may have opened
	// another).
	closeMsg struct{ view Component }
	// showTrialMsg returns to the browser with a record selected and its
	// Detail pane open.
	showTrialMsg struct{ rec int }
	// themeMsg tells components that cache styled text to lay it out again.
	themeMsg struct{}
)

func closeView(c Component) tea.Cmd { return func() tea.Msg { return closeMsg{c} } }

func showTrial(rec int) tea.Cmd { return func() tea.Msg { return showTrialMsg{rec} } }

// isTyping reports whether c has a focused text input.
func isTyping(c Component) bool {
	t, ok := c.(typer)
	return ok && t.Typing()
}

// keyMap adapts a view's bindings to help.KeyMap.
type keyMap struct {
	short []binding
	full  [][]binding
}

func (k keyMap) ShortHelp() []binding  { return k.short }
func (k keyMap) FullHelp() [][]binding { return k.full }

// retype passes a message to a text input and, when its text changed,
// batches changed() — the search the new text asks for — with the input's
// own command.
func retype(in *textinput.Model, msg tea.Msg, changed func() tea.Cmd) tea.Cmd {
	before := in.Value()
	var cmd tea.Cmd
	*in, cmd = in.Update(msg)
	if v := in.Value(); plain.Line(v) != v {
		// A paste can carry what the input's own sanitiser lets through
		// (a bidi override): it must not reach the screen.
		pos := in.Position()
		in.SetValue(plain.Line(v))
		in.SetCursor(pos)
	}
	if in.Value() == before {
		return cmd
	}
	return tea.Batch(cmd, changed())
}
