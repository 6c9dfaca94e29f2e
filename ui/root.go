package ui

import (
	"os"
	"runtime"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/trials-app/trials/corpus"
	"github.com/trials-app/trials/plain"
	"github.com/trials-app/trials/shortlist"
)

// The smallest terminal the browser lays itself out in.
const (
	minWidth  = 60
	minHeight = 15
)

// Model is the root: the stack of views, the shared context, and the
// routing of every message.
type Model struct {
	ctx     *Context
	stack   []Component // the browser (or the loading screen) at the bottom
	browser *browser
	help    help.Model
	// forcedTheme is set when TRIALS_THEME chose the palette; otherwise
	// it follows the terminal's background.
	forcedTheme bool

	load      *loading  // the load, while it runs
	fatal     error     // a failure that ended the program
	cancelled bool      // the user quit before the load finished
	stoppedBy os.Signal // the signal that ended the program
}

// New makes a browser over a loaded corpus and the user's shortlist; env
// is the environment (TRIALS_THEME, TRIALS_OPENER).
func New(c *corpus.Corpus, list *shortlist.List, env []string) *Model {
	m := newModel(list, env)
	m.setCorpus(c)
	return m
}

func newModel(list *shortlist.List, env []string) *Model {
	m := &Model{ctx: &Context{Shortlist: list, now: time.Now, open: openerFor(runtime.GOOS, env), clipboard: tea.SetClipboard,
		profile: profileState{store: &profileStore{}}}, help: help.New()}
	dark, forced := themeChoice(env)
	m.ctx.Theme, m.forcedTheme = newTheme(dark), forced
	m.help.Styles = m.ctx.Theme.help
	return m
}

func (m *Model) setCorpus(c *corpus.Corpus) {
	m.ctx.Corpus = c
	m.ctx.triage.ids = nil
	m.browser = newBrowser(m.ctx)
	m.ctx.filtered = m.browser.rows
	m.ctx.visible = m.browser.list.visibleRecords
	m.ctx.requery = m.browser.list.requery
	m.stack = []Component{m.browser}
	m.layout()
}

// loading is the load still running, if any: its messages are taken here
// whatever view is on top, so that it goes on once the list is shown.
func (m *Model) loading() *loading {
	if m.load == nil && len(m.stack) > 0 {
		m.load, _ = m.stack[0].(*loading)
	}
	return m.load
}

// showCorpus puts a newer corpus of the same load in place: the first
// part replaces the progress screen; a later one (or the complete corpus)
// keeps the list where it is — selection, scroll, filter (run again over
// the new corpus), the views open over it — as long as it holds the
// previous one's records under the same numbers. When it does not (a
// later copy of a trial replaced one), the views over the list close, as
// they may name records by number, and the selection follows its trial.
// Screening starts again over the new corpus: a verdict is only ever
// worked out from a record the corpus holds.
func (m *Model) showCorpus(c *corpus.Corpus) tea.Cmd {
	if m.browser == nil {
		m.setCorpus(c)
		return tea.Batch(m.follow(), m.ctx.startScreen())
	}
	prev := m.ctx.Corpus
	anchor := ""
	if a := m.browser.list.anchor; a >= 0 && a < prev.Len() {
		anchor = prev.Record(a).ID
	}
	same := c.Extends(prev)
	m.ctx.Corpus = c
	if !same {
		m.stack = m.stack[:1]
		m.browser.shown = -1
		m.browser.list.anchor = -1
		if rec, ok := m.ctx.recordOf(anchor); ok {
			m.browser.list.anchor = rec
		}
		m.layout()
	}
	return tea.Batch(m.browser.list.grew(), m.ctx.startScreen(), m.follow())
}

// follow lets the browser's panes catch up with a new size or corpus.
func (m *Model) follow() tea.Cmd {
	if m.browser == nil {
		return nil
	}
	return m.browser.follow()
}

func (m *Model) top() Component { return m.stack[len(m.stack)-1] }

// Init starts the load, when there is one, and asks the terminal for its
// background colour unless TRIALS_THEME chose the palette.
func (m *Model) Init() tea.Cmd {
	var cmds []tea.Cmd
	if !m.forcedTheme {
		cmds = append(cmds, tea.RequestBackgroundColor)
	}
	if s, ok := m.top().(starter); ok {
		cmds = append(cmds, s.Init())
	}
	return tea.Batch(cmds...)
}

