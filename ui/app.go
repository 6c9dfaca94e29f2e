// Package ui is the trials browser: a Bubble Tea program whose root model
// composes the trial list, the detail, arms and eligibility panes, the
// fuzzy filter, the intervention finder, the side-by-side comparison, and
// the help and load-problem overlays.
package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/trials-app/trials/model"
	"github.com/trials-app/trials/plain"
)

// The smallest terminal the browser lays itself out in.
const (
	minWidth  = 60
	minHeight = 15
	// wideWidth is where the list and a detail pane stand side by side.
	wideWidth = 140
)

type view int

const (
	viewMain view = iota
	viewFinder
	viewCompare
	viewHelp
	viewProblems
)

// pane is a part of the main view; 1–4 jump to them.
type pane int

const (
	paneList pane = iota
	paneDetail
	paneArms
	paneEligibility
)

var paneNames = [...]string{"Trials", "Detail", "Arms", "Eligibility"}

type filterState int

const (
	unfiltered filterState = iota
	filtering              // the input has focus: every key types
	filterApplied
)

// Model is the root model.
type Model struct {
	keys  Keys
	th    theme
	help  help.Model
	width int
	// height is the terminal's; the body is what remains after the header
	// and the two footer lines.
	height int

	corpus  *Corpus
	loading *loadingState

	view     view
	helpFor  view // the view whose keys the help shows
	focus    pane
	right    pane // the pane shown beside the list in the wide layout
	list     trialList
	panes    [4]pager // detail, arms, eligibility (index by pane)
	paneRec  int      // the record the panes show
	paneW    int      // the width they were laid out for
	paneErr  string
	filter   filterState
	input    textinput.Model
	filterGn int // generation of the newest filter request
	marks    []int
	message  string // one-line notice in the status bar

	finder  finder
	compare comparison
	overlay pager   // help and problems
	fatal   error   // a failure that ended the program
	pending tea.Cmd // work a handler started, returned with its result
}

// New makes a browser over a loaded corpus.
func New(c *Corpus) *Model {
	m := newModel()
	m.setCorpus(c)
	return m
}

func newModel() *Model {
	in := textinput.New()
	in.Prompt = "/ "
	in.Placeholder = "title, id, condition, intervention, sponsor…"
	m := &Model{keys: DefaultKeys(), th: newTheme(), help: help.New(), input: in, paneRec: -1, right: paneDetail}
	m.finder = newFinder()
	return m
}

func (m *Model) setCorpus(c *Corpus) {
	m.corpus = c
	m.loading = nil
	m.list = newTrialList(c.Len())
	if c.Len() > 0 {
		m.list.anchor = 0
	}
	m.layout()
}

// Init starts loading, when there is something to load.
func (m *Model) Init() tea.Cmd {
	if m.loading != nil {
		return m.loading.start()
	}
	return nil
}

// Update handles a message.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	_, cmd := m.update(msg)
	if m.pending != nil {
		cmd = tea.Batch(cmd, m.pending)
		m.pending = nil
	}
	return m, cmd
}

func (m *Model) update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case trialLoadedMsg:
		if msg.rec == m.paneRec {
			m.showPanes(msg.trial, msg.err)
		}
		return m, nil
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.layout()
		return m, nil
	case loadProgressMsg, loadedMsg:
		return m, m.updateLoading(msg)
	case filterResultMsg:
		if msg.gen == m.filterGn && m.corpus != nil {
			m.list.setRows(msg.rows, msg.terms)
			m.panesFollow()
		}
		return m, nil
	case finderResultMsg:
		m.finder.result(msg)
		return m, nil
	case tea.KeyPressMsg:
		if key.Matches(msg, m.keys.ForceQuit) {
			return m, tea.Quit
		}
		if m.loading != nil {
			if key.Matches(msg, m.keys.Quit, m.keys.Back) {
				return m, tea.Quit
			}
			return m, nil
		}
		if m.tooSmall() {
			if key.Matches(msg, m.keys.Quit) {
				return m, tea.Quit
			}
			return m, nil
		}
		return m, m.updateKey(msg)
	case tea.MouseWheelMsg:
		m.wheel(msg)
		return m, nil
	case tea.MouseClickMsg:
		m.click(msg)
		return m, nil
	}
	// Anything else (cursor blinks, pastes) belongs to the focused input.
	return m, m.updateInputs(msg)
}

