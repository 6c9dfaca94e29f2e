package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/trials-app/trials/model"
)

func TestListNavigation(t *testing.T) {
	tests := []struct {
		keys []string
		want string
	}{
		{nil, "NCT05033522"},
		{[]string{"j"}, "NCT05168163"},
		{[]string{"down", "down"}, "NCT05233358"},
		{[]string{"G"}, "CC-B505B9C8"},
		{[]string{"G", "k"}, "NCT05962450"},
		{[]string{"G", "g"}, "NCT05033522"},
		{[]string{"k"}, "NCT05033522"}, // stays at the top
		{[]string{"j", "j", "j", "j", "j", "j"}, "CC-B505B9C8"},
	}
	for _, tt := range tests {
		m := newTestModel(t, seedCorpus(t), 80, 24)
		press(t, m, tt.keys...)
		if got := selectedID(m); got != tt.want {
			t.Errorf("%v: selected %s, want %s", tt.keys, got, tt.want)
		}
	}
}

func TestPaneSwitching(t *testing.T) {
	tests := []struct {
		keys []string
		want pane
	}{
		{[]string{"tab"}, paneDetail},
		{[]string{"tab", "tab"}, paneArms},
		{[]string{"tab", "tab", "tab", "tab"}, paneList},
		{[]string{"shift+tab"}, paneEligibility},
		{[]string{"3"}, paneArms},
		{[]string{"4", "1"}, paneList},
		{[]string{"2", "esc"}, paneList},
		{[]string{"enter"}, paneDetail},
	}
	for _, tt := range tests {
		m := newTestModel(t, seedCorpus(t), 80, 24)
		press(t, m, tt.keys...)
		if m.focus != tt.want {
			t.Errorf("%v: focus %s, want %s", tt.keys, paneNames[m.focus], paneNames[tt.want])
		}
	}
}

func TestPaneShowsTheSelectedTrial(t *testing.T) {
	m := newTestModel(t, seedCorpus(t), 80, 24)
	press(t, m, "j", "j", "j", "4")
	if s := screen(m); !strings.Contains(s, "Ages                 18 Years to 75 Years") || !strings.Contains(s, "Inclusion criteria (6)") {
		t.Errorf("eligibility of NCT05962450:\n%s", s)
	}
	press(t, m, "3")
	if s := screen(m); !strings.Contains(s, "Biological: iNKT Cells") || !strings.Contains(s, "Other names: Vα24+ T Cells") {
		t.Errorf("arms of NCT05962450:\n%s", s)
	}
	// Scrolling a pane and going back keeps the list where it was.
	press(t, m, "G", "esc")
	if selectedID(m) != "NCT05962450" || m.focus != paneList {
		t.Errorf("back to the list: %s, focus %s", selectedID(m), paneNames[m.focus])
	}
}

func TestFilterTypingAndKeys(t *testing.T) {
	m := newTestModel(t, seedCorpus(t), 80, 24)
	press(t, m, "/")
	if m.filter != filtering {
		t.Fatal("/ should start filtering")
	}
	// While the filter has focus every letter types: q, j, ? and 1 included.
	if quit := press(t, m, "q", "j", "?", "1"); quit {
		t.Fatal("q quit while typing in the filter")
	}
	if got := m.input.Value(); got != "qj?1" {
		t.Errorf("input %q, want qj?1", got)
	}
	if m.view != viewMain || m.focus != paneList {
		t.Error("typed keys fired global keys")
	}
	if len(m.list.rows) != 0 {
		t.Errorf("%d rows match qj?1", len(m.list.rows))
	}
	for range 4 {
		press(t, m, "backspace")
	}
	typeText(t, m, "lenvatinib")
	if got := ids(m); got != "NCT05033522 NCT05168163" {
		t.Errorf("lenvatinib → %s", got)
	}
	press(t, m, "enter")
	if m.filter != filterApplied || m.focus != paneList {
		t.Errorf("enter: state %d focus %s", m.filter, paneNames[m.focus])
	}
	if !strings.Contains(screen(m), `filter "lenvatinib"`) {
		t.Error("the status bar should show the applied filter")
	}
	// With the filter applied, keys are global again.
	press(t, m, "j")
	if selectedID(m) != "NCT05168163" {
		t.Errorf("j after enter: %s", selectedID(m))
	}
	press(t, m, "esc")
	if m.filter != unfiltered || len(m.list.rows) != 5 {
		t.Errorf("esc: state %d, %d rows", m.filter, len(m.list.rows))
	}
	if selectedID(m) != "NCT05168163" {
		t.Errorf("the selection should survive clearing the filter: %s", selectedID(m))
	}
}

