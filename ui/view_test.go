package ui

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/trials-app/trials/corpus"
	"github.com/trials-app/trials/eligibility"
	"github.com/trials-app/trials/loader"
	"github.com/trials-app/trials/model"
)

// TestGoldenViews renders every view at 80×24 and 160×48 and compares the
// screens with testdata/TestGoldenViews. Run with -update after reading a
// change.
func TestGoldenViews(t *testing.T) {
	views := []struct {
		name string
		keys []string
		text string // typed after the keys
	}{
		{"list", nil, ""},
		{"list-selected", []string{"j", "j", "j"}, ""},
		{"detail", []string{"j", "j", "j", "2"}, ""},
		{"detail-scrolled", []string{"j", "j", "j", "2", "pgdown"}, ""},
		{"arms", []string{"j", "j", "j", "3"}, ""},
		{"eligibility", []string{"G", "4"}, ""},
		{"filter-typing", []string{"/"}, "lenv"},
		{"filter-applied", []string{"/", "l", "i", "v", "e", "r", "enter"}, ""},
		{"shortlisted", []string{"space", "j", "j", "space"}, ""},
		{"finder", []string{"i"}, ""},
		{"finder-query", []string{"i"}, "levantinib"},
		{"finder-trials", []string{"i", "l", "e", "n", "v", "enter"}, ""},
		{"compare", []string{"space", "j", "c"}, ""},
		{"compare-criteria", []string{"space", "j", "c", "pgdown", "pgdown"}, ""},
		{"help", []string{"?"}, ""},
		{"pane-search", []string{"j", "j", "j", "2", "/", "h", "e", "p", "a", "t", "o", "enter", "n"}, ""},
		{"problems-none", []string{"!"}, ""},
	}
	for _, size := range [][2]int{{80, 24}, {160, 48}} {
		for _, v := range views {
			name := fmt.Sprintf("%s-%dx%d", v.name, size[0], size[1])
			t.Run(name, func(t *testing.T) {
				m := newTestModel(t, seedCorpus(t), size[0], size[1])
				press(t, m, v.keys...)
				typeText(t, m, v.text)
				checkGolden(t, m)
			})
		}
	}
	for _, size := range [][2]int{{59, 20}, {20, 5}} {
		t.Run(fmt.Sprintf("too-small-%dx%d", size[0], size[1]), func(t *testing.T) {
			checkGolden(t, newTestModel(t, seedCorpus(t), size[0], size[1]))
		})
	}
	t.Run("problems-80x24", func(t *testing.T) {
		c := corpus.FromTrials(seedTrials(t), []corpus.Problem{{Path: "inbox/notes.md", Reason: "not a trial document: no known layout found"},
			{Path: "inbox/cut.txt", Reason: "truncated document: the page ends after the Locations section"}}, "inbox")
		m := newTestModel(t, c, 80, 24)
		press(t, m, "!")
		checkGolden(t, m)
	})
	t.Run("empty-80x24", func(t *testing.T) {
		checkGolden(t, newTestModel(t, corpus.FromTrials(nil, nil, "inbox"), 80, 24))
	})
	t.Run("light-120x40", func(t *testing.T) {
		m := New(seedCorpus(t), testList(t), []string{"TRIALS_THEME=light"})
		send(t, m, tea.WindowSizeMsg{Width: 120, Height: 40})
		press(t, m, "j", "2")
		checkGolden(t, m)
	})
}

var sgr = regexp.MustCompile(`\x1b\[[0-9;:]*m`)

// TestEscapeSequencesInDocumentsRenderInert loads a document whose text is
// laced with terminal escape sequences — clear screen, window title,
// hyperlink, cursor moves, 8-bit CSI, bidi override — and checks every
// screen: the only escape sequences on it are the browser's own colours.
func TestEscapeSequencesInDocumentsRenderInert(t *testing.T) {
	data, err := os.ReadFile("../seeds/NCT05962450.txt")
	if err != nil {
		t.Fatal(err)
	}
	evil := string(data)
	for _, r := range []struct{ old, new string }{
		{"Adoptive Autologous iNKT", "Adoptive\x1b[2J\x1b[H Autologous\x1b]0;pwned\x07 iNKT"},
		{"Beijing YouAn Hospital (Other)", "Beijing\x1b]8;;http://evil.example/\x1b\\ YouAn\x1b]8;;\x1b\\ Hospital (Other)"},
		{"Regorafenib + PD-1 + iNKT cells", "Regorafenib\u009b31m + PD-1\x1b[1A + iNKT\u202e cells"},
		{"Child-Pugh A/B.", "Child-Pugh\x1bP1$r\x1b\\ A/B.\x07\x08"},
	} {
		if !strings.Contains(evil, r.old) {
			t.Fatalf("seed text %q not found", r.old)
		}
		evil = strings.Replace(evil, r.old, r.new, 1)
	}
	trials, err := loader.Parse("evil.txt", []byte(evil))
	if err != nil {
		t.Fatal(err)
	}
	c := corpus.FromTrials([]*model.Trial{trials[0], trialByID(t, "NCT05033522")}, nil, "evil.txt")
	m := newTestModel(t, c, 160, 48)
	for _, keys := range [][]string{nil, {"2"}, {"3"}, {"4"}, {"/", "a", "enter"}, {"esc", "1", "space", "j", "c"}, {"esc", "i"}, {"esc", "?"}} {
		press(t, m, keys...)
		out := m.View().Content
		rest := sgr.ReplaceAllString(out, "")
		if i := strings.IndexAny(rest, "\x1b\x07\x08\u009b\u009d\u202e"); i >= 0 {
			t.Fatalf("after %v a control character reached the screen at %d: %q", keys, i, rest[max(0, i-20):min(len(rest), i+20)])
		}
		if strings.Contains(rest, "pwned") || strings.Contains(rest, "evil.example") {
			t.Fatalf("after %v the payload of an escape sequence is on screen", keys)
		}
	}
	if !strings.Contains(screen(newTestModel(t, c, 160, 48)), "Adoptive Autologous iNKT") {
		t.Error("the text around the escapes should still read")
	}
}