func (m *Model) updateInputs(msg tea.Msg) tea.Cmd {
	switch {
	case m.view == viewMain && m.filter == filtering:
		return m.typeFilter(msg)
	case m.view == viewFinder && m.finder.stage == 0:
		return m.finder.typeQuery(msg, m.corpus)
	}
	return nil
}

func (m *Model) updateKey(msg tea.KeyPressMsg) tea.Cmd {
	m.message = ""
	switch m.view {
	case viewHelp, viewProblems:
		return m.keyOverlay(msg)
	case viewFinder:
		return m.keyFinder(msg)
	case viewCompare:
		return m.keyCompare(msg)
	}
	if m.filter == filtering {
		return m.keyFiltering(msg)
	}
	k := m.keys
	switch {
	case key.Matches(msg, k.Quit):
		return tea.Quit
	case key.Matches(msg, k.Help):
		m.openHelp(viewMain)
	case key.Matches(msg, k.Diagnostics):
		m.openProblems()
	case key.Matches(msg, k.Filter):
		m.filter = filtering
		m.focus = paneList
		m.layout()
		return m.input.Focus()
	case key.Matches(msg, k.Finder):
		return m.openFinder()
	case key.Matches(msg, k.Mark):
		m.toggleMark()
	case key.Matches(msg, k.Compare):
		return m.openCompare()
	case key.Matches(msg, k.NextPane):
		m.setFocus((m.focus + 1) % 4)
	case key.Matches(msg, k.PrevPane):
		m.setFocus((m.focus + 3) % 4)
	case key.Matches(msg, k.Pane1):
		m.setFocus(paneList)
	case key.Matches(msg, k.Pane2):
		m.setFocus(paneDetail)
	case key.Matches(msg, k.Pane3):
		m.setFocus(paneArms)
	case key.Matches(msg, k.Pane4):
		m.setFocus(paneEligibility)
	case key.Matches(msg, k.Back):
		switch {
		case m.focus != paneList:
			m.setFocus(paneList)
		case m.filter == filterApplied:
			m.clearFilter()
		case len(m.marks) > 0:
			m.marks = nil
			m.message = "Marks cleared."
		}
	case m.focus == paneList:
		m.keyList(msg)
	default:
		m.keyPane(msg, &m.panes[m.focus])
	}
	return nil
}

func (m *Model) keyList(msg tea.KeyPressMsg) {
	if key.Matches(msg, m.keys.Open) {
		if m.list.selected() >= 0 {
			m.setFocus(m.right)
		}
		return
	}
	if m.navigate(msg, &m.list) {
		m.panesFollow()
	}
}

func (m *Model) keyPane(msg tea.KeyPressMsg, p *pager) { m.navigate(msg, p) }

// scroller is anything the movement keys move: the list's cursor, a
// pager's view.
type scroller interface {
	step(n int)
	toStart()
	toEnd()
	page() int
}

// navigate applies a movement key; it reports whether msg was one.
func (m *Model) navigate(msg tea.KeyPressMsg, s scroller) bool {
	k := m.keys
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
		s.step(-s.page() / 2)
	case key.Matches(msg, k.HalfDown):
		s.step(s.page() / 2)
	case key.Matches(msg, k.Top):
		s.toStart()
	case key.Matches(msg, k.Bottom):
		s.toEnd()
	default:
		return false
	}
	return true
}

// keyFiltering: while the filter has focus every key types; only enter,
// esc, the arrows and ctrl+c do anything else.
func (m *Model) keyFiltering(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	switch {
	case key.Matches(msg, k.Apply):
		m.input.Blur()
		if strings.TrimSpace(m.input.Value()) == "" {
			m.clearFilter()
		} else {
			m.filter = filterApplied
		}
		m.layout()
		return nil
	case key.Matches(msg, k.ClearInput):
		m.clearFilter()
		return nil
	case msg.String() == "up", msg.String() == "ctrl+p":
		m.list.move(-1)
		m.panesFollow()
		return nil
	case msg.String() == "down", msg.String() == "ctrl+n":
		m.list.move(1)
		m.panesFollow()
		return nil
	}
	return m.typeFilter(msg)
}