func TestFilterEscClearsWhileTyping(t *testing.T) {
	m := newTestModel(t, seedCorpus(t), 80, 24)
	press(t, m, "/")
	typeText(t, m, "regorafenib")
	press(t, m, "esc")
	if m.filter != unfiltered || m.input.Value() != "" || len(m.list.rows) != 5 {
		t.Errorf("esc while typing: state %d value %q rows %d", m.filter, m.input.Value(), len(m.list.rows))
	}
}

func TestSelectionSurvivesFiltering(t *testing.T) {
	m := newTestModel(t, seedCorpus(t), 80, 24)
	press(t, m, "j") // NCT05168163 (uses lenvatinib)
	press(t, m, "/")
	typeText(t, m, "lenvatinib")
	if selectedID(m) != "NCT05168163" {
		t.Errorf("selected %s while filtering; the selected trial matches, so it stays selected", selectedID(m))
	}
	// A filter that hides the selected trial moves the cursor, and clearing
	// it brings the selection back.
	m2 := newTestModel(t, seedCorpus(t), 80, 24)
	press(t, m2, "G") // the ClinConnect trial
	press(t, m2, "/")
	typeText(t, m2, "regorafenib")
	press(t, m2, "esc")
	if selectedID(m2) != "CC-B505B9C8" {
		t.Errorf("after clearing: %s", selectedID(m2))
	}
}

// TestStaleFilterResultsAreDropped: a result computed for older text,
// arriving after newer typing, must not replace the newer rows.
func TestStaleFilterResultsAreDropped(t *testing.T) {
	m := newTestModel(t, seedCorpus(t), 80, 24)
	press(t, m, "/")
	_, cmdOld := m.Update(keyMsg("l"))
	typeText(t, m, "iver") // "liver"
	want := ids(m)
	for _, msg := range runCmd(cmdOld) { // the result for "l", late
		send(t, m, msg)
	}
	if got := ids(m); got != want {
		t.Errorf("a stale result replaced the rows: %s, want %s", got, want)
	}
}

func TestMarksAndCompare(t *testing.T) {
	m := newTestModel(t, seedCorpus(t), 80, 24)
	press(t, m, "c")
	if m.view != viewMain || !strings.Contains(screen(m), "Mark a trial with space") {
		t.Error("c with nothing marked should explain")
	}
	press(t, m, "space", "j", "c") // the marked and the selected
	if m.view != viewCompare || m.compare.a.ID != "NCT05033522" || m.compare.b.ID != "NCT05168163" {
		t.Fatalf("compare: view %d", m.view)
	}
	press(t, m, "s")
	if m.compare.a.ID != "NCT05168163" || !strings.Contains(screen(m), "NCT05168163  ⇄  NCT05033522") {
		t.Error("s should swap the sides")
	}
	press(t, m, "pgdown", "esc")
	if m.view != viewMain || len(m.marks) != 1 {
		t.Errorf("esc returns with the marks kept: view %d marks %v", m.view, m.marks)
	}
	// Two marks: c compares them whatever is selected.
	press(t, m, "space", "G", "c")
	if m.compare.a.ID != "NCT05033522" || m.compare.b.ID != "NCT05168163" {
		t.Errorf("two marks: %s vs %s", m.compare.a.ID, m.compare.b.ID)
	}
	press(t, m, "esc")
	// A third mark lets the oldest go.
	press(t, m, "space")
	if len(m.marks) != 2 || m.marks[1] != m.list.selected() {
		t.Errorf("marks %v", m.marks)
	}
	// space on a marked trial unmarks it.
	press(t, m, "space")
	if len(m.marks) != 1 {
		t.Errorf("unmark: %v", m.marks)
	}
}

