// Package shortlist keeps the user's triage of trials — which trials are on
// the shortlist, a one-paragraph note and a one-word tag per trial — in a
// file in the user's data directory, so that it survives a restart.
//
// # Keying
//
// There is one list per user, keyed by trial id (the NCT id, or the id the
// loader derives for a document that names none), not one per corpus. A
// coordinator opens the same registry folder every day, sometimes a fresh
// fetch of it in another folder or zip; a note about NCT05033522 is about that
// trial wherever it was read from. Entries whose trial is not in the corpus
// opened are kept, and Missing lists them with the title they had, so that
// nothing is dropped because a different folder was opened.
//
// # Entries
//
// An entry is created by putting a trial on the shortlist (Toggle) or by
// giving it a note or a tag (SetNote, SetTag). Taking a trial off the
// shortlist keeps its note and tag — a tag such as "no" records a decision
// about a trial that is deliberately not shortlisted, and one keystroke
// must not throw away a paragraph of notes. An entry disappears only when it
// is off the shortlist and has neither note nor tag.
//
// Order is the order trials were put on the shortlist: IDs returns them
// oldest first, and Latest(2) gives the two most recently added, older
// first, which is how compare lays out its left and right columns. Putting
// a trial back on the shortlist moves it to the end.
//
// # Callers
//
// The browser keeps one *List for the session: space → Toggle, L → IDs (and
// Missing for the ones not in the corpus), c → Latest(2), a → Note/SetNote,
// t → Tag/SetTag (CheckTag as the user types), the row glyph → Has, the
// header count → Len, `note:` and plain-word search → Note (or Entries for
// every note), e and `trials export --shortlist` → IDs with Note and Tag for
// each, and Missing for the ids to report on stderr. Every method is safe to
// call from any goroutine; the browser calls the accessors from its Update,
// runs Save in a tea.Cmd after each change, and Saves on quit if Dirty.
//
// Notes are stored as the user typed them, less surrounding white space;
// titles as the corpus gave them. They are untrusted text wherever they are
// shown: render them through plain.Clean (plain.Line for one line), as for
// document text.
//
// # The file
//
// The list is DefaultDir()/shortlist.json ($XDG_DATA_HOME/trials or
// ~/.local/share/trials on Linux and BSD; the same base directories as
// `trials fetch` elsewhere), mode 0600 (notes can be about patients'
// trials); a directory it has to create is made 0700. The file is versioned
// (FormatVersion) and replaced atomically: written to a temporary file in
// the same directory, synced, then renamed over the old one, so a process
// that dies mid-write leaves the previous list intact. A file that cannot be
// parsed is never overwritten: it is renamed aside (shortlist.json.bad, .bad-2,
// …) and reported in a *CorruptError; a file from a newer version of trials
// is left alone and Save refuses to replace it.
//
// Save merges rather than overwrites: it rereads the file and applies only
// the changes made through this List since the last Save, so two browsers
// open on the same data directory keep each other's additions; an entry
// both changed is as the last Save left it. (Two Saves in the same instant
// from two processes can still race; the last rename wins.)
package shortlist

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/trials-app/trials/userdir"

	"github.com/trials-app/trials/plain"
)

// FileName is the name of the shortlist file in its directory.
const FileName = "shortlist.json"

// FormatVersion is the version of the file format this package writes. It
// reads files of this version and refuses to replace files of a later one.
const FormatVersion = 1

// formatName marks the file as a trials shortlist, so that a stray JSON file
// is not taken for one.
const formatName = "trials shortlist"

// Limits on what the user types. The browser should set its inputs' limits
// to them (textarea.CharLimit = MaxNoteLen) so that nothing is refused late.
const (
	MaxNoteLen = 4000 // characters of a note
	MaxTagLen  = 20   // characters of a tag
	maxIDLen   = 64
	// maxTitleLen bounds a stored title, which only names a missing trial.
	maxTitleLen = 500
	// maxFileSize bounds what Open reads: a shortlist of thousands of
	// trials with long notes is well under a megabyte.
	maxFileSize = 32 << 20
)