// typeFilter passes a message to the filter input and, when the text
// changed, asks for new results off the UI goroutine.
func (m *Model) typeFilter(msg tea.Msg) tea.Cmd {
	return retype(&m.input, &m.filterGn, msg, func(gen int, q string) tea.Cmd { return filterCmd(m.corpus, gen, q) })
}

// retype updates a search input and, when its text changed, starts a new
// search tagged with the next generation, so that results for older text
// can be told apart and dropped.
func retype(in *textinput.Model, gen *int, msg tea.Msg, search func(gen int, query string) tea.Cmd) tea.Cmd {
	before := in.Value()
	var cmd tea.Cmd
	*in, cmd = in.Update(msg)
	if in.Value() == before {
		return cmd
	}
	*gen++
	return tea.Batch(cmd, search(*gen, in.Value()))
}

func (m *Model) clearFilter() {
	m.input.Blur()
	m.input.Reset()
	m.filterGn++ // any result still on its way is stale
	m.filter = unfiltered
	m.list.setRows(allRows(m.corpus.Len()), nil)
	m.layout()
	m.panesFollow()
}

// filterResultMsg carries the rows for one filter text.
type filterResultMsg struct {
	gen   int
	rows  []int
	terms []string
}

// filterCmd searches off the UI goroutine. Its result carries gen, so a
// result that arrives after newer typing is dropped.
func filterCmd(c *Corpus, gen int, query string) tea.Cmd {
	return func() tea.Msg {
		res := c.Index.Search(query, searchFields)
		return filterResultMsg{gen: gen, rows: res.Hits, terms: res.Terms}
	}
}

func (m *Model) setFocus(p pane) {
	m.focus = p
	if p != paneList {
		m.right = p
	}
	m.layout()
	m.panesFollow()
}

// toggleMark marks the selected trial for comparison; two at most, the
// oldest giving way.
func (m *Model) toggleMark() {
	rec := m.list.selected()
	if rec < 0 {
		return
	}
	for i, r := range m.marks {
		if r == rec {
			m.marks = append(m.marks[:i], m.marks[i+1:]...)
			m.message = "Unmarked " + m.corpus.Record(rec).ID + "."
			return
		}
	}
	if len(m.marks) == 2 {
		m.message = "Unmarked " + m.corpus.Record(m.marks[0]).ID + " (two marks at most). "
		m.marks = m.marks[1:]
	}
	m.marks = append(m.marks, rec)
	switch len(m.marks) {
	case 1:
		m.message += "Marked " + m.corpus.Record(rec).ID + ": select another trial and press c to compare, or mark a second."
	case 2:
		m.message += "Marked two trials: press c to compare them."
	}
}

// comparePair picks the two trials c compares: the two marked, or the one
// marked and the selected.
func (m *Model) comparePair() (int, int, bool) {
	sel := m.list.selected()
	switch {
	case len(m.marks) == 2:
		return m.marks[0], m.marks[1], true
	case len(m.marks) == 1 && sel >= 0 && sel != m.marks[0]:
		return m.marks[0], sel, true
	}
	return 0, 0, false
}

// layout sizes every part from the terminal size.
func (m *Model) layout() {
	if m.width == 0 || m.height == 0 {
		return
	}
	m.help.SetWidth(m.width)
	bodyH := max(m.height-3, 1)
	listW, paneW := m.columns()
	m.input.SetWidth(max(listW-4, 10))
	m.list.setHeight(bodyH - 1) // the list's title line
	for i := range m.panes {
		m.panes[i].setHeight(bodyH - 1) // the tab line
	}
	if paneW != m.paneW {
		m.paneW = paneW
		m.paneRec = -1 // re-render at the new width
	}
	m.panesFollow()
	m.finder.layout(m.width, bodyH, m.corpus)
	m.compare.layout(m.width, bodyH, m.view == viewCompare, m.th)
	m.overlay.setHeight(bodyH)
	// Help and the problems list are wrapped to the width: lay them out anew.
	if m.view == viewHelp || m.view == viewProblems {
		off, back := m.overlay.offset, m.helpFor
		if m.view == viewHelp {
			m.openHelp(back)
		} else {
			m.openProblems()
			m.helpFor = back
		}
		m.overlay.offset = off
		m.overlay.clamp()
	}
}

