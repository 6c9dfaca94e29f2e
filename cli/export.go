package cli

import (
	"flag"
	"fmt"
	"runtime"
	"slices"
	"strings"

	"github.com/trials-app/trials/corpus"
	"github.com/trials-app/trials/export"
	"github.com/trials-app/trials/model"
	"github.com/trials-app/trials/plain"
	"github.com/trials-app/trials/present"
	"github.com/trials-app/trials/search"
	"github.com/trials-app/trials/shortlist"
)

const exportUsage = `Usage: trials export [--format F] [-o FILE] [--where QUERY] [--ids ID,ID… | --shortlist] [PATH…]

Print the trials in PATH (files, directories, .zip archives; no PATH: the
bundled seeds) in a machine-readable format:

  json    one JSON array, one object per trial (the default)
  jsonl   one JSON object per line
  csv     a header row and one row per trial; lists joined with "; ",
          the requirements read from the criteria in one column
  md      Markdown, a section per trial
  ris     RIS records for EndNote, Zotero, Covidence (TY DBASE; the NCT id
          as accession number, the registry page as URL)
  sqlite  a SQLite database (needs -o FILE): tables of trials, conditions,
          arms, interventions, sites, contacts, criteria, requirements,
          outcomes … with keys and indexes (see README.md)

Every trial carries eligibility.requirements: the thresholds read from its
criteria (performance status, Child-Pugh, blood counts, liver and kidney
values …; see README.md). The JSON field names are a stable contract. Your notes and
tags from the browser's shortlist are added to the trials that have them:
"note" and "tag" in JSON, the last two columns in CSV, a row and a section
in Markdown, N1 and KW in RIS.

Inputs that cannot be read are reported on stderr and the exit status is 1;
the trials that did load are still printed.

Flags:
  -f, --format F     output format (default json)
  -o, --output FILE  write to FILE instead of standard output; it appears
                     whole or not at all (written beside it, then renamed)
      --ids LIST     only these trials, in this order (comma-separated ids);
                     an id not found is reported and the exit status is 1
      --shortlist    only the trials on your shortlist, in the order you
                     added them; those not in PATH are named on stderr
      --where QUERY  only the trials matching QUERY, in the query language
                     of trials search (status:recruiting phase:3 …; see
                     README.md), answered as trials search answers it; with
                     --ids or --shortlist, the listed trials that match.
                     The inputs are read twice (index, then write), so the
                     trials are never all held in memory
      --patient FILE a patient profile (as trials screen takes), for
                     screen:possible|excluded|unknown in --where
      --near         with --where, also the trials found only through a
                     word a typo away from the query's (left out by
                     default: an export carries no mark)
      --no-notes     leave your notes and tags out
      --no-cache     with --where, --ids or --shortlist: read the inputs,
                     not their snapshot (see trials cache --help), and
                     write none
`