// Update routes a message.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.ctx.Width, m.ctx.Height = msg.Width, msg.Height
		m.layout()
		return m, m.follow()
	case tea.BackgroundColorMsg:
		if !m.forcedTheme {
			m.setTheme(msg.IsDark())
		}
		return m, nil
	case stopMsg:
		m.stoppedBy = msg.sig
		m.commit()
		return m, tea.Quit
	case cancelLoadMsg:
		m.cancelled = true
		return m, tea.Quit
	case loadProgressMsg:
		l := m.loading()
		if l == nil {
			return m, nil
		}
		l.progress = corpus.Progress(msg)
		m.ctx.loadProgress = l.progress
		return m, l.wait()
	case loadPartMsg:
		l := m.loading()
		if l == nil {
			return m, nil
		}
		return m, tea.Batch(m.showCorpus(msg.corpus), l.wait())
	case loadedMsg:
		m.load, m.ctx.loadProgress = nil, corpus.Progress{}
		if msg.err != nil {
			if m.ctx.Corpus == nil && msg.corpus == nil {
				m.fatal = msg.err
			}
			m.cancelled = true
			return m, tea.Quit
		}
		var shown tea.Cmd
		if m.browser == nil {
			m.setCorpus(msg.corpus)
			shown = m.ctx.startScreen()
		} else {
			shown = m.showCorpus(msg.corpus) // parts were shown while it loaded
		}
		if len(msg.corpus.Problems()) > 0 && msg.corpus.Len() == 0 {
			return m, m.push(newProblems(m.ctx, m.browser))
		}
		c := msg.corpus
		// The finder's catalogue, built now rather than on the first i.
		warm := func() tea.Msg { c.Catalog(); return nil }
		return m, tea.Batch(m.follow(), m.ctx.indexIDs(), shown, warm)
	case openMsg:
		return m, m.push(msg.view)
	case closeMsg:
		for i := len(m.stack) - 1; i > 0; i-- {
			if m.stack[i] == msg.view {
				m.stack = append(m.stack[:i:i], m.stack[i+1:]...)
				m.layout()
				break
			}
		}
		return m, nil
	case compareReadyMsg:
		switch {
		case msg.gen != m.ctx.compareGen:
		case msg.err != nil:
			m.ctx.Notify("Cannot compare: " + plain.Line(msg.err.Error()))
		default:
			return m, m.push(newComparison(m.ctx, msg.trials))
		}
		return m, nil
	case savedMsg:
		m.ctx.saved(msg.err)
		return m, nil
	case screenChunkMsg:
		return m, m.ctx.screened(msg)
	case profileSavedMsg:
		m.ctx.profileSaved(msg)
		return m, nil
	case openedMsg:
		m.ctx.openedURL(msg)
		return m, nil
	case exportDoneMsg:
		m.ctx.exported(msg)
		return m, nil
	case citationMsg:
		return m, m.ctx.copyCitationLine(msg)
	case showTrialMsg:
		m.stack = m.stack[:1]
		m.layout()
		return m, m.browser.showRecord(msg.rec)
	case tea.KeyPressMsg:
		return m, m.key(msg)
	case tea.MouseClickMsg:
		if m.tooSmall() || msg.Y < 1 {
			return m, nil
		}
		msg.Y-- // the header line
		cmd, _ := m.top().Update(msg)
		return m, cmd
	case tea.MouseWheelMsg:
		if m.tooSmall() || msg.Y < 1 {
			return m, nil
		}
		msg.Y--
		cmd, _ := m.top().Update(msg)
		return m, cmd
	}
	// Anything else — results of searches and reads, pastes — goes to
	// every view; each takes what is its own (by generation) and ignores
	// the rest.
	var cmds []tea.Cmd
	for _, c := range m.stack {
		cmd, _ := c.Update(msg)
		cmds = append(cmds, cmd)
	}
	return m, tea.Batch(cmds...)
}

// key routes a key: ctrl+c; then a typing view; then the active view;
// then the global keys.
func (m *Model) key(msg tea.KeyPressMsg) tea.Cmd {
	if key.Matches(msg, keyForceQuit) {
		if m.ctx.Corpus == nil {
			m.cancelled = true
		}
		m.commit()
		return tea.Quit
	}
	if m.tooSmall() {
		if key.Matches(msg, keyQuit) {
			m.cancelled = m.ctx.Corpus == nil
			return tea.Quit
		}
		return nil
	}
	m.ctx.notice = ""
	top := m.top()
	if isTyping(top) {
		cmd, _ := top.Update(msg)
		return cmd
	}
	if cmd, handled := top.Update(msg); handled {
		return cmd
	}
	if m.ctx.Corpus == nil {
		return nil
	}
	sel, hasTrial := top.(selecter)
	for _, v := range views {
		if key.Matches(msg, v.key) && (!v.onTrial || hasTrial) {
			if v.whole && m.ctx.Corpus.Loading() != nil {
				m.ctx.Notify("Available once every trial is loaded (" + loadingNote(m.ctx.loadProgress) + ").")
				return nil
			}
			if c := v.open(m.ctx, top); c != nil {
				return m.push(c)
			}
			return nil
		}
	}
	for _, a := range actions {
		if hasTrial && key.Matches(msg, a.key) {
			s, ok := sel.current()
			if !ok {
				m.ctx.Notify("No trial is selected.")
				return nil
			}
			return a.run(m.ctx, s)
		}
	}
	if key.Matches(msg, keyQuit) {
		m.commit()
		return tea.Quit
	}
	return nil
}