// Entry is one trial the user has shortlisted, annotated or tagged.
type Entry struct {
	ID string `json:"id"`
	// Title is the trial's title when the entry was last touched, so that a
	// trial no longer in the corpus can still be named.
	Title string `json:"title,omitempty"`
	// Listed says the trial is on the shortlist; an entry off it is kept
	// for its note or tag.
	Listed bool `json:"listed"`
	// Added is when the trial was put on the shortlist (or, for an entry
	// that never was, when it was first annotated).
	Added time.Time `json:"added"`
	Note  string    `json:"note,omitempty"`
	Tag   string    `json:"tag,omitempty"`
	// Changed is when the entry was last changed.
	Changed time.Time `json:"changed"`
}

func (e *Entry) setTitle(title string) {
	if title == "" {
		return
	}
	if utf8.RuneCountInString(title) > maxTitleLen {
		title = string([]rune(title)[:maxTitleLen-1]) + "…"
	}
	e.Title = title
}

func (e *Entry) empty() bool { return !e.Listed && e.Note == "" && e.Tag == "" }

// file is the JSON document on disk.
type file struct {
	Format  string    `json:"format"`
	Version int       `json:"version"`
	Saved   time.Time `json:"saved"`
	Entries []Entry   `json:"entries"`
}

// List is the shortlist of one user. The zero value is not usable: call Open.
type List struct {
	path string
	now  func() time.Time
	// unsaved, when set, is why the list can only live in memory.
	unsaved error

	// saveMu serialises Save, so that an older snapshot is never renamed
	// over a newer one.
	saveMu sync.Mutex

	mu      sync.Mutex
	entries map[string]*Entry
	// dirty holds the ids changed since the last Save, each with the
	// sequence number of its latest change, so that a Save running while
	// the user goes on working clears only what it wrote.
	dirty map[string]uint64
	seq   uint64
	// last is the latest timestamp handed out: timestamps are made
	// strictly increasing so that order never depends on clock resolution.
	last time.Time
}

// CorruptError reports a shortlist file that could not be parsed. The file
// was renamed to KeptAs, never deleted or overwritten.
type CorruptError struct {
	Path   string
	KeptAs string // "" if even the rename failed; then the file is untouched
	Err    error
	// Saved is set when Save met the damaged file: the list in memory was
	// then written in its place.
	Saved bool
}

func (e *CorruptError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "shortlist %s is damaged (%v)", e.Path, e.Err)
	switch {
	case e.KeptAs == "":
		b.WriteString("; it was left as it is, and nothing is saved over it")
	case e.Saved:
		fmt.Fprintf(&b, "; it was kept as %s and the shortlist in use was saved in its place", e.KeptAs)
	default:
		fmt.Fprintf(&b, "; it was kept as %s and an empty shortlist started", e.KeptAs)
	}
	return b.String()
}

func (e *CorruptError) Unwrap() error { return e.Err }

// ErrNewerVersion is wrapped by the errors of a file written by a later
// version of trials, which this version neither reads nor replaces.
var ErrNewerVersion = errors.New("written by a newer version of trials")

// DefaultDir is the per-user data directory the shortlist is kept in:
// $XDG_DATA_HOME/trials (~/.local/share/trials) on Linux and BSD,
// ~/Library/Application Support/trials on macOS, %LocalAppData%\trials on
// Windows — the parent of `trials fetch`'s studies directory.
func DefaultDir(goos string, getenv func(string) string) (string, error) {
	return userdir.Dir(userdir.Data, goos, getenv)
}

// OpenDefault opens the shortlist in DefaultDir for this platform and
// environment. Like Open, it always returns a usable *List: with no data
// directory (no $HOME), the list lives in memory and Save says why it
// cannot keep it.
func OpenDefault() (*List, error) {
	dir, err := DefaultDir(runtime.GOOS, os.Getenv)
	if err != nil {
		err = fmt.Errorf("shortlist: no data directory to keep it in: %w", err)
		l := newList("", time.Now)
		l.unsaved = err
		return l, err
	}
	return Open(dir)
}

