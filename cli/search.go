package cli

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/trials-app/trials/model"
	"github.com/trials-app/trials/plain"
	"github.com/trials-app/trials/report"
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
`

func runSearch(args []string, env *Env) int {
	fs := newFlagSet("trials search", searchUsage, env)
	in := fs.String("in", "all", "")
	limit := fs.Int("limit", 0, "")
	fs.IntVar(limit, "n", 0, "")
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
	b := search.NewBuilder(0)
	ok = streamCorpus(env, "trials search", pos[1:], func(t *model.Trial) { b.Add(search.NewRecord(t)) })
	ix := b.Index()
	res := ix.Search(pos[0], field)
	hits := res.Hits
	if *limit > 0 && len(hits) > *limit {
		hits = hits[:*limit]
	}
	th := report.PlainTheme()
	if wantColor(env, env.Stdout) {
		th = report.DefaultTheme()
	}
	width := termWidth(env.Stdout, 0)
	w := colorWriter(env, env.Stdout)
	for _, h := range hits {
		r := ix.Record(h)
		status := fmt.Sprintf("%-23s", model.Label(r.Status))
		line := fmt.Sprintf("%-11s  %s  %-9s  ", r.ID, th.Status(r.Status).Render(status), model.PhaseLabel(r.Phases))
		title := highlight(plain.Line(r.Title), res.Terms, th)
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

// highlight emphasises the parts of s the query terms match.
func highlight(s string, terms []string, th report.Theme) string {
	spans := search.Spans(s, terms)
	if len(spans) == 0 {
		return s
	}
	var b strings.Builder
	prev := 0
	for _, sp := range spans {
		b.WriteString(s[prev:sp[0]])
		b.WriteString(th.Title.Render(s[sp[0]:sp[1]]))
		prev = sp[1]
	}
	b.WriteString(s[prev:])
	return b.String()
}