// commit keeps what views hold unsaved (a note being written) as the
// program ends; Run saves the shortlist after.
func (m *Model) commit() {
	for _, c := range m.stack {
		if c, ok := c.(committer); ok {
			c.commit()
		}
	}
}

// push opens a view on top.
func (m *Model) push(c Component) tea.Cmd {
	m.stack = append(m.stack, c)
	m.layout()
	if s, ok := c.(starter); ok {
		return s.Init()
	}
	return nil
}

func (m *Model) setTheme(dark bool) {
	if m.ctx.Theme.palette.Dark == dark {
		return
	}
	m.ctx.Theme = newTheme(dark)
	m.help.Styles = m.ctx.Theme.help
	for _, c := range m.stack {
		c.Update(themeMsg{})
	}
}

// layout gives every view the body: the screen less the header, status
// and footer lines.
func (m *Model) layout() {
	if m.ctx.Width == 0 || m.ctx.Height == 0 {
		return
	}
	for _, c := range m.stack {
		c.SetSize(m.ctx.Width, m.bodyHeight())
	}
}

func (m *Model) bodyHeight() int { return max(m.ctx.Height-3, 1) }

func (m *Model) tooSmall() bool { return m.ctx.Width < minWidth || m.ctx.Height < minHeight }

// View renders the screen.
func (m *Model) View() tea.View {
	var v tea.View
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "trials"
	v.SetContent(m.render())
	return v
}

func (m *Model) render() string {
	w := m.ctx.Width
	switch {
	case w == 0:
		return ""
	case m.tooSmall():
		return m.renderTooSmall()
	}
	top := m.top()
	if _, ok := top.(*loading); ok {
		return top.View()
	}
	return lipgloss.JoinVertical(lipgloss.Left, m.renderHeader(top), top.View(), m.renderStatus(top), m.renderFooter(top))
}

func (m *Model) renderHeader(top Component) string {
	th := m.ctx.Theme
	where := ""
	if t, ok := top.(titled); ok {
		where = t.Title()
	}
	profile := ""
	if s := m.ctx.profileSummary(); s != "" {
		// first after the name: the verdicts on screen are this patient's
		profile = th.muted.Render("  ·  ") + th.header.Render(s)
	}
	return fit(" "+th.app.Render("trials")+profile+th.muted.Render("  ·  "+plain.Line(where)), m.ctx.Width)
}

// renderStatus is the status line: a notice, or the view's own text.
func (m *Model) renderStatus(top Component) string {
	th := m.ctx.Theme
	if m.ctx.notice != "" {
		return fit(" "+th.warn.Render(plain.Line(m.ctx.notice)), m.ctx.Width)
	}
	return fit(" "+th.muted.Render(top.Status()), m.ctx.Width)
}

// renderFooter names the keys in effect: the view's, then the global ones.
// "? help" leads and "q quit" ends the line whatever its width, and the
// view's keys fill what is between, as many as fit, then "…".
func (m *Model) renderFooter(top Component) string {
	var lead, tail []binding
	for _, g := range globalBindings(top, false) {
		if g.Help().Key == "?" {
			lead = append(lead, g)
		} else {
			tail = append(tail, g)
		}
	}
	h := m.help
	h.SetWidth(0)
	sep := h.Styles.ShortSeparator.Render(h.ShortSeparator)
	left, right := h.ShortHelpView(lead), h.ShortHelpView(tail)
	room := m.ctx.Width - lipgloss.Width(left) - lipgloss.Width(right) - 2*lipgloss.Width(sep)
	own := top.KeyMap().ShortHelp()
	middle := ""
	// Bubbles' help lets an item overflow when even its ellipsis would not
	// fit; count the room here instead.
	for n := len(own); n > 0; n-- {
		s := h.ShortHelpView(own[:n])
		if n < len(own) {
			s += " " + h.Styles.Ellipsis.Render(h.Ellipsis)
		}
		if lipgloss.Width(s) <= room {
			middle = s
			break
		}
	}
	var parts []string
	for _, p := range []string{left, middle, right} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return fit(strings.Join(parts, sep), m.ctx.Width)
}

// renderTooSmall says so in whatever room there is, down to a few cells.
func (m *Model) renderTooSmall() string {
	w, h := m.ctx.Width, m.ctx.Height
	text := []string{
		"Terminal too small: " + itoa(w) + "×" + itoa(h) + ".",
		"trials needs at least " + itoa(minWidth) + "×" + itoa(minHeight) + ".",
		"",
		"Enlarge the window, or press q to quit.",
	}
	if h < 6 || w < 30 {
		text = []string{itoa(w) + "×" + itoa(h) + " is too small", "(need " + itoa(minWidth) + "×" + itoa(minHeight) + ")", "q quits"}
	}
	var lines []string
	for _, t := range text {
		if t == "" {
			lines = append(lines, "")
			continue
		}
		lines = append(lines, plain.Wrap(t, max(w, 1))...)
	}
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		lines[i] = fitMax(l, w)
	}
	return lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, strings.Join(lines, "\n"))
}
