package shortlist

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// clock is a fake time source: tests never wait on real time.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *clock { return &clock{t: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)} }

func (c *clock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

func mustOpen(t *testing.T, dir string, c *clock) *List {
	t.Helper()
	l, err := open(dir, c.now)
	if err != nil {
		t.Fatalf("open %s: %v", dir, err)
	}
	return l
}

func mustSave(t *testing.T, l *List) {
	t.Helper()
	if err := l.Save(); err != nil {
		t.Fatalf("save: %v", err)
	}
}

// coordinatorDay is what a coordinator does in a session: eight trials
// shortlisted, three of them noted, two tagged, one tagged "no" without
// being shortlisted.
func coordinatorDay(t *testing.T, l *List, c *clock) {
	t.Helper()
	for i := range 8 {
		c.advance(time.Minute)
		id := fmt.Sprintf("NCT0503352%d", i)
		if !l.Toggle(id, "Trial "+id) {
			t.Fatalf("Toggle(%s) = false on an empty entry", id)
		}
	}
	notes := map[string]string{
		"NCT05033520": "Patient M. fits arm B; ask about prior sorafenib.",
		"NCT05033523": "Site in Lyon recruiting — call Dr Martin's nurse (ext 4411).\nSecond line: keep as typed.",
		"NCT05033527": "Exclusion 4 (Child-Pugh B) probably rules her out.",
	}
	for id, n := range notes {
		if err := l.SetNote(id, "", n); err != nil {
			t.Fatal(err)
		}
	}
	for id, tag := range map[string]string{"NCT05033520": "eligible", "NCT05033527": "ask-PI", "CC-B505B9C8": "no"} {
		if err := l.SetTag(id, "ClinConnect trial", tag); err != nil {
			t.Fatal(err)
		}
	}
}

func TestSurvivesRestart(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data", "trials") // not there yet: Save creates it
	c := newClock()
	l := mustOpen(t, dir, c)
	coordinatorDay(t, l, c)
	want := l.Entries()
	mustSave(t, l)

	if l.Dirty() {
		t.Error("Dirty after Save")
	}
	re := mustOpen(t, dir, c)
	if got := re.Entries(); !reflect.DeepEqual(got, want) {
		t.Errorf("after reopening:\n got %+v\nwant %+v", got, want)
	}
	if got, want := re.IDs(), []string{"NCT05033520", "NCT05033521", "NCT05033522", "NCT05033523", "NCT05033524", "NCT05033525", "NCT05033526", "NCT05033527"}; !slices.Equal(got, want) {
		t.Errorf("IDs = %v, want %v", got, want)
	}
	if got := re.Len(); got != 8 {
		t.Errorf("Len = %d, want 8", got)
	}
	if got := re.Note("NCT05033523"); !strings.Contains(got, "\nSecond line") {
		t.Errorf("note not kept as typed: %q", got)
	}
	if re.Has("CC-B505B9C8") || re.Tag("CC-B505B9C8") != "no" {
		t.Errorf("tagged-only entry: Has=%v Tag=%q, want false, \"no\"", re.Has("CC-B505B9C8"), re.Tag("CC-B505B9C8"))
	}

	if runtime.GOOS != "windows" {
		info, err := os.Stat(re.Path())
		if err != nil {
			t.Fatal(err)
		}
		if perm := info.Mode().Perm(); perm != 0o600 {
			t.Errorf("file mode %o, want 600", perm)
		}
		dinfo, err := os.Stat(dir)
		if err != nil {
			t.Fatal(err)
		}
		if perm := dinfo.Mode().Perm(); perm != 0o700 {
			t.Errorf("directory mode %o, want 700", perm)
		}
	}
	data, err := os.ReadFile(re.Path())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte(`"version": 1`)) || !bytes.Contains(data, []byte(`"format": "trials shortlist"`)) {
		t.Errorf("file does not name its format and version:\n%s", data)
	}
}