// Open reads the shortlist kept in dir (DefaultDir, or a temporary
// directory in tests). A missing file is an empty shortlist; dir is created
// by the first Save.
//
// Open always returns a usable *List. Its error, when not nil, is for the
// user to read: a damaged file (a *CorruptError: the file was set aside and
// the list starts empty), a file from a newer version (wrapping
// ErrNewerVersion), or one that could not be read; in the last two cases
// the list starts empty and Save refuses to replace the file.
func Open(dir string) (*List, error) {
	return open(dir, time.Now)
}

func newList(path string, now func() time.Time) *List {
	return &List{path: path, now: now, entries: map[string]*Entry{}, dirty: map[string]uint64{}}
}

func open(dir string, now func() time.Time) (*List, error) {
	l := newList(filepath.Join(dir, FileName), now)
	removeStaleTemps(dir, now())
	entries, err := readFile(l.path)
	var ce *CorruptError
	switch {
	case err == nil:
		for i := range entries {
			e := entries[i]
			l.entries[e.ID] = &e
			l.last = latest(l.last, e.Added, e.Changed)
		}
		return l, nil
	case errors.Is(err, fs.ErrNotExist):
		return l, nil
	case errors.As(err, &ce):
		ce.KeptAs = setAside(l.path)
		return l, ce
	default:
		return l, fmt.Errorf("%w; the shortlist starts empty, and changes will not be saved over that file", err)
	}
}

// Path is the file the list is kept in.
func (l *List) Path() string { return l.path }

// Toggle puts the trial on the shortlist or takes it off, and reports
// whether it is now on it. title is remembered to name the trial should it
// later be missing from the corpus. An id that is empty or not a single
// clean word is ignored.
func (l *List) Toggle(id, title string) bool {
	if !validID(id) {
		return false
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.tick()
	e := l.entries[id]
	switch {
	case e == nil:
		e = &Entry{ID: id, Listed: true, Added: now}
		l.entries[id] = e
	case e.Listed:
		e.Listed = false
	default:
		e.Listed, e.Added = true, now
	}
	e.setTitle(title)
	e.Changed = now
	if e.empty() {
		delete(l.entries, id)
	}
	l.touch(e)
	return e.Listed
}

// Has reports whether the trial is on the shortlist.
func (l *List) Has(id string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	e := l.entries[id]
	return e != nil && e.Listed
}

// Len is the number of trials on the shortlist.
func (l *List) Len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	n := 0
	for _, e := range l.entries {
		if e.Listed {
			n++
		}
	}
	return n
}

// IDs lists the trials on the shortlist in the order they were added,
// oldest first.
func (l *List) IDs() []string {
	var ids []string
	for _, e := range l.Entries() {
		if e.Listed {
			ids = append(ids, e.ID)
		}
	}
	return ids
}

// Latest is the n trials most recently put on the shortlist, older first
// (fewer if the list is shorter): compare's left and right columns.
func (l *List) Latest(n int) []string {
	ids := l.IDs()
	if n < 0 {
		n = 0
	}
	if len(ids) > n {
		ids = ids[len(ids)-n:]
	}
	return ids
}

// Entries is every entry — on the shortlist or kept for a note or tag — in
// the order they were added.
func (l *List) Entries() []Entry {
	l.mu.Lock()
	defer l.mu.Unlock()
	return sortedEntries(l.entries)
}

// Entry is the entry for id, if there is one.
func (l *List) Entry(id string) (Entry, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if e := l.entries[id]; e != nil {
		return *e, true
	}
	return Entry{}, false
}

// Missing is the entries whose trial is not in the corpus — present reports
// whether an id is — in the order they were added. They are kept, never
// dropped: the browser lists them with their stored title.
func (l *List) Missing(present func(id string) bool) []Entry {
	var out []Entry
	for _, e := range l.Entries() {
		if !present(e.ID) {
			out = append(out, e)
		}
	}
	return out
}

// Note is the note on the trial, "" if none.
func (l *List) Note(id string) string {
	l.mu.Lock()
	defer l.mu.Unlock()
	if e := l.entries[id]; e != nil {
		return e.Note
	}
	return ""
}

// Tag is the tag on the trial, "" if none.
func (l *List) Tag(id string) string {
	l.mu.Lock()
	defer l.mu.Unlock()
	if e := l.entries[id]; e != nil {
		return e.Tag
	}
	return ""
}

