package cli

import (
	"flag"
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/trials-app/trials/corpus"
	"github.com/trials-app/trials/export"
	"github.com/trials-app/trials/model"
	"github.com/trials-app/trials/plain"
	"github.com/trials-app/trials/present"
	"github.com/trials-app/trials/search"
)

const searchUsage = `Usage: trials search [--format text|ids|jsonl] [--sort KEY[:asc|desc]] [--limit N] QUERY [PATH…]
       trials search [flags] -- -QUERY [PATH…]      (a query starting with '-')

Print the trials matching QUERY (without PATH, in the bundled seeds), best
first. QUERY is the browser's query language (see README.md):

  lenvatinib hepato            every word starts a word of the title, ids,
                               conditions, interventions or lead sponsor
  status:recruiting phase:3    status: recruiting, open, closed, completed …
                               phase: 1, 2, 3, 4, early1, na; 2/3 both
  type:int  country:germany  city:lyon  site:"mayo clinic"  sponsor:pfizer
  cond:hcc  intr:lenvatinib  title:adjuvant  id:2011-004792-36  05168163
  age:67  sex:f  hv:yes  results:yes  enroll:>100
  updated:>2025-01  start:2024..2025  verified:<2023  contact:smith
  crit:child-pugh              words of the eligibility criteria
  screen:possible|excluded|unknown   the verdict for --patient FILE
  note:moreau  tag:eligible    your shortlist's notes and tags
  "a phrase"  -term (not)  a OR b  a | b  ( … )

Quote QUERY for the shell when it has spaces. A word that matches nothing
as typed is answered by words a typo away (never numbers, ids or words of
five letters or fewer): in text such rows are marked "≈ word"; ids and
jsonl, which carry no mark, leave them out unless --near is given. Either
way stderr names them; quote the word to match it only as written.

Formats:
  text    one line each: id, status, phase, title (the default)
  ids     one id per line
  jsonl   one JSON object per trial, as trials export --format jsonl

Flags:
  -f, --format F     text, ids or jsonl (default text)
      --sort KEY     relevance (the default), updated, start, enrollment,
                     status, phase or id; :asc or :desc reverses a key's
                     natural order (newest, largest, open, highest first)
      --patient FILE a patient profile (as trials screen takes), for
                     screen:possible|excluded|unknown in QUERY
      --in FIELD     plain words only in: title, interventions, conditions
                     or sponsor (as title:, intr:, cond:, sponsor:);
                     default all
  -n, --limit N      print at most N trials (default: all)
      --near         in ids and jsonl, also the trials found through near
                     words (unmarked)
      --no-cache     neither read nor write a snapshot of the inputs (see
                     trials cache --help)

Exit status: 0 when every input loaded (also when nothing matches), 1 when
any failed, 2 on a usage error (a query that cannot be read, named).
`

// searchFormats are the outputs of trials search.
var searchFormats = []string{"text", "ids", "jsonl"}

func runSearch(args []string, env *Env) int {
	const cmd = "trials search"
	fs := newFlagSet(cmd, searchUsage, env)
	in := fs.String("in", "all", "")
	limit := fs.Int("limit", 0, "")
	fs.IntVar(limit, "n", 0, "")
	format := fs.String("format", "text", "")
	fs.StringVar(format, "f", "text", "")
	sortFlag := fs.String("sort", "", "")
	patientFile := fs.String("patient", "", "")
	near := fs.Bool("near", false, "")
	noCache := fs.Bool("no-cache", false, "")
	if a := dashQuery(fs, args); a != "" {
		return usageError(env, cmd, fmt.Sprintf("%s is no flag; a query starting with '-' follows '--': trials search -- '%s' [PATH…]", plain.Line(a), plain.Line(a)))
	}
	pos, code := parseArgs(fs, args, env)
	if code >= 0 {
		return code
	}
	field, ok := fieldFor(*in)
	if !ok {
		return usageError(env, cmd, fmt.Sprintf("unknown field %q for --in (want all, title, interventions, conditions or sponsor)", plain.Line(*in)))
	}
	f := strings.ToLower(*format)
	if !slices.Contains(searchFormats, f) {
		return usageError(env, cmd, fmt.Sprintf("unknown format %q (want text, ids or jsonl)", plain.Line(*format)))
	}
	if len(pos) == 0 || strings.TrimSpace(pos[0]) == "" {
		return usageError(env, cmd, "missing the QUERY")
	}
	if *limit < 0 {
		return usageError(env, cmd, "--limit must not be negative")
	}
	var order search.Sort
	if *sortFlag != "" {
		var err error
		if order, err = search.ParseSort(*sortFlag); err != nil {
			return usageError(env, cmd, plain.Line(err.Error()))
		}
	}
	srcs, code := newQuerySources(env, cmd, *patientFile)
	if code >= 0 {
		return code
	}
	q, code := srcs.readQuery(env, cmd, scopeWords(pos[0], field))
	if code >= 0 {
		return code
	}

	c, loaded, done := loadCorpus(env, cmd, pos[1:], *noCache)
	defer done()
	srcs.loaded(c)
	code = answerSearch(env, c, q, searchOutput{format: f, sort: order, limit: *limit, notes: srcs.notes(), near: *near})
	if code == ExitOK && !loaded {
		code = ExitError
	}
	return code
}

// searchOutput is how trials search prints its answer.
type searchOutput struct {
	format string // text, ids or jsonl
	sort   search.Sort
	limit  int                            // 0: all
	notes  func(string) export.Annotation // for jsonl; nil: none
	near   bool                           // write rows found through near words in ids and jsonl
}

