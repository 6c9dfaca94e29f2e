package cli

import (
	"fmt"
	"strings"

	"github.com/trials-app/trials/corpus"
	"github.com/trials-app/trials/model"
	"github.com/trials-app/trials/search"
)

// `trials export --where QUERY` answers the query the way `trials search`
// does — near matches need the whole corpus's vocabulary, which a single
// pass has not seen when it meets a trial — without holding the trials:
// a first read indexes the stream (slim records, as the browser keeps),
// the query runs on that index, and a second read writes the trials at
// the matching positions.

// whereIndex is a first read of the inputs: the index, and the trials
// while they are few.
type whereIndex struct {
	ix   *search.Index
	kept []*model.Trial // nil when there were too many to keep
}

// whereMatch is a query's answer over a first read of the inputs.
type whereMatch struct {
	*whereIndex
	m *search.Matches
}

// indexStream reads paths once, reporting failed inputs on stderr, and
// indexes the trials; ok is false when an input failed.
func indexStream(env *Env, cmd string, paths []string) (w *whereIndex, ok bool) {
	b := search.NewBuilder(0)
	// While the trials are few, keep them, so that a phrase in a field the
	// index holds only by word (sites, criteria) is checked in its text.
	kept := []*model.Trial{}
	ok = streamCorpus(env, cmd, paths, func(t *model.Trial) {
		b.AddTrial(t)
		if kept != nil {
			if kept = append(kept, t); len(kept) > corpus.DefaultKeep {
				kept = nil
			}
		}
	})
	return &whereIndex{ix: b.Index(), kept: kept}, ok
}

// match answers q over the index.
func (w *whereIndex) match(q *search.Query) *whereMatch {
	m := w.ix.Run(q, search.Options{Trial: func(rec int) *model.Trial {
		if rec < len(w.kept) {
			return w.kept[rec]
		}
		return nil
	}})
	return &whereMatch{whereIndex: w, m: m}
}

// streamWhere reads paths a second time and hands fn the trials at the
// matching positions, in input order. Failed inputs were reported by the
// first read; they are not named again. It fails when the inputs changed
// between the reads (a trial where the first read had another), rather
// than write trials the query did not choose.
func (w *whereMatch) streamWhere(env *Env, paths []string, fn func(*model.Trial)) error {
	progress := newProgress(env)
	pos := 0
	var changed error
	corpus.Stream(env.Ctx, source(paths), progress.update, func(t *model.Trial) {
		defer func() { pos++ }()
		if changed != nil {
			return
		}
		if pos >= w.ix.Len() || !strings.EqualFold(w.ix.Record(pos).ID, t.ID) {
			changed = fmt.Errorf("the inputs changed while they were read twice (trial %d is no longer the one first read); export again", pos+1)
			return
		}
		if w.m.Has(pos) {
			fn(t)
		}
	})
	progress.clear()
	if changed == nil && pos != w.ix.Len() && env.Ctx.Err() == nil {
		changed = fmt.Errorf("the inputs changed while they were read twice (%d trials, then %d); export again", w.ix.Len(), pos)
	}
	return changed
}

// matchedIDs are the ids of the matching trials, upper-cased, for
// intersecting with --ids or --shortlist.
func (w *whereMatch) matchedIDs() map[string]bool {
	out := map[string]bool{}
	w.m.Set().Each(func(r int) { out[strings.ToUpper(w.ix.Record(r).ID)] = true })
	return out
}

// findQuiet is findTrials for a second read: the failed inputs were named
// by the first.
func findQuiet(env *Env, paths []string, ids ...string) ([]*model.Trial, int) {
	progress := newProgress(env)
	found, n, _ := corpus.Find(env.Ctx, source(paths), progress.update, ids...)
	progress.clear()
	return found, n
}
