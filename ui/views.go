package ui

import "slices"

// view is a view opened by a global key, from wherever that key is not
// taken (a view that types, or binds the key itself, keeps it). under is
// the view it opens over.
type view struct {
	key    binding
	footer bool // named in the footer, not only in help
	open   func(ctx *Context, under Component) Component
}

// views are the views global keys open. To add one, write its Component
// in a file of its own and add its line here. (Set in init: help lists the
// views, so the list cannot refer to help at package initialisation.)
var views []view

func init() {
	views = []view{
		{key: bind("?", "help", "?"), footer: true, open: newHelp},
		{key: bind("i", "interventions", "i"), open: func(ctx *Context, _ Component) Component { return newFinder(ctx) }},
		{key: bind("!", "load problems", "!"), open: newProblems},
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
	var out []binding
	for _, v := range views {
		if (all || v.footer) && !shadowed(v.key, own) {
			out = append(out, v.key)
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
