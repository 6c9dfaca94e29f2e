package ui

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/trials-app/trials/corpus"
	"github.com/trials-app/trials/model"
	"github.com/trials-app/trials/shortlist"
)

// prepared writes a shortlist into dir before a browser opens it.
func prepared(t *testing.T, dir string, fn func(l *shortlist.List)) {
	t.Helper()
	l, err := shortlist.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	fn(l)
	if err := l.Save(); err != nil {
		t.Fatal(err)
	}
}

// TestShortlistSurvivesARestart: what space, a and t did is in the data
// directory when the browser opens again — shortlisted rows marked, the
// note in the Detail pane, the tag in its column — and a note still being
// typed when ctrl+c quits is kept.
func TestShortlistSurvivesARestart(t *testing.T) {
	dir := t.TempDir()
	m := newTestModelIn(t, seedCorpus(t), dir, 120, 30)
	press(t, m, "space", "j", "space", "j", "j", "space") // NCT05033522, NCT05168163, NCT05962450
	press(t, m, "g", "a")
	typeText(t, m, "Ask the PI about arm B")
	press(t, m, "enter", "t")
	typeText(t, m, "eligible")
	press(t, m, "enter", "j", "t")
	typeText(t, m, "ask-PI")
	press(t, m, "enter", "j", "j", "a")
	typeText(t, m, "Call the site on Tuesday")
	if !press(t, m, "ctrl+c") {
		t.Fatal("ctrl+c quits from the note editor")
	}
	// As Run does when the program has ended.
	if m.ctx.Shortlist.Dirty() {
		if err := m.ctx.Shortlist.Save(); err != nil {
			t.Fatal(err)
		}
	}

	again := newTestModelIn(t, seedCorpus(t), dir, 120, 30)
	s := screen(again)
	if got := again.ctx.Shortlist.IDs(); !slices.Equal(got, []string{"NCT05033522", "NCT05168163", "NCT05962450"}) {
		t.Errorf("shortlist after a restart: %v", got)
	}
	if !strings.Contains(s, "★ 3 shortlisted") {
		t.Errorf("the header counts the shortlist:\n%s", s)
	}
	for _, want := range []string{"▌★ Suspended  P2/3  NCT05033522 eligible ", " ★ Recruiting P2    NCT05168163 ask-PI ", "   Not yet    N/A   NCT05233358           HAIC"} {
		if !strings.Contains(s, want) {
			t.Errorf("row %q missing:\n%s", want, s)
		}
	}
	press(t, again, "enter")
	if s := screen(again); !strings.Contains(s, "★ On your shortlist  ·  Tag eligible") || !strings.Contains(s, "Note  Ask the PI about arm B") {
		t.Errorf("the Detail pane shows the note and the tag:\n%s", s)
	}
	if got := again.ctx.Shortlist.Note("NCT05962450"); got != "Call the site on Tuesday" {
		t.Errorf("the note typed when ctrl+c quit: %q", got)
	}
}

// TestShortlistFileProblemsAreShown: a damaged shortlist file is set aside
// and said so in the status line and under !; a save that fails says so
// too, and a later one that works clears the warning.
func TestShortlistFileProblemsAreShown(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, shortlist.FileName), []byte(`{"format": "trials shortlist", "version": 1, "entries": [`), 0o600); err != nil {
		t.Fatal(err)
	}
	m := newTestModelIn(t, seedCorpus(t), dir, 120, 30)
	if s := screen(m); !strings.Contains(s, "is damaged") {
		t.Errorf("the notice names the damage:\n%s", s)
	}
	press(t, m, "j")
	if s := screen(m); !strings.Contains(s, "shortlist problem — press !") {
		t.Errorf("the status line keeps a warning:\n%s", s)
	}
	press(t, m, "!")
	if s := screen(m); !strings.Contains(s, "The shortlist and exports") || !strings.Contains(s, "truncated") || !strings.Contains(s, "shortlist.json.bad") {
		t.Errorf("! lists the shortlist's problem:\n%s", s)
	}
	press(t, m, "esc")
	send(t, m, savedMsg{err: errors.New("shortlist not saved: disk full")})
	if s := screen(m); !strings.Contains(s, "disk full") {
		t.Errorf("a failed save is said:\n%s", s)
	}
	press(t, m, "j")
	if s := screen(m); !strings.Contains(s, "shortlist not saved — press !") {
		t.Errorf("and stays in the status line:\n%s", s)
	}
	press(t, m, "space") // a save that works
	if s := screen(m); strings.Contains(s, "not saved") || !m.ctx.Shortlist.Has("NCT05233358") {
		t.Errorf("a save that worked clears the warning:\n%s", s)
	}
}