func TestToggleKeepsNotesAndTags(t *testing.T) {
	c := newClock()
	l := mustOpen(t, t.TempDir(), c)
	tests := []struct {
		name       string
		do         func()
		id         string
		wantHas    bool
		wantEntry  bool
		wantNote   string
		wantLength int
	}{
		{"add", func() { l.Toggle("NCT00000001", "One") }, "NCT00000001", true, true, "", 1},
		{"note", func() { l.SetNote("NCT00000001", "", "keep me") }, "NCT00000001", true, true, "keep me", 1},
		{"off keeps the note", func() { l.Toggle("NCT00000001", "") }, "NCT00000001", false, true, "keep me", 0},
		{"back on", func() { l.Toggle("NCT00000001", "") }, "NCT00000001", true, true, "keep me", 1},
		{"blank note clears it", func() { l.SetNote("NCT00000001", "", "  \n ") }, "NCT00000001", true, true, "", 1},
		{"off with nothing left drops the entry", func() { l.Toggle("NCT00000001", "") }, "NCT00000001", false, false, "", 0},
		{"a note alone does not shortlist", func() { l.SetNote("NCT00000002", "Two", "only a note") }, "NCT00000002", false, true, "only a note", 0},
		{"empty id is ignored", func() { l.Toggle("", "x") }, "", false, false, "", 0},
		{"id with an escape is ignored", func() { l.Toggle("NCT\x1b[2J", "x") }, "NCT\x1b[2J", false, false, "", 0},
	}
	for _, tt := range tests {
		tt.do()
		c.advance(time.Second)
		_, ok := l.Entry(tt.id)
		if got := l.Has(tt.id); got != tt.wantHas || ok != tt.wantEntry || l.Note(tt.id) != tt.wantNote || l.Len() != tt.wantLength {
			t.Errorf("%s: Has=%v entry=%v note=%q Len=%d; want %v %v %q %d", tt.name, got, ok, l.Note(tt.id), l.Len(), tt.wantHas, tt.wantEntry, tt.wantNote, tt.wantLength)
		}
	}
	if err := l.SetNote("", "", "x"); err == nil {
		t.Error("SetNote with no id: no error")
	}
}

func TestOrderAndLatest(t *testing.T) {
	c := newClock() // never advanced: order must not depend on the clock's resolution
	l := mustOpen(t, t.TempDir(), c)
	for _, id := range []string{"NCT1", "NCT2", "NCT3", "NCT4"} {
		l.Toggle(id, "")
	}
	l.Toggle("NCT2", "") // off
	l.Toggle("NCT2", "") // on again: now the most recent
	tests := []struct {
		n    int
		want []string
	}{
		{2, []string{"NCT4", "NCT2"}},
		{1, []string{"NCT2"}},
		{9, []string{"NCT1", "NCT3", "NCT4", "NCT2"}},
		{0, []string{}},
		{-1, []string{}},
	}
	for _, tt := range tests {
		if got := l.Latest(tt.n); !slices.Equal(got, tt.want) {
			t.Errorf("Latest(%d) = %v, want %v", tt.n, got, tt.want)
		}
	}
	mustSave(t, l)
	re := mustOpen(t, filepath.Dir(l.Path()), c)
	if got, want := re.IDs(), []string{"NCT1", "NCT3", "NCT4", "NCT2"}; !slices.Equal(got, want) {
		t.Errorf("order after reopening = %v, want %v", got, want)
	}
}

