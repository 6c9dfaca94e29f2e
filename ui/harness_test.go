package ui

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/trials-app/trials/loader"
	"github.com/trials-app/trials/model"
	"github.com/trials-app/trials/seeds"
)

var update = flag.Bool("update", false, "rewrite the golden View files")

// seedCorpus is the five bundled seeds, as the browser opens them by default.
func seedCorpus(t testing.TB) *Corpus {
	t.Helper()
	res := loader.LoadFS(context.Background(), loader.Options{}, seeds.FS)
	if len(res.Diagnostics) > 0 || len(res.Trials) != 5 {
		t.Fatalf("seeds: %v", res.Diagnostics)
	}
	return NewCorpus(res.Trials, nil, "the bundled seeds")
}

// newTestModel is a browser over c at w×h.
func newTestModel(t testing.TB, c *Corpus, w, h int) *Model {
	t.Helper()
	m := New(c)
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return m
}

// keyMsg turns a key name into the message the terminal would send.
func keyMsg(k string) tea.KeyPressMsg {
	special := map[string]tea.Key{
		"enter": {Code: tea.KeyEnter}, "esc": {Code: tea.KeyEscape}, "tab": {Code: tea.KeyTab},
		"shift+tab": {Code: tea.KeyTab, Mod: tea.ModShift}, "space": {Code: tea.KeySpace, Text: " "},
		"ctrl+c": {Code: 'c', Mod: tea.ModCtrl}, "up": {Code: tea.KeyUp}, "down": {Code: tea.KeyDown},
		"backspace": {Code: tea.KeyBackspace}, "pgdown": {Code: tea.KeyPgDown},
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
// results back as the Bubble Tea runtime would. Commands that do not answer
// at once (the cursor's blink timer) are left alone. It returns whether the
// program asked to quit.
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

func runCmd(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	select {
	case msg := <-done:
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
	case <-time.After(50 * time.Millisecond):
		return nil // a timer: not part of what a key press does
	}
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

// golden compares the screen with testdata/golden/name.txt; -update
// rewrites the file.
func golden(t *testing.T, m *Model, name string) {
	t.Helper()
	got := screen(m)
	// Every line must fit the terminal, or it would wrap and break the layout.
	for i, l := range strings.Split(got, "\n") {
		if w := ansi.StringWidth(l); w > m.width {
			t.Errorf("%s: line %d is %d columns wide, over %d: %q", name, i, w, m.width, l)
		}
	}
	if n := strings.Count(got, "\n") + 1; n != m.height {
		t.Errorf("%s: %d lines, want the terminal's %d", name, n, m.height)
	}
	path := filepath.Join("testdata", "golden", name+".txt")
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from %s (run with -update after checking):\n--- got\n%s\n--- want\n%s", name, path, got, want)
	}
}

func selectedID(m *Model) string {
	if r := m.list.selected(); r >= 0 {
		return m.corpus.Record(r).ID
	}
	return ""
}

func trialByID(c *Corpus, id string) *model.Trial {
	for i := range c.Len() {
		if c.Record(i).ID == id {
			t, _ := c.Trial(i)
			return t
		}
	}
	return nil
}
