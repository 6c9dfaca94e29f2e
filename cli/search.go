package cli

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/trials-app/trials/plain"
	"github.com/trials-app/trials/present"
	"github.com/trials-app/trials/search"
)

const searchUsage = `Usage: trials search [--in FIELD] [--limit N] QUERY [PATH…]

Print the trials matching QUERY, best first: one line each with the id,
status, phase and title. Every word of QUERY must match the start of a word
(long words also match with a typo or two), in:

  all             title, ids, conditions, interventions and their other
                  names, sponsor (the default)
  title           the title and ids
  interventions   intervention names and their other names
  conditions      the conditions
  sponsor         the lead sponsor

Without PATH, the bundled seeds. Quote QUERY when it has several words.

Flags:
      --in FIELD   where to search (default all)
  -n, --limit N    print at most N trials (default: all)
      --no-cache   neither read nor write a snapshot of the inputs
`

func runSearch(args []string, env *Env) int {
	fs := newFlagSet("trials search", searchUsage, env)
	in := fs.String("in", "all", "")
	limit := fs.Int("limit", 0, "")
	fs.IntVar(limit, "n", 0, "")
	noCache := fs.Bool("no-cache", false, "")
	pos, code := parseArgs(fs, args, env)
	if code >= 0 {
		return code
	}
	field, ok := search.ParseField(*in)
	if !ok {
		return usageError(env, "trials search", fmt.Sprintf("unknown field %q (want all, title, interventions, conditions or sponsor)", *in))
	}
	if len(pos) == 0 || strings.TrimSpace(pos[0]) == "" {
		return usageError(env, "trials search", "missing the QUERY")
	}
	if *limit < 0 {
		return usageError(env, "trials search", "--limit must not be negative")
	}
	c, ok, done := loadCorpus(env, "trials search", pos[1:], *noCache)
	defer done()
	ix := c.Index()
	res := ix.Search(pos[0], field)
	hits := res.Hits
	if *limit > 0 && len(hits) > *limit {
		hits = hits[:*limit]
	}
	th := reportTheme(env)
	width := termWidth(env.Stdout, 0)
	w := colorWriter(env, env.Stdout)
	for _, h := range hits {
		r := ix.Record(h)
		status := fmt.Sprintf("%-23s", present.Status(r.Status))
		line := fmt.Sprintf("%-11s  %s  %-9s  ", plain.Line(r.ID), th.Status(r.Status).Render(status), present.Phase(r.Phases))
		title := plain.Line(present.Clip(r.Title, present.MaxText))
		title = present.Highlight(title, search.Spans(title, res.Terms), identity, func(s string) string { return th.Match.Render(s) })
		if width > 0 {
			title = ansi.Truncate(title, max(width-ansi.StringWidth(line), 10), "…")
		}
		fmt.Fprintln(w, line+title)
	}
	if len(res.Hits) == 0 {
		fmt.Fprintf(env.Stderr, "trials search: no trial matches %q\n", pos[0])
	}
	if !ok {
		return ExitError
	}
	return ExitOK
}

func identity(s string) string { return s }
