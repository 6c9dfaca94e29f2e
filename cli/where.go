package cli

import (
	"fmt"
	"strings"

	"github.com/trials-app/trials/corpus"
	"github.com/trials-app/trials/model"
	"github.com/trials-app/trials/search"
)

// `trials export --where QUERY` answers the query exactly as `trials
// search` does — the same corpus (one trial once), the same index, the
// same near matches, which need the whole corpus's vocabulary and so
// cannot be decided as a single pass meets each trial — without holding
// the trials: a first read makes the corpus of slim records, the query
// runs on it, and a second read writes the trials it chose, in input
// order.

// whereMatch is a query's answer over a first read of the inputs.
type whereMatch struct {
	c *corpus.Corpus
	m *search.Matches
	// ids are the upper-cased ids of the matching trials; a trial is
	// written once, even when the inputs hold several copies of it.
	ids map[string]bool
}

// newWhereMatch keeps the matches to write: those found through a near
// word only when near is set, as an exported trial carries no mark.
func newWhereMatch(c *corpus.Corpus, m *search.Matches, near bool) *whereMatch {
	ids := make(map[string]bool, m.Len())
	m.Set().Each(func(r int) {
		if near || m.NearWords(r) == nil {
			ids[strings.ToUpper(c.Record(r).ID)] = true
		}
	})
	return &whereMatch{c: c, m: m, ids: ids}
}

// has reports whether t is among the matches.
func (w *whereMatch) has(t *model.Trial) bool { return w.ids[strings.ToUpper(t.ID)] }

// streamWhere reads paths a second time and hands fn the matching trials,
// in input order, each once. Failed inputs were named by the first read;
// they are not named again. It fails when a matching trial was not met
// again: the inputs changed between the reads.
//
// prepare, when not nil, runs ahead in the loader's workers on the
// matching trials only (see streamPrepared).
func (w *whereMatch) streamWhere(env *Env, paths []string, prepare func(*model.Trial) any, fn func(*model.Trial, any)) error {
	progress := newProgress(env)
	written := make(map[string]bool, len(w.ids))
	var ahead func(*model.Trial) any
	if prepare != nil {
		ahead = func(t *model.Trial) any {
			if w.ids[strings.ToUpper(t.ID)] { // read only, by every worker
				return prepare(t)
			}
			return nil
		}
	}
	corpus.StreamPrepared(env.Ctx, source(paths), progress.update, ahead, func(t *model.Trial, p any) {
		id := strings.ToUpper(t.ID)
		if w.ids[id] && !written[id] {
			written[id] = true
			fn(t, p)
		}
	})
	progress.clear()
	if len(written) != len(w.ids) && env.Ctx.Err() == nil {
		return fmt.Errorf("the inputs changed while they were read twice: %d of the %d matching trials were not found again; export again",
			len(w.ids)-len(written), len(w.ids))
	}
	return nil
}

// findQuiet is findTrials for a second read: the failed inputs were named
// by the first.
func findQuiet(env *Env, paths []string, ids ...string) ([]*model.Trial, int) {
	progress := newProgress(env)
	found, n, _ := corpus.Find(env.Ctx, source(paths), progress.update, ids...)
	progress.clear()
	return found, n
}
