package search

import "strings"

// Result is the answer of Search.
type Result struct {
	Terms  []string // the words to highlight: the query's and the near words used
	Hits   []int    // record indices, best first (corpus order for the empty query)
	Ranked bool     // whether Hits are ordered by score
}

// Terms splits a query into its folded words.
func Terms(query string) []string { return Words(query) }

// Search matches plain words only — no fields, operators or quotes — in
// the given fields, ranked. It is what the filter did before the query
// language; new callers use Parse and Run.
func (ix *Index) Search(query string, fields Field) Result {
	q := plainQuery(query, fields)
	m := ix.Run(q, Options{})
	return Result{Terms: m.Highlight(), Hits: m.All(), Ranked: !q.Empty()}
}

// plainQuery reads text as plain words (each space-separated part a term;
// one with punctuation inside, "pd-1", a phrase) in fields.
func plainQuery(text string, fields Field) *Query { return wordsQuery(text, fields, true) }

// wordsQuery is plainQuery, with or without near matches.
func wordsQuery(text string, fields Field, typos bool) *Query {
	var spec *fieldSpec
	if fields != FieldAll || !typos {
		spec = &fieldSpec{main: fields, noTypos: !typos}
	}
	var kids []node
	for _, part := range strings.Fields(text) {
		words := Words(part)
		if len(words) == 0 {
			continue
		}
		if len(words) > maxPhraseWords {
			words = words[:maxPhraseWords]
		}
		kids = append(kids, &textNode{spec: spec, words: words, raw: part})
	}
	q := &Query{text: text, lang: defaultLanguage}
	switch len(kids) {
	case 0:
	case 1:
		q.root = kids[0]
	default:
		q.root = &andNode{kids}
	}
	return q
}