// columns gives the width of the list and of the detail pane: side by side
// on wide terminals, each the whole width otherwise.
func (m *Model) columns() (listW, paneW int) {
	if m.width >= wideWidth {
		listW = m.width / 2
		return listW, m.width - listW - 1
	}
	return m.width, m.width
}

func (m *Model) wide() bool { return m.width >= wideWidth }

func (m *Model) tooSmall() bool { return m.width < minWidth || m.height < minHeight }

// panesFollow lays out the panes for the selected trial, when they are on
// screen and not laid out for it yet. A trial not kept in memory is read
// again off the UI goroutine; until it arrives the panes say so.
func (m *Model) panesFollow() {
	if m.corpus == nil || m.width == 0 || (!m.wide() && m.focus == paneList) {
		return
	}
	rec := m.list.selected()
	if rec == m.paneRec {
		return
	}
	m.paneRec = rec
	if rec < 0 {
		m.showPanes(nil, nil)
		return
	}
	if t, err, ok := m.corpus.kept(rec); ok {
		m.showPanes(t, err)
		return
	}
	m.showPanes(nil, nil)
	m.paneErr = "Reading " + m.corpus.Record(rec).ID + " from " + m.corpus.Record(rec).Source.Path + "…"
	c := m.corpus
	m.pending = func() tea.Msg {
		t, err := c.Trial(rec)
		return trialLoadedMsg{rec: rec, trial: t, err: err}
	}
}

// trialLoadedMsg brings a trial read again for the panes.
type trialLoadedMsg struct {
	rec   int
	trial *model.Trial
	err   error
}

// showPanes lays out the detail, arms and eligibility of t.
func (m *Model) showPanes(t *model.Trial, err error) {
	m.paneErr = ""
	for i := range m.panes {
		m.panes[i].offset = 0
		m.panes[i].setLines(nil)
	}
	if err != nil {
		m.paneErr = err.Error()
		return
	}
	if t == nil {
		return
	}
	w := max(m.paneW-1, 20)
	m.panes[paneDetail].setLines(splitLines(paneDetailText(t, w, m.th)))
	m.panes[paneArms].setLines(splitLines(paneArmsText(t, w, m.th)))
	m.panes[paneEligibility].setLines(splitLines(paneEligibilityText(t, w, m.th)))
}

func splitLines(s string) []string { return strings.Split(s, "\n") }

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
	switch {
	case m.width == 0:
		return ""
	case m.tooSmall():
		return m.renderTooSmall()
	case m.loading != nil:
		return m.loading.view(m.width, m.height, m.th)
	}
	var body string
	var km help.KeyMap
	switch m.view {
	case viewFinder:
		body, km = m.finder.view(m.corpus, m.width, m.th), m.keys.finderHelp(m.finder.stage == 1)
	case viewCompare:
		body, km = m.compare.view(m.width), m.keys.compareHelp()
	case viewHelp, viewProblems:
		body, km = m.overlay.view(m.width), m.keys.simpleHelp()
	default:
		body = m.renderMain()
		switch {
		case m.filter == filtering:
			km = m.keys.filterHelp()
		case m.focus == paneList:
			km = m.keys.listHelp(len(m.marks))
		default:
			km = m.keys.paneHelp()
		}
	}
	return lipgloss.JoinVertical(lipgloss.Left, m.renderHeader(), body, m.renderStatus(), fit(m.help.ShortHelpView(km.ShortHelp()), m.width))
}

func (m *Model) renderHeader() string {
	title := m.th.app.Render("trials")
	var where string
	switch m.view {
	case viewFinder:
		where = "intervention finder"
	case viewCompare:
		where = "compare"
	case viewHelp:
		where = "help"
	case viewProblems:
		where = "load problems"
	default:
		where = fmt.Sprintf("%d trials from %s", m.corpus.Len(), m.corpus.Origin)
	}
	return fit(" "+title+m.th.muted.Render("  ·  "+plain.Line(where)), m.width)
}