func (o searchOutput) nearMode() nearMode {
	switch {
	case o.format == "text":
		return nearMarked
	case o.near:
		return nearIncluded
	}
	return nearLeftOut
}

// answerSearch runs q over c and prints the answer, then what is a guess
// in it on stderr.
func answerSearch(env *Env, c *corpus.Corpus, q *search.Query, o searchOutput) int {
	const cmd = "trials search"
	ix := c.Index()
	m := ix.Run(q, search.Options{Sort: o.sort, Trial: keptTrial(c)})
	rows := m.All()
	if o.nearMode() == nearLeftOut {
		rows = slices.DeleteFunc(rows, func(r int) bool { return m.NearWords(r) != nil })
	}
	if o.limit > 0 && len(rows) > o.limit {
		rows = rows[:o.limit]
	}
	var writeErr error
	ok := true
	switch o.format {
	case "ids":
		for _, r := range rows {
			if _, err := fmt.Fprintln(env.Stdout, plain.Line(ix.Record(r).ID)); err != nil {
				writeErr = err
				break
			}
		}
	case "jsonl":
		ok, writeErr = searchJSONL(env, cmd, c, rows, o.notes)
	default:
		writeErr = searchText(env, ix, m, rows)
	}
	if writeErr != nil {
		fmt.Fprintf(env.Stderr, "%s: writing: %v\n", cmd, writeErr)
		return ExitError
	}
	reportGuesses(env, cmd, m, o.nearMode())
	if m.Len() == 0 {
		fmt.Fprintf(env.Stderr, "%s: no trial matches '%s'\n", cmd, plain.Line(q.String()))
	}
	if !ok {
		return ExitError
	}
	return ExitOK
}

// searchText prints one line a row: id, status, phase, then "≈ word" for
// a row found only by near words and "~" for one whose phrase was matched
// only word by word, and the title — the marks before the title, so that
// clipping the line to the terminal never drops them.
func searchText(env *Env, ix *search.Index, m *search.Matches, rows []int) error {
	th := reportTheme(env)
	width := termWidth(env.Stdout, 0)
	w := colorWriter(env, env.Stdout)
	terms := m.Highlight()
	// Columns as wide as the rows printed need ("Available (expanded
	// access)", "Early phase 1"), at least as wide as the common values.
	idW, statusW, phaseW := 11, 23, 9
	for _, r := range rows {
		rec := ix.Record(r)
		idW = max(idW, ansi.StringWidth(plain.Line(rec.ID)))
		statusW = max(statusW, ansi.StringWidth(present.Status(rec.Status())))
		phaseW = max(phaseW, ansi.StringWidth(present.Phase(rec.Phases())))
	}
	for _, r := range rows {
		rec := ix.Record(r)
		status := pad(present.Status(rec.Status()), statusW)
		line := pad(plain.Line(rec.ID), idW) + "  " + th.Status(rec.Status()).Render(status) + "  " + pad(present.Phase(rec.Phases()), phaseW) + "  "
		if near := m.NearWords(r); near != nil {
			line += th.Match.Render("≈ "+plain.Line(strings.Join(near, ", "))) + "  "
		}
		if m.IsUnchecked(r) {
			line += "~  "
		}
		title := plain.Line(present.Clip(rec.Title, present.MaxText))
		title = present.Highlight(title, search.Spans(title, terms), identity, func(s string) string { return th.Match.Render(s) })
		if width > 0 {
			title = ansi.Truncate(title, max(width-ansi.StringWidth(line), 10), "…")
		}
		if _, err := fmt.Fprintln(w, line+title); err != nil {
			return err
		}
	}
	return nil
}

// searchJSONL writes the rows' trials as `trials export --format jsonl`
// does, with the user's notes and tags; a trial that cannot be read again
// is named and skipped (ok false).
func searchJSONL(env *Env, cmd string, c *corpus.Corpus, rows []int, notes func(string) export.Annotation) (ok bool, err error) {
	enc, err := export.NewEncoder(env.Stdout, "jsonl")
	if err != nil {
		return false, err
	}
	enc.Annotate(notes)
	ok = true
	for _, r := range rows {
		t, err := c.Trial(r)
		if err != nil {
			fmt.Fprintf(env.Stderr, "%s: %s\n", cmd, plain.Line(err.Error()))
			ok = false
			continue
		}
		if err := enc.Encode(t); err != nil {
			return ok, err
		}
	}
	return ok, enc.Close()
}

func identity(s string) string { return s }

// keptTrial lets a query check a phrase in the text of a trial kept whole
// (a small corpus); a trial not kept is not read again for it.
func keptTrial(c *corpus.Corpus) func(int) *model.Trial {
	return func(rec int) *model.Trial {
		t, _ := c.Kept(rec)
		return t
	}
}

// pad fills s with spaces to width cells.
func pad(s string, width int) string {
	return s + strings.Repeat(" ", max(width-ansi.StringWidth(s), 0))
}

// dashQuery finds a query that starts with '-' standing where flags are
// read ("trials search -status:completed"), which the flag package would
// call an undefined flag; "" when there is none.
func dashQuery(fs *flag.FlagSet, args []string) string {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return ""
		}
		if len(a) < 2 || a[0] != '-' {
			continue
		}
		name, _, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		f := fs.Lookup(name)
		switch {
		case f == nil && name != "h" && name != "help":
			return a
		case f != nil && !hasValue && !isBoolFlag(f):
			i++ // its value, whatever it looks like
		}
	}
	return ""
}

func isBoolFlag(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}
