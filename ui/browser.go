package ui

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/trials-app/trials/corpus"
	"github.com/trials-app/trials/model"
	"github.com/trials-app/trials/plain"
	"github.com/trials-app/trials/present"
	"github.com/trials-app/trials/search"
)

// panes are the reading panes beside the list, in tab order after it. To
// add one, write its paneSpec in a file of its own and add it here: its
// tab, its jump key and its place in tab order follow.
var panes = []paneSpec{detailPane, armsPane, eligibilityPane}

// wideWidth is where the list and a pane stand side by side.
const wideWidth = 140

// browser is the main view: the trial list and, beside it on wide
// terminals or instead of it on narrow ones, a reading pane of the
// selected trial. Focus 0 is the list, i+1 is panes[i].
type browser struct {
	ctx    *Context
	list   *trialList
	panes  []*readingPane
	keys   browserKeys
	focus  int
	right  int // the pane beside the list in the wide layout
	width  int
	height int

	shown   int // the record the panes show, -1 for none
	readGen int // the newest reread asked for
}

type browserKeys struct {
	Open, Back, NextPane, PrevPane, Jump, Mark, Compare, Contacts binding
}

func newBrowser(ctx *Context) *browser {
	b := &browser{ctx: ctx, list: newTrialList(ctx), shown: -1, keys: browserKeys{
		Open:     bind("enter", "open (detail)", "enter"),
		Back:     bind("esc", "back", "esc"),
		NextPane: bind("tab", "next pane", "tab"),
		PrevPane: bind("shift+tab", "previous pane", "shift+tab"),
		Mark:     bind("space", "★ shortlist", "space"),
		Compare:  bind("c", "compare", "c"),
		Contacts: bind("]/[", "the trial's contacts", "]", "["),
	}}
	jump := make([]string, len(panes)+1)
	for i := range jump {
		jump[i] = strconv.Itoa(i + 1)
	}
	b.keys.Jump = bind(fmt.Sprintf("1–%d", len(jump)), "jump to pane", jump...)
	for _, s := range panes {
		b.panes = append(b.panes, newReadingPane(ctx, s))
	}
	return b
}

func (b *browser) wide() bool { return b.width >= wideWidth }

// columns is the width of the list and of a pane.
func (b *browser) columns() (listW, paneW int) {
	if b.wide() {
		listW = b.width / 2
		return listW, b.width - listW - 1
	}
	return b.width, b.width
}

func (b *browser) SetSize(width, height int) {
	b.width, b.height = width, height
	listW, paneW := b.columns()
	b.list.SetSize(listW, height-1) // under the title line
	for _, p := range b.panes {
		p.SetSize(paneW, height-1)
	}
}

// focused is the component keys go to first.
func (b *browser) focused() Component {
	if b.focus == 0 {
		return b.list
	}
	return b.panes[b.focus-1]
}

func (b *browser) Typing() bool { return isTyping(b.focused()) }

// panesShown reports whether a pane is on screen.
func (b *browser) panesShown() bool { return b.wide() || b.focus > 0 }

func (b *browser) Update(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return b.key(msg)
	case tea.MouseClickMsg:
		return b.click(msg), true
	case tea.MouseWheelMsg:
		b.wheel(msg)
		return nil, true
	case trialReadMsg:
		if msg.gen == b.readGen && msg.rec == b.shown {
			b.showTrial(msg.trial, msg.err)
		}
		return nil, false
	case themeMsg:
		for _, p := range b.panes {
			p.Update(msg)
		}
		return nil, false
	}
	cmd, _ := b.list.Update(msg)
	for _, p := range b.panes {
		c, _ := p.Update(msg)
		cmd = tea.Batch(cmd, c)
	}
	return tea.Batch(cmd, b.follow()), false
}

