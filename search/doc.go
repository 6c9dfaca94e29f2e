// Package search finds trials at keyboard speed, up to the whole registry
// (~550,000 trials) on a two-core laptop: slim records, an index over
// their words and values, one query language for the browser's filter,
// `trials search` and `trials export --where`, and the intervention
// catalogue behind the finder.
//
// # Building
//
// A Record is what the browser keeps of a trial (see Record). Add trials
// to a Builder as they load, then pack it:
//
//	b := search.NewBuilder(n)
//	for t := range trials {
//		b.AddTrial(t) // or: b.AddDoc(search.Prepare(t))
//	}
//	ix := b.Index()
//	cat := search.NewCatalog(ix.Records())
//
// Prepare folds, hashes and de-duplicates a trial's words — most of the
// work — and touches nothing shared, so a loader's workers can call it in
// parallel and hand the Docs in order to the one goroutine calling AddDoc.
// Record i of the index is the i-th trial added. The index keeps no
// trial: sites, cities, countries, collaborators, secondary ids and
// criteria are indexed from it and let go. An Index is immutable and safe
// for concurrent searches.
//
// # Querying
//
// Parse (or Language.Parse, with caller fields) reads a query once; Run
// answers it:
//
//	q, err := lang.Parse(text) // err: a *SyntaxError naming the term, with its byte range
//	m := ix.Run(q, search.Options{Sort: s})
//	m.Len()                    // "12/53"
//	m.Rows(top, top+height)    // the visible rows, record indices, in order
//
// Rows are put in order as they are asked for: the first screens at once
// (a counting sort on small integer scores, or a walk of the sort key's
// precomputed order), the rest when scrolled to. A Matches is not safe for
// concurrent use: make it off the UI goroutine (with a generation number,
// dropping stale ones) and hand it over.
//
// What the user must be told comes with it:
//
//   - m.NearWords(rec): the words a typo away a row was found by, for
//     "≈ afatinib" in the row; m.Near(): "near matches for axitinib" in the
//     status line. A word is corrected only when it matches nothing as
//     typed, never when it has a digit or five letters or fewer, never in
//     id: — and near hits rank after all others.
//   - m.IsUnchecked(rec) and m.Unchecked(): phrases matched word by word in
//     fields whose text the index does not keep (sites, cities, countries,
//     collaborators, criteria) — the words are there, maybe not together.
//     Options.Trial, given trials kept in memory, checks them instead.
//   - m.Highlight(): the words to emphasise (with Spans), near ones too.
//
// The browser's other callers:
//
//   - Sort menu: SortKeys, SortKey.Label, Sort{Key, Reverse} (S flips
//     Reverse), Sort.Descending for the arrow; ParseSort reads --sort
//     KEY[:asc|desc]. Ties keep corpus order; missing values come last.
//   - Facets panel: m.Facets() — counts by status, phase, study type,
//     country and lead sponsor class; Value.Term is the term that adds a
//     value to the query.
//   - Tab completion: Completion(text, cursor) gives the field and prefix
//     under the cursor and the range to replace; with no field,
//     Language.FieldCompletions(prefix); else Language.Complete(ix, field,
//     prefix, limit) — the corpus's own values with their counts
//     (country:ger → Germany (1234)) — and Value.Insert replaces the range.
//   - Caller fields: NewLanguage(Extension{Name: "screen", Values:
//     []string{"possible", "excluded", "unknown"}, Match: …}) plugs in
//     `screen:` and `note:` without the parser knowing them; Match returns
//     a Set over the index.
//   - The finder: Catalog.Find, with the same rule for typos (Hit.Near).
//   - `trials search`: Parse (a *SyntaxError is a usage error), ParseSort,
//     Run, m.All(); mark near rows (m.NearWords) and report m.Near and
//     m.Unchecked on stderr.
//   - `trials export --where`: index the stream, run the query, and stream
//     again writing the trials whose position m.Has — so that the answer
//     is the same as `trials search`'s (near matches need the corpus's
//     vocabulary, which a single pass has not seen yet).
//
// Index.Search and Terms keep the filter's former plain-word behaviour for
// callers not moved yet.
//
// # The query language
//
//	lenvatinib hepato              every word starts a word of the title,
//	                               ids, conditions, interventions (and their
//	                               other names) or lead sponsor; ANDed
//	status:recruiting              recruiting, open (recruiting or not yet),
//	                               closed, or any status (completed,
//	                               not_yet_recruiting, a unique prefix: rec)
//	phase:3  phase:2/3  phase:2|3  phase includes 3; both 2 and 3; either
//	                               (1, 2, 3, 4, early1, na)
//	type:int|obs|ea                study type
//	country:germany city:lyon      a site's country, city, name (facility);
//	site:"mayo clinic"             a quoted value is a phrase
//	sponsor:pfizer                 lead sponsor or a collaborator
//	cond:  intr:  title:           a condition; an intervention by name or
//	                               other name; the title (and acronym)
//	id:2011-004792-36  05168163    NCT id, sponsor's or secondary id; a bare
//	                               number of four digits or more also finds
//	                               the NCT id it starts
//	age:67  age:6mo                the trial's age range admits it (open
//	                               bounds admit)
//	sex:f  sex:m                   admits women (FEMALE or ALL) / men
//	hv:yes  results:yes            healthy volunteers; results posted
//	updated:>2025-01               dates: 2025, 2025-01, 2025-01-31, with
//	start:2024..2025               >, >=, <, <=, a..b (either side open); a
//	                               date known to the month matches only if
//	                               all of the month does
//	verified:<2023                 when the status was last confirmed
//	contact:smith                  a contact's name or e-mail
//	enroll:>100  enroll:50..200    enrollment
//	crit:child-pugh                the eligibility criteria's words
//	"hepatocellular carcinoma"     a phrase: words together, each whole
//	child-pugh                     unquoted words joined by punctuation: a
//	                               phrase whose last word is a prefix
//	-status:completed              not
//	a OR b   a | b                 either; binds tighter than the AND
//	(a OR b) c                     grouping
//
// # Memory and speed
//
// Per trial at 550,000 trials (see the benchmarks): the record with its
// strings, the main index (uint32 postings with field bits), columns for
// the filters (about 30 bytes), and the stores — criteria take the most:
// 100-odd distinct words a trial, as one-byte gaps or, for words in one
// trial in eight, bitmaps. Prefixes whose postings would cost more than a
// keystroke may spend (heavy.go) keep precomputed bitmaps.
package search