func TestNoteEditor(t *testing.T) {
	m := newTestModel(t, seedCorpus(t), 80, 24)
	l := m.ctx.Shortlist
	press(t, m, "a")
	if !topIs[*noteEditor](m) || !strings.Contains(screen(m), "esc saves and closes") {
		t.Fatalf("a opens the note editor, saying how it saves:\n%s", screen(m))
	}
	// Every key types, q, ?, j and L included.
	if press(t, m, "q", "?", "j", "L", "space", "x") {
		t.Fatal("q quit while typing a note")
	}
	if got := m.top().(*noteEditor).area.Value(); got != "q?jL x" {
		t.Errorf("typed %q", got)
	}
	press(t, m, "ctrl+x")
	if !topIs[*browser](m) || l.Note("NCT05033522") != "" {
		t.Errorf("ctrl+x closes without saving: %q", l.Note("NCT05033522"))
	}
	press(t, m, "a")
	typeText(t, m, "Ask the PI")
	press(t, m, "enter")
	if l.Note("NCT05033522") != "Ask the PI" || l.Has("NCT05033522") || !strings.Contains(screen(m), "Note saved on NCT05033522") {
		t.Errorf("enter saves (and does not shortlist): %q", l.Note("NCT05033522"))
	}
	press(t, m, "a")
	if got := m.top().(*noteEditor).area.Value(); got != "Ask the PI" {
		t.Errorf("the editor opens on the note: %q", got)
	}
	typeText(t, m, " first")
	send(t, m, tea.PasteMsg{Content: "\nline two\r\nthree"})
	press(t, m, "esc")
	if got := l.Note("NCT05033522"); got != "Ask the PI first line two three" {
		t.Errorf("esc saves too, one paragraph: %q", got)
	}
	press(t, m, "a", "ctrl+s")
	if !strings.Contains(screen(m), "unchanged") {
		t.Error("ctrl+s with nothing changed says so")
	}
	press(t, m, "a")
	for range 40 {
		press(t, m, "backspace")
	}
	press(t, m, "enter")
	if _, ok := l.Entry("NCT05033522"); ok || !strings.Contains(screen(m), "Note removed") {
		t.Error("an empty note removes it")
	}
	if limit := newNoteEditor(m.ctx, m.browser).(*noteEditor).area.CharLimit; limit != shortlist.MaxNoteLen {
		t.Errorf("CharLimit %d", limit)
	}
}

// TestNotesAreShownInert: a note is the user's typing, but it is drawn
// like document text: no escape sequence reaches the screen.
func TestNotesAreShownInert(t *testing.T) {
	dir := t.TempDir()
	prepared(t, dir, func(l *shortlist.List) {
		l.Toggle("NCT05033522", "")
		l.SetNote("NCT05033522", "", "pasted\x1b]0;pwned\x07 from \x1b[31ma mail\x1b[0m")
	})
	m := newTestModelIn(t, seedCorpus(t), dir, 160, 40)
	for _, keys := range [][]string{{"enter"}, {"esc", "L"}} {
		press(t, m, keys...)
		out := sgr.ReplaceAllString(m.View().Content, "")
		if strings.ContainsAny(out, "\x1b\x07") || strings.Contains(out, "pwned") {
			t.Errorf("after %v an escape sequence of the note reached the screen", keys)
		}
		if !strings.Contains(out, "pasted from a mail") {
			t.Errorf("after %v the note should read:\n%s", keys, ansi.Strip(out))
		}
	}
}