func (b *browser) key(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	child := b.focused()
	if isTyping(child) {
		cmd, _ := child.Update(msg)
		return tea.Batch(cmd, b.follow()), true
	}
	if cmd, ok := child.Update(msg); ok {
		return tea.Batch(cmd, b.follow()), true
	}
	k := b.keys
	switch {
	case key.Matches(msg, k.Open) && b.focus == 0:
		if b.list.selected() < 0 {
			return nil, true
		}
		return b.setFocus(1), true // the Detail pane, whatever was open last
	case key.Matches(msg, k.NextPane):
		return b.setFocus((b.focus + 1) % (len(b.panes) + 1)), true
	case key.Matches(msg, k.PrevPane):
		return b.setFocus((b.focus + len(b.panes)) % (len(b.panes) + 1)), true
	case key.Matches(msg, k.Jump):
		n, _ := strconv.Atoi(msg.String())
		return b.setFocus(n - 1), true
	case key.Matches(msg, k.Back) && b.focus > 0:
		return b.setFocus(0), true
	case key.Matches(msg, k.Mark):
		return b.toggleShortlist(), true
	case key.Matches(msg, k.Contacts) && b.focus == 0:
		// Into the Detail pane, at its first (or last) contact.
		if b.list.selected() < 0 {
			return nil, true
		}
		cmd := b.setFocus(1)
		if len(b.panes[0].picks) == 0 {
			b.ctx.Notify("This trial's record names no contact.")
			return cmd, true
		}
		c, _ := b.panes[0].Update(msg)
		return tea.Batch(cmd, c), true
	case key.Matches(msg, k.Compare):
		return b.compare(), true
	}
	return nil, false
}

func (b *browser) setFocus(f int) tea.Cmd {
	b.focus = f
	if f > 0 {
		b.right = f - 1
	}
	return b.follow()
}

// showRecord selects a record (clearing a filter that hides it) and opens
// its Detail pane.
func (b *browser) showRecord(rec int) tea.Cmd {
	if b.list.selectRecord(rec) {
		return b.setFocus(1)
	}
	// The filter hides it: clear the filter at once, not when its result
	// comes, so the record is selected now.
	f := b.list.filter
	f.input.Reset()
	f.input.Blur()
	f.state, f.err, f.needsProfile, f.comp = unfiltered, "", false, completion{}
	f.gen++
	b.list.setMatches(b.ctx.Corpus.Index().Run(nil, search.Options{Sort: f.sort}))
	b.list.selectRecord(rec)
	return b.setFocus(1)
}

// trialReadMsg brings a trial read again for the panes.
type trialReadMsg struct {
	gen, rec int
	trial    *model.Trial
	err      error
}

// follow lays the panes out for the selected trial when they are on
// screen and not showing it yet. A trial not kept in memory is read again
// off the UI goroutine; until it arrives the panes say so.
func (b *browser) follow() tea.Cmd {
	if b.width == 0 || !b.panesShown() {
		return nil
	}
	rec := b.list.selected()
	if rec == b.shown {
		return nil
	}
	b.shown = rec
	b.readGen++
	if rec < 0 {
		b.note("No trial selected.")
		return nil
	}
	c := b.ctx.Corpus
	if t, ok := c.Kept(rec); ok {
		b.showTrial(t, nil)
		return nil
	}
	r := c.Record(rec)
	b.note("Reading " + shortID(r.ID) + " from " + plain.Line(present.Clip(present.Source(r.Source()), maxCell)) + "…")
	gen := b.readGen
	return func() tea.Msg {
		t, err := c.Trial(rec)
		return trialReadMsg{gen: gen, rec: rec, trial: t, err: err}
	}
}

func (b *browser) note(s string) {
	for _, p := range b.panes {
		p.setNote(s)
	}
}

func (b *browser) showTrial(t *model.Trial, err error) {
	if err != nil {
		b.note(err.Error())
		return
	}
	for _, p := range b.panes {
		p.setTrial(t)
	}
}

