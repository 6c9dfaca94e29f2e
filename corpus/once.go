package corpus

import (
	"fmt"
	"strings"

	"github.com/trials-app/trials/model"
	"github.com/trials-app/trials/present"
)

// One trial once. The same study read from two inputs — a search page and
// the study files fetched from it, two fetches a month apart, two registry
// downloads — is one trial: the copy updated most recently is kept (on a
// tie, the one that states more, then the one from the later input), the kept copy's warnings name the
// other, and the other is listed among the problems as left out. Trials
// are the same when their ids are (the NCT id; for a page without one, the
// id derived from its title, sponsor and start).
//
// How each way of reading applies it:
//
//   - Load (the browser, search) holds every trial's record anyway, so it
//     is exact at any size: a copy that loses is never indexed, one that
//     wins replaces the record it beats, and the index is rebuilt once at
//     the end if that happened.
//   - Find (show, compare) keeps only the trials asked for, and the best
//     copy of each.
//   - Stream (export) keeps no trial, so it cannot know, when it writes a
//     trial, that a newer copy will come later. A first pass over the ids
//     would read everything twice (minutes for the 550,000-study
//     download), and buffering everything is what streaming avoids.
//     Instead it holds back the most recent StreamWindow trials: copies
//     within that distance of each other — a search page next to its study
//     files, a small fetch beside another — are resolved exactly before
//     either is written. Farther apart, the copy written first stays; a
//     later copy that is not newer is left out as usual, and a newer one is
//     reported as a problem (an error, not a note), naming both, so the
//     stale copy is never passed off silently. Only the ids written are
//     remembered (about 55 bytes a trial: 30 MB for the whole registry).

// Failures counts the problems that are inputs which did not load, leaving
// out the notes about copies of a trial left out.
func Failures(problems []Problem) int {
	n := 0
	for _, p := range problems {
		if !p.Duplicate {
			n++
		}
	}
	return n
}

// StreamWindow is how many trials an export holds back to resolve copies
// of one trial before writing them.
const StreamWindow = 1024

// copyOf summarises a copy of a trial already seen.
type copyOf struct {
	updated string       // last_updated, ISO: compared as text
	src     model.Source // where it was read (no Origin), for messages
	where   string       // what to call it when src is unknown
	// fullness roughly measures how much the copy states, to choose
	// between two copies updated on the same day: a search page fetched
	// with a few fields must not beat the whole study file.
	fullness int
}

// keptCopy is a copyOf without its source, which a record holds anyway,
// and with its date a number (see keptDates): a load holds one for every
// record, and a registry's half million dates, each a string of its own,
// took 20 MB at the top of the load where a few thousand distinct ones
// are enough.
type keptCopy struct {
	fullness int
	updated  uint32 // into keptDates.texts
}

// keptDates numbers the distinct dates of the kept copies.
type keptDates struct {
	ids   map[string]uint32
	texts []string
}

// keep is c without its source.
func (d *keptDates) keep(c copyOf) keptCopy {
	id, ok := d.ids[c.updated]
	if !ok {
		if d.ids == nil {
			d.ids = map[string]uint32{}
		}
		id = uint32(len(d.texts))
		s := strings.Clone(c.updated) // not what holds the trial's other texts
		d.texts = append(d.texts, s)
		d.ids[s] = id
	}
	return keptCopy{fullness: c.fullness, updated: id}
}

// copyOf is the copy k keeps, read from src.
func (d *keptDates) copyOf(k keptCopy, src model.Source) copyOf {
	src.Origin = model.Origin{}
	return copyOf{updated: d.texts[k.updated], src: src, fullness: k.fullness}
}

func summarise(t *model.Trial) copyOf {
	src := t.Source
	src.Origin = model.Origin{}
	return copyOf{updated: t.LastUpdated, src: src, fullness: fullness(t)}
}

func (c copyOf) source() string {
	if c.where != "" {
		return c.where
	}
	return present.Source(c.src)
}

// onceKey is what makes two trials the same.
func onceKey(t *model.Trial) string { return idKey(t.ID) }

// idKey is onceKey of a trial with id.
func idKey(id string) string { return strings.ToUpper(strings.TrimSpace(id)) }

