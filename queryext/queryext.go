// Package queryext defines the query fields that come from the user rather
// than from the trials — `screen:` (the patient screen's verdict), `note:`
// and `tag:` (the shortlist's notes and tags) — so that the browser's filter,
// `trials search` and `trials export --where` read them the same way.
//
//	src := queryext.ForCorpus(corp, list, patient) // a command; the browser feeds its own
//	lang, err := search.NewLanguage(queryext.Fields(src)...)
//	q, err := lang.Parse(text)
//	if queryext.UsesScreen(q) && patient == nil { say queryext.NeedsProfile }
//
// The search package knows nothing of patients or shortlists: each field is
// a search.Extension whose Match asks Sources for what it needs. Plain words
// look in the notes too (Extension.Plain), so a trial is found by what the
// user wrote about it.
package queryext

import (
	"cmp"
	"slices"
	"strings"

	"github.com/trials-app/trials/search"
)

// Verdict is a value of `screen:`.
type Verdict string

// The screen's verdicts. Unknown is a trial the screen could decide nothing
// about: nothing was read from its criteria (only the registry's age and
// sex were checked), or the corpus keeps nothing to screen it with. A
// possible trial with things left unchecked is Possible.
const (
	Possible Verdict = "possible"
	Excluded Verdict = "excluded"
	Unknown  Verdict = "unknown"
)

// Verdicts are the values `screen:` takes, in the order they are offered.
var Verdicts = []Verdict{Possible, Excluded, Unknown}

// Annotation is a note or a tag on the trial at record Rec of the index.
type Annotation struct {
	Rec  int
	Text string
}

// Sources are what the fields read. A nil func is a source the caller does
// not have: its field matches nothing.
type Sources struct {
	// Screen returns the records of ix whose verdict for the patient
	// profile in use is v; ok is false when no profile is set. It is called
	// on the goroutine running the query, once per value per run: keep the
	// verdicts at hand (see ScreenAll).
	Screen func(ix *search.Index, v Verdict) (set *search.Set, ok bool)
	// Notes and Tags return the user's notes and tags on trials of the
	// index, in any order; called once per term per run.
	Notes func() []Annotation
	Tags  func() []Annotation
}

// The field names.
const (
	ScreenField = "screen"
	NoteField   = "note"
	TagField    = "tag"
)

// NeedsProfile is what the browser tells the user when a query names
// `screen:` and no patient profile is set (a command says how it takes one,
// --patient): the field then matches nothing.
const NeedsProfile = "screen: needs a patient profile (p)"

// Fields are the user's fields for search.NewLanguage: `screen:`, `note:`
// (which plain words search too) and `tag:`.
func Fields(src Sources) []search.Extension {
	values := make([]string, len(Verdicts))
	for i, v := range Verdicts {
		values[i] = string(v)
	}
	return []search.Extension{
		{
			Name:   ScreenField,
			Help:   "the patient screen's verdict: possible (nothing read excludes the patient), excluded, unknown (nothing read)",
			Values: values,
			Match: func(ix *search.Index, v string) *search.Set {
				if src.Screen == nil {
					return nil
				}
				s, ok := src.Screen(ix, Verdict(v))
				if !ok {
					return nil
				}
				return s
			},
		},
		{
			Name:  NoteField,
			Help:  "words of your note on the trial (plain words look there too)",
			Plain: true,
			Match: func(ix *search.Index, v string) *search.Set {
				return matchNotes(ix, src.Notes, v)
			},
			Complete: func(ix *search.Index, prefix string) []search.Value {
				return completeNotes(ix, src.Notes, prefix)
			},
		},
		{
			Name: TagField,
			Help: "your tag on the trial, e.g. tag:eligible",
			Match: func(ix *search.Index, v string) *search.Set {
				return matchTags(ix, src.Tags, v)
			},
			Complete: func(ix *search.Index, prefix string) []search.Value {
				return completeTags(ix, src.Tags, prefix)
			},
		},
	}
}