func TestCheckTag(t *testing.T) {
	tests := []struct {
		tag string
		ok  bool
	}{
		{"", true},
		{"eligible", true},
		{"ask-PI", true},
		{"no", true},
		{"éligible", true},
		{"適格", true},
		{"v2.1", true},
		{strings.Repeat("x", MaxTagLen), true},
		{strings.Repeat("é", MaxTagLen), true},
		{strings.Repeat("x", MaxTagLen+1), false},
		{"two words", false},
		{"tab\there", false},
		{"line\nbreak", false},
		{"nbsp\u00a0x", false},
		{"red\x1b[31m", false},
		{"bell\a", false},
		{"zero\u200bwidth", false},
		{"rtl\u202eoverride", false},
		{"a;b", false},
		{"a,b", false},
		{"\xff", false},
	}
	for _, tt := range tests {
		err := CheckTag(tt.tag)
		if (err == nil) != tt.ok {
			t.Errorf("CheckTag(%q) = %v, want ok=%v", tt.tag, err, tt.ok)
		}
	}
	l := mustOpen(t, t.TempDir(), newClock())
	if err := l.SetTag("NCT1", "", "two words"); err == nil {
		t.Error("SetTag accepted two words")
	}
	if _, ok := l.Entry("NCT1"); ok {
		t.Error("a refused tag created an entry")
	}
	if err := l.SetTag("NCT1", "", " eligible "); err != nil || l.Tag("NCT1") != "eligible" {
		t.Errorf("SetTag(\" eligible \") = %v, Tag = %q", err, l.Tag("NCT1"))
	}
}

func TestNotesStoredAsTyped(t *testing.T) {
	dir := t.TempDir()
	c := newClock()
	l := mustOpen(t, dir, c)
	// Notes are user text: stored as-is, escapes included; whoever renders
	// them cleans them.
	tricky := "ER  - not a RIS line\r\n\x1b[31mred\x1b[0m \"quoted\" \\ back\tslash ≥ 18 μg"
	tests := []struct {
		note string
		ok   bool
	}{
		{tricky, true},
		{strings.Repeat("é", MaxNoteLen), true},
		{strings.Repeat("é", MaxNoteLen+1), false},
		{"bad \xff utf-8", false},
	}
	for _, tt := range tests {
		err := l.SetNote("NCT1", "", tt.note)
		if (err == nil) != tt.ok {
			t.Errorf("SetNote(%.20q…) = %v, want ok=%v", tt.note, err, tt.ok)
		}
	}
	if err := l.SetNote("NCT1", "", tricky); err != nil {
		t.Fatal(err)
	}
	mustSave(t, l)
	if got := mustOpen(t, dir, c).Note("NCT1"); got != tricky {
		t.Errorf("note after reopening = %q, want %q", got, tricky)
	}
}

func TestMissing(t *testing.T) {
	c := newClock()
	l := mustOpen(t, t.TempDir(), c)
	for _, id := range []string{"NCT05033522", "NCT00000001", "CC-B505B9C8", "NCT00000002"} {
		c.advance(time.Second)
		l.Toggle(id, "Title of "+id)
	}
	l.SetTag("NCT09999999", "Rejected one", "no")
	corpus := map[string]bool{"NCT05033522": true, "CC-B505B9C8": true}
	var got []string
	for _, e := range l.Missing(func(id string) bool { return corpus[id] }) {
		got = append(got, e.ID+"="+e.Title)
	}
	want := []string{"NCT00000001=Title of NCT00000001", "NCT00000002=Title of NCT00000002", "NCT09999999=Rejected one"}
	if !slices.Equal(got, want) {
		t.Errorf("Missing = %v, want %v", got, want)
	}
	// Missing ones are reported, never dropped.
	if l.Len() != 4 || !l.Has("NCT00000001") {
		t.Errorf("Missing changed the list: Len=%d", l.Len())
	}
}

