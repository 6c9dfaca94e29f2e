package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/trials-app/trials/fetch"
	"github.com/trials-app/trials/model"
)

const fetchUsage = `Usage: trials fetch [flags] [NCT…]

Download studies from the ClinicalTrials.gov API v2 into a directory, one
NCTxxxxxxxx.json file per study, then browse them with 'trials DIR'.
With NCT ids, fetch those studies; otherwise search with the flags below
(all given flags must match). Studies already in the directory are kept and
not downloaded again, so an interrupted run can simply be run again.

Search:
      --cond TEXT        condition or disease ("hepatocellular carcinoma")
      --intr TEXT        intervention or treatment ("lenvatinib")
      --term TEXT        other terms, anywhere in the record
      --locn TEXT        location: city, state or country
      --sponsor TEXT     sponsor or collaborator
      --status STATUS    overall status, e.g. RECRUITING (repeat for several)
      --phase PHASE      phase, e.g. PHASE2 or "Phase 3" (repeat for several)
Output:
  -o, --out DIR          where to save (default: %s)
      --max N            stop after N studies
      --page-size N      studies per request, at most 1000 (default 100)
Network:
      --base-url URL     API base URL, for mirrors and tests (default %s)
      --timeout D        give up on a request that stalls this long (default 30s)
      --retries N        retry failed requests N times (default 5)

Examples:
  trials fetch --cond "hepatocellular carcinoma" --status RECRUITING --phase PHASE3
  trials fetch NCT05033522 NCT05168163
  trials "$(trials fetch --print-dir)"      (browse what was fetched)

For the whole registry (~550,000 studies) download the site's bulk JSON zip
(on clinicaltrials.gov: search with no filters, then Download, JSON) and open
it directly: trials ctg-studies.json.zip
`

type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