func (b *browser) KeyMap() help.KeyMap {
	k := b.keys
	child := b.focused().KeyMap()
	if b.Typing() {
		return child
	}
	cmp := k.Compare
	if b.ctx.Shortlist.Len() == 0 {
		cmp.SetHelp("c", "compare (shortlist first)")
	}
	// The child has the keys first: its bindings shadow the browser's
	// (esc clears a pane's search before it goes back to the list).
	taken := boundKeys(child)
	free := func(bs ...binding) []binding {
		var out []binding
		for _, x := range bs {
			if !shadowed(x, taken) {
				out = append(out, x)
			}
		}
		return out
	}
	short := child.ShortHelp()
	var own [][]binding
	if b.focus == 0 && b.list.menu != nil {
		// A menu's own keys first: it is what the keys act on.
		short = append(short, free(k.NextPane)...)
		own = append(own, free(k.Open, k.NextPane, k.PrevPane, k.Jump, k.Contacts))
	} else if b.focus == 0 {
		// space first after moving: it is what triage is done with.
		short = append(append(short[:1:1], free(k.Mark)...), short[1:]...)
		short = append(short, free(k.Open, cmp, k.NextPane)...)
		own = append(own, free(k.Open, k.NextPane, k.PrevPane, k.Jump, k.Contacts))
	} else {
		short = append(short, free(k.NextPane, k.Back)...)
		own = append(own, free(k.NextPane, k.PrevPane, k.Jump, k.Back))
	}
	own = append(own, free(k.Mark, cmp))
	return keyMap{short: short, full: append(child.FullHelp(), own...)}
}

func (b *browser) Status() string {
	parts := []string{b.list.Status()}
	if s := b.ctx.triageStatus(); s != "" {
		parts = append(parts, s)
	}
	problems := b.ctx.Corpus.Problems()
	failed, copies := corpus.Failures(problems), len(problems)-corpus.Failures(problems)
	switch {
	case failed > 0 && copies > 0:
		parts = append(parts, b.ctx.Theme.warn.Render(present.Count(failed, "input", "inputs")+" not loaded, "+present.Count(copies, "copy", "copies")+" left out — press !"))
	case failed > 0:
		parts = append(parts, b.ctx.Theme.warn.Render(present.Count(failed, "input", "inputs")+" not loaded — press !"))
	case copies > 0:
		parts = append(parts, b.ctx.Theme.muted.Render(present.Count(copies, "copy", "copies")+" of trials read twice left out — press !"))
	}
	return strings.Join(parts, "  ·  ")
}

func (b *browser) Title() string {
	c := b.ctx.Corpus
	if c.Loading() != nil {
		n := max(c.Len(), b.ctx.loadProgress.Trials)
		return present.Count(n, "trial", "trials") + " so far from " + c.Origin() + " — " + loadingNote(b.ctx.loadProgress) + b.ctx.shortlistCount()
	}
	return present.Count(c.Len(), "trial", "trials") + " from " + c.Origin() + b.ctx.shortlistCount()
}

// loadingNote says how far a load is that the list shows a part of.
func loadingNote(p corpus.Progress) string {
	if p.TotalDocs == 0 {
		return "loading…"
	}
	return fmt.Sprintf("loading, %d%% of %s read", p.Docs*100/p.TotalDocs, present.Count(p.TotalDocs, "document", "documents"))
}

// current is the trial selected in the list, which the panes show too.
func (b *browser) current() (selection, bool) {
	rec := b.list.selected()
	if rec < 0 {
		return selection{}, false
	}
	return b.ctx.selectionOf(rec), true
}

// rows is the list as shown, and its filter in words ("" for none).
func (b *browser) rows() ([]int, string) {
	filter := ""
	if b.list.filter.state != unfiltered {
		filter = plain.Line(present.Clip(b.list.filter.input.Value(), maxCell))
	}
	return b.list.m.All(), filter
}