// SetNote sets the note on the trial; blank text removes it. The text is
// kept as typed, less surrounding white space. It does not put the trial on
// the shortlist. title is remembered as in Toggle.
func (l *List) SetNote(id, title, text string) error {
	text = strings.TrimSpace(text)
	if err := checkNote(text); err != nil {
		return err
	}
	return l.update(id, title, func(e *Entry) { e.Note = text })
}

// SetTag sets the tag on the trial; "" removes it. A tag is one word of at
// most MaxTagLen characters — letters, digits and punctuation other than
// ',' and ';' (the separators of list values in the exports) — such as
// "eligible", "ask-PI" or "no". It does not put the trial on the shortlist.
func (l *List) SetTag(id, title, tag string) error {
	tag = strings.TrimSpace(tag)
	if err := CheckTag(tag); err != nil {
		return err
	}
	return l.update(id, title, func(e *Entry) { e.Tag = tag })
}

func (l *List) update(id, title string, set func(*Entry)) error {
	if !validID(id) {
		return fmt.Errorf("shortlist: %q is not a trial id", plain.Line(id))
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.tick()
	e := l.entries[id]
	if e == nil {
		e = &Entry{ID: id, Added: now}
	}
	set(e)
	e.setTitle(title)
	e.Changed = now
	if e.empty() {
		delete(l.entries, id)
	} else {
		l.entries[id] = e
	}
	l.touch(e)
	return nil
}

// CheckTag reports why tag cannot be a tag, or nil if it can ("" can: it
// clears the tag). The browser can call it as the user types.
func CheckTag(tag string) error {
	switch {
	case tag == "":
		return nil
	case !utf8.ValidString(tag):
		return errors.New("a tag must be text")
	case utf8.RuneCountInString(tag) > MaxTagLen:
		return fmt.Errorf("a tag is at most %d characters", MaxTagLen)
	}
	for _, r := range tag {
		switch {
		case unicode.IsSpace(r):
			return errors.New("a tag is one word, without spaces")
		case r == ',' || r == ';':
			return fmt.Errorf("a tag cannot contain %q", r)
		case !unicode.IsPrint(r):
			return errors.New("a tag cannot contain control or invisible characters")
		}
	}
	if plain.Line(tag) != tag {
		return errors.New("a tag cannot contain control or invisible characters")
	}
	return nil
}

func checkNote(text string) error {
	switch {
	case !utf8.ValidString(text):
		return errors.New("a note must be text")
	case utf8.RuneCountInString(text) > MaxNoteLen:
		return fmt.Errorf("a note is at most %d characters", MaxNoteLen)
	}
	return nil
}

// validID accepts what the loader produces as ids — NCT ids and derived ids
// such as CC-B505B9C8 — and refuses anything that could not be one.
func validID(id string) bool {
	if id == "" || len(id) > maxIDLen || !utf8.ValidString(id) {
		return false
	}
	for _, r := range id {
		if unicode.IsSpace(r) || !unicode.IsPrint(r) {
			return false
		}
	}
	return plain.Line(id) == id
}

// tick is now, made later than every timestamp handed out before.
func (l *List) tick() time.Time {
	now := l.now().UTC().Round(0)
	if !now.After(l.last) {
		now = l.last.Add(time.Nanosecond)
	}
	l.last = now
	return now
}

func (l *List) touch(e *Entry) {
	l.seq++
	l.dirty[e.ID] = l.seq
}

// Dirty reports whether there are changes Save has not written.
func (l *List) Dirty() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.dirty) > 0
}

