package ui

import "charm.land/bubbles/v2/key"

// Keys are all the bindings, grouped by view; each view's help lists its own.
type Keys struct {
	Up, Down, PageUp, PageDown, HalfUp, HalfDown, Top, Bottom               key.Binding
	Open, Back, NextPane, PrevPane, Pane1, Pane2, Pane3, Pane4              key.Binding
	Filter, Finder, Mark, Compare, Swap, Help, Diagnostics, Quit, ForceQuit key.Binding
	Apply, ClearInput, FinderUp, FinderDown                                 key.Binding
}

// DefaultKeys follows the key map of DESIGN.md: vim keys and arrows both.
func DefaultKeys() Keys {
	b := func(keys []string, help, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return Keys{
		Up:          b([]string{"k", "up"}, "k/↑", "up"),
		Down:        b([]string{"j", "down"}, "j/↓", "down"),
		PageUp:      b([]string{"pgup", "ctrl+b"}, "pgup", "page up"),
		PageDown:    b([]string{"pgdown", "ctrl+f"}, "pgdn", "page down"),
		HalfUp:      b([]string{"ctrl+u"}, "ctrl+u", "half page up"),
		HalfDown:    b([]string{"ctrl+d"}, "ctrl+d", "half page down"),
		Top:         b([]string{"g", "home"}, "g", "top"),
		Bottom:      b([]string{"G", "end"}, "G", "bottom"),
		Open:        b([]string{"enter"}, "enter", "open"),
		Back:        b([]string{"esc"}, "esc", "back"),
		NextPane:    b([]string{"tab"}, "tab", "next pane"),
		PrevPane:    b([]string{"shift+tab"}, "shift+tab", "previous pane"),
		Pane1:       b([]string{"1"}, "1", "trials"),
		Pane2:       b([]string{"2"}, "2", "detail"),
		Pane3:       b([]string{"3"}, "3", "arms"),
		Pane4:       b([]string{"4"}, "4", "eligibility"),
		Filter:      b([]string{"/"}, "/", "filter"),
		Finder:      b([]string{"i"}, "i", "interventions"),
		Mark:        b([]string{"space"}, "space", "mark"),
		Compare:     b([]string{"c"}, "c", "compare"),
		Swap:        b([]string{"s"}, "s", "swap sides"),
		Help:        b([]string{"?"}, "?", "help"),
		Diagnostics: b([]string{"!"}, "!", "load problems"),
		Quit:        b([]string{"q"}, "q", "quit"),
		ForceQuit:   b([]string{"ctrl+c"}, "ctrl+c", "quit"),
		Apply:       b([]string{"enter"}, "enter", "apply"),
		ClearInput:  b([]string{"esc"}, "esc", "clear"),
		FinderUp:    b([]string{"up", "ctrl+p", "ctrl+k"}, "↑", "up"),
		FinderDown:  b([]string{"down", "ctrl+n", "ctrl+j"}, "↓", "down"),
	}
}

// keyMap adapts a view's bindings to help.KeyMap.
type keyMap struct {
	short []key.Binding
	full  [][]key.Binding
}

func (k keyMap) ShortHelp() []key.Binding  { return k.short }
func (k keyMap) FullHelp() [][]key.Binding { return k.full }

// The key maps of each view, for the footer and for `?`.
func (k Keys) listHelp(marked int) keyMap {
	cmp := k.Compare
	if marked == 0 {
		cmp.SetHelp("c", "compare (mark first)")
	}
	return keyMap{
		short: []key.Binding{k.Help, k.Down, k.Open, k.Filter, k.Finder, k.Mark, cmp, k.NextPane, k.Quit},
		full: [][]key.Binding{
			{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
			{k.Open, k.NextPane, k.PrevPane, k.Pane1, k.Pane2, k.Pane3, k.Pane4},
			{k.Filter, k.Finder, k.Mark, k.Compare, k.Diagnostics},
			{k.Back, k.Help, k.Quit, k.ForceQuit},
		},
	}
}

func (k Keys) paneHelp() keyMap {
	return keyMap{
		short: []key.Binding{k.Help, k.Down, k.PageDown, k.Top, k.NextPane, k.Back, k.Quit},
		full: [][]key.Binding{
			{k.Up, k.Down, k.PageUp, k.PageDown, k.HalfUp, k.HalfDown, k.Top, k.Bottom},
			{k.NextPane, k.PrevPane, k.Pane1, k.Pane2, k.Pane3, k.Pane4, k.Back},
			{k.Filter, k.Finder, k.Mark, k.Compare},
			{k.Help, k.Quit, k.ForceQuit},
		},
	}
}

func (k Keys) filterHelp() keyMap {
	return keyMap{
		short: []key.Binding{k.Apply, k.ClearInput, k.FinderUp, k.FinderDown, k.ForceQuit},
		full:  [][]key.Binding{{k.Apply, k.ClearInput, k.FinderUp, k.FinderDown, k.ForceQuit}},
	}
}

func (k Keys) finderHelp(results bool) keyMap {
	if results {
		open := k.Open
		open.SetHelp("enter", "open trial")
		return keyMap{
			short: []key.Binding{k.Help, k.Down, open, k.Back, k.Quit},
			full:  [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}, {open, k.Back, k.Help, k.Quit, k.ForceQuit}},
		}
	}
	open := k.Open
	open.SetHelp("enter", "trials using it")
	return keyMap{
		short: []key.Binding{k.FinderDown, open, k.ClearInput, k.ForceQuit},
		full:  [][]key.Binding{{k.FinderUp, k.FinderDown, k.PageUp, k.PageDown}, {open, k.Back, k.ForceQuit}},
	}
}

func (k Keys) compareHelp() keyMap {
	return keyMap{
		short: []key.Binding{k.Help, k.Down, k.PageDown, k.Swap, k.Back, k.Quit},
		full: [][]key.Binding{
			{k.Up, k.Down, k.PageUp, k.PageDown, k.HalfUp, k.HalfDown, k.Top, k.Bottom},
			{k.Swap, k.Back, k.Help, k.Quit, k.ForceQuit},
		},
	}
}

func (k Keys) simpleHelp() keyMap {
	return keyMap{
		short: []key.Binding{k.Down, k.Back, k.Quit},
		full:  [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}, {k.Back, k.Quit, k.ForceQuit}},
	}
}