func TestTagEditor(t *testing.T) {
	m := newTestModel(t, seedCorpus(t), 80, 24)
	l := m.ctx.Shortlist
	press(t, m, "t")
	typeText(t, m, "ask PI")
	if s := screen(m); !strings.Contains(s, "a tag is one word, without spaces") {
		t.Errorf("the refusal is said as one types:\n%s", s)
	}
	press(t, m, "enter")
	if !topIs[*tagEditor](m) || l.Tag("NCT05033522") != "" {
		t.Error("enter does not save a refused tag")
	}
	press(t, m, "backspace", "backspace", "backspace")
	typeText(t, m, "-PI")
	press(t, m, "enter")
	if l.Tag("NCT05033522") != "ask-PI" || !topIs[*browser](m) {
		t.Errorf("tag %q", l.Tag("NCT05033522"))
	}
	if s := screen(m); !strings.Contains(s, "NCT05033522 ask-PI ") {
		t.Errorf("the tag column shows it:\n%s", s)
	}
	press(t, m, "j", "t")
	typeText(t, m, "as")
	press(t, m, "tab")
	if got := m.top().(*tagEditor).input.Value(); got != "ask-PI" {
		t.Errorf("tab completes a tag in use: %q", got)
	}
	press(t, m, "esc")
	if l.Tag("NCT05168163") != "" || !topIs[*browser](m) {
		t.Error("esc cancels")
	}
	press(t, m, "k", "t", "ctrl+u", "enter")
	if l.Tag("NCT05033522") != "" {
		t.Error("an empty tag removes it")
	}
	press(t, m, "t")
	typeText(t, m, strings.Repeat("x", shortlist.MaxTagLen+1))
	if s := screen(m); !strings.Contains(s, "at most 20 characters") {
		t.Errorf("a tag too long is said to be:\n%s", s)
	}
}

// missingCorpus is the seeds with a shortlist holding two of them and one
// trial that is not among them, notes and tags.
func missingCorpus(t *testing.T) (*corpus.Corpus, string) {
	dir := t.TempDir()
	prepared(t, dir, func(l *shortlist.List) {
		l.Toggle("NCT05168163", "")
		l.Toggle("NCT01234567", "A trial from yesterday's folder")
		l.Toggle("NCT05962450", "")
		l.Toggle("CC-B505B9C8", "")
		l.Toggle("NCT05033522", "")
		l.SetNote("NCT01234567", "", "Read in last week's download; ask for the new protocol.")
		l.SetNote("NCT05168163", "", "Prior atezolizumab is required: matches. Bring the scans to Tuesday's meeting.")
		l.SetTag("NCT05168163", "", "eligible")
		l.SetTag("NCT05962450", "", "ask-PI")
		l.SetTag("CC-B505B9C8", "", "no")
	})
	return seedCorpus(t), dir
}