// Save writes the list to its file, merged with what other processes saved
// there since: entries changed through this List replace (or remove) theirs,
// every other entry on disk is kept, and the list in memory then holds the
// merge. Save is safe to run off the browser's goroutine while it goes on
// calling the other methods. It returns a *CorruptError (with Saved set)
// when it set a damaged file aside; the list was saved all the same.
func (l *List) Save() error {
	if l.unsaved != nil {
		return l.unsaved
	}
	l.saveMu.Lock()
	defer l.saveMu.Unlock()

	l.mu.Lock()
	snapshot := make(map[string]Entry, len(l.entries))
	for id, e := range l.entries {
		snapshot[id] = *e
	}
	written := make(map[string]uint64, len(l.dirty))
	for id, seq := range l.dirty {
		written[id] = seq
	}
	l.mu.Unlock()

	merged := map[string]Entry{}
	disk, err := readFile(l.path)
	var corrupt *CorruptError
	switch {
	case err == nil || errors.Is(err, fs.ErrNotExist):
		// No file is an empty one: it was never written, or whoever
		// removed it meant to start afresh.
		if len(written) == 0 {
			l.mu.Lock()
			defer l.mu.Unlock()
			l.adopt(disk, nil)
			return nil
		}
		for _, e := range disk {
			merged[e.ID] = e
		}
		for id := range written {
			if e, ok := snapshot[id]; ok {
				merged[id] = e
			} else {
				delete(merged, id)
			}
		}
	case errors.As(err, &corrupt):
		// What the damaged file held is lost to this merge; keep all
		// that is in memory.
		if corrupt.KeptAs = setAside(l.path); corrupt.KeptAs == "" {
			return corrupt
		}
		corrupt.Saved = true
		merged = snapshot
	default:
		return fmt.Errorf("shortlist not saved, so as not to replace %s: %w", l.path, err)
	}

	entries := make([]Entry, 0, len(merged))
	for _, e := range merged {
		entries = append(entries, e)
	}
	sortEntries(entries)
	if err := writeFile(l.path, file{Format: formatName, Version: FormatVersion, Saved: l.now().UTC().Round(0), Entries: entries}); err != nil {
		return err
	}

	l.mu.Lock()
	defer l.mu.Unlock()
	l.adopt(entries, written)
	if corrupt != nil {
		return corrupt
	}
	return nil
}

// adopt makes the list mirror entries, the content of the file, except for
// entries changed since written was taken: those stay as they are in memory,
// and dirty. l.mu must be held.
func (l *List) adopt(entries []Entry, written map[string]uint64) {
	fresh := make(map[string]*Entry, len(entries))
	for i := range entries {
		e := entries[i]
		fresh[e.ID] = &e
		l.last = latest(l.last, e.Added, e.Changed)
	}
	for id, seq := range l.dirty {
		if written[id] == seq {
			delete(l.dirty, id)
			continue
		}
		if e := l.entries[id]; e != nil {
			fresh[id] = e
		} else {
			delete(fresh, id)
		}
	}
	l.entries = fresh
}

func sortedEntries(m map[string]*Entry) []Entry {
	out := make([]Entry, 0, len(m))
	for _, e := range m {
		out = append(out, *e)
	}
	sortEntries(out)
	return out
}

