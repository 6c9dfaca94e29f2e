package ui

import (
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

type binding = key.Binding

func bind(help, desc string, keys ...string) binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
}

// The global keys: the root's, for every view that does not bind them
// itself. The views they open are in views.go.
var (
	keyForceQuit = bind("ctrl+c", "quit", "ctrl+c")
	keyQuit      = bind("q", "quit", "q")
)

// scrollKeys move through anything that scrolls: the list's cursor, a
// pane, the comparison, help. vim keys and arrows both.
type scrollKeys struct {
	Up, Down, PageUp, PageDown, HalfUp, HalfDown, Top, Bottom binding
}

func newScrollKeys() scrollKeys {
	return scrollKeys{
		Up:       bind("k/↑", "up", "k", "up"),
		Down:     bind("j/↓", "down", "j", "down"),
		PageUp:   bind("pgup", "page up", "pgup", "ctrl+b"),
		PageDown: bind("pgdn", "page down", "pgdown", "ctrl+f"),
		HalfUp:   bind("ctrl+u", "half page up", "ctrl+u"),
		HalfDown: bind("ctrl+d", "half page down", "ctrl+d"),
		Top:      bind("g", "top", "g", "home"),
		Bottom:   bind("G", "bottom", "G", "end"),
	}
}

func (k scrollKeys) all() []binding {
	return []binding{k.Up, k.Down, k.PageUp, k.PageDown, k.HalfUp, k.HalfDown, k.Top, k.Bottom}
}

// scroller is what the scroll keys move.
type scroller interface {
	step(n int)
	toStart()
	toEnd()
	page() int
}

// scroll applies a scroll key to s; it reports whether msg was one.
func (k scrollKeys) scroll(msg tea.KeyPressMsg, s scroller) bool {
	switch {
	case key.Matches(msg, k.Up):
		s.step(-1)
	case key.Matches(msg, k.Down):
		s.step(1)
	case key.Matches(msg, k.PageUp):
		s.step(-s.page())
	case key.Matches(msg, k.PageDown):
		s.step(s.page())
	case key.Matches(msg, k.HalfUp):
		s.step(-max(s.page()/2, 1))
	case key.Matches(msg, k.HalfDown):
		s.step(max(s.page()/2, 1))
	case key.Matches(msg, k.Top):
		s.toStart()
	case key.Matches(msg, k.Bottom):
		s.toEnd()
	default:
		return false
	}
	return true
}

// boundKeys lists every key string of a key map's enabled bindings.
func boundKeys(km keyMapper) []string {
	var out []string
	for _, group := range km.FullHelp() {
		for _, b := range group {
			if b.Enabled() {
				out = append(out, b.Keys()...)
			}
		}
	}
	for _, b := range km.ShortHelp() {
		if b.Enabled() {
			out = append(out, b.Keys()...)
		}
	}
	return out
}

type keyMapper interface {
	ShortHelp() []binding
	FullHelp() [][]binding
}

// shadowed reports whether any key of b is bound in keys.
func shadowed(b binding, keys []string) bool {
	for _, k := range b.Keys() {
		if slices.Contains(keys, k) {
			return true
		}
	}
	return false
}