func TestShortlistView(t *testing.T) {
	c, dir := missingCorpus(t)
	m := newTestModelIn(t, c, dir, 120, 30)
	press(t, m, "L")
	v, ok := m.top().(*shortlistView)
	if !ok {
		t.Fatalf("L opens the shortlist: %T", m.top())
	}
	s := screen(m)
	for _, want := range []string{"5 trials · 1 not in this corpus", "NCT01234567", "(not in this corpus) A trial from yesterday's folder",
		"NCT05168163 eligible", "Note on NCT05168163", "Prior atezolizumab is required"} {
		if !strings.Contains(s, want) {
			t.Errorf("%q missing:\n%s", want, s)
		}
	}
	press(t, m, "j")
	if !strings.Contains(screen(m), "Read in last week's download") {
		t.Error("the note follows the selection")
	}
	press(t, m, "enter")
	if !topIs[*shortlistView](m) || !strings.Contains(screen(m), "not in this corpus: open the inputs") {
		t.Error("enter on a missing trial says why it cannot open")
	}
	press(t, m, "space")
	if len(m.ctx.Picks) != 0 {
		t.Error("a missing trial cannot be picked")
	}
	// x takes a trial off and puts it back; it stays listed meanwhile.
	press(t, m, "j", "x")
	if m.ctx.Shortlist.Has("NCT05962450") || len(v.rows) != 5 || !strings.Contains(screen(m), "(off the shortlist: x puts it back)") {
		t.Errorf("x: %v\n%s", m.ctx.Shortlist.IDs(), screen(m))
	}
	press(t, m, "x")
	if ids := m.ctx.Shortlist.IDs(); ids[len(ids)-1] != "NCT05962450" {
		t.Error("x again puts it back, at the end")
	}
	// Picks: four at most, in the order picked; c needs two.
	press(t, m, "esc", "j", "j", "space", "L", "g", "c")
	if !strings.Contains(screen(m), "Pick two to four") {
		t.Error("c with no picks explains")
	}
	// NCT05168163, CC-B505B9C8, NCT05033522, NCT05962450, then NCT05233358.
	press(t, m, "space", "j", "j", "space", "j", "space", "j", "space", "j", "space")
	if !slices.Equal(m.ctx.Picks, []string{"NCT05168163", "CC-B505B9C8", "NCT05033522", "NCT05962450"}) || !strings.Contains(screen(m), "unpick one first") {
		t.Errorf("picks %v\n%s", m.ctx.Picks, screen(m))
	}
	if s := screen(m); !strings.Contains(s, " 1 Recruiting") || !strings.Contains(s, " 4 Not yet") || !strings.Contains(s, "▌★ Not yet") {
		t.Errorf("picks are numbered:\n%s", s)
	}
	press(t, m, "k", "k", "k", "space")
	if !slices.Equal(m.ctx.Picks, []string{"NCT05168163", "NCT05033522", "NCT05962450"}) {
		t.Errorf("space unpicks: %v", m.ctx.Picks)
	}
	press(t, m, "g")
	// enter shows a trial in the list, with its Detail pane.
	press(t, m, "enter")
	if !topIs[*browser](m) || selectedID(m) != "NCT05168163" || m.browser.focus != 1 {
		t.Errorf("enter: %T %s focus %d", m.top(), selectedID(m), m.browser.focus)
	}
	press(t, m, "L", "esc")
	if !topIs[*browser](m) {
		t.Error("esc closes the shortlist")
	}
	press(t, m, "L", "L")
	if !topIs[*browser](m) {
		t.Error("L closes the shortlist too")
	}
}

// TestCompareThreeFromTheShortlist: three picked trials stand side by side
// where each gets 50 columns; narrower, two do, with a message, and s
// rotates the third in.
func TestCompareThreeFromTheShortlist(t *testing.T) {
	c, dir := missingCorpus(t)
	m := newTestModelIn(t, c, dir, 200, 60)
	press(t, m, "L", "space", "j", "j", "space", "j", "space", "c")
	cmp, ok := m.top().(*comparison)
	if !ok || cmp.shown() != 3 {
		t.Fatalf("c compares the three picked: %T", m.top())
	}
	if s := screen(m); !strings.Contains(s, "NCT05168163 │ NCT05962450 │ CC-B505B9C8") || !strings.Contains(s, "= all have it") {
		t.Errorf("three columns:\n%s", s)
	}
	send(t, m, tea.WindowSizeMsg{Width: 120, Height: 40})
	if cmp.shown() != 2 || !strings.Contains(screen(m), "showing 2 of 3") {
		t.Errorf("at 120 columns two fit:\n%s", screen(m))
	}
	press(t, m, "s")
	if cmp.trials[0].ID != "NCT05962450" || !strings.Contains(screen(m), "NCT05962450 │ CC-B505B9C8") {
		t.Errorf("s rotates: %s first", cmp.trials[0].ID)
	}
	press(t, m, "esc")
	if !topIs[*shortlistView](m) || len(m.ctx.Picks) != 3 {
		t.Error("esc returns to the shortlist, the picks kept")
	}
	// Opened at 120 columns, the comparison says at once that not all fit.
	press(t, m, "c")
	if s := screen(m); !strings.Contains(s, "2 of 3 fit side by side at 120 columns") {
		t.Errorf("the message:\n%s", s)
	}
}