func TestInterventionFinder(t *testing.T) {
	m := newTestModel(t, seedCorpus(t), 80, 24)
	press(t, m, "i")
	if m.view != viewFinder {
		t.Fatal("i should open the finder")
	}
	// Letters type here too, q included.
	typeText(t, m, "levantinib")
	if m.finder.input.Value() != "levantinib" {
		t.Fatalf("input %q", m.finder.input.Value())
	}
	if len(m.finder.hits) == 0 || m.corpus.Catalog.Entry(m.finder.hits[0].Entry).Name != "Lenvatinib" {
		t.Fatalf("levantinib → %v", m.finder.hits)
	}
	press(t, m, "enter")
	if m.finder.stage != 1 || !strings.Contains(screen(m), "given in: Physician's Choice") {
		t.Errorf("trials using lenvatinib:\n%s", screen(m))
	}
	press(t, m, "j", "enter")
	if m.view != viewMain || selectedID(m) != "NCT05168163" || m.focus != paneDetail {
		t.Errorf("open trial: view %d selected %s focus %s", m.view, selectedID(m), paneNames[m.focus])
	}
	// Back in the finder, esc steps back: results, then the query, then out.
	press(t, m, "i", "enter", "esc")
	if m.finder.stage != 0 {
		t.Error("esc from the trials list returns to the search")
	}
	press(t, m, "esc")
	if m.finder.input.Value() != "" || m.view != viewFinder {
		t.Error("esc clears the query first")
	}
	press(t, m, "esc")
	if m.view != viewMain {
		t.Error("esc on an empty query closes the finder")
	}
}

func TestFinderOpensATrialTheFilterHides(t *testing.T) {
	m := newTestModel(t, seedCorpus(t), 80, 24)
	press(t, m, "/")
	typeText(t, m, "alloStim")
	press(t, m, "enter", "i")
	typeText(t, m, "regorafenib")
	press(t, m, "enter", "enter")
	if m.filter != unfiltered || selectedID(m) != "NCT05233358" {
		t.Errorf("filter %d selected %s", m.filter, selectedID(m))
	}
}

func TestHelpAndQuit(t *testing.T) {
	m := newTestModel(t, seedCorpus(t), 80, 24)
	press(t, m, "?")
	if m.view != viewHelp || !strings.Contains(screen(m), "interventions") {
		t.Fatalf("help:\n%s", screen(m))
	}
	press(t, m, "?")
	if m.view != viewMain {
		t.Error("? closes help")
	}
	if !press(t, m, "q") {
		t.Error("q should quit from the list")
	}
	m2 := newTestModel(t, seedCorpus(t), 80, 24)
	press(t, m2, "/")
	if !press(t, m2, "ctrl+c") {
		t.Error("ctrl+c always quits, even while typing")
	}
}

func TestProblemsList(t *testing.T) {
	c := seedCorpus(t)
	c.Problems = []Problem{{Path: "data/empty.txt", Reason: "empty file"}, {Path: "data/x.bin", Reason: "binary data, not a text document"}}
	m := newTestModel(t, c, 80, 24)
	if !strings.Contains(screen(m), "2 input(s) not loaded — press !") {
		t.Errorf("status bar:\n%s", screen(m))
	}
	press(t, m, "!")
	s := screen(m)
	if m.view != viewProblems || !strings.Contains(s, "data/empty.txt") || !strings.Contains(s, "binary data") {
		t.Errorf("problems:\n%s", s)
	}
	press(t, m, "esc")
	if m.view != viewMain {
		t.Error("esc closes the problems list")
	}
}

func TestResizeAndTooSmall(t *testing.T) {
	m := newTestModel(t, seedCorpus(t), 80, 24)
	send(t, m, tea.WindowSizeMsg{Width: 50, Height: 12})
	if s := screen(m); !strings.Contains(s, "Terminal too small") {
		t.Errorf("50×12:\n%s", s)
	}
	press(t, m, "j") // ignored, no panic
	send(t, m, tea.WindowSizeMsg{Width: 200, Height: 60})
	if !m.wide() || !strings.Contains(screen(m), "2 Detail") {
		t.Error("200×60 should show the list and the detail side by side")
	}
	if quit := press(t, m, "q"); !quit {
		t.Error("q")
	}
}

func TestMouse(t *testing.T) {
	m := newTestModel(t, seedCorpus(t), 200, 60)
	// A click on the fourth row (header, list title, then rows).
	send(t, m, tea.MouseClickMsg{X: 10, Y: 5, Button: tea.MouseLeft})
	if selectedID(m) != "NCT05962450" {
		t.Errorf("click selected %s", selectedID(m))
	}
	// The wheel over the detail pane scrolls it, not the list.
	send(t, m, tea.MouseWheelMsg{X: 150, Y: 20, Button: tea.MouseWheelDown})
	if m.panes[paneDetail].offset != wheelStep || selectedID(m) != "NCT05962450" {
		t.Errorf("wheel: offset %d selected %s", m.panes[paneDetail].offset, selectedID(m))
	}
	// A click on the pane focuses it.
	send(t, m, tea.MouseClickMsg{X: 150, Y: 20, Button: tea.MouseLeft})
	if m.focus != paneDetail {
		t.Error("click on the pane should focus it")
	}
}