func sortEntries(es []Entry) {
	slices.SortFunc(es, func(a, b Entry) int {
		if c := a.Added.Compare(b.Added); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
}

func latest(ts ...time.Time) time.Time {
	var m time.Time
	for _, t := range ts {
		if t.After(m) {
			m = t
		}
	}
	return m
}

// readFile reads and checks the shortlist file. A file that exists but is
// not a well-formed shortlist gives a *CorruptError.
func readFile(path string) ([]Entry, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read shortlist: %w", err)
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && !info.Mode().IsRegular() {
		return nil, fmt.Errorf("cannot read shortlist %s: not a regular file", path)
	}
	data, err := io.ReadAll(io.LimitReader(f, maxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read shortlist: %w", err)
	}
	corrupt := func(format string, args ...any) error {
		return &CorruptError{Path: path, Err: fmt.Errorf(format, args...)}
	}
	if len(data) > maxFileSize {
		return nil, corrupt("larger than %d MiB", maxFileSize>>20)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, corrupt("empty file")
	}
	// The header first, so that a file from a newer version is recognised
	// even if its entries no longer decode as version 1's.
	var head struct {
		Format  string `json:"format"`
		Version int    `json:"version"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return nil, corrupt("%s", describeJSONError(data, err))
	}
	if head.Format != formatName {
		return nil, corrupt("not a trials shortlist")
	}
	if head.Version > FormatVersion {
		return nil, fmt.Errorf("shortlist %s is format %d, %w (this one reads format %d); it was left as it is", path, head.Version, ErrNewerVersion, FormatVersion)
	}
	if head.Version < 1 {
		return nil, corrupt("no format version")
	}
	var doc file
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, corrupt("%s", describeJSONError(data, err))
	}
	seen := make(map[string]bool, len(doc.Entries))
	for i, e := range doc.Entries {
		switch {
		case !validID(e.ID):
			return nil, corrupt("entry %d has no valid trial id", i+1)
		case seen[e.ID]:
			return nil, corrupt("%s is listed twice", e.ID)
		}
		seen[e.ID] = true
	}
	return doc.Entries, nil
}

// describeJSONError says where a JSON error is, in lines, since offsets mean
// nothing to someone opening the file in an editor.
func describeJSONError(data []byte, err error) string {
	var off int64 = -1
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		off = se.Offset
	case errors.As(err, &te):
		off = te.Offset
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || (se != nil && strings.Contains(se.Error(), "unexpected end")) {
		return "truncated: it ends in the middle of the list"
	}
	if off < 0 || off > int64(len(data)) {
		return err.Error()
	}
	line := 1 + bytes.Count(data[:off], []byte("\n"))
	return "line " + strconv.Itoa(line) + ": " + err.Error()
}

// testHookBeforeRename, when set by a test, runs after the temporary file is
// written and synced and before it is renamed into place; an error stops
// the write there, as a crash would.
var testHookBeforeRename func(tmp string) error

const tempPattern = "." + FileName + ".*.tmp"

// writeFile replaces path with doc atomically: a temporary file in the same
// directory (so that the rename cannot cross file systems), synced before it
// is renamed, and the directory synced after, so that neither a crash nor a
// power cut leaves a half-written shortlist in place of the old one.
func writeFile(path string, doc file) error {
	data, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return fmt.Errorf("shortlist not saved: %w", err)
	}
	data = append(data, '\n')
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("shortlist not saved: %w", err)
	}
	tmp, err := os.CreateTemp(dir, tempPattern) // mode 0600
	if err != nil {
		return fmt.Errorf("shortlist not saved: %w", err)
	}
	name := tmp.Name()
	fail := func(err error) error {
		tmp.Close()
		os.Remove(name)
		return fmt.Errorf("shortlist not saved: %w", err)
	}
	if err := tmp.Chmod(0o600); err != nil && runtime.GOOS != "windows" {
		return fail(err)
	}
	if _, err := tmp.Write(data); err != nil {
		return fail(err)
	}
	if err := tmp.Sync(); err != nil {
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		return fail(err)
	}
	if testHookBeforeRename != nil {
		if err := testHookBeforeRename(name); err != nil {
			return fmt.Errorf("shortlist not saved: %w", err)
		}
	}
	if err := os.Rename(name, path); err != nil {
		os.Remove(name)
		return fmt.Errorf("shortlist not saved: %w", err)
	}
	syncDir(dir)
	return nil
}

// syncDir makes a rename durable. Not every platform can sync a directory
// (Windows cannot), and the rename has happened either way, so errors are
// ignored.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// setAside renames a damaged file to the first free name of path.bad,
// path.bad-2, … and returns it, or "" if it could not.
func setAside(path string) string {
	for i := 1; i <= 100; i++ {
		bad := path + ".bad"
		if i > 1 {
			bad += "-" + strconv.Itoa(i)
		}
		if _, err := os.Lstat(bad); !errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if os.Rename(path, bad) == nil {
			return bad
		}
		return ""
	}
	return ""
}

// removeStaleTemps deletes temporary files a crashed Save left behind. Only
// old ones: a recent one may belong to a Save running in another process.
func removeStaleTemps(dir string, now time.Time) {
	names, _ := filepath.Glob(filepath.Join(dir, tempPattern))
	for _, name := range names {
		if info, err := os.Lstat(name); err == nil && info.Mode().IsRegular() && now.Sub(info.ModTime()) > 24*time.Hour {
			os.Remove(name)
		}
	}
}
