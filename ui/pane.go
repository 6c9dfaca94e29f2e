package ui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/trials-app/trials/model"
	"github.com/trials-app/trials/plain"
)

// paneSpec is a reading pane beside the list: its tab's name and how it
// lays a trial out. The panes are registered in browser.go.
type paneSpec struct {
	name   string
	render func(t *model.Trial, width int, th *theme) string
	// rich, when set, renders instead of render: for a pane that shows
	// the user's own notes or patient profile, or has items to pick (the
	// Detail pane's contacts).
	rich func(in paneInput) paneText
}

// paneInput is what a rich pane lays out.
type paneInput struct {
	ctx    *Context
	trial  *model.Trial
	width  int
	picked int // the item picked with ] and [, -1 for none
}

// paneText is a rich pane's text and its items.
type paneText struct {
	text  string
	picks []pick
}

// pick is an item of a pane that ] and [ step through: a contact, whose
// e-mail y copies.
type pick struct {
	line  int    // where it starts in the text
	name  string // for messages
	email string
}

// readingPane shows one paneSpec of the selected trial, scrolling, with
// its own search. It lays the trial out again only when the trial, the
// width, the theme, the user's notes or the picked item changed.
type readingPane struct {
	spec   paneSpec
	ctx    *Context
	text   *textView
	trial  *model.Trial
	note   string // said instead of a trial: none selected, reading, failed
	width  int
	picks  []pick
	picked int
	keys   paneKeys
	laid   struct {
		trial         *model.Trial
		width, picked int
		th            *theme
		triage        int
		profile       int
	}
}

type paneKeys struct {
	Next, Prev, Copy, Unpick binding
}

func newReadingPane(ctx *Context, spec paneSpec) *readingPane {
	return &readingPane{spec: spec, ctx: ctx, text: newTextView(ctx), picked: -1, keys: paneKeys{
		Next:   bind("]", "next contact", "]"),
		Prev:   bind("[", "previous contact", "["),
		Copy:   bind("y", "copy the contact's e-mail", "y"),
		Unpick: bind("esc", "leave the contacts", "esc"),
	}}
}

// setTrial shows t from its top.
func (p *readingPane) setTrial(t *model.Trial) {
	p.trial, p.note, p.picked = t, "", -1
	p.layout(true)
}

// setNote shows a line in place of a trial ("Reading NCT… from …").
func (p *readingPane) setNote(note string) {
	p.trial, p.note, p.picks, p.picked = nil, note, nil, -1
	p.laid.trial = nil
	p.text.SetLines([]string{p.ctx.Theme.muted.Render(" " + plain.Line(note))}, true)
}

func (p *readingPane) layout(top bool) {
	if p.trial == nil || p.width == 0 {
		return
	}
	w := max(p.width-1, 20)
	if p.laid.trial == p.trial && p.laid.width == w && p.laid.th == p.ctx.Theme && p.laid.triage == p.ctx.triage.gen &&
		p.laid.picked == p.picked && p.laid.profile == p.ctx.profile.gen {
		return
	}
	p.laid.trial, p.laid.width, p.laid.th, p.laid.triage, p.laid.picked = p.trial, w, p.ctx.Theme, p.ctx.triage.gen, p.picked
	p.laid.profile = p.ctx.profile.gen
	var text string
	if p.spec.rich != nil {
		out := p.spec.rich(paneInput{ctx: p.ctx, trial: p.trial, width: w, picked: p.picked})
		text, p.picks = out.text, out.picks
	} else {
		text = p.spec.render(p.trial, w, p.ctx.Theme)
	}
	p.text.SetLines(strings.Split(text, "\n"), top)
}

func (p *readingPane) SetSize(width, height int) {
	p.width = width
	p.text.SetSize(width, height)
	p.layout(false)
}

func (p *readingPane) Update(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case themeMsg:
		if p.note != "" {
			p.setNote(p.note)
		}
		p.layout(false)
		return nil, false
	case tea.KeyPressMsg:
		if cmd, ok := p.pickKey(msg); ok {
			return cmd, true
		}
	}
	p.layout(false) // a note or tag may have changed under it
	return p.text.Update(msg)
}

// pickKey steps through the contacts with ] and [; y copies the picked
// one's e-mail, esc leaves them.
func (p *readingPane) pickKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	if len(p.picks) == 0 || p.text.Typing() {
		return nil, false
	}
	k := p.keys
	switch {
	case key.Matches(msg, k.Next):
		p.pick((p.picked + 1) % len(p.picks))
	case key.Matches(msg, k.Prev):
		p.pick((max(p.picked, 0) + len(p.picks) - 1) % len(p.picks))
	case p.picked >= 0 && key.Matches(msg, k.Copy):
		c := p.picks[p.picked]
		if c.email == "" {
			p.ctx.Notify(plain.Line(c.name) + " lists no e-mail; nothing copied.")
			return nil, true
		}
		p.ctx.Notify("Copied " + c.email + " to the clipboard (OSC 52).")
		return p.ctx.clipboard(c.email), true
	case p.picked >= 0 && p.text.state == searchOff && key.Matches(msg, k.Unpick):
		p.picked = -1
		p.layout(false)
	default:
		return nil, false
	}
	return nil, true
}

func (p *readingPane) pick(i int) {
	p.picked = i
	p.layout(false)
	p.text.reveal(p.picks[i].line)
}

func (p *readingPane) View() string   { p.layout(false); return p.text.View() }
func (p *readingPane) Typing() bool   { return p.text.Typing() }
func (p *readingPane) Status() string { return "" }

func (p *readingPane) KeyMap() help.KeyMap {
	short, full := p.text.shortKeys(), p.text.keyGroups()
	if len(p.picks) == 0 || p.text.Typing() {
		return keyMap{short: short, full: full}
	}
	k := p.keys
	own := []binding{k.Next, k.Prev}
	if p.picked >= 0 {
		own = append(own, k.Copy)
		if p.text.state == searchOff {
			own = append(own, k.Unpick)
		}
		short = append(short, k.Copy)
	} else {
		short = append(short, k.Next)
	}
	return keyMap{short: short, full: append(full, own)}
}