// TestCrashBeforeRename stops a Save between writing the temporary file and
// renaming it, as a crash would: the previous file stays as it was.
func TestCrashBeforeRename(t *testing.T) {
	dir := t.TempDir()
	c := newClock()
	l := mustOpen(t, dir, c)
	coordinatorDay(t, l, c)
	mustSave(t, l)
	before, err := os.ReadFile(l.Path())
	if err != nil {
		t.Fatal(err)
	}

	var tmp string
	testHookBeforeRename = func(name string) error {
		tmp = name
		return errors.New("simulated crash")
	}
	defer func() { testHookBeforeRename = nil }()
	l.Toggle("NCT05033520", "")
	l.Toggle("NCT11111111", "new")
	if err := l.Save(); err == nil {
		t.Fatal("Save with a crash before the rename reported success")
	}
	testHookBeforeRename = nil
	if !l.Dirty() {
		t.Error("a failed Save cleared the unsaved changes")
	}
	after, err := os.ReadFile(l.Path())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, after) {
		t.Error("the previous file changed although the rename never happened")
	}
	if _, err := os.Stat(tmp); err != nil {
		t.Errorf("the crash's temporary file should be left behind as a crash leaves it: %v", err)
	}
	re := mustOpen(t, dir, c)
	if !re.Has("NCT05033520") || re.Has("NCT11111111") {
		t.Error("reopening after the crash does not give the previous list")
	}
	// The session that did not crash saves its changes on the next try.
	mustSave(t, l)
	re = mustOpen(t, dir, c)
	if re.Has("NCT05033520") || !re.Has("NCT11111111") {
		t.Error("the retried Save did not write the changes")
	}
}

// TestCrashMidWrite kills a real process between writing and renaming —
// once with the temporary file complete, once cut short — and checks the
// file the next start reads.
func TestCrashMidWrite(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a subprocess")
	}
	for _, mode := range []string{"before-rename", "truncated"} {
		t.Run(mode, func(t *testing.T) {
			dir := t.TempDir()
			c := newClock()
			l := mustOpen(t, dir, c)
			coordinatorDay(t, l, c)
			mustSave(t, l)
			before, err := os.ReadFile(l.Path())
			if err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(os.Args[0], "-test.run=^TestCrashHelper$", "-test.count=1")
			cmd.Env = append(os.Environ(), "SHORTLIST_CRASH_DIR="+dir, "SHORTLIST_CRASH_MODE="+mode)
			out, err := cmd.CombinedOutput()
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.ExitCode() != 3 {
				t.Fatalf("helper did not die mid-write as planned: %v\n%s", err, out)
			}
			after, err := os.ReadFile(l.Path())
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(before, after) {
				t.Error("the file changed although the process died before the rename")
			}
			re, err := open(dir, c.now)
			if err != nil {
				t.Fatalf("reopening after the crash: %v", err)
			}
			if got, want := re.Entries(), l.Entries(); !reflect.DeepEqual(got, want) {
				t.Errorf("after the crash:\n got %+v\nwant %+v", got, want)
			}
		})
	}
}