func TestExportDialog(t *testing.T) {
	c, dir := missingCorpus(t)
	out := t.TempDir()
	m := newTestModelIn(t, c, dir, 200, 30)
	m.ctx.workDir = out
	press(t, m, "e")
	d, ok := m.top().(*exportDialog)
	if !ok {
		t.Fatalf("e opens the export dialog: %T", m.top())
	}
	s := screen(m)
	for _, want := range []string{"(•) the shortlist: 4 trials (and 1 not in this corpus, left out)", "( ) the list as shown: 5 trials",
		"[csv]", "trials-shortlist-2026-12-01.csv", filepath.Join(out, "trials-shortlist-2026-12-01.csv")} {
		if !strings.Contains(s, want) {
			t.Errorf("%q missing:\n%s", want, s)
		}
	}
	// Keys type: q neither quits nor closes.
	if press(t, m, "q") || !topIs[*exportDialog](m) {
		t.Fatal("q in the file name")
	}
	press(t, m, "backspace", "tab", "tab", "right", "right")
	if d.formatName() != "ris" || !strings.Contains(screen(m), "trials-shortlist-2026-12-01.ris") {
		t.Errorf("the format and the name follow: %s\n%s", d.formatName(), screen(m))
	}
	press(t, m, "enter")
	if !topIs[*browser](m) || !strings.Contains(screen(m), "Wrote 4 trials to "+filepath.Join(out, "trials-shortlist-2026-12-01.ris")) ||
		!strings.Contains(screen(m), "1 trial on the shortlist not in this corpus left out") {
		t.Fatalf("after the export:\n%s", screen(m))
	}
	data, err := os.ReadFile(filepath.Join(out, "trials-shortlist-2026-12-01.ris"))
	if err != nil {
		t.Fatal(err)
	}
	r := string(data)
	if strings.Count(r, "TY  - DBASE\r\n") != 4 || !strings.Contains(r, "KW  - eligible\r\n") || !strings.Contains(r, "N1  - Prior atezolizumab is required") ||
		strings.Index(r, "NCT05168163") > strings.Index(r, "NCT05033522") {
		t.Errorf("the RIS file, in shortlist order with notes and tags:\n%s", r)
	}
	// The same file again: refused until enter is pressed twice.
	press(t, m, "e")
	if d := m.top().(*exportDialog); d.formatName() != "ris" {
		t.Errorf("the dialog starts from the last format: %s", d.formatName())
	}
	press(t, m, "enter")
	if !topIs[*exportDialog](m) || !strings.Contains(screen(m), "exists: enter again replaces it") {
		t.Fatalf("an existing file:\n%s", screen(m))
	}
	press(t, m, "enter")
	if !topIs[*browser](m) || !strings.Contains(screen(m), "Wrote 4 trials") {
		t.Error("the second enter replaces it")
	}
	// The list as shown, filtered, as CSV under a name of the user's.
	press(t, m, "/")
	typeText(t, m, "lenvatinib")
	press(t, m, "enter", "e")
	if d := m.top().(*exportDialog); d.what != 1 || !strings.Contains(screen(m), `(•) the list as shown: 2 trials (filter "lenvatinib")`) {
		t.Errorf("with a filter the list is the default:\n%s", screen(m))
	}
	press(t, m, "ctrl+u")
	typeText(t, m, "lenva.csv")
	press(t, m, "tab", "tab", "left", "left", "enter")
	rows, err := os.ReadFile(filepath.Join(out, "lenva.csv"))
	if err != nil {
		t.Fatalf("%v\n%s", err, screen(m))
	}
	if lines := strings.Split(strings.TrimSpace(string(rows)), "\n"); len(lines) != 3 || !strings.HasSuffix(lines[0], "note,tag") || !strings.Contains(lines[2], ",eligible") {
		t.Errorf("the CSV:\n%s", rows)
	}
	press(t, m, "e", "ctrl+u")
	typeText(t, m, "no/such/dir/x.csv")
	press(t, m, "enter")
	if !strings.Contains(screen(m), "No such directory") {
		t.Errorf("a missing directory:\n%s", screen(m))
	}
	press(t, m, "esc")
	if !topIs[*browser](m) {
		t.Error("esc cancels")
	}
}

