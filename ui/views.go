package ui

import (
	"slices"

	tea "charm.land/bubbletea/v2"
)

// view is a view opened by a global key, from wherever that key is not
// taken (a view that types, or binds the key itself, keeps it). under is
// the view it opens over. open may return nil when there is nothing to
// open (it then says why with a notice).
type view struct {
	key    binding
	footer bool // named in the footer, not only in help
	// onTrial views act on the trial selected in under, and are offered
	// only over views that have one (a selecter).
	onTrial bool
	// whole views speak of the whole corpus (every intervention in it,
	// the shortlisted trials not in it, an export of the list): while a
	// load still runs they wait for it, saying so.
	whole bool
	open  func(ctx *Context, under Component) Component
}

// views are the views global keys open. To add one, write its Component
// in a file of its own and add its line here. (Set in init: help lists the
// views, so the list cannot refer to help at package initialisation.)
var views []view

func init() {
	views = []view{
		{key: bind("?", "help", "?"), footer: true, open: newHelp},
		{key: bind("L", "view shortlist", "L"), footer: true, whole: true, open: newShortlistView},
		{key: bind("i", "interventions", "i"), whole: true, open: func(ctx *Context, _ Component) Component { return newFinder(ctx) }},
		{key: bind("a", "note on the trial", "a"), onTrial: true, open: newNoteEditor},
		{key: bind("t", "tag the trial", "t"), onTrial: true, open: newTagEditor},
		{key: bind("e", "export…", "e"), whole: true, open: newExportDialog},
		{key: bind("p", "patient profile", "p"), open: newProfileForm},
		{key: bind("P", "clear the patient profile", "P"), open: newProfileClear},
		{key: bind("!", "load problems", "!"), open: newProblems},
	}
}

// action is a global key that acts on the selected trial without a view of
// its own: it returns the command doing it.
type action struct {
	key binding
	run func(ctx *Context, sel selection) tea.Cmd
}

// actions are the keys that act on the selected trial (actions.go), offered
// over views that have one (a selecter).
var actions []action

func init() {
	actions = []action{
		{key: bind("o", "open in the web browser", "o"), run: openInBrowser},
		{key: bind("y", "copy the NCT id", "y"), run: copyID},
		{key: bind("Y", "copy a citation", "Y"), run: copyCitation},
	}
}

// globalBindings are the global keys in effect over c: every view's key
// and q, less those c binds itself — or only ctrl+c while c is typing.
// all includes the keys help lists but the footer leaves out.
func globalBindings(c Component, all bool) []binding {
	if isTyping(c) {
		return []binding{keyForceQuit}
	}
	own := boundKeys(c.KeyMap())
	_, hasTrial := c.(selecter)
	var out []binding
	for _, v := range views {
		if (all || v.footer) && (!v.onTrial || hasTrial) && !shadowed(v.key, own) {
			out = append(out, v.key)
		}
	}
	if all && hasTrial {
		for _, a := range actions {
			if !shadowed(a.key, own) {
				out = append(out, a.key)
			}
		}
	}
	if !shadowed(keyQuit, own) {
		out = append(out, keyQuit)
	}
	if all {
		out = append(out, keyForceQuit)
	}
	return slices.Clip(out)
}