func ids(m *Model) string {
	var out []string
	for _, r := range m.list.rows {
		out = append(out, m.corpus.Record(r).ID)
	}
	return strings.Join(out, " ")
}

// manyUses is a corpus of n trials that all give "Placebo".
func manyUses(n int) *Corpus {
	var trials []*model.Trial
	for i := range n {
		t := &model.Trial{ID: fmt.Sprintf("NCT%08d", i), NCTID: fmt.Sprintf("NCT%08d", i), Title: fmt.Sprintf("Trial number %d", i),
			Arms:          []model.Arm{{Label: "Placebo arm with a rather long label to wrap", Interventions: []string{"Placebo"}}},
			Interventions: []model.Intervention{{Name: "Placebo", Arms: []string{"Placebo arm with a rather long label to wrap"}}}}
		t.Canonicalize()
		trials = append(trials, t)
	}
	return NewCorpus(trials, nil, "test")
}

func TestFinderScrollsToTheLastTrialAndSurvivesResize(t *testing.T) {
	m := newTestModel(t, manyUses(400), 80, 24)
	press(t, m, "i")
	typeText(t, m, "placebo")
	press(t, m, "enter", "G")
	if m.finder.ucur != 399 || !strings.Contains(screen(m), "NCT00000399") {
		t.Fatalf("G: cursor %d\n%s", m.finder.ucur, screen(m))
	}
	press(t, m, "k", "k")
	send(t, m, tea.WindowSizeMsg{Width: 60, Height: 15})
	if s := screen(m); !strings.Contains(s, "NCT00000397") || !strings.Contains(s, "▌") {
		t.Errorf("after a resize the chosen trial must stay on screen:\n%s", s)
	}
}

// TestCompareOfAnUnreadableTrial: a trial that cannot be read again (a large
// corpus whose file was removed) gives a message, and nothing breaks after.
func TestCompareOfAnUnreadableTrial(t *testing.T) {
	c := seedCorpus(t)
	c.whole = nil
	c.reload = func(src model.Source) (*model.Trial, error) { return nil, fmt.Errorf("%s: file vanished", src.Path) }
	m := newTestModel(t, c, 200, 60)
	press(t, m, "space", "j", "c")
	if m.view != viewMain || !strings.Contains(screen(m), "Cannot compare") {
		t.Fatalf("view %d\n%s", m.view, screen(m))
	}
	press(t, m, "tab", "1", "/", "esc")
	send(t, m, tea.WindowSizeMsg{Width: 90, Height: 30})
	if !strings.Contains(screen(m), "file vanished") && !strings.Contains(screen(m), "Trials") {
		t.Errorf("screen after the failure:\n%s", screen(m))
	}
}

// TestPanesOfALargeCorpusLoadOffTheUIGoroutine: when trials are not kept
// whole, the panes ask for the trial in a command; a result for a trial no
// longer selected is dropped.
func TestPanesOfALargeCorpusLoadOffTheUIGoroutine(t *testing.T) {
	c := seedCorpus(t)
	whole := c.whole
	c.whole = nil
	c.reload = func(src model.Source) (*model.Trial, error) {
		for _, tr := range whole {
			if tr.Source == src {
				return tr, nil
			}
		}
		return nil, fmt.Errorf("not found")
	}
	m := newTestModel(t, c, 200, 60)
	_, cmd := m.Update(keyMsg("j")) // NCT05168163; the load is a command
	if !strings.Contains(screen(m), "Reading NCT05168163") {
		t.Errorf("while reading, the pane should say so:\n%s", screen(m))
	}
	stale := runCmd(cmd)
	press(t, m, "j") // NCT05233358, loaded by the harness
	if !strings.Contains(screen(m), "HAIC Combined") {
		t.Fatalf("panes after the load:\n%s", screen(m))
	}
	for _, msg := range stale {
		send(t, m, msg)
	}
	if detail := strings.Join(m.panes[paneDetail].lines, "\n"); strings.Contains(detail, "Atezolizumab in Combination") || !strings.Contains(detail, "HAIC Combined") {
		t.Error("a stale load replaced the selected trial's panes")
	}
}