// TestCrashHelper is the process TestCrashMidWrite kills: it changes the
// list and dies inside Save.
func TestCrashHelper(t *testing.T) {
	dir := os.Getenv("SHORTLIST_CRASH_DIR")
	if dir == "" {
		t.Skip("run by TestCrashMidWrite")
	}
	l, err := Open(dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	l.Toggle("NCT22222222", "added by the process that crashes")
	l.SetNote("NCT05033520", "", "overwritten note that must not land")
	testHookBeforeRename = func(tmp string) error {
		if os.Getenv("SHORTLIST_CRASH_MODE") == "truncated" {
			os.Truncate(tmp, 17)
		}
		os.Exit(3)
		return nil
	}
	l.Save()
	os.Exit(1) // Save returned: the hook did not run
}

func TestCorruptFile(t *testing.T) {
	valid := func() []byte {
		dir := t.TempDir()
		c := newClock()
		l := mustOpen(t, dir, c)
		coordinatorDay(t, l, c)
		mustSave(t, l)
		data, err := os.ReadFile(l.Path())
		if err != nil {
			t.Fatal(err)
		}
		return data
	}()
	tests := []struct {
		name string
		data []byte
		want string // in the message
	}{
		{"truncated", valid[:len(valid)/2], "truncated"},
		{"cut at the last brace", valid[:len(valid)-2], "truncated"},
		{"empty", nil, "empty file"},
		{"blank", []byte("\n\n  \n"), "empty file"},
		{"zeros", make([]byte, 512), "line 1"},
		{"not json", []byte("NCT05033522\nNCT05168163\n"), "line 1"},
		{"another json file", []byte(`{"studies": []}`), "not a trials shortlist"},
		{"no version", []byte(`{"format": "trials shortlist", "entries": []}`), "no format version"},
		{"version as text", []byte(`{"format": "trials shortlist", "version": "1"}`), "damaged"},
		{"twice the same id", []byte(`{"format": "trials shortlist", "version": 1, "entries": [{"id": "NCT1"}, {"id": "NCT1"}]}`), "NCT1 is listed twice"},
		{"entry without id", []byte(`{"format": "trials shortlist", "version": 1, "entries": [{"note": "x"}]}`), "entry 1"},
		{"bad time", []byte(`{"format": "trials shortlist", "version": 1, "entries": [{"id": "NCT1", "added": "yesterday"}]}`), "damaged"},
		{"trailing garbage", append(slices.Clone(valid), "}\x00\x00"...), "damaged"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, FileName)
			if err := os.WriteFile(path, tt.data, 0o600); err != nil {
				t.Fatal(err)
			}
			c := newClock()
			l, err := open(dir, c.now)
			var ce *CorruptError
			if !errors.As(err, &ce) {
				t.Fatalf("Open = %v, want a *CorruptError", err)
			}
			if !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), path+".bad") {
				t.Errorf("message %q should name the file, where it was kept, and %q", err, tt.want)
			}
			kept, rerr := os.ReadFile(path + ".bad")
			if rerr != nil || !bytes.Equal(kept, tt.data) {
				t.Fatalf("the damaged file was not kept as .bad intact: %v", rerr)
			}
			if l == nil || l.Len() != 0 {
				t.Fatal("Open should give an empty, usable list")
			}
			l.Toggle("NCT33333333", "after the damage")
			mustSave(t, l)
			if re := mustOpen(t, dir, c); !re.Has("NCT33333333") {
				t.Error("the new list was not saved")
			}
			if kept2, _ := os.ReadFile(path + ".bad"); !bytes.Equal(kept2, tt.data) {
				t.Error("Save touched the .bad file")
			}
		})
	}
}

func TestCorruptAgainKeepsBoth(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	c := newClock()
	for i, want := range []string{path + ".bad", path + ".bad-2", path + ".bad-3"} {
		content := fmt.Sprintf("damaged %d {", i)
		os.WriteFile(path, []byte(content), 0o600)
		_, err := open(dir, c.now)
		var ce *CorruptError
		if !errors.As(err, &ce) || ce.KeptAs != want {
			t.Fatalf("round %d: %v, want kept as %s", i, err, want)
		}
		if got, _ := os.ReadFile(want); string(got) != content {
			t.Errorf("%s holds %q, want %q", want, got, content)
		}
	}
}

// TestCorruptedWhileRunning damages the file under a running session: its
// Save sets the damage aside and writes what it holds.
func TestCorruptedWhileRunning(t *testing.T) {
	dir := t.TempDir()
	c := newClock()
	l := mustOpen(t, dir, c)
	coordinatorDay(t, l, c)
	mustSave(t, l)
	os.WriteFile(l.Path(), []byte(`{"format": "trials shortlist", "vers`), 0o600)
	l.Toggle("NCT44444444", "")
	err := l.Save()
	var ce *CorruptError
	if !errors.As(err, &ce) || !ce.Saved || !strings.Contains(err.Error(), "saved in its place") {
		t.Fatalf("Save = %v, want a *CorruptError saying the list was saved", err)
	}
	re := mustOpen(t, dir, c)
	if re.Len() != 9 || re.Note("NCT05033527") == "" {
		t.Errorf("the running session's list was not saved whole: Len=%d", re.Len())
	}
}