func runFetch(args []string, env *Env) int {
	defDir, dirErr := fetch.DefaultDir(runtime.GOOS, os.Getenv)
	usage := fmt.Sprintf(fetchUsage, orText(defDir, "unavailable: "+errString(dirErr)), fetch.DefaultBaseURL)
	fs := newFlagSet("trials fetch", usage, env)
	var q fetch.Query
	var statuses, phases multiFlag
	fs.StringVar(&q.Condition, "cond", "", "")
	fs.StringVar(&q.Intervention, "intr", "", "")
	fs.StringVar(&q.Term, "term", "", "")
	fs.StringVar(&q.Location, "locn", "", "")
	fs.StringVar(&q.Sponsor, "sponsor", "", "")
	fs.Var(&statuses, "status", "")
	fs.Var(&phases, "phase", "")
	out := fs.String("out", "", "")
	fs.StringVar(out, "o", "", "")
	maxN := fs.Int("max", 0, "")
	pageSize := fs.Int("page-size", 100, "")
	baseURL := fs.String("base-url", fetch.DefaultBaseURL, "")
	timeout := fs.Duration("timeout", 30*time.Second, "")
	retries := fs.Int("retries", 5, "")
	printDir := fs.Bool("print-dir", false, "")
	pos, code := parseArgs(fs, args, env)
	if code >= 0 {
		return code
	}
	dir := *out
	if dir == "" {
		if dirErr != nil {
			return usageError(env, "trials fetch", "no default directory ("+dirErr.Error()+"); give one with -o DIR")
		}
		dir = defDir
	}
	if *printDir {
		fmt.Fprintln(env.Stdout, dir)
		return ExitOK
	}
	for _, s := range statuses {
		st, ok := model.ParseStatus(s)
		if !ok {
			return usageError(env, "trials fetch", fmt.Sprintf("unknown status %q (e.g. RECRUITING, NOT_YET_RECRUITING, COMPLETED)", s))
		}
		q.Statuses = append(q.Statuses, string(st))
	}
	for _, p := range phases {
		ps, ok := model.ParsePhases(p)
		if !ok {
			return usageError(env, "trials fetch", fmt.Sprintf("unknown phase %q (e.g. PHASE2, \"Phase 3\", EARLY_PHASE1, NA)", p))
		}
		for _, x := range ps {
			q.Phases = append(q.Phases, string(x))
		}
	}
	for _, id := range pos {
		id = strings.ToUpper(strings.TrimSpace(id))
		if !model.IsNCTID(id) {
			return usageError(env, "trials fetch", fmt.Sprintf("%q is not an NCT id (NCT followed by 8 digits)", id))
		}
		q.IDs = append(q.IDs, id)
	}
	switch {
	case *pageSize < 1 || *pageSize > fetch.MaxPageSize:
		return usageError(env, "trials fetch", fmt.Sprintf("--page-size must be 1 to %d", fetch.MaxPageSize))
	case *maxN < 0:
		return usageError(env, "trials fetch", "--max must not be negative")
	case *timeout <= 0:
		return usageError(env, "trials fetch", "--timeout must be positive")
	case len(q.IDs) > 0 && (q.Condition != "" || q.Intervention != "" || q.Term != "" || q.Location != "" || q.Sponsor != "" || len(q.Statuses) > 0 || len(q.Phases) > 0):
		return usageError(env, "trials fetch", "give either NCT ids or search flags, not both")
	case q.Empty() && *maxN == 0:
		return usageError(env, "trials fetch", "nothing selected: give a search flag, NCT ids, or --max N (for the whole registry use the site's bulk download; see --help)")
	}

	opts := fetch.Options{
		BaseURL: *baseURL, Dir: dir, Max: *maxN, PageSize: *pageSize, Timeout: *timeout, Retries: *retries,
		UserAgent: "trials/" + Version + " (+https://github.com/trials-app/trials; clinical-trial browser)",
	}
	if env.fetchClient != nil {
		opts.Client = env.fetchClient
		opts.Backoff, opts.MaxBackoff = env.fetchBackoff, env.fetchBackoff*4
	}
	if isTerminal(env.Stderr) {
		bar := &progressBar{w: env.Stderr, width: termWidth(env.Stderr, 80)}
		opts.Progress = bar.draw
		opts.Log = func(s string) {
			if strings.HasPrefix(s, "retrying") {
				bar.note(s)
			}
		}
		defer bar.clear()
	} else {
		opts.Log = func(s string) { fmt.Fprintln(env.Stderr, "trials fetch: "+s) }
	}
	fmt.Fprintf(env.Stderr, "trials fetch: saving to %s\n", dir)
	p, err := fetch.Run(env.Ctx, q, opts)
	if isTerminal(env.Stderr) {
		fmt.Fprint(env.Stderr, "\r\x1b[K")
	}
	summary := fmt.Sprintf("%d saved, %d already there", p.Saved, p.Skipped)
	if p.Retries > 0 {
		summary += fmt.Sprintf(", %d retries", p.Retries)
	}
	switch {
	case errors.Is(err, context.Canceled):
		fmt.Fprintf(env.Stderr, "trials fetch: stopped (%s); run the same command again to continue\n", summary)
		return ExitError
	case err != nil:
		fmt.Fprintf(env.Stderr, "trials fetch: %v\ntrials fetch: %s; run the same command again to continue\n", err, summary)
		return ExitError
	}
	fmt.Fprintf(env.Stderr, "trials fetch: done: %s in %s\nBrowse them with: trials %s\n", summary, dir, shellQuote(dir))
	return ExitOK
}

// progressBar draws "[#####·····] 340/1000  saved 300 · kept 40 · page 4".
type progressBar struct {
	w     io.Writer
	width int
	extra string
}

func (b *progressBar) draw(p fetch.Progress) {
	total := p.Total
	counts := fmt.Sprintf(" %d/%s  saved %d · kept %d · page %d%s", p.Done(), orText(itoaNZ(total), "?"), p.Saved, p.Skipped, p.Pages, b.extra)
	barW := b.width - len([]rune(counts)) - 3
	if barW > 40 {
		barW = 40
	}
	bar := ""
	if barW >= 10 {
		filled := 0
		if total > 0 {
			filled = min(barW, p.Done()*barW/total)
		}
		bar = "[" + strings.Repeat("#", filled) + strings.Repeat("·", barW-filled) + "]"
	}
	line := bar + counts
	if r := []rune(line); len(r) > b.width-1 {
		line = string(r[:b.width-1])
	}
	fmt.Fprint(b.w, "\r\x1b[K"+line)
}

func (b *progressBar) note(s string) { b.extra = " · " + s }

func (b *progressBar) clear() { fmt.Fprint(b.w, "\r\x1b[K") }

func itoaNZ(n int) string {
	if n <= 0 {
		return ""
	}
	return fmt.Sprint(n)
}

func orText(s, alt string) string {
	if s == "" {
		return alt
	}
	return s
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// shellQuote quotes a path for the suggestion printed after a fetch.
func shellQuote(s string) string {
	if strings.IndexFunc(s, func(r rune) bool {
		return !(r == '/' || r == '.' || r == '-' || r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
	}) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