// UsesScreen reports whether q names `screen:`: with no profile set, the
// caller says NeedsProfile.
func UsesScreen(q *search.Query) bool { return q.Uses(ScreenField) }

// matchNotes finds the notes holding v's words one after another, each a
// whole word but the last, which may start one ("dr le" finds "ask Dr
// Lee"), as the title's words are found.
func matchNotes(ix *search.Index, notes func() []Annotation, v string) *search.Set {
	want := search.Words(v)
	if notes == nil || len(want) == 0 {
		return nil
	}
	var out *search.Set
	for _, a := range notes() {
		if a.Rec < 0 || a.Rec >= ix.Len() || !holdsPhrase(search.Words(a.Text), want) {
			continue
		}
		if out == nil {
			out = search.NewSet(ix.Len())
		}
		out.Add(a.Rec)
	}
	return out
}

func holdsPhrase(words, want []string) bool {
	last := len(want) - 1
	for i := 0; i+last < len(words); i++ {
		if slices.Equal(words[i:i+last], want[:last]) && strings.HasPrefix(words[i+last], want[last]) {
			return true
		}
	}
	return false
}

// completeNotes offers the words of the notes starting with prefix, each
// with the number of trials whose note has it.
func completeNotes(ix *search.Index, notes func() []Annotation, prefix string) []search.Value {
	if notes == nil {
		return nil
	}
	p := ""
	if ws := search.Words(prefix); len(ws) > 0 {
		p = ws[len(ws)-1]
	}
	counts := map[string]int{}
	for _, a := range notes() {
		if a.Rec < 0 || a.Rec >= ix.Len() {
			continue
		}
		seen := map[string]bool{}
		for _, w := range search.Words(a.Text) {
			if strings.HasPrefix(w, p) && !seen[w] {
				seen[w] = true
				counts[w]++
			}
		}
	}
	out := make([]search.Value, 0, len(counts))
	for w, n := range counts {
		out = append(out, search.Value{Value: w, Label: w, Count: n, Term: NoteField + ":" + w})
	}
	byCount(out)
	return out
}

// tagKey folds a tag for comparison: `tag:ask-pi` is the tag ask-PI.
func tagKey(s string) string { return strings.Join(search.Words(s), "-") }

// matchTags finds the trials tagged v (the whole tag, ignoring case and
// accents: tag:no is not the tag not-yet).
func matchTags(ix *search.Index, tags func() []Annotation, v string) *search.Set {
	want := tagKey(v)
	if tags == nil || want == "" {
		return nil
	}
	var out *search.Set
	for _, a := range tags() {
		if a.Rec < 0 || a.Rec >= ix.Len() || tagKey(a.Text) != want {
			continue
		}
		if out == nil {
			out = search.NewSet(ix.Len())
		}
		out.Add(a.Rec)
	}
	return out
}

// completeTags offers the tags in use starting with prefix, with their
// counts, spelled as the user first wrote them.
func completeTags(ix *search.Index, tags func() []Annotation, prefix string) []search.Value {
	if tags == nil {
		return nil
	}
	p := tagKey(prefix)
	counts := map[string]int{}
	spelling := map[string]string{}
	for _, a := range tags() {
		k := tagKey(a.Text)
		if a.Rec < 0 || a.Rec >= ix.Len() || k == "" || !strings.HasPrefix(k, p) {
			continue
		}
		if _, ok := spelling[k]; !ok {
			spelling[k] = a.Text
		}
		counts[k]++
	}
	out := make([]search.Value, 0, len(counts))
	for k, n := range counts {
		out = append(out, search.Value{Value: spelling[k], Label: spelling[k], Count: n, Term: TagField + ":" + k})
	}
	byCount(out)
	return out
}

func byCount(vs []search.Value) {
	slices.SortFunc(vs, func(a, b search.Value) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Value, b.Value))
	})
}