func runExport(args []string, env *Env) int {
	fs := newFlagSet("trials export", exportUsage, env)
	format := fs.String("format", "json", "")
	fs.StringVar(format, "f", "json", "")
	idList := fs.String("ids", "", "")
	fromShortlist := fs.Bool("shortlist", false, "")
	noNotes := fs.Bool("no-notes", false, "")
	output := fs.String("output", "", "")
	fs.StringVar(output, "o", "", "")
	where := fs.String("where", "", "")
	patientFile := fs.String("patient", "", "")
	near := fs.Bool("near", false, "")
	noCache := fs.Bool("no-cache", false, "")
	paths, code := parseArgs(fs, args, env)
	if code >= 0 {
		return code
	}
	const cmd = "trials export"
	whereSet := false
	fs.Visit(func(f *flag.Flag) { whereSet = whereSet || f.Name == "where" })
	f := strings.ToLower(*format)
	if !validFormat(f) && f != "sqlite" {
		return usageError(env, cmd, fmt.Sprintf("unknown format %q (want %s or sqlite)", *format, strings.Join(export.Formats, ", ")))
	}
	if f == "sqlite" && *output == "" {
		return usageError(env, cmd, "--format sqlite writes a database file: name it with -o FILE")
	}
	ids := splitIDs(*idList)
	switch {
	case *idList != "" && *fromShortlist:
		return usageError(env, cmd, "--ids and --shortlist choose the trials two ways; give one")
	case *idList != "" && len(ids) == 0:
		return usageError(env, cmd, "--ids names no trial")
	case whereSet && strings.TrimSpace(*where) == "":
		return usageError(env, cmd, "--where needs a QUERY (to export every trial, leave --where out)")
	}
	if *patientFile != "" && !whereSet {
		return usageError(env, cmd, "--patient is for screen: in --where QUERY; without --where it does nothing")
	}
	if *near && !whereSet {
		return usageError(env, cmd, "--near is for --where QUERY; without --where it does nothing")
	}
	var q *search.Query
	var srcs *querySources
	if whereSet {
		if srcs, code = newQuerySources(env, cmd, *patientFile); code >= 0 {
			return code
		}
		if q, code = srcs.readQuery(env, cmd, *where); code >= 0 {
			return code
		}
	}
	var list *shortlist.List
	if *fromShortlist || !*noNotes {
		var err error
		list, err = openShortlist(env)
		switch {
		case list == nil && *fromShortlist:
			fmt.Fprintf(env.Stderr, "%s: %v\n", cmd, plain.Line(err.Error()))
			return ExitError
		case err != nil && list != nil:
			// The notes are lost to this export, not the trials.
			fmt.Fprintf(env.Stderr, "%s: %v\n", cmd, plain.Line(err.Error()))
		}
	}
	var notes func(string) export.Annotation
	if list != nil && !*noNotes {
		notes = func(id string) export.Annotation { return export.Annotation{Note: list.Note(id), Tag: list.Tag(id)} }
	}
	enc, err := newSink(env, f, *output, paths, notes)
	if err != nil {
		fmt.Fprintf(env.Stderr, "%s: %v\n", cmd, plain.Line(err.Error()))
		return ExitError
	}
	if *fromShortlist {
		ids = list.IDs()
		if len(ids) == 0 {
			fmt.Fprintf(env.Stderr, "%s: the shortlist is empty (%s)\n", cmd, plain.Line(list.Path()))
		}
	}
	var writeErr error
	encode := func(t *model.Trial) {
		if writeErr == nil {
			writeErr = enc.Encode(t)
		}
	}
	// Encoding runs ahead in the loader's workers when the sink can
	// (the JSON formats): the trials are written in order all the same.
	var prepare func(*model.Trial) any
	encodePrepared := func(t *model.Trial, _ any) { encode(t) }
	if r, can := enc.(renderer); can {
		prepare = func(t *model.Trial) any { return r.Render(t) }
		encodePrepared = func(t *model.Trial, p any) {
			if writeErr == nil {
				rendered, _ := p.(*export.Rendered)
				writeErr = r.EncodeRendered(t, rendered)
			}
		}
	}
	ok := true
	var match *whereMatch
	if q != nil && (ids == nil && !*fromShortlist || len(ids) > 0) {
		var c *corpus.Corpus
		var done func()
		c, ok, done = loadCorpus(env, cmd, paths, *noCache)
		defer done()
		srcs.loaded(c)
		match = newWhereMatch(c, c.Index().Run(q, search.Options{Trial: keptTrial(c)}), *near)
		mode := nearLeftOut
		if *near {
			mode = nearIncluded
		}
		reportGuesses(env, cmd, match.m, mode)
	}
	switch {
	case ids == nil && !*fromShortlist && match != nil:
		if err := match.streamWhere(env, paths, prepare, encodePrepared); err != nil && writeErr == nil {
			writeErr = err
		}
	case ids == nil && !*fromShortlist:
		ok = streamPrepared(env, cmd, paths, prepare, encodePrepared)
	case len(ids) > 0:
		var found []*model.Trial
		var n int
		if match != nil {
			found, n = findQuiet(env, paths, ids...)
		} else {
			var loaded bool
			found, n, loaded = findTrials(env, cmd, paths, *noCache, ids...)
			ok = loaded
		}
		unmatched := 0
		for i, t := range found {
			switch {
			case t != nil && match != nil && !match.has(t):
				unmatched++
			case t != nil:
				encode(t)
			case *fromShortlist:
				e, _ := list.Entry(ids[i])
				fmt.Fprintf(env.Stderr, "%s: %s (%s) is on the shortlist but not among the %s loaded; not exported\n",
					cmd, plain.Line(ids[i]), plain.Line(present.Clip(e.Title, 80)), present.Count(n, "trial", "trials"))
			default:
				fmt.Fprintf(env.Stderr, "%s: no trial with id %q among the %d loaded\n", cmd, plain.Line(ids[i]), n)
				ok = false
			}
		}
		if unmatched > 0 {
			fmt.Fprintf(env.Stderr, "%s: %s of those listed left out: not matching --where\n", cmd, present.Count(unmatched, "trial", "trials"))
		}
	}
	if writeErr == nil && env.Ctx.Err() != nil {
		writeErr = env.Ctx.Err()
	}
	if writeErr == nil {
		writeErr = enc.Close()
	} else {
		enc.Abort()
	}
	if writeErr != nil {
		fmt.Fprintf(env.Stderr, "%s: writing: %v\n", cmd, writeErr)
		return ExitError
	}
	if !ok {
		return ExitError
	}
	return ExitOK
}

// splitIDs reads "A, B,,A" as [A B]: trimmed, empty ones and repeats
// dropped.
func splitIDs(s string) []string {
	var out []string
	for _, id := range strings.Split(s, ",") {
		id = strings.TrimSpace(id)
		if id != "" && !slices.ContainsFunc(out, func(o string) bool { return strings.EqualFold(o, id) }) {
			out = append(out, id)
		}
	}
	return out
}

// openShortlist opens the user's shortlist read-only in spirit (export never
// saves it). It returns nil with the reason when there is no data directory
// to find it in; a list with an error when the file could not be read.
func openShortlist(env *Env) (*shortlist.List, error) {
	dir, err := shortlist.DefaultDir(runtime.GOOS, getenv(env.Environ))
	if err != nil {
		return nil, fmt.Errorf("no shortlist: no data directory to find it in: %w", err)
	}
	return shortlist.Open(dir)
}

// getenv looks names up in an environment list ("NAME=value").
func getenv(environ []string) func(string) string {
	return func(name string) string {
		v := ""
		for _, kv := range environ {
			if val, ok := strings.CutPrefix(kv, name+"="); ok {
				v = val // the last one wins, as in the shell
			}
		}
		return v
	}
}

func validFormat(f string) bool {
	return slices.Contains(export.Formats, f) || f == "markdown"
}
