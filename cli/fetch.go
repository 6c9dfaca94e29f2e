package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/dustin/go-humanize"

	"github.com/trials-app/trials/fetch"
	"github.com/trials-app/trials/model"
	"github.com/trials-app/trials/plain"
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
      --timeout D        give up on a request that gets no answer, or no byte of it,
                         for this long, or receives under 1 KiB/s over it (default 30s)
      --deadline D       give up on a request that takes longer than this (default 10m)
      --max-body SIZE    refuse an answer larger than this (default %s)
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
	usage := fmt.Sprintf(fetchUsage, orText(defDir, "unavailable: "+errString(dirErr)), fetch.DefaultBaseURL, humanize.IBytes(uint64(fetch.DefaultMaxBody)))
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
	timeout := fs.Duration("timeout", fetch.DefaultTimeout, "")
	deadline := fs.Duration("deadline", fetch.DefaultDeadline, "")
	maxBodyText := fs.String("max-body", humanize.IBytes(uint64(fetch.DefaultMaxBody)), "")
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
	maxBody, err := humanize.ParseBytes(*maxBodyText)
	if err != nil || maxBody == 0 || maxBody > 1<<40 {
		return usageError(env, "trials fetch", fmt.Sprintf("--max-body %q is not a size from 1 B to 1 TiB (e.g. 512MiB, 2GB)", *maxBodyText))
	}
	switch {
	case *pageSize < 1 || *pageSize > fetch.MaxPageSize:
		return usageError(env, "trials fetch", fmt.Sprintf("--page-size must be 1 to %d", fetch.MaxPageSize))
	case *maxN < 0:
		return usageError(env, "trials fetch", "--max must not be negative")
	case *timeout <= 0:
		return usageError(env, "trials fetch", "--timeout must be positive")
	case *deadline <= 0:
		return usageError(env, "trials fetch", "--deadline must be positive")
	case len(q.IDs) > 0 && (q.Condition != "" || q.Intervention != "" || q.Term != "" || q.Location != "" || q.Sponsor != "" || len(q.Statuses) > 0 || len(q.Phases) > 0):
		return usageError(env, "trials fetch", "give either NCT ids or search flags, not both")
	case q.Empty() && *maxN == 0:
		return usageError(env, "trials fetch", "nothing selected: give a search flag, NCT ids, or --max N (for the whole registry use the site's bulk download; see --help)")
	}

	opts := fetch.Options{
		BaseURL: *baseURL, Dir: dir, Max: *maxN, PageSize: *pageSize, Timeout: *timeout, Deadline: *deadline,
		MaxBody: int64(maxBody), Retries: *retries,
		UserAgent: "trials/" + Version + " (+https://github.com/trials-app/trials; clinical-trial browser)",
	}
	if env.fetchClient != nil {
		opts.Client = env.fetchClient
		opts.Backoff, opts.MaxBackoff = env.fetchBackoff, env.fetchBackoff*4
		opts.Clock = env.fetchClock
	}
	// Everything said comes from the server in part (bodies, ids, tokens,
	// redirect targets): it is cleaned before it reaches the terminal.
	plainSay := func(s string) { fmt.Fprintln(env.Stderr, "trials fetch: "+plain.Line(s)) }
	say := plainSay
	var bar *progressBar
	if isTerminal(env.Stderr) {
		bar = &progressBar{w: env.Stderr, width: termWidth(env.Stderr, 80)}
		opts.Progress = bar.draw
		opts.Log = func(s string) {
			if strings.HasPrefix(s, "retrying") {
				bar.note(plain.Line(s))
			}
		}
		say = func(s string) { bar.println("trials fetch: " + plain.Line(s)) }
	} else {
		opts.Log = say
	}
	opts.Warn = say
	fmt.Fprintf(env.Stderr, "trials fetch: saving to %s\n", plain.Line(dir))
	p, err := fetch.Run(env.Ctx, q, opts)
	if bar != nil {
		bar.clear()
	}
	say = plainSay
	summary := fmt.Sprintf("%d saved, %d already there", p.Saved, p.Skipped)
	if p.Invalid > 0 {
		summary += fmt.Sprintf(", %d not saved", p.Invalid)
	}
	if p.Retries > 0 {
		summary += fmt.Sprintf(", %d retries", p.Retries)
	}
	browse := "trials " + plain.Line(shellQuote(dir))
	switch {
	case env.Ctx.Err() != nil || errors.Is(err, context.Canceled):
		say(fmt.Sprintf("stopped: %v; %s; run the same command again to continue", err, summary))
		return ExitError
	case errors.Is(err, fetch.ErrLoop):
		say(summary)
		say(fmt.Sprintf("stopped: %v; running it again would loop the same way. What was saved loads with: %s", err, browse))
		return ExitError
	case errors.Is(err, fetch.ErrTooLarge):
		say(summary)
		say(fmt.Sprintf("stopped: %v; raise --max-body (now %s) or lower --page-size, then run the command again to continue", err, humanize.IBytes(maxBody)))
		return ExitError
	case err != nil:
		// The reason last: it is the line a script's log or a tail shows.
		say(summary)
		say(fmt.Sprintf("stopped: %v; run the same command again to continue", err))
		return ExitError
	case p.Invalid > 0:
		say(fmt.Sprintf("done: %s in %s", summary, dir))
		say(fmt.Sprintf("%d %s the API served could not be saved (see above); the rest loads with: %s", p.Invalid, plural(p.Invalid, "study", "studies"), browse))
		return ExitError
	}
	fmt.Fprintf(env.Stderr, "trials fetch: done: %s in %s\nBrowse them with: %s\n", summary, plain.Line(dir), browse)
	return ExitOK
}

// progressBar draws "[#####·····] 340/1000  saved 300 · kept 40 · page 4"
// on one line, measured in terminal cells: a note may hold wide characters.
type progressBar struct {
	w     io.Writer
	width int
	extra string
	last  *fetch.Progress
}

func (b *progressBar) draw(p fetch.Progress) {
	b.last = &p
	total := p.Total
	counts := fmt.Sprintf(" %d/%s  saved %d · kept %d", p.Done(), orText(itoaNZ(total), "?"), p.Saved, p.Skipped)
	if p.Invalid > 0 {
		counts += fmt.Sprintf(" · not saved %d", p.Invalid)
	}
	counts += fmt.Sprintf(" · page %d%s", p.Pages, b.extra)
	barW := min(b.width-ansi.StringWidth(counts)-3, 40)
	bar := ""
	if barW >= 10 {
		filled := 0
		if total > 0 {
			filled = min(barW, p.Done()*barW/total)
		}
		bar = "[" + strings.Repeat("#", filled) + strings.Repeat("·", barW-filled) + "]"
	}
	line := bar + counts
	if ansi.StringWidth(line) > b.width-1 {
		line = ansi.Truncate(line, max(b.width-1, 0), "…")
	}
	fmt.Fprint(b.w, "\r\x1b[K"+line)
}

func (b *progressBar) note(s string) { b.extra = " · " + s }

// println prints a line above the bar.
func (b *progressBar) println(s string) {
	fmt.Fprint(b.w, "\r\x1b[K"+s+"\n")
	if b.last != nil {
		b.draw(*b.last)
	}
}

func (b *progressBar) clear() { fmt.Fprint(b.w, "\r\x1b[K") }

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

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
