package ui

import (
	"errors"
	"slices"
	"strings"
	"sync"

	tea "charm.land/bubbletea/v2"

	"github.com/trials-app/trials/corpus"
	"github.com/trials-app/trials/model"
	"github.com/trials-app/trials/plain"
	"github.com/trials-app/trials/present"
	"github.com/trials-app/trials/search"
	"github.com/trials-app/trials/shortlist"
)

// The shortlist in the browser: the Context holds the user's list; every
// change to it (space, a note, a tag) goes through changed, which saves it
// off the UI goroutine. What the file said when it could not be read or
// written stays in the status line and under !.

// triageState is the Context's part of the shortlist.
type triageState struct {
	// gen counts changes to the shortlist, notes and tags, so that views
	// showing them lay out again.
	gen int
	// warn is the status line's warning about the shortlist file; "" when
	// the last save succeeded.
	warn string
	// problems are the session's load and save errors, for !.
	problems []string
	// exporting names the export running now, "" for none; lastFormat is
	// the format of the last one, which the next starts from.
	exporting  string
	lastFormat string
	// tagged is whether any trial is tagged, as of change tagsGen-1.
	tagged  bool
	tagsGen int

	// ids finds records by trial id, for the corpus in use.
	ids *recordIndex
}

// recordIndex is a corpus's records by trial id, built once, when first
// needed, and only read after. A new corpus gets a new one, so a goroutine
// holding the old one (a query) never sees it change.
type recordIndex struct {
	once sync.Once
	corp *corpus.Corpus
	ids  map[string]int
}

func (x *recordIndex) of(id string) (int, bool) {
	x.once.Do(func() {
		n := x.corp.Len()
		x.ids = make(map[string]int, n)
		for i := range n {
			if id := x.corp.Record(i).ID; id != "" {
				if _, dup := x.ids[id]; !dup {
					x.ids[id] = i
				}
			}
		}
	})
	rec, ok := x.ids[id]
	return rec, ok
}

// selection is the trial a key acts on: a record of the corpus, or a
// shortlist entry whose trial is not in it.
type selection struct {
	rec   int // -1 when the trial is not in the corpus
	id    string
	nctID string
	title string
}

func (c *Context) selectionOf(rec int) selection {
	r := c.Corpus.Record(rec)
	return selection{rec: rec, id: r.ID, nctID: r.NCTID, title: r.Title}
}

// recordOf is the record of a trial id (see recordIndex). On the UI
// goroutine; a goroutine of its own takes recordIndex().of.
func (c *Context) recordOf(id string) (int, bool) { return c.recordIndex().of(id) }

// recordIndex is the corpus's index by id, made when first asked for.
func (c *Context) recordIndex() *recordIndex {
	if c.triage.ids == nil || c.triage.ids.corp != c.Corpus {
		c.triage.ids = &recordIndex{corp: c.Corpus}
	}
	return c.triage.ids
}

// indexIDs builds the map of records by id, as a command when a load
// ends: at the registry's 500,000 trials it takes about 85 ms, which the
// first L or c would otherwise wait for. It returns no message.
func (c *Context) indexIDs() tea.Cmd {
	x := c.recordIndex()
	return func() tea.Msg {
		x.of("")
		return nil
	}
}

// savedMsg is the end of a save of the shortlist.
type savedMsg struct{ err error }

// changed records a change to the shortlist, notes or tags and saves the
// list off the UI goroutine (Save merges and serialises itself, so saves
// may overlap).
func (c *Context) changed() tea.Cmd {
	c.triage.gen++
	l := c.Shortlist
	return tea.Batch(func() tea.Msg { return savedMsg{err: l.Save()} }, c.requeryCmd())
}

// saved takes the result of a save.
func (c *Context) saved(err error) {
	var corrupt *shortlist.CorruptError
	switch {
	case err == nil:
		c.triage.warn = ""
	case errors.As(err, &corrupt) && corrupt.Saved:
		c.triage.warn = ""
		c.storeProblem(err)
		c.Notify(err.Error())
	default:
		c.triage.warn = "shortlist not saved — press !"
		c.storeProblem(err)
		c.Notify(err.Error())
	}
}

// opened takes the result of opening the shortlist.
func (c *Context) opened(err error) {
	if err == nil {
		return
	}
	c.storeProblem(err)
	c.triage.warn = "shortlist problem — press !"
	c.Notify(err.Error())
}

func (c *Context) storeProblem(err error) {
	msg := plain.Line(err.Error())
	if !slices.Contains(c.triage.problems, msg) {
		c.triage.problems = append(c.triage.problems, msg)
	}
}