// TestExportRereadsTrials: in a large corpus the export reads the trials
// again through the corpus, and names the ones it could not.
func TestExportRereadsTrials(t *testing.T) {
	c := rereading(t, func(trials []*model.Trial, src model.Source) (*model.Trial, error) {
		for _, tr := range trials {
			if tr.Source == src && tr.ID != "NCT05962450" {
				return tr, nil
			}
		}
		return nil, errors.New("file vanished")
	})
	out := t.TempDir()
	m := newTestModelIn(t, c, t.TempDir(), 100, 30)
	m.ctx.workDir = out
	press(t, m, "e", "ctrl+u")
	typeText(t, m, "all.jsonl")
	press(t, m, "tab", "tab", "left", "enter")
	data, err := os.ReadFile(filepath.Join(out, "all.jsonl"))
	if err != nil {
		t.Fatalf("%v\n%s", err, screen(m))
	}
	if n := strings.Count(string(data), "\n"); n != 4 || !strings.Contains(screen(m), "Wrote 4 trials") || !strings.Contains(screen(m), "1 could not be read again") {
		t.Errorf("%d lines\n%s", n, screen(m))
	}
	press(t, m, "!")
	if !strings.Contains(screen(m), "NCT05962450: file vanished") {
		t.Errorf("! names it:\n%s", screen(m))
	}
}

// contactTrial is a hand-built trial with central and site contacts, as the
// loader will soon read them.
func contactTrial() *model.Trial {
	t := &model.Trial{ID: "NCT09000001", NCTID: "NCT09000001", Title: "A trial with contacts", Status: model.StatusRecruiting,
		LeadSponsor: model.Sponsor{Name: "Sun Yat-sen University"}, FirstPosted: "2024-03-05",
		CentralContacts: []model.Contact{{Name: "Jane Doe", Role: "CONTACT", Phone: "+86 20 1234 5678", Email: "jane.doe@example.org"},
			{Name: "Trial Office", Phone: "+86 20 0000"}},
		Locations: []model.Location{{Facility: "Sun Yat-sen Cancer Center", City: "Guangzhou", Country: "China",
			Contacts: []model.Contact{{Name: "Li Wei", Role: "PRINCIPAL_INVESTIGATOR", Email: "li.wei@example.org"}}},
			{Facility: "A site with no contact", City: "Beijing", Country: "China"}}}
	t.Canonicalize()
	return t
}