func TestNewerVersionLeftAlone(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	future := []byte(`{"format": "trials shortlist", "version": 2, "lists": {"default": []}}`)
	os.WriteFile(path, future, 0o600)
	l, err := open(dir, newClock().now)
	if !errors.Is(err, ErrNewerVersion) {
		t.Fatalf("Open = %v, want ErrNewerVersion", err)
	}
	if !strings.Contains(err.Error(), "format 2") || !strings.Contains(err.Error(), path) {
		t.Errorf("message %q should name the file and its format", err)
	}
	l.Toggle("NCT1", "")
	if err := l.Save(); !errors.Is(err, ErrNewerVersion) {
		t.Errorf("Save over a newer file = %v, want it refused", err)
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, future) {
		t.Error("the newer file was changed")
	}
	if _, err := os.Stat(path + ".bad"); !errors.Is(err, fs.ErrNotExist) {
		t.Error("a newer file is not damaged and must not be set aside")
	}
}

func TestUnreadableFileNotReplaced(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	if err := os.Mkdir(path, 0o700); err != nil { // a directory where the file should be
		t.Fatal(err)
	}
	l, err := open(dir, newClock().now)
	if err == nil || !strings.Contains(err.Error(), path) {
		t.Fatalf("Open = %v, want an error naming %s", err, path)
	}
	l.Toggle("NCT1", "")
	if err := l.Save(); err == nil || !strings.Contains(err.Error(), "not saved") {
		t.Errorf("Save = %v, want it refused", err)
	}
	if info, err := os.Stat(path); err != nil || !info.IsDir() {
		t.Error("what stood at the path was replaced")
	}
}

