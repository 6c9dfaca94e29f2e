package cli

import (
	"fmt"
	"strings"
	"sync"

	"github.com/trials-app/trials/corpus"
	"github.com/trials-app/trials/eligibility"
	"github.com/trials-app/trials/export"
	"github.com/trials-app/trials/plain"
	"github.com/trials-app/trials/queryext"
	"github.com/trials-app/trials/search"
	"github.com/trials-app/trials/shortlist"
)

// querySources feed the fields that come from the user rather than the
// trials: `screen:` (a patient given with --patient) and `note:`/`tag:`
// (the shortlist). The query is read before the corpus loads — a usage
// error must not wait for half a million trials — so the corpus is handed
// over later, before the query runs.
type querySources struct {
	patient *eligibility.Patient // nil: no --patient
	list    *shortlist.List      // nil: no shortlist to read

	corp     *corpus.Corpus
	screener *queryext.Screener

	recOnce sync.Once
	recs    map[string]int // upper-cased id → record, for the shortlist's ids
}

// language is the query language with the user's fields.
func (s *querySources) language() (*search.Language, error) {
	notes, tags := queryext.FromShortlist(s.list, s.recordOf)
	return search.NewLanguage(queryext.Fields(queryext.Sources{
		Screen: func(ix *search.Index, v queryext.Verdict) (*search.Set, bool) {
			if s.screener == nil {
				return nil, false
			}
			return s.screener.Screen(ix, v)
		},
		Notes: notes,
		Tags:  tags,
	})...)
}

// loaded hands the corpus over.
func (s *querySources) loaded(c *corpus.Corpus) {
	s.corp = c
	if s.patient != nil {
		s.screener = queryext.NewScreener(c, s.patient)
	}
}

func (s *querySources) recordOf(id string) (int, bool) {
	if s.corp == nil {
		return 0, false
	}
	s.recOnce.Do(func() {
		s.recs = make(map[string]int, s.corp.Len())
		for i := range s.corp.Len() {
			s.recs[strings.ToUpper(s.corp.Record(i).ID)] = i
		}
	})
	i, ok := s.recs[strings.ToUpper(strings.TrimSpace(id))]
	return i, ok
}

// newQuerySources reads --patient FILE (when given) and opens the
// shortlist. A patient file that cannot be read fails the command (code
// ExitError); a shortlist that cannot be found only leaves note: and tag:
// with nothing to match.
func newQuerySources(env *Env, cmd, patientFile string) (*querySources, int) {
	s := &querySources{}
	if patientFile != "" {
		p, err := readPatientFile(env, patientFile)
		if err != nil {
			fmt.Fprintf(env.Stderr, "%s: %s: %s\n", cmd, plain.Line(patientFile), plain.Line(err.Error()))
			return nil, ExitError
		}
		s.patient = &p
	}
	if list, _ := openShortlist(env); list != nil {
		s.list = list
	}
	return s, -1
}

// readQuery parses text with the user's fields, refusing `screen:`
// without a patient; code is an exit code, or -1.
func (s *querySources) readQuery(env *Env, cmd, text string) (*search.Query, int) {
	lang, err := s.language()
	if err != nil {
		fmt.Fprintf(env.Stderr, "%s: %v\n", cmd, err)
		return nil, ExitError
	}
	q, code := parseQuery(env, cmd, text, lang)
	if code >= 0 {
		return nil, code
	}
	if s.patient == nil && queryext.UsesScreen(q) {
		return nil, usageError(env, cmd, "in the query, screen: needs a patient to screen: give --patient FILE (as trials screen takes)")
	}
	if s.list == nil && (q.Uses(queryext.NoteField) || q.Uses(queryext.TagField)) {
		fmt.Fprintf(env.Stderr, "%s: no shortlist found: note: and tag: match nothing\n", cmd)
	}
	return q, -1
}

// notes gives the user's notes and tags for exported objects, as trials
// export adds them; nil without a shortlist.
func (s *querySources) notes() func(string) export.Annotation {
	if s.list == nil {
		return nil
	}
	return func(id string) export.Annotation {
		return export.Annotation{Note: s.list.Note(id), Tag: s.list.Tag(id)}
	}
}
