package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/trials-app/trials/corpus"
	"github.com/trials-app/trials/model"
	"github.com/trials-app/trials/seeds"
	"github.com/trials-app/trials/shortlist"
)

// testEnv fixes the palette, so screens do not depend on the terminal
// the tests run in.
var testEnv = []string{"TRIALS_THEME=dark"}

// seedTrials are the five bundled seeds, as the browser opens them by
// default (read once; no test changes them).
func seedTrials(t testing.TB) []*model.Trial {
	t.Helper()
	seedsOnce.Do(func() {
		c, err := corpus.Load(context.Background(), corpus.Source{FS: seeds.FS}, corpus.Options{})
		if err != nil || len(c.Problems()) > 0 || c.Len() != 5 {
			seedsErr = fmt.Errorf("seeds: %v %v", err, c.Problems())
			return
		}
		for i := range c.Len() {
			tr, _ := c.Kept(i)
			seedsCache = append(seedsCache, tr)
		}
	})
	if seedsErr != nil {
		t.Fatal(seedsErr)
	}
	return slices.Clone(seedsCache)
}

var (
	seedsOnce  sync.Once
	seedsCache []*model.Trial
	seedsErr   error
)

func seedCorpus(t testing.TB) *corpus.Corpus {
	return corpus.FromTrials(seedTrials(t), nil, "the bundled seeds")
}

// newTestModel is a browser over c at w×h, with an empty shortlist of its
// own.
func newTestModel(t testing.TB, c *corpus.Corpus, w, h int) *Model {
	t.Helper()
	return newTestModelIn(t, c, t.TempDir(), w, h)
}

// testToday is the date the tests' clock says.
var testToday = time.Date(2026, 12, 1, 9, 30, 0, 0, time.UTC)

// newTestModelIn is a browser over c at w×h with the shortlist kept in dir,
// a fixed clock, and stubs for the web browser's opener and the clipboard
// (what they were given is in stubsOf).
func newTestModelIn(t testing.TB, c *corpus.Corpus, dir string, w, h int) *Model {
	t.Helper()
	list, err := shortlist.Open(dir) // always a usable list; err is for the user
	m := New(c, list, testEnv)
	m.ctx.opened(err)
	m.ctx.restoreProfile(filepath.Join(dir, "config"), nil)
	send(t, m, runCmd(m.ctx.startScreen())...) // as a load's end does
	st := &stubs{}
	testStubs.Store(m, st)
	m.ctx.now = func() time.Time { return testToday }
	m.ctx.open = opener{name: "stub-opener", run: func(url string) error {
		st.mu.Lock()
		defer st.mu.Unlock()
		st.opened = append(st.opened, url)
		return st.openErr
	}}
	m.ctx.clipboard = func(s string) tea.Cmd {
		st.mu.Lock()
		defer st.mu.Unlock()
		st.copied = append(st.copied, s)
		return nil
	}
	send(t, m, tea.WindowSizeMsg{Width: w, Height: h})
	return m
}

