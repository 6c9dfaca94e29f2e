package queryext

import (
	"sync"

	"github.com/trials-app/trials/corpus"
	"github.com/trials-app/trials/eligibility"
	"github.com/trials-app/trials/search"
	"github.com/trials-app/trials/shortlist"
)

// Screener keeps one patient profile's verdicts on every record of a
// corpus, worked out from what the corpus keeps for screening (no trial is
// read) the first time a query asks, then kept: at the registry's 550,000
// trials the first `screen:` costs a second or so, the next ones nothing.
// Safe for concurrent use.
type Screener struct {
	corp    *corpus.Corpus
	patient eligibility.Patient
	once    sync.Once
	sets    map[Verdict]*search.Set
}

// NewScreener screens p against corp when first asked. A nil p is no
// profile: Screen then reports ok false.
func NewScreener(corp *corpus.Corpus, p *eligibility.Patient) *Screener {
	s := &Screener{corp: corp}
	if p != nil {
		s.patient = *p
	} else {
		s.corp = nil
	}
	return s
}

// Screen is Sources.Screen. The sets are the Screener's own: the search
// package only reads them (it copies before combining).
func (s *Screener) Screen(ix *search.Index, v Verdict) (*search.Set, bool) {
	if s == nil || s.corp == nil {
		return nil, false
	}
	s.once.Do(s.screenAll)
	set := s.sets[v]
	if set == nil || set.Cap() != ix.Len() {
		return nil, true // another index than the corpus's: nothing to say
	}
	return set, true
}

func (s *Screener) screenAll() {
	n := s.corp.Len()
	s.sets = map[Verdict]*search.Set{}
	for _, v := range Verdicts {
		s.sets[v] = search.NewSet(n)
	}
	for i := range n {
		s.sets[VerdictOf(s.corp.Screen(i, &s.patient))].Add(i)
	}
}

// VerdictOf reads a screen result as `screen:` does: a result the corpus
// could not give (ok false), or a possible one with nothing read from the
// criteria, is Unknown.
func VerdictOf(res eligibility.Result, ok bool) Verdict {
	switch {
	case !ok:
		return Unknown
	case res.Verdict == eligibility.Excluded:
		return Excluded
	case len(res.Requirements) == 0:
		return Unknown
	}
	return Possible
}

// FromShortlist gives the notes and tags of list, on the records recordOf
// finds for their trial ids (trials not in the corpus are left out).
func FromShortlist(list *shortlist.List, recordOf func(id string) (int, bool)) (notes, tags func() []Annotation) {
	collect := func(text func(shortlist.Entry) string) func() []Annotation {
		return func() []Annotation {
			if list == nil {
				return nil
			}
			var out []Annotation
			for _, e := range list.Entries() {
				t := text(e)
				if t == "" {
					continue
				}
				if rec, ok := recordOf(e.ID); ok {
					out = append(out, Annotation{Rec: rec, Text: t})
				}
			}
			return out
		}
	}
	return collect(func(e shortlist.Entry) string { return e.Note }), collect(func(e shortlist.Entry) string { return e.Tag })
}

// ForCorpus is the Sources of a command over corp: the screen of patient
// p (nil: no profile), and the notes and tags of list (nil: none), found
// by trial id — what `trials search` and `trials export --where` need.
func ForCorpus(corp *corpus.Corpus, list *shortlist.List, p *eligibility.Patient) Sources {
	var once sync.Once
	var ids map[string]int
	recordOf := func(id string) (int, bool) {
		once.Do(func() {
			ids = make(map[string]int, corp.Len())
			for i := range corp.Len() {
				if id := corp.Record(i).ID; id != "" {
					if _, dup := ids[id]; !dup {
						ids[id] = i
					}
				}
			}
		})
		rec, ok := ids[id]
		return rec, ok
	}
	notes, tags := FromShortlist(list, recordOf)
	return Sources{Screen: NewScreener(corp, p).Screen, Notes: notes, Tags: tags}
}
