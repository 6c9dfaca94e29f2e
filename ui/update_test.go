package ui

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/trials-app/trials/corpus"
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
		{[]string{"end"}, "CC-B505B9C8"},
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
		want int // 0 the list, 1 Detail, 2 Arms, 3 Eligibility
	}{
		{[]string{"tab"}, 1},
		{[]string{"tab", "tab"}, 2},
		{[]string{"tab", "tab", "tab", "tab"}, 0},
		{[]string{"shift+tab"}, 3},
		{[]string{"3"}, 2},
		{[]string{"4", "1"}, 0},
		{[]string{"2", "esc"}, 0},
		{[]string{"enter"}, 1},
		// enter opens the Detail pane, not the pane used last.
		{[]string{"4", "1", "enter"}, 1},
	}
	for _, tt := range tests {
		m := newTestModel(t, seedCorpus(t), 80, 24)
		press(t, m, tt.keys...)
		if m.browser.focus != tt.want {
			t.Errorf("%v: focus %d, want %d", tt.keys, m.browser.focus, tt.want)
		}
	}
}

func TestPaneShowsTheSelectedTrial(t *testing.T) {
	m := newTestModel(t, seedCorpus(t), 80, 24)
	press(t, m, "j", "j", "j", "4")
	if s := screen(m); !strings.Contains(s, "Ages                 18 Years to 75 Years") || !strings.Contains(s, "eGFR             ≥ 60 mL/min/1.73 m²  exclusion") {
		t.Errorf("eligibility of NCT05962450:\n%s", s)
	}
	press(t, m, "pgdown")
	if s := screen(m); !strings.Contains(s, "Inclusion criteria (6)") {
		t.Errorf("eligibility of NCT05962450, the criteria under the requirements:\n%s", s)
	}
	press(t, m, "g")
	press(t, m, "3")
	if s := screen(m); !strings.Contains(s, "Biological: iNKT Cells") || !strings.Contains(s, "Other names: Vα24+ T Cells") {
		t.Errorf("arms of NCT05962450:\n%s", s)
	}
	// Scrolling a pane and going back keeps the list where it was.
	press(t, m, "G", "esc")
	if selectedID(m) != "NCT05962450" || m.browser.focus != 0 {
		t.Errorf("back to the list: %s, focus %d", selectedID(m), m.browser.focus)
	}
}