func TestConcurrentSaves(t *testing.T) {
	dir := t.TempDir()
	c := newClock()
	l := mustOpen(t, dir, c)
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for g := range 8 {
		wg.Go(func() {
			for i := range 20 {
				id := fmt.Sprintf("NCT%02d%06d", g, i)
				l.Toggle(id, "")
				if i%3 == 0 {
					if err := l.SetNote(id, "", fmt.Sprintf("note %d/%d", g, i)); err != nil {
						errs <- err
					}
				}
				if i%5 == 0 {
					l.Toggle(id, "") // off again; the note keeps i%15==0 ones
				}
				if i%4 == 0 {
					if err := l.Save(); err != nil {
						errs <- err
					}
				}
				_ = l.Has(id)
				_ = l.IDs()
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	mustSave(t, l)
	want := l.Entries()
	if len(want) == 0 {
		t.Fatal("nothing was recorded")
	}
	re := mustOpen(t, dir, c)
	if got := re.Entries(); !reflect.DeepEqual(got, want) {
		t.Errorf("file and memory differ after concurrent saves: %d entries on disk, %d in memory", len(got), len(want))
	}
	if names, _ := filepath.Glob(filepath.Join(dir, tempPattern)); len(names) != 0 {
		t.Errorf("temporary files left behind: %v", names)
	}
}

// TestTwoSessionsMerge opens the list twice, as two browsers in two
// terminals would: neither loses what the other saved.
func TestTwoSessionsMerge(t *testing.T) {
	dir := t.TempDir()
	c := newClock()
	a := mustOpen(t, dir, c)
	b := mustOpen(t, dir, c)
	a.Toggle("NCTA", "from a")
	a.SetNote("NCTA", "", "a's note")
	mustSave(t, a)
	c.advance(time.Second)
	b.Toggle("NCTB", "from b")
	mustSave(t, b)
	if !b.Has("NCTA") || b.Note("NCTA") != "a's note" {
		t.Error("b does not see what a saved after its own Save")
	}
	b.Toggle("NCTA", "") // b takes a's trial off the shortlist; the note stays
	mustSave(t, b)
	mustSave(t, a) // nothing to write: takes in b's changes
	if a.Has("NCTA") || !a.Has("NCTB") || a.Note("NCTA") != "a's note" {
		t.Errorf("a after b's changes: Has(NCTA)=%v Has(NCTB)=%v note=%q", a.Has("NCTA"), a.Has("NCTB"), a.Note("NCTA"))
	}
	re := mustOpen(t, dir, c)
	if got, want := re.IDs(), []string{"NCTB"}; !slices.Equal(got, want) {
		t.Errorf("on disk: %v, want %v", got, want)
	}
}

func TestFileRemovedWhileRunning(t *testing.T) {
	dir := t.TempDir()
	c := newClock()
	l := mustOpen(t, dir, c)
	l.Toggle("NCT1", "")
	mustSave(t, l)
	os.Remove(l.Path())
	mustSave(t, l) // nothing changed here: the removal stands
	if l.Len() != 0 {
		t.Error("a removed file should empty the list of a session with no changes")
	}
	if _, err := os.Stat(l.Path()); !errors.Is(err, fs.ErrNotExist) {
		t.Error("Save with nothing to write recreated the file")
	}
}

func TestStaleTempsRemoved(t *testing.T) {
	dir := t.TempDir()
	c := newClock()
	old := filepath.Join(dir, "."+FileName+".123.tmp")
	fresh := filepath.Join(dir, "."+FileName+".456.tmp")
	other := filepath.Join(dir, "notes.tmp")
	for _, p := range []string{old, fresh, other} {
		os.WriteFile(p, []byte("x"), 0o600)
	}
	os.Chtimes(old, c.now().Add(-48*time.Hour), c.now().Add(-48*time.Hour))
	os.Chtimes(fresh, c.now().Add(-time.Hour), c.now().Add(-time.Hour))
	os.Chtimes(other, c.now().Add(-48*time.Hour), c.now().Add(-48*time.Hour))
	mustOpen(t, dir, c)
	for p, want := range map[string]bool{old: false, fresh: true, other: true} {
		if _, err := os.Stat(p); (err == nil) != want {
			t.Errorf("%s: exists=%v, want %v", filepath.Base(p), err == nil, want)
		}
	}
}

func TestDefaultDir(t *testing.T) {
	tests := []struct {
		goos string
		env  map[string]string
		want string
		err  bool
	}{
		{"linux", map[string]string{"HOME": "/home/a"}, "/home/a/.local/share/trials", false},
		{"linux", map[string]string{"HOME": "/home/a", "XDG_DATA_HOME": "/data"}, "/data/trials", false},
		{"linux", map[string]string{"HOME": "/home/a", "XDG_DATA_HOME": "relative"}, "/home/a/.local/share/trials", false},
		{"freebsd", map[string]string{"XDG_DATA_HOME": "/x"}, "/x/trials", false},
		{"linux", map[string]string{}, "", true},
		{"darwin", map[string]string{"HOME": "/Users/a"}, "/Users/a/Library/Application Support/trials", false},
		{"darwin", map[string]string{}, "", true},
		{"windows", map[string]string{"LocalAppData": `C:\Users\a\AppData\Local`}, filepath.Join(`C:\Users\a\AppData\Local`, "trials"), false},
		{"windows", map[string]string{}, "", true},
	}
	for _, tt := range tests {
		got, err := DefaultDir(tt.goos, func(k string) string { return tt.env[k] })
		if (err != nil) != tt.err || got != filepath.FromSlash(tt.want) && !tt.err {
			t.Errorf("DefaultDir(%s, %v) = %q, %v; want %q (error %v)", tt.goos, tt.env, got, err, tt.want, tt.err)
		}
	}
}

func TestOpenDefaultHonoursXDG(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		t.Skip("XDG is for Linux and BSD")
	}
	data := t.TempDir()
	t.Setenv("XDG_DATA_HOME", data)
	l, err := OpenDefault()
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(data, "trials", FileName); l.Path() != want {
		t.Errorf("Path = %s, want %s", l.Path(), want)
	}
}

// FuzzOpen feeds any bytes to Open as the shortlist file: it never panics,
// and a file it does not accept is set aside intact or left alone.
func FuzzOpen(f *testing.F) {
	dir := f.TempDir()
	c := newClock()
	l, _ := open(dir, c.now)
	l.Toggle("NCT05033522", "Lenvatinib plus TACE")
	l.SetNote("NCT05033522", "", "ask about \x1b[31m prior\nsorafenib")
	l.SetTag("CC-B505B9C8", "", "ask-PI")
	if err := l.Save(); err != nil {
		f.Fatal(err)
	}
	valid, _ := os.ReadFile(l.Path())
	f.Add(valid)
	f.Add(valid[:len(valid)/3])
	f.Add([]byte(`{"format": "trials shortlist", "version": 2}`))
	f.Add([]byte(`{"format": "trials shortlist", "version": 1, "entries": null}`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		path := filepath.Join(dir, FileName)
		os.WriteFile(path, data, 0o600)
		l, err := open(dir, newClock().now)
		if l == nil {
			t.Fatal("Open returned no list")
		}
		var ce *CorruptError
		switch {
		case err == nil:
			for _, e := range l.Entries() {
				if !validID(e.ID) {
					t.Fatalf("accepted entry with id %q", e.ID)
				}
			}
		case errors.As(err, &ce):
			if kept, _ := os.ReadFile(ce.KeptAs); !bytes.Equal(kept, data) {
				t.Fatal("damaged file not kept intact")
			}
		default:
			if got, _ := os.ReadFile(path); !bytes.Equal(got, data) {
				t.Fatal("a file Open refused was changed")
			}
		}
	})
}

func BenchmarkSave(b *testing.B) {
	dir := b.TempDir()
	c := newClock()
	l, _ := open(dir, c.now)
	for i := range 1000 {
		id := fmt.Sprintf("NCT%08d", i)
		l.Toggle(id, "A phase 3 randomised trial of something against something else, number "+id)
		if i%3 == 0 {
			l.SetNote(id, "", strings.Repeat("A note of a paragraph about eligibility. ", 10))
		}
	}
	if err := l.Save(); err != nil {
		b.Fatal(err)
	}
	for i := 0; b.Loop(); i++ {
		l.Toggle(fmt.Sprintf("NCT%08d", i%1000), "")
		if err := l.Save(); err != nil {
			b.Fatal(err)
		}
	}
	info, _ := os.Stat(l.Path())
	b.ReportMetric(float64(info.Size()), "file-bytes")
}

func BenchmarkOpen(b *testing.B) {
	dir := b.TempDir()
	c := newClock()
	l, _ := open(dir, c.now)
	for i := range 1000 {
		id := fmt.Sprintf("NCT%08d", i)
		l.Toggle(id, "A phase 3 randomised trial, number "+id)
		l.SetNote(id, "", strings.Repeat("A note of a paragraph about eligibility. ", 10))
	}
	if err := l.Save(); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := open(dir, c.now); err != nil {
			b.Fatal(err)
		}
	}
}

func TestNoDataDirectory(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		t.Skip("XDG is for Linux and BSD")
	}
	t.Setenv("XDG_DATA_HOME", "")
	t.Setenv("HOME", "")
	l, err := OpenDefault()
	if err == nil || l == nil {
		t.Fatalf("OpenDefault with no home = %v, %v; want a usable list and an error", l, err)
	}
	if !l.Toggle("NCT1", "") || !l.Has("NCT1") {
		t.Error("the in-memory list does not work")
	}
	if err := l.Save(); err == nil || !strings.Contains(err.Error(), "no data directory") {
		t.Errorf("Save = %v, want it to say there is no data directory", err)
	}
}

func TestLongTitleCapped(t *testing.T) {
	l := mustOpen(t, t.TempDir(), newClock())
	l.Toggle("NCT1", strings.Repeat("é", 3*maxTitleLen))
	e, _ := l.Entry("NCT1")
	if n := len([]rune(e.Title)); n != maxTitleLen || !strings.HasSuffix(e.Title, "…") {
		t.Errorf("stored title of %d characters, want %d ending in …", n, maxTitleLen)
	}
}