// newer reports whether the later copy b replaces the earlier copy a: it
// was updated more recently, or on the same day (or neither says when)
// and states at least as much.
func newer(a, b copyOf) bool {
	if a.updated != b.updated {
		return b.updated > a.updated
	}
	return b.fullness >= a.fullness
}

// fullness counts what a copy states: its texts' length and its list
// items — of the fields a slim load reads too (loader.Options.Slim leaves
// out descriptions, outcomes and references), so that the same two copies
// compare the same way whether the corpus is large or small.
func fullness(t *model.Trial) int {
	n := len(t.Title) + len(t.OfficialTitle) + len(t.Eligibility.Raw)
	items := len(t.Conditions) + len(t.Keywords) + len(t.Arms) + len(t.Interventions) + len(t.Locations) +
		len(t.Investigators) + len(t.SecondaryIDs) + len(t.CentralContacts) + len(t.Collaborators)
	return n + 100*items
}

func updatedOn(c copyOf) string {
	if c.updated == "" {
		return "no last update stated"
	}
	return "last updated " + c.updated
}

// keptNote is the warning the kept copy carries about the other.
func keptNote(kept, other copyOf) string {
	return fmt.Sprintf("also read from %s (%s); this copy, %s, is the one kept", other.source(), updatedOn(other), updatedOn(kept))
}

// leftOut is the problem that lists the copy left out.
func leftOut(id string, kept, dropped copyOf) Problem {
	return Problem{Path: dropped.source(), Duplicate: true,
		Reason: fmt.Sprintf("%s is also in %s: that copy (%s) is kept, this one (%s) left out", id, kept.source(), updatedOn(kept), updatedOn(dropped))}
}

// streamOnce passes trials on to emit once each, holding back a window of
// them (see above). Trials must arrive in input order; call flush at the
// end.
type streamOnce struct {
	emit     func(*model.Trial, any)
	window   []*model.Trial // held back, oldest first; nil entries were replaced
	prep     []any          // by window entry: what the worker prepared for it, nil once it changed
	held     map[string]int // key → position in window (offset by base)
	base     int            // how many window entries were emitted or dropped
	written  map[string]string
	problems []Problem
}

func newStreamOnce(emit func(*model.Trial, any)) *streamOnce {
	return &streamOnce{emit: emit, held: map[string]int{}, written: map[string]string{}}
}

func (s *streamOnce) add(t *model.Trial, prep any) {
	key := onceKey(t)
	if at, ok := s.held[key]; ok {
		prev := s.window[at-s.base]
		was, cur := summarise(prev), summarise(t)
		if !newer(was, cur) {
			prev.Warnings = append(prev.Warnings, keptNote(was, cur))
			s.prep[at-s.base] = nil // prepared without the note
			s.problems = append(s.problems, leftOut(t.ID, was, cur))
			return
		}
		t.Warnings = append(t.Warnings, keptNote(cur, was))
		prep = nil
		s.problems = append(s.problems, leftOut(prev.ID, cur, was))
		s.window[at-s.base], s.prep[at-s.base] = nil, nil
	} else if updated, ok := s.written[key]; ok {
		was, cur := copyOf{updated: updated, where: "an earlier input"}, summarise(t)
		if !newer(was, cur) || updated == cur.updated {
			s.problems = append(s.problems, leftOut(t.ID, was, cur))
			return
		}
		s.problems = append(s.problems, Problem{Path: cur.source(), Reason: fmt.Sprintf(
			"%s: this copy (%s) is more recent than the one already written from an earlier input (%s), which the export holds: the inputs are too far apart to compare before writing (see corpus.StreamWindow); export this input first or alone",
			t.ID, updatedOn(cur), updatedOn(was))})
		return
	}
	s.held[key] = s.base + len(s.window)
	s.window = append(s.window, t)
	s.prep = append(s.prep, prep)
	for len(s.window) > StreamWindow {
		s.pop()
	}
}

// pop writes the oldest trial held back.
func (s *streamOnce) pop() {
	t, prep := s.window[0], s.prep[0]
	s.window[0], s.prep[0] = nil, nil
	s.window, s.prep = s.window[1:], s.prep[1:]
	s.base++
	if t == nil {
		return
	}
	key := onceKey(t)
	delete(s.held, key)
	s.written[key] = t.LastUpdated
	s.emit(t, prep)
}

func (s *streamOnce) flush() {
	for len(s.window) > 0 {
		s.pop()
	}
}