func TestFilterTypingAndKeys(t *testing.T) {
	m := newTestModel(t, seedCorpus(t), 80, 24)
	f := m.browser.list.filter
	press(t, m, "/")
	if f.state != filtering {
		t.Fatal("/ should start filtering")
	}
	// While the filter has focus every letter types: q, j, ?, ! and 1 included.
	if quit := press(t, m, "q", "j", "?", "!", "1"); quit {
		t.Fatal("q quit while typing in the filter")
	}
	if got := f.input.Value(); got != "qj?!1" {
		t.Errorf("input %q, want qj?!1", got)
	}
	if len(m.stack) != 1 || m.browser.focus != 0 {
		t.Error("typed keys fired global keys")
	}
	if m.browser.list.len() != 0 {
		t.Errorf("%d rows match qj?!1", m.browser.list.len())
	}
	for range 5 {
		press(t, m, "backspace")
	}
	typeText(t, m, "lenvatinib")
	if got := ids(m); got != "NCT05033522 NCT05168163" {
		t.Errorf("lenvatinib → %s", got)
	}
	press(t, m, "enter")
	if f.state != filterApplied || m.browser.focus != 0 {
		t.Errorf("enter: state %d focus %d", f.state, m.browser.focus)
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
	if f.state != unfiltered || m.browser.list.len() != 5 {
		t.Errorf("esc: state %d, %d rows", f.state, m.browser.list.len())
	}
	if selectedID(m) != "NCT05168163" {
		t.Errorf("the selection should survive clearing the filter: %s", selectedID(m))
	}
}

// TestFilterKeysDoWhatHelpSays: the keys the filter's help names move the
// cursor; ctrl+k, which the help once listed as "up" while it deleted the
// query, is the input's own (delete to the end) and named nowhere.
func TestFilterKeysDoWhatHelpSays(t *testing.T) {
	m := newTestModel(t, seedCorpus(t), 80, 24)
	press(t, m, "/")
	typeText(t, m, "hcc")
	before := selectedID(m)
	press(t, m, "ctrl+n")
	if selectedID(m) == before {
		t.Error("ctrl+n should move down while filtering")
	}
	press(t, m, "ctrl+p")
	if selectedID(m) != before {
		t.Error("ctrl+p should move up while filtering")
	}
	if strings.Contains(screen(m), "ctrl+k") {
		t.Error("the footer names ctrl+k")
	}
}

func TestFilterEscClearsWhileTyping(t *testing.T) {
	m := newTestModel(t, seedCorpus(t), 80, 24)
	f := m.browser.list.filter
	press(t, m, "/")
	typeText(t, m, "regorafenib")
	press(t, m, "esc")
	if f.state != unfiltered || f.input.Value() != "" || m.browser.list.len() != 5 {
		t.Errorf("esc while typing: state %d value %q rows %d", f.state, f.input.Value(), m.browser.list.len())
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
	late := runCmd(cmdOld) // the result for "l", late
	if len(late) == 0 {
		t.Fatal("typing l asked for no search")
	}
	for _, msg := range late {
		send(t, m, msg)
	}
	if got := ids(m); got != want {
		t.Errorf("a stale result replaced the rows: %s, want %s", got, want)
	}
}

func TestShortlistAndCompare(t *testing.T) {
	m := newTestModel(t, seedCorpus(t), 80, 24)
	press(t, m, "c")
	if !topIs[*browser](m) || !strings.Contains(screen(m), "Shortlist a trial with space") {
		t.Error("c with nothing shortlisted should explain")
	}
	press(t, m, "space", "j", "c") // the shortlisted and the selected
	cmp, ok := m.top().(*comparison)
	if !ok || cmp.trials[0].ID != "NCT05033522" || cmp.trials[1].ID != "NCT05168163" {
		t.Fatalf("compare: %T", m.top())
	}
	press(t, m, "s")
	if cmp.trials[0].ID != "NCT05168163" || !strings.Contains(screen(m), "NCT05168163  ⇄  NCT05033522") {
		t.Error("s should swap the sides")
	}
	press(t, m, "pgdown", "esc")
	if !topIs[*browser](m) || m.ctx.Shortlist.Len() != 1 {
		t.Errorf("esc returns with the shortlist kept: %T, %d shortlisted", m.top(), m.ctx.Shortlist.Len())
	}
	// Two shortlisted: c compares them whatever is selected.
	press(t, m, "space", "G", "c")
	cmp = m.top().(*comparison)
	if cmp.trials[0].ID != "NCT05033522" || cmp.trials[1].ID != "NCT05168163" {
		t.Errorf("two shortlisted: %s vs %s", cmp.trials[0].ID, cmp.trials[1].ID)
	}
	press(t, m, "esc")
	// Any number can be shortlisted; c takes the two most recent.
	press(t, m, "space")
	if m.ctx.Shortlist.Len() != 3 || !strings.Contains(screen(m), "★ 3 shortlisted") {
		t.Errorf("three shortlisted: %d\n%s", m.ctx.Shortlist.Len(), screen(m))
	}
	press(t, m, "c")
	cmp = m.top().(*comparison)
	if cmp.trials[0].ID != "NCT05168163" || cmp.trials[1].ID != "CC-B505B9C8" {
		t.Errorf("the two most recent: %s vs %s", cmp.trials[0].ID, cmp.trials[1].ID)
	}
	press(t, m, "esc")
	// space on a shortlisted trial takes it off.
	press(t, m, "space")
	if m.ctx.Shortlist.Len() != 2 || m.ctx.Shortlist.Has("CC-B505B9C8") || !strings.Contains(screen(m), "off the shortlist") {
		t.Errorf("off: %v", m.ctx.Shortlist.IDs())
	}
	// The list marks the shortlisted rows with ★, not with colour alone.
	rows := strings.Split(screen(m), "\n")
	for _, id := range []string{"NCT05033522", "NCT05168163"} {
		for _, r := range rows {
			if strings.Contains(r, id) && !strings.HasPrefix(r, " ★") && !strings.HasPrefix(r, "▌★") {
				t.Errorf("the row of %s has no ★: %q", id, r)
			}
		}
	}
}

func TestInterventionFinder(t *testing.T) {
	m := newTestModel(t, seedCorpus(t), 80, 24)
	press(t, m, "i")
	f, ok := m.top().(*finder)
	if !ok {
		t.Fatal("i should open the finder")
	}
	// Letters type here too, q included.
	typeText(t, m, "levantinib")
	if f.input.Value() != "levantinib" {
		t.Fatalf("input %q", f.input.Value())
	}
	if len(f.hits) == 0 || m.ctx.Corpus.Catalog().Entry(f.hits[0].Entry).Name != "Lenvatinib" {
		t.Fatalf("levantinib → %v", f.hits)
	}
	press(t, m, "enter")
	if f.stage != 1 || !strings.Contains(screen(m), "given in: Physician's Choice") {
		t.Errorf("trials using lenvatinib:\n%s", screen(m))
	}
	press(t, m, "j", "enter")
	if !topIs[*browser](m) || selectedID(m) != "NCT05168163" || m.browser.focus != 1 {
		t.Errorf("open trial: %T selected %s focus %d", m.top(), selectedID(m), m.browser.focus)
	}
	// Back in the finder, esc steps back: results, then the query, then out.
	press(t, m, "i")
	f = m.top().(*finder)
	typeText(t, m, "lenv")
	press(t, m, "enter", "esc")
	if f.stage != 0 {
		t.Error("esc from the trials list returns to the search")
	}
	press(t, m, "esc")
	if f.input.Value() != "" || !topIs[*finder](m) {
		t.Error("esc clears the query first")
	}
	press(t, m, "esc")
	if !topIs[*browser](m) {
		t.Error("esc on an empty query closes the finder")
	}
}

// TestFinderDoesNotActOnStaleHits: i, a letter and enter pressed before the
// search for the letter answers open the fresh first hit, not the one
// shown before.
func TestFinderDoesNotActOnStaleHits(t *testing.T) {
	m := newTestModel(t, seedCorpus(t), 80, 24)
	press(t, m, "i")
	f := m.top().(*finder)
	_, search := m.Update(keyMsg("r")) // regorafenib; its search has not run
	_, enter := m.Update(keyMsg("enter"))
	if f.stage != 0 {
		t.Fatal("enter acted on the hits for the empty query")
	}
	for _, cmd := range []tea.Cmd{search, enter} {
		for _, msg := range runCmd(cmd) {
			send(t, m, msg)
		}
	}
	if f.stage != 1 || !strings.HasPrefix(strings.ToLower(m.ctx.Corpus.Catalog().Entry(f.entry).Name), "r") {
		t.Errorf("after the fresh hits: stage %d, entry %q", f.stage, m.ctx.Corpus.Catalog().Entry(f.entry).Name)
	}
}

func TestFinderOpensATrialTheFilterHides(t *testing.T) {
	m := newTestModel(t, seedCorpus(t), 80, 24)
	press(t, m, "/")
	typeText(t, m, "alloStim")
	press(t, m, "enter", "i")
	typeText(t, m, "regorafenib")
	press(t, m, "enter", "enter")
	if m.browser.list.filter.state != unfiltered || selectedID(m) != "NCT05233358" {
		t.Errorf("filter %d selected %s", m.browser.list.filter.state, selectedID(m))
	}
}

func TestHelpAndQuit(t *testing.T) {
	m := newTestModel(t, seedCorpus(t), 80, 24)
	press(t, m, "?")
	if topTitle(m) != "help" || !strings.Contains(screen(m), "interventions") {
		t.Fatalf("help:\n%s", screen(m))
	}
	// q on an overlay closes it, and the footer says so.
	if s := screen(m); strings.Contains(lastLine(s), "q quit") || !strings.Contains(lastLine(s), "close help") {
		t.Errorf("help footer: %q", lastLine(s))
	}
	if press(t, m, "q") || !topIs[*browser](m) {
		t.Error("q closes help, it does not quit")
	}
	press(t, m, "?", "?")
	if !topIs[*browser](m) {
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

// TestFooterKeepsHelpAndQuit: the footer is cut in the middle, never
// before "? help" or "q quit".
func TestFooterKeepsHelpAndQuit(t *testing.T) {
	for _, w := range []int{60, 80, 120, 200} {
		m := newTestModel(t, seedCorpus(t), w, 24)
		footer := lastLine(screen(m))
		if !strings.HasPrefix(footer, "? help") || !strings.HasSuffix(strings.TrimRight(footer, " "), "q quit") {
			t.Errorf("%d columns: footer %q", w, footer)
		}
	}
}

func TestProblemsList(t *testing.T) {
	c := corpus.FromTrials(seedTrials(t), []corpus.Problem{{Path: "data/empty.txt", Reason: "empty file"}, {Path: "data/x.bin", Reason: "binary data, not a text document"}}, "data")
	m := newTestModel(t, c, 80, 24)
	if !strings.Contains(screen(m), "2 inputs not loaded — press !") {
		t.Errorf("status bar:\n%s", screen(m))
	}
	press(t, m, "!")
	s := screen(m)
	if topTitle(m) != "load problems" || !strings.Contains(s, "data/empty.txt") || !strings.Contains(s, "binary data") {
		t.Errorf("problems:\n%s", s)
	}
	press(t, m, "esc")
	if !topIs[*browser](m) {
		t.Error("esc closes the problems list")
	}
}

// TestProblemsListCopies: copies of a trial left out (issue 10 §5) are
// listed under their own heading and are not counted as inputs that
// failed.
func TestProblemsListCopies(t *testing.T) {
	c := corpus.FromTrials(seedTrials(t), []corpus.Problem{{Path: "b/NCT05033522.json", Reason: "NCT05033522 is also in a/page.json: that copy is kept", Duplicate: true}}, "data")
	m := newTestModel(t, c, 80, 24)
	if s := screen(m); !strings.Contains(s, "1 copy of trials read twice left out") || strings.Contains(s, "not loaded") {
		t.Errorf("status bar:\n%s", s)
	}
	press(t, m, "!")
	if s := screen(m); !strings.Contains(s, "Every input loaded.") || !strings.Contains(s, "Copies of trials read twice, left out") || !strings.Contains(s, "b/NCT05033522.json") {
		t.Errorf("problems:\n%s", s)
	}
}

// TestEmptyInputsAgreeWithTheProblemsList: what the empty list says and
// what ! shows tell the same story.
func TestEmptyInputsAgreeWithTheProblemsList(t *testing.T) {
	m := newTestModel(t, corpus.FromTrials(nil, nil, "inbox"), 80, 24)
	if s := screen(m); !strings.Contains(s, "No trial documents were found in inbox.") || strings.Contains(s, "press !") {
		t.Errorf("empty, no problems:\n%s", s)
	}
	press(t, m, "!")
	if s := screen(m); !strings.Contains(s, "no trial document was found in inbox") {
		t.Errorf("! with nothing found:\n%s", s)
	}
	c := corpus.FromTrials(nil, []corpus.Problem{{Path: "inbox/a.txt", Reason: "empty file"}}, "inbox")
	m = newTestModel(t, c, 80, 24)
	send(t, m, loadedMsg{corpus: c}) // as a load ends: the problems open at once
	if s := screen(m); topTitle(m) != "load problems" || !strings.Contains(s, "inbox/a.txt") {
		t.Errorf("a failed load:\n%s", s)
	}
	press(t, m, "esc")
	if s := screen(m); !strings.Contains(s, "1 input failed (press ! to see why)") {
		t.Errorf("empty with a problem:\n%s", s)
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
	if !m.browser.wide() || !strings.Contains(screen(m), "2 Detail") {
		t.Error("200×60 should show the list and the detail side by side")
	}
	if quit := press(t, m, "q"); !quit {
		t.Error("q")
	}
}

func TestMouse(t *testing.T) {
	m := newTestModel(t, seedCorpus(t), 200, 60)
	// A click on the fourth row (header, list title, column headers, then
	// rows).
	send(t, m, tea.MouseClickMsg{X: 10, Y: 6, Button: tea.MouseLeft})
	if selectedID(m) != "NCT05962450" {
		t.Errorf("click selected %s", selectedID(m))
	}
	// The wheel over the detail pane scrolls it, not the list.
	send(t, m, tea.MouseWheelMsg{X: 150, Y: 20, Button: tea.MouseWheelDown})
	if off := m.browser.panes[0].text.vp.YOffset(); off != wheelStep || selectedID(m) != "NCT05962450" {
		t.Errorf("wheel: offset %d selected %s", off, selectedID(m))
	}
	// A click on the pane focuses it.
	send(t, m, tea.MouseClickMsg{X: 150, Y: 20, Button: tea.MouseLeft})
	if m.browser.focus != 1 {
		t.Error("click on the pane should focus it")
	}
}

// TestClickingATabSwitchesToIt, in both layouts.
func TestClickingATabSwitchesToIt(t *testing.T) {
	tests := []struct {
		width, x int
		want     int
	}{
		{200, 2, 0},   // " 1 Trials " heads the list
		{200, 115, 2}, // the pane's tabs start after the list: " 2 Detail  3 Arms "
		{80, 13, 1},   // narrow: every tab on one line
		{80, 33, 3},
	}
	for _, tt := range tests {
		m := newTestModel(t, seedCorpus(t), tt.width, 30)
		press(t, m, "2")
		send(t, m, tea.MouseClickMsg{X: tt.x, Y: 1, Button: tea.MouseLeft})
		if m.browser.focus != tt.want {
			t.Errorf("%d columns, click at %d: focus %d, want %d\n%s", tt.width, tt.x, m.browser.focus, tt.want, screen(m))
		}
	}
}

// TestSearchInAPane: / in a reading pane searches its text, n and N step
// through the matches, esc clears; / in the list is still the filter.
func TestSearchInAPane(t *testing.T) {
	m := newTestModel(t, seedCorpus(t), 80, 24)
	press(t, m, "j", "2", "/")
	p := m.browser.panes[0]
	if p.text.state != searchTyping || m.browser.list.filter.state != unfiltered {
		t.Fatal("/ in the Detail pane should search the pane, not filter the list")
	}
	typeText(t, m, "inhibitor")
	press(t, m, "enter")
	n := len(p.text.matches)
	if n < 3 {
		t.Fatalf("%d matches of inhibitor in NCT05168163", n)
	}
	press(t, m, "n")
	if p.text.cur != 1 {
		t.Errorf("n: match %d", p.text.cur)
	}
	press(t, m, "N", "N")
	if p.text.cur != n-1 {
		t.Errorf("N from the first match wraps to the last: %d of %d", p.text.cur, n)
	}
	line := p.text.matches[p.text.cur].line
	if off := p.text.vp.YOffset(); line < off || line >= off+p.text.vp.Height() {
		t.Errorf("the current match (line %d) is off screen (from %d)", line, off)
	}
	if !strings.Contains(screen(m), fmt.Sprintf("match %d of %d", n, n)) {
		t.Errorf("the pane says where the search is:\n%s", screen(m))
	}
	press(t, m, "esc")
	if p.text.state != searchOff || m.browser.focus != 1 {
		t.Error("esc clears the search and stays in the pane")
	}
	press(t, m, "esc")
	if m.browser.focus != 0 {
		t.Error("a second esc goes back to the list")
	}
	press(t, m, "/")
	if m.browser.list.filter.state != filtering {
		t.Error("/ in the list filters")
	}
}

// TestEveryKeyAViewActsOnIsInItsHelp: for each view, a key the view
// handles is one its key map names — so help and behaviour cannot
// disagree.
func TestEveryKeyAViewActsOnIsInItsHelp(t *testing.T) {
	keys := []string{"enter", "esc", "tab", "shift+tab", "space", "up", "down", "pgdown", "pgup", "home", "end",
		"ctrl+k", "ctrl+p", "ctrl+n", "backspace"}
	for r := '!'; r <= '~'; r++ {
		keys = append(keys, string(r))
	}
	setups := map[string][]string{
		"list": nil, "pane": {"2"}, "pane-search": {"2", "/", "a", "enter"}, "filter-applied": {"/", "h", "enter"},
		"finder-trials": {"i", "enter"}, "compare": {"space", "j", "c"}, "help": {"?"}, "problems": {"!"},
		"shortlist": {"space", "j", "space", "L"}, "shortlist-picked": {"space", "j", "space", "L", "space", "j", "space"},
		"compare-picked": {"space", "j", "space", "j", "space", "L", "space", "j", "space", "j", "space", "c"},
		"contacts":       {"G", "2", "]"},
	}
	c := corpus.FromTrials(append(seedTrials(t), contactTrial()), nil, "test")
	for name, setup := range setups {
		fresh := func() *Model {
			m := newTestModel(t, c, 120, 30)
			press(t, m, setup...)
			if isTyping(m.top()) {
				t.Fatalf("%s: typing", name)
			}
			return m
		}
		m := fresh()
		for _, k := range keys {
			top := m.top()
			bound := boundKeys(top.KeyMap())
			_, handled := top.Update(keyMsg(k))
			if handled && !containsKey(bound, k) {
				t.Errorf("%s: %q does something but its help does not name it (help names %v)", name, k, bound)
			}
			// A key that changed what is bound (opened a view, focused an
			// input, moved focus) leaves a state the setup did not ask for.
			if handled && (m.top() != top || isTyping(top) || !slices.Equal(bound, boundKeys(top.KeyMap()))) {
				m = fresh()
			}
		}
	}
}

func containsKey(keys []string, k string) bool {
	for _, b := range keys {
		if b == k {
			return true
		}
	}
	return false
}

func ids(m *Model) string {
	var out []string
	for _, r := range m.browser.list.m.All() {
		out = append(out, m.ctx.Corpus.Record(r).ID)
	}
	return strings.Join(out, " ")
}

func topTitle(m *Model) string {
	if t, ok := m.top().(titled); ok {
		return t.Title()
	}
	return ""
}

func lastLine(s string) string {
	lines := strings.Split(s, "\n")
	return lines[len(lines)-1]
}

// manyUses is a corpus of n trials that all give "Placebo".
func manyUses(n int) *corpus.Corpus {
	var trials []*model.Trial
	for i := range n {
		t := &model.Trial{ID: fmt.Sprintf("NCT%08d", i), NCTID: fmt.Sprintf("NCT%08d", i), Title: fmt.Sprintf("Trial number %d", i),
			Arms:          []model.Arm{{Label: "Placebo arm with a rather long label to wrap", Interventions: []string{"Placebo"}}},
			Interventions: []model.Intervention{{Name: "Placebo", Arms: []string{"Placebo arm with a rather long label to wrap"}}}}
		t.Canonicalize()
		trials = append(trials, t)
	}
	return corpus.FromTrials(trials, nil, "test")
}

func TestFinderScrollsToTheLastTrialAndSurvivesResize(t *testing.T) {
	m := newTestModel(t, manyUses(400), 80, 24)
	press(t, m, "i")
	typeText(t, m, "placebo")
	press(t, m, "enter", "G")
	f := m.top().(*finder)
	if f.ucur != 399 || !strings.Contains(screen(m), "NCT00000399") {
		t.Fatalf("G: cursor %d\n%s", f.ucur, screen(m))
	}
	press(t, m, "k", "k")
	send(t, m, tea.WindowSizeMsg{Width: 60, Height: 15})
	if s := screen(m); !strings.Contains(s, "NCT00000397") || !strings.Contains(s, "▌") {
		t.Errorf("after a resize the chosen trial must stay on screen:\n%s", s)
	}
}

// rereading is the seeds as a large corpus: none kept whole, each read
// again through fn.
func rereading(t *testing.T, fn func(trials []*model.Trial, src model.Source) (*model.Trial, error)) *corpus.Corpus {
	trials := seedTrials(t)
	c := corpus.FromTrials(trials, nil, "the bundled seeds")
	return corpus.FromParts(corpus.Parts{Index: c.Index(), Origin: c.Origin(),
		Reread: func(src model.Source) (*model.Trial, error) { return fn(trials, src) }})
}

// TestCompareOfAnUnreadableTrial: a trial that cannot be read again (a large
// corpus whose file was removed) gives a message naming the failure, and
// the browser keeps working.
func TestCompareOfAnUnreadableTrial(t *testing.T) {
	c := rereading(t, func(_ []*model.Trial, src model.Source) (*model.Trial, error) {
		return nil, fmt.Errorf("%s: file vanished", src.Path)
	})
	m := newTestModel(t, c, 200, 60)
	if s := screen(m); !strings.Contains(s, "file vanished") {
		t.Errorf("the pane names the failure:\n%s", s)
	}
	press(t, m, "space", "j", "c")
	if s := screen(m); !topIs[*browser](m) || !strings.Contains(s, "Cannot compare") || !strings.Contains(s, "file vanished") {
		t.Fatalf("%T\n%s", m.top(), s)
	}
	press(t, m, "tab", "1", "/", "esc")
	send(t, m, tea.WindowSizeMsg{Width: 90, Height: 30})
	if s := screen(m); !strings.Contains(s, "1 Trials") || !strings.Contains(s, "NCT05168163") {
		t.Errorf("screen after the failure:\n%s", s)
	}
}

// TestPanesOfALargeCorpusLoadOffTheUIGoroutine: when trials are not kept
// whole, the panes ask for the trial in a command; a result for a trial no
// longer selected is dropped.
func TestPanesOfALargeCorpusLoadOffTheUIGoroutine(t *testing.T) {
	c := rereading(t, func(trials []*model.Trial, src model.Source) (*model.Trial, error) {
		for _, tr := range trials {
			if tr.Source == src {
				return tr, nil
			}
		}
		return nil, errors.New("not found")
	})
	m := newTestModel(t, c, 200, 60)
	_, cmd := m.Update(keyMsg("j")) // NCT05168163; the read is a command
	if !strings.Contains(screen(m), "Reading NCT05168163") {
		t.Errorf("while reading, the pane should say so:\n%s", screen(m))
	}
	stale := runCmd(cmd)
	press(t, m, "j") // NCT05233358, read by the harness
	if !strings.Contains(screen(m), "HAIC Combined") {
		t.Fatalf("panes after the read:\n%s", screen(m))
	}
	for _, msg := range stale {
		send(t, m, msg)
	}
	if detail := strings.Join(m.browser.panes[0].text.lines, "\n"); strings.Contains(detail, "Atezolizumab in Combination") || !strings.Contains(detail, "HAIC Combined") {
		t.Error("a stale read replaced the selected trial's panes")
	}
}

// TestAKeyPressedBeforeACloseArrives: q closes help by a message; a key
// pressed before it arrives that opens another view must not be closed in
// help's place.
func TestAKeyPressedBeforeACloseArrives(t *testing.T) {
	m := newTestModel(t, seedCorpus(t), 80, 24)
	press(t, m, "?")
	_, closing := m.Update(keyMsg("q"))
	press(t, m, "!")
	for _, msg := range runCmd(closing) {
		send(t, m, msg)
	}
	if topTitle(m) != "load problems" || len(m.stack) != 2 {
		t.Errorf("top %q, %d views", topTitle(m), len(m.stack))
	}
}