func TestOpenAndCopy(t *testing.T) {
	c := corpus.FromTrials(append(seedTrials(t), contactTrial()), nil, "test")
	m := newTestModel(t, c, 120, 40)
	st := stubsOf(m)
	press(t, m, "o")
	if !slices.Equal(st.opened, []string{"https://clinicaltrials.gov/study/NCT05033522"}) || !strings.Contains(screen(m), "Opened https://clinicaltrials.gov/study/NCT05033522 (stub-opener)") {
		t.Errorf("o: %v\n%s", st.opened, screen(m))
	}
	press(t, m, "y")
	if !slices.Equal(st.copied, []string{"NCT05033522"}) || !strings.Contains(screen(m), "Copied NCT05033522") {
		t.Errorf("y: %v", st.copied)
	}
	press(t, m, "Y")
	want := "Mirror Biologics, Inc. Immunotherapy for Advanced Liver Cancer. ClinicalTrials.gov identifier NCT05033522; Suspended"
	if len(st.copied) != 2 || !strings.HasPrefix(st.copied[1], want) || !strings.HasSuffix(st.copied[1], "; https://clinicaltrials.gov/study/NCT05033522") {
		t.Errorf("Y: %q", st.copied)
	}
	// A trial without an NCT id: nothing opened or copied, and a message.
	press(t, m, "j", "j", "j", "j", "o", "y")
	if len(st.opened) != 1 || len(st.copied) != 2 || !strings.Contains(screen(m), "CC-B505B9C8 has no NCT id") {
		t.Errorf("no NCT id: %v %v\n%s", st.opened, st.copied, screen(m))
	}
	st.openErr = errors.New("exit status 3")
	press(t, m, "k", "o")
	if !strings.Contains(screen(m), "Cannot open NCT05962450: stub-opener: exit status 3") {
		t.Errorf("a failed opener:\n%s", screen(m))
	}
	// Contacts in the Detail pane: ] picks (from the list too), y copies
	// the e-mail.
	press(t, m, "]")
	if m.browser.focus != 1 || !strings.Contains(screen(m), "names no contact") {
		t.Errorf("] on a trial without contacts:\n%s", screen(m))
	}
	press(t, m, "esc", "G", "enter")
	if s := screen(m); !strings.Contains(s, "3 contacts at the end: ] picks one") {
		t.Errorf("the Detail pane says where the contacts are:\n%s", s)
	}
	press(t, m, "esc", "]")
	s := screen(m)
	for _, want := range []string{"For the study", "▌  Jane Doe · +86 20 1234 5678 · jane.doe@example.org", "Trial Office · +86 20 0000",
		"Sun Yat-sen Cancer Center — Guangzhou, China", "Li Wei (Principal investigator) · li.wei@example.org", "y copy the contact's e-mail"} {
		if !strings.Contains(s, want) {
			t.Errorf("%q missing:\n%s", want, s)
		}
	}
	if _, contacts, _ := strings.Cut(s, "For the study"); strings.Contains(contacts, "A site with no contact") {
		t.Error("a site without contacts is not listed among them")
	}
	press(t, m, "y")
	if st.copied[len(st.copied)-1] != "jane.doe@example.org" {
		t.Errorf("y on a contact: %v", st.copied)
	}
	press(t, m, "]", "y")
	if !strings.Contains(screen(m), "Trial Office lists no e-mail") {
		t.Errorf("a contact without e-mail:\n%s", screen(m))
	}
	press(t, m, "[", "[", "y")
	if st.copied[len(st.copied)-1] != "li.wei@example.org" {
		t.Errorf("[ wraps to the last contact: %v", st.copied)
	}
	press(t, m, "esc", "y")
	if st.copied[len(st.copied)-1] != "NCT09000001" || m.browser.focus != 1 {
		t.Errorf("esc leaves the contacts; y copies the id again: %v, focus %d", st.copied, m.browser.focus)
	}
}

// TestCitationOfATrialReadAgain: Y on a trial not kept in memory reads it
// off the UI goroutine, then copies.
func TestCitationOfATrialReadAgain(t *testing.T) {
	c := rereading(t, func(trials []*model.Trial, src model.Source) (*model.Trial, error) {
		for _, tr := range trials {
			if tr.Source == src {
				return tr, nil
			}
		}
		return nil, errors.New("gone")
	})
	m := newTestModel(t, c, 80, 24)
	_, cmd := m.Update(keyMsg("Y"))
	if !strings.Contains(screen(m), "Reading NCT05033522 for its citation") || len(stubsOf(m).copied) != 0 {
		t.Fatalf("Y first reads:\n%s", screen(m))
	}
	for _, msg := range runCmd(cmd) {
		send(t, m, msg)
	}
	if got := stubsOf(m).copied; len(got) != 1 || !strings.Contains(got[0], "ClinicalTrials.gov identifier NCT05033522") {
		t.Errorf("copied %q", got)
	}
}