// renderMain is the list and, beside it or instead of it, a detail pane.
func (m *Model) renderMain() string {
	listW, paneW := m.columns()
	if m.wide() {
		sep := m.th.separator.Render(strings.TrimSuffix(strings.Repeat("│\n", m.list.height+1), "\n"))
		return lipgloss.JoinHorizontal(lipgloss.Top, m.renderList(listW), sep, m.renderPane(m.right, paneW))
	}
	if m.focus == paneList {
		return m.renderList(listW)
	}
	return m.renderPane(m.focus, paneW)
}

func (m *Model) renderList(width int) string {
	var title string
	switch m.filter {
	case filtering:
		title = m.input.View()
	default:
		title = m.tab(paneList, m.focus == paneList)
		if m.filter == filterApplied {
			title += m.th.muted.Render("  filter: ") + m.th.input.Render(plain.Line(m.input.Value())) + m.th.muted.Render("  (esc clears)")
		}
	}
	return fit(title, width) + "\n" + m.list.view(m.corpus, width, m.marks, m.th)
}

// tab is a pane's name in the tab line: "2 Detail", reversed when focused.
func (m *Model) tab(p pane, focused bool) string {
	label := fmt.Sprintf(" %d %s ", int(p)+1, paneNames[p])
	if focused {
		return m.th.tabActive.Render(label)
	}
	return m.th.tab.Render(label)
}

func (m *Model) renderPane(p pane, width int) string {
	var tabs []string
	if !m.wide() {
		tabs = append(tabs, m.tab(paneList, false))
	}
	for _, q := range []pane{paneDetail, paneArms, paneEligibility} {
		tabs = append(tabs, m.tab(q, q == p && m.focus == p))
	}
	title := strings.Join(tabs, "")
	if rec := m.list.selected(); rec >= 0 {
		title += m.th.muted.Render(fmt.Sprintf("  %s  %d%%", m.corpus.Record(rec).ID, m.panes[p].percent()))
	}
	var body string
	switch {
	case m.list.selected() < 0:
		body = m.th.muted.Render(" No trial selected.")
		body = (&pager{lines: []string{body}, height: m.panes[p].height}).view(width)
	case m.paneErr != "":
		body = (&pager{lines: []string{m.th.warn.Render(" " + plain.Line(m.paneErr))}, height: m.panes[p].height}).view(width)
	default:
		body = m.panes[p].view(width)
	}
	return fit(title, width) + "\n" + body
}

// renderStatus is the status bar: counts, marks, the filter, load problems
// — or a one-line notice.
func (m *Model) renderStatus() string {
	if m.message != "" {
		return fit(" "+m.th.warn.Render(m.message), m.width)
	}
	switch m.view {
	case viewCompare:
		return fit(" "+m.th.muted.Render("≠ the two differ  ·  = both have it  ·  · only one has it"), m.width)
	case viewFinder:
		return fit(" "+m.th.muted.Render(fmt.Sprintf("%d distinct interventions across %d trials; names that differ only in case, symbols or spacing are one", m.corpus.Catalog.Len(), m.corpus.Len())), m.width)
	case viewHelp, viewProblems:
		return fit(" "+m.th.muted.Render(fmt.Sprintf("%d%%", m.overlay.percent())), m.width)
	}
	parts := []string{fmt.Sprintf("%d/%d shown", len(m.list.rows), m.corpus.Len())}
	if len(m.marks) > 0 {
		var ids []string
		for _, r := range m.marks {
			ids = append(ids, m.corpus.Record(r).ID)
		}
		parts = append(parts, fmt.Sprintf("marked %s", strings.Join(ids, ", ")))
	}
	switch m.filter {
	case filtering:
		parts = append(parts, "filtering…")
	case filterApplied:
		parts = append(parts, fmt.Sprintf("filter %q", plain.Line(m.input.Value())))
	}
	if n := len(m.corpus.Problems); n > 0 {
		parts = append(parts, m.th.warn.Render(fmt.Sprintf("%d input(s) not loaded — press !", n)))
	}
	return fit(" "+m.th.muted.Render(strings.Join(parts, "  ·  ")), m.width)
}

func (m *Model) renderTooSmall() string {
	msg := fmt.Sprintf("Terminal too small: %d×%d.\ntrials needs at least %d×%d.\n\nEnlarge the window, or press q to quit.", m.width, m.height, minWidth, minHeight)
	return lipgloss.Place(m.width, m.height, lipgloss.Center, lipgloss.Center, msg)
}