// testList is an empty shortlist in a directory of the test's.
func testList(t testing.TB) *shortlist.List {
	t.Helper()
	l, err := shortlist.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// stubs record what a test model opened and copied.
type stubs struct {
	mu      sync.Mutex
	opened  []string
	copied  []string
	openErr error
}

var testStubs sync.Map // *Model → *stubs

func stubsOf(m *Model) *stubs {
	st, _ := testStubs.Load(m)
	return st.(*stubs)
}

// keyMsg turns a key name into the message the terminal would send.
func keyMsg(k string) tea.KeyPressMsg {
	special := map[string]tea.Key{
		"enter": {Code: tea.KeyEnter}, "esc": {Code: tea.KeyEscape}, "tab": {Code: tea.KeyTab},
		"shift+tab": {Code: tea.KeyTab, Mod: tea.ModShift}, "space": {Code: tea.KeySpace, Text: " "},
		"ctrl+c": {Code: 'c', Mod: tea.ModCtrl}, "up": {Code: tea.KeyUp}, "down": {Code: tea.KeyDown},
		"backspace": {Code: tea.KeyBackspace}, "pgdown": {Code: tea.KeyPgDown}, "pgup": {Code: tea.KeyPgUp},
		"ctrl+k": {Code: 'k', Mod: tea.ModCtrl}, "ctrl+p": {Code: 'p', Mod: tea.ModCtrl}, "ctrl+n": {Code: 'n', Mod: tea.ModCtrl},
		"home": {Code: tea.KeyHome}, "end": {Code: tea.KeyEnd}, "left": {Code: tea.KeyLeft}, "right": {Code: tea.KeyRight},
		"ctrl+x": {Code: 'x', Mod: tea.ModCtrl}, "ctrl+s": {Code: 's', Mod: tea.ModCtrl}, "ctrl+u": {Code: 'u', Mod: tea.ModCtrl},
	}
	if k, ok := special[k]; ok {
		return tea.KeyPressMsg(k)
	}
	r := []rune(k)
	if len(r) != 1 {
		panic("unknown key " + k)
	}
	return tea.KeyPressMsg(tea.Key{Code: r[0], Text: k})
}

// send delivers messages and runs the commands they return, feeding their
// results back as the Bubble Tea runtime would. Nothing here waits on a
// clock: the inputs' cursors do not blink, and no command sleeps. It
// returns whether the program asked to quit.
func send(t testing.TB, m *Model, msgs ...tea.Msg) bool {
	t.Helper()
	quit := false
	queue := append([]tea.Msg{}, msgs...)
	for steps := 0; len(queue) > 0; steps++ {
		if steps > 1000 {
			t.Fatal("runaway message loop")
		}
		msg := queue[0]
		queue = queue[1:]
		if _, ok := msg.(tea.QuitMsg); ok {
			quit = true
			continue
		}
		_, cmd := m.Update(msg)
		queue = append(queue, runCmd(cmd)...)
	}
	return quit
}

// runCmd runs a command and the commands of a batch, in order.
func runCmd(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	if batch, ok := msg.(tea.BatchMsg); ok {
		var out []tea.Msg
		for _, c := range batch {
			out = append(out, runCmd(c)...)
		}
		return out
	}
	if msg == nil {
		return nil
	}
	return []tea.Msg{msg}
}

// press sends keys in order.
func press(t testing.TB, m *Model, keys ...string) bool {
	t.Helper()
	quit := false
	for _, k := range keys {
		quit = send(t, m, keyMsg(k)) || quit
	}
	return quit
}

// typeText types each character of s.
func typeText(t testing.TB, m *Model, s string) {
	t.Helper()
	for _, r := range s {
		if r == ' ' {
			press(t, m, "space")
			continue
		}
		press(t, m, string(r))
	}
}

// screen is what the terminal would show, without styling.
func screen(m *Model) string {
	return ansi.Strip(m.View().Content)
}

// checkGolden compares the screen with the golden file of the test (run
// with -update to rewrite it after reading the change), after checking
// that it fills the terminal exactly.
func checkGolden(t *testing.T, m *Model) {
	t.Helper()
	got := screen(m)
	// Every line must fit the terminal, or it would wrap and break the layout.
	for i, l := range strings.Split(got, "\n") {
		if w := ansi.StringWidth(l); w > m.ctx.Width {
			t.Errorf("line %d is %d columns wide, over %d: %q", i, w, m.ctx.Width, l)
		}
	}
	if n := strings.Count(got, "\n") + 1; n != m.ctx.Height {
		t.Errorf("%d lines, want the terminal's %d", n, m.ctx.Height)
	}
	golden.RequireEqual(t, got)
}

func selectedID(m *Model) string {
	if r := m.browser.list.selected(); r >= 0 {
		return m.ctx.Corpus.Record(r).ID
	}
	return ""
}

func trialByID(t testing.TB, id string) *model.Trial {
	for _, tr := range seedTrials(t) {
		if tr.ID == id {
			return tr
		}
	}
	t.Fatalf("no seed %s", id)
	return nil
}

// topIs reports whether the active view is a T.
func topIs[T Component](m *Model) bool {
	_, ok := m.top().(T)
	return ok
}