// toggle puts a trial on the shortlist or takes it off.
func (c *Context) toggle(sel selection) tea.Cmd {
	l := c.Shortlist
	was := l.Has(sel.id)
	on := l.Toggle(sel.id, sel.title)
	id := shortID(sel.id)
	switch {
	case on:
		c.Notify("★ " + id + " is on the shortlist (" + present.Count(l.Len(), "trial", "trials") + "); L shows it.")
	case was:
		c.unpick(sel.id)
		msg := id + " is off the shortlist."
		if e, ok := l.Entry(sel.id); ok && (e.Note != "" || e.Tag != "") {
			msg += " Its note and tag are kept."
		}
		c.Notify(msg)
	default:
		c.Notify(id + " cannot be shortlisted: its id is not a single word.")
		return nil
	}
	return c.changed()
}

func (c *Context) unpick(id string) {
	c.Picks = slices.DeleteFunc(c.Picks, func(p string) bool { return p == id })
}

// shortlisted is the shortlist in the order trials were added, with the
// record of each (-1 for the ones not in the corpus).
func (c *Context) shortlisted() []shortlistRow {
	var rows []shortlistRow
	for _, e := range c.Shortlist.Entries() {
		if !e.Listed {
			continue
		}
		rec, ok := c.recordOf(e.ID)
		if !ok {
			rec = -1
		}
		rows = append(rows, shortlistRow{rec: rec, entry: e})
	}
	return rows
}

// shortlistRow is one trial of the shortlist.
type shortlistRow struct {
	rec   int // -1: not in the corpus
	entry shortlist.Entry
}

func (r shortlistRow) selection(c *Context) selection {
	if r.rec >= 0 {
		return c.selectionOf(r.rec)
	}
	nct := ""
	if model.IsNCTID(r.entry.ID) {
		nct = r.entry.ID
	}
	return selection{rec: -1, id: r.entry.ID, nctID: nct, title: r.entry.Title}
}

// notesMatching is the records whose note the query finds: every word of
// the query starts a word of the note (or is a typo away from a long one),
// folded as the filter folds — case and accents aside. Records are in
// corpus order; a note whose trial is not in the corpus is left out. It is
// what plain words and note: in the query language search in notes, and is
// safe to call from the filter's goroutine.
func (c *Context) notesMatching(query string) []int {
	terms := search.Terms(query)
	if len(terms) == 0 {
		return nil
	}
	var out []int
	for _, e := range c.Shortlist.Entries() {
		if e.Note == "" {
			continue
		}
		rec, ok := c.recordOf(e.ID)
		if !ok {
			continue
		}
		every := true
		for _, t := range terms {
			if len(search.Spans(e.Note, []string{t})) == 0 {
				every = false
				break
			}
		}
		if every {
			out = append(out, rec)
		}
	}
	slices.Sort(out)
	return out
}

// taggedWith is the records whose tag is tag, ignoring case (tag: in the
// query language); in corpus order.
func (c *Context) taggedWith(tag string) []int {
	var out []int
	for _, e := range c.Shortlist.Entries() {
		if e.Tag == "" || !strings.EqualFold(e.Tag, strings.TrimSpace(tag)) {
			continue
		}
		if rec, ok := c.recordOf(e.ID); ok {
			out = append(out, rec)
		}
	}
	slices.Sort(out)
	return out
}

// hasTags reports whether any trial is tagged, for the tag column. The
// answer is kept until the next change, not asked of the list per frame.
func (c *Context) hasTags() bool {
	if c.triage.tagsGen != c.triage.gen+1 {
		c.triage.tagsGen = c.triage.gen + 1
		c.triage.tagged = false
		for _, e := range c.Shortlist.Entries() {
			if e.Tag != "" {
				c.triage.tagged = true
				break
			}
		}
	}
	return c.triage.tagged
}

// shortlistMark is a row's mark: ★ for a trial on the shortlist.
func (c *Context) shortlistMark(id string) string {
	if c.Shortlist.Has(id) {
		return "★"
	}
	return " "
}

// shortlistCount is the header's count of the shortlist, "" when empty.
func (c *Context) shortlistCount() string {
	if n := c.Shortlist.Len(); n > 0 {
		return "  ·  ★ " + present.Number(n) + " shortlisted"
	}
	return ""
}

// triageStatus is the status line's word on the shortlist file and on an
// export running: "" when there is nothing to say.
func (c *Context) triageStatus() string {
	var parts []string
	if c.triage.exporting != "" {
		parts = append(parts, c.triage.exporting)
	}
	if c.triage.warn != "" {
		parts = append(parts, c.Theme.warn.Render(c.triage.warn))
	}
	return strings.Join(parts, "  ·  ")
}