// TestCitation: the parts a trial does not state are left out.
func TestCitation(t *testing.T) {
	tr := contactTrial()
	if got, want := citation(tr), "Sun Yat-sen University. A trial with contacts. ClinicalTrials.gov identifier NCT09000001; Recruiting; first posted 2024-03-05; https://clinicaltrials.gov/study/NCT09000001"; got != want {
		t.Errorf("citation\n got %q\nwant %q", got, want)
	}
	bare := &model.Trial{ID: "CC-B505B9C8", Title: "Title.\x1b[2J"}
	if got := citation(bare); got != "Title. trial id CC-B505B9C8 (no NCT id)" {
		t.Errorf("bare citation %q", got)
	}
}

func TestOpenerFor(t *testing.T) {
	tests := []struct {
		goos string
		env  []string
		want string
	}{
		{"linux", nil, "xdg-open"}, {"freebsd", nil, "xdg-open"}, {"darwin", nil, "open"}, {"windows", nil, "rundll32"},
		{"linux", []string{"TRIALS_OPENER=firefox --new-tab"}, "firefox"},
	}
	for _, tt := range tests {
		if got := openerFor(tt.goos, tt.env).name; got != tt.want {
			t.Errorf("%s %v: %s, want %s", tt.goos, tt.env, got, tt.want)
		}
	}
	// The opener is run with the address as its last argument, its output
	// kept from the screen; its error names the first line it printed.
	if _, err := os.Stat("/bin/sh"); err != nil {
		t.Skip("no /bin/sh")
	}
	out := filepath.Join(t.TempDir(), "url")
	if err := runOpener([]string{"/bin/sh", "-c", `printf %s "$0" > ` + out}, "https://clinicaltrials.gov/study/NCT05033522"); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(out); string(b) != "https://clinicaltrials.gov/study/NCT05033522" {
		t.Errorf("the opener got %q", b)
	}
	err := runOpener([]string{"/bin/sh", "-c", `echo "no display" >&2; exit 3`}, "u")
	if err == nil || !strings.Contains(err.Error(), "exit status 3: no display") {
		t.Errorf("err %v", err)
	}
	// A desktop without the opener: the message says how to choose one.
	for _, prog := range []string{"trials-no-such-opener", filepath.Join(t.TempDir(), "missing")} {
		m := newTestModel(t, seedCorpus(t), 120, 24)
		m.ctx.open = openerFor("linux", []string{"TRIALS_OPENER=" + prog})
		press(t, m, "o")
		if s := screen(m); !strings.Contains(s, "Cannot open NCT05033522: no ") || !strings.Contains(s, "(set TRIALS_OPENER to a program)") {
			t.Errorf("%s:\n%s", prog, s)
		}
	}
}

func TestNotesMatching(t *testing.T) {
	c, dir := missingCorpus(t)
	m := newTestModelIn(t, c, dir, 80, 24)
	ids := func(recs []int) []string {
		var out []string
		for _, r := range recs {
			out = append(out, c.Record(r).ID)
		}
		return out
	}
	tests := []struct {
		query string
		want  []string
	}{
		{"atezolizumab", []string{"NCT05168163"}},
		{"ATEZO scans", []string{"NCT05168163"}},
		{"tuesday", []string{"NCT05168163"}},
		{"atezolizumab protocol", nil},
		{"protocol", nil}, // the note of a trial not in the corpus
		{"", nil},
	}
	for _, tt := range tests {
		if got := ids(m.ctx.notesMatching(tt.query)); !slices.Equal(got, tt.want) {
			t.Errorf("notesMatching(%q) = %v, want %v", tt.query, got, tt.want)
		}
	}
	if got := ids(m.ctx.taggedWith("ASK-pi")); !slices.Equal(got, []string{"NCT05962450"}) {
		t.Errorf("taggedWith: %v", got)
	}
}