// TestSelectionIsReverseVideoAcrossTheRow: selection must not rest on
// colour (NO_COLOR keeps reverse video): every cell of the selected row after
// the gutter is reversed, including the status badge and highlighted matches.
func TestSelectionIsReverseVideoAcrossTheRow(t *testing.T) {
	m := newTestModel(t, seedCorpus(t), 100, 24)
	press(t, m, "/")
	typeText(t, m, "immuno")
	press(t, m, "enter")
	for _, line := range strings.Split(m.View().Content, "\n") {
		if !strings.Contains(line, "▌") {
			continue
		}
		reversed := reverseMask(line)
		if len(reversed) < 90 {
			t.Fatalf("selected row too short: %q", line)
		}
		for i, r := range reversed[2:] { // bar and mark columns
			if !r {
				t.Errorf("column %d of the selected row is not reversed: %q", i+2, ansi.Strip(line))
				break
			}
		}
		return
	}
	t.Fatal("no selected row on screen")
}

// reverseMask reports, per printed rune of an ANSI line, whether reverse
// video (SGR 7) is on.
func reverseMask(s string) []bool {
	var out []bool
	on := false
	for i := 0; i < len(s); {
		if loc := sgr.FindStringIndex(s[i:]); loc != nil && loc[0] == 0 {
			params := strings.Split(strings.TrimSuffix(strings.TrimPrefix(s[i:i+loc[1]], "\x1b["), "m"), ";")
			for _, p := range params {
				switch p {
				case "", "0", "27":
					on = false
				case "7":
					on = true
				}
			}
			i += loc[1]
			continue
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		out = append(out, on)
		i += size
	}
	return out
}

// TestGoldenTriageViews renders the shortlist (with a trial not in the
// corpus, notes and tags), a three-way comparison, and the note, tag and
// export dialogs; compared with testdata/TestGoldenTriageViews.
func TestGoldenTriageViews(t *testing.T) {
	views := []struct {
		name string
		size [2]int
		keys []string
	}{
		{"shortlist", [2]int{200, 60}, []string{"L"}},
		{"shortlist", [2]int{80, 24}, []string{"L"}},
		{"shortlist-picked", [2]int{120, 40}, []string{"L", "space", "j", "j", "space", "j", "x"}},
		{"compare-3", [2]int{200, 60}, []string{"L", "space", "j", "j", "space", "j", "space", "c"}},
		{"list-tagged", [2]int{80, 24}, []string{"j"}},
		{"detail-noted", [2]int{160, 48}, []string{"j", "enter"}},
		{"note", [2]int{80, 24}, []string{"j", "a"}},
		{"tag", [2]int{80, 24}, []string{"j", "t", "backspace", "backspace", "space", "x"}},
		{"export", [2]int{80, 24}, []string{"e"}},
	}
	for _, v := range views {
		name := fmt.Sprintf("%s-%dx%d", v.name, v.size[0], v.size[1])
		t.Run(name, func(t *testing.T) {
			c, dir := missingCorpus(t)
			m := newTestModelIn(t, c, dir, v.size[0], v.size[1])
			m.ctx.workDir = "/home/coordinator"
			press(t, m, v.keys...)
			checkGolden(t, m)
		})
	}
}

// TestGoldenPatientViews renders what the patient profile adds — the form,
// the list's screen column, the eligibility pane's requirements with and
// without verdicts, the aligned requirements of a comparison — at 80×24
// and 200×60; compared with testdata/TestGoldenPatientViews.
func TestGoldenPatientViews(t *testing.T) {
	views := []struct {
		name    string
		profile bool
		keys    []string
		text    string
	}{
		{"form", false, []string{"p"}, ""},
		{"form-refused", false, []string{"p", "6", "7", "tab", "m", "tab"}, "9"},
		{"list-screen", true, nil, ""},
		{"eligibility", false, []string{"j", "4"}, ""},
		{"eligibility-profile", true, []string{"j", "4"}, ""},
		{"eligibility-possible", true, []string{"4"}, ""},
		{"compare-requirements", true, []string{"space", "j", "c", "/", "R", "e", "q", "u", "i", "r", "e", "m", "enter"}, ""},
		{"clear", true, []string{"P"}, ""},
	}
	for _, size := range [][2]int{{80, 24}, {200, 60}} {
		for _, v := range views {
			name := fmt.Sprintf("%s-%dx%d", v.name, size[0], size[1])
			t.Run(name, func(t *testing.T) {
				m := newTestModel(t, seedCorpus(t), size[0], size[1])
				m.ctx.profile.store.dir = "/home/nurse/.config/trials" // the path shown, never written: saves are not run below
				if v.profile {
					age, ecog, cp, plt, male := 67.0, 1.0, 7.0, 80.0, "male"
					m.ctx.profile.patient = &eligibility.Patient{Age: &age, Sex: &male, ECOG: &ecog, ChildPugh: &cp, Platelets: &plt}
					m.ctx.profile.gen++
					send(t, m, runCmd(m.ctx.startScreen())...)
				}
				press(t, m, v.keys...)
				typeText(t, m, v.text)
				checkGolden(t, m)
			})
		}
	}
}
