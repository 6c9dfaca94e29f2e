// Package cli is the trials command line: it parses subcommands and flags,
// picks the inputs (the paths, or the bundled seeds), and hands them to
// corpus/ and to the browser or a printer. It holds no logic a second
// command would need.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/term"

	"github.com/trials-app/trials/corpus"
	"github.com/trials-app/trials/fetch"
	"github.com/trials-app/trials/loader"
	"github.com/trials-app/trials/model"
	"github.com/trials-app/trials/plain"
	"github.com/trials-app/trials/present"
	"github.com/trials-app/trials/report"
	"github.com/trials-app/trials/seeds"
)

// Version is the program's version, printed by --version and sent in the
// User-Agent of `trials fetch`.
const Version = "0.1.0"

// Exit codes.
const (
	ExitOK    = 0
	ExitError = 1 // something failed; whatever loaded was still printed
	ExitUsage = 2 // the command line was wrong
)

// Env is what a command runs against; tests replace every part.
type Env struct {
	Stdin   io.Reader
	Stdout  io.Writer
	Stderr  io.Writer
	Environ []string
	Ctx     context.Context
	// RunTUI opens the terminal UI; nil means the real one.
	RunTUI func(env *Env, paths []string) int

	// noCache is the browser's --no-cache.
	noCache bool

	// For tests of fetch: the HTTP client, the first retry delay and the clock.
	fetchClient  *http.Client
	fetchBackoff time.Duration
	fetchClock   fetch.Clock
}

// Main runs the command line and returns the exit code.
func Main(args []string, env *Env) int {
	if env.Ctx == nil {
		env.Ctx = context.Background()
	}
	if len(args) > 0 {
		switch args[0] {
		case "export":
			return runExport(args[1:], env)
		case "show":
			return runShow(args[1:], env)
		case "search":
			return runSearch(args[1:], env)
		case "compare":
			return runCompare(args[1:], env)
		case "screen":
			return runScreen(args[1:], env)
		case "fetch":
			return runFetch(args[1:], env)
		case "cache":
			return runCache(args[1:], env)
		case "help":
			return runHelp(args[1:], env)
		case "version":
			fmt.Fprintf(env.Stdout, "trials %s\n", Version)
			return ExitOK
		}
	}
	return runRoot(args, env)
}

const rootUsage = `trials — browse, search, screen and compare clinical trials in the terminal

Usage:
  trials [PATH…]                        open the browser (no PATH: the bundled seed trials)
  trials export [--format F] [--where QUERY] [--ids ID,… | --shortlist] [PATH…]
                                        print trials as json, jsonl, csv, md, ris
                                        or sqlite (-o FILE)
  trials show ID [PATH…]                one trial as readable text
  trials search [--format text|ids|jsonl] [--sort KEY] QUERY [PATH…]
                                        the trials matching QUERY, best first
                                        (status:open phase:3 country:germany …)
  trials compare ID1 ID2 [PATH…]        two trials side by side, as text
  trials screen --patient FILE [PATH…]  pre-screen a patient against the criteria
  trials fetch [flags] [NCT…]           download studies from ClinicalTrials.gov
  trials cache [--clear]                the snapshots that reopen large inputs at once

PATH may be a file, a directory (read recursively) or a .zip archive, in any
of the layouts trials reads: ClinicalTrials.gov API v2 JSON (a study, a
search page, the bulk download), legacy <clinical_study> XML, and pages
saved from ClinicalTrials.gov mirrors, the classic study page, ClinConnect
and MedPath. The layout is recognised from the content.

Flags:
  -h, --help      show help (also: trials COMMAND --help)
      --version   print the version
      --no-cache  neither read nor write a snapshot of the inputs (see
                  trials cache --help); every command that reads trials takes it

Exit status: 0 when every input loaded, 1 when any failed (what loaded is
still used), 2 on a usage error.
`

func runRoot(args []string, env *Env) int {
	fs := newFlagSet("trials", rootUsage, env)
	version := fs.Bool("version", false, "print the version")
	noCache := fs.Bool("no-cache", false, "")
	paths, code := parseArgs(fs, args, env)
	if code >= 0 {
		return code
	}
	if *version {
		fmt.Fprintf(env.Stdout, "trials %s\n", Version)
		return ExitOK
	}
	env.noCache = *noCache
	run := env.RunTUI
	if run == nil {
		run = runTUI
	}
	return run(env, paths)
}

func runHelp(args []string, env *Env) int {
	if len(args) == 0 {
		fmt.Fprint(env.Stdout, rootUsage)
		return ExitOK
	}
	return Main([]string{args[0], "--help"}, env)
}

// newFlagSet makes a flag set whose help goes where it should, once:
// --help to stdout (exit 0), a mistake and the usage to stderr (exit 2) —
// never into the output a user redirected to a file. The flag package
// calls Usage itself on -h and on every error; its output stays discarded
// until parseArgs picks the stream.
func newFlagSet(name, usage string, env *Env) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() { fmt.Fprint(fs.Output(), usage) }
	return fs
}

// parseArgs parses flags wherever they stand among the positional
// arguments ("trials export seeds --format csv"); "--" ends the flags. It
// returns the positional arguments and -1, or an exit code when the command
// should stop (help shown, or a usage error reported).
func parseArgs(fs *flag.FlagSet, args []string, env *Env) ([]string, int) {
	var pos, rest []string
	for i, a := range args {
		if a == "--" {
			rest = args[i+1:]
			args = args[:i]
			break
		}
	}
	for {
		err := fs.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			fs.SetOutput(env.Stdout)
			fs.Usage()
			return nil, ExitOK
		}
		if err != nil {
			fmt.Fprintf(env.Stderr, "%s: %s\n\n", fs.Name(), err)
			fs.SetOutput(env.Stderr)
			fs.Usage()
			return nil, ExitUsage
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
	return append(pos, rest...), -1
}

// usageError reports a command-line mistake and returns ExitUsage.
func usageError(env *Env, cmd, msg string) int {
	fmt.Fprintf(env.Stderr, "%s: %s\nRun '%s --help' for usage.\n", cmd, msg, cmd)
	return ExitUsage
}

// source is what a command reads: its paths, or the bundled seeds when
// there are none.
func source(paths []string) corpus.Source {
	switch len(paths) {
	case 0:
		return corpus.Source{FS: seeds.FS, Origin: "the bundled seeds"}
	case 1:
		return corpus.Source{Paths: paths, Origin: paths[0]}
	}
	return corpus.Source{Paths: paths, Origin: fmt.Sprintf("%d paths", len(paths))}
}

// streamCorpus reads the given paths, or the bundled seeds when there are
// none, handing each trial to fn in input order as soon as it is read and
// keeping none. It reports each failed input on stderr; ok is false when
// any failed.
func streamCorpus(env *Env, cmd string, paths []string, fn func(*model.Trial)) bool {
	return streamPrepared(env, cmd, paths, nil, func(t *model.Trial, _ any) { fn(t) })
}

// streamPrepared is streamCorpus with prepare run on each trial ahead, in
// the loader's workers (corpus.StreamPrepared): fn gets what it made, or
// nil when it must do that work itself.
func streamPrepared(env *Env, cmd string, paths []string, prepare func(*model.Trial) any, fn func(*model.Trial, any)) bool {
	progress := newProgress(env)
	problems := corpus.StreamPrepared(env.Ctx, source(paths), progress.update, prepare, fn)
	return reportProblems(env, cmd, progress, problems)
}

// loadCorpus reads the paths into a corpus for commands that search: the
// records, and the trials whole while they are few (corpus.DefaultKeep),
// so that phrases in sites or criteria are checked in their text and
// --format jsonl needs no second read. A large corpus is read from its
// snapshot when there is a good one (unless noCache), else loaded and a
// snapshot written in the background: call done before exiting, it waits
// for that write.
func loadCorpus(env *Env, cmd string, paths []string, noCache bool) (c *corpus.Corpus, ok bool, done func()) {
	progress := newProgress(env)
	c, opened, _ := corpus.Open(env.Ctx, source(paths), corpus.Options{Progress: progress.update},
		snapshotCache(env, cmd, noCache, paths))
	if opened.FromSnapshot {
		progress.trials = c.Len() + len(c.Problems()) - corpus.Failures(c.Problems())
	}
	ok = reportProblems(env, cmd, progress, c.Problems())
	return c, ok, func() { waitSaved(env, cmd, opened.Saved) }
}

// waitSaved waits for a snapshot being written, and reports a failure (the
// command's own work is done: it does not change the exit status).
func waitSaved(env *Env, cmd string, saved <-chan error) {
	if saved == nil {
		return
	}
	if err := <-saved; err != nil {
		fmt.Fprintf(env.Stderr, "%s: %s\n", cmd, plain.Line(err.Error()))
	}
}

// reportProblems clears the progress line and names each input that did
// not load on stderr, and each copy of a trial left out because another
// copy was kept; it reports whether every input loaded (a copy left out
// is no failure).
func reportProblems(env *Env, cmd string, progress *stderrProgress, problems []corpus.Problem) bool {
	progress.clear()
	failed, copies := 0, 0
	// File and member names come from the inputs: clean them like any
	// other untrusted text before they reach a terminal.
	for _, p := range problems {
		fmt.Fprintf(env.Stderr, "%s: %s: %s\n", cmd, plain.Line(p.Path), plain.Line(p.Reason))
		if p.Duplicate {
			copies++
		} else {
			failed++
		}
	}
	if copies > 0 {
		fmt.Fprintf(env.Stderr, "%s: %s of trials read twice left out; each trial counts once\n", cmd,
			present.Count(copies, "copy", "copies"))
	}
	if failed > 0 {
		fmt.Fprintf(env.Stderr, "%s: %s not loaded; %s loaded\n", cmd,
			present.Count(failed, "input", "inputs"), present.Count(progress.trials-copies, "trial", "trials"))
	}
	return failed == 0
}

func newProgress(env *Env) *stderrProgress {
	return &stderrProgress{w: env.Stderr, show: isTerminal(env.Stderr)}
}

// stderrProgress counts the load and, on a terminal, shows a one-line
// counter for large ones.
type stderrProgress struct {
	w      io.Writer
	show   bool
	shown  bool
	last   int
	trials int
}

func (p *stderrProgress) update(pr loader.Progress) {
	p.trials = pr.Trials
	if !p.show || pr.Done || pr.TotalDocs < 200 || pr.Docs-p.last < 100 && pr.Docs != pr.TotalDocs {
		return
	}
	p.last = pr.Docs
	p.shown = true
	fmt.Fprintf(p.w, "\rloading %d/%d documents, %d trials, %d failed…", pr.Docs, pr.TotalDocs, pr.Trials, pr.Failed)
}

func (p *stderrProgress) clear() {
	if p.shown {
		fmt.Fprint(p.w, "\r\x1b[K")
	}
}

// findTrials loads the corpus keeping only the trials with the given ids
// (see corpus.Find). It returns them in the order of ids (nil where not
// found), how many trials were read, and whether every input loaded.
func findTrials(env *Env, cmd string, paths []string, noCache bool, ids ...string) ([]*model.Trial, int, bool) {
	progress := newProgress(env)
	if c := fromSnapshot(env, cmd, noCache, paths); c != nil {
		found, problems := findInSnapshot(c, ids)
		progress.trials = c.Len() + len(c.Problems()) - corpus.Failures(c.Problems())
		return found, c.Len(), reportProblems(env, cmd, progress, problems)
	}
	found, n, problems := corpus.Find(env.Ctx, source(paths), progress.update, ids...)
	return found, n, reportProblems(env, cmd, progress, problems)
}

func notFound(env *Env, cmd, id string, n int) int {
	fmt.Fprintf(env.Stderr, "%s: no trial with id %q among the %d loaded\n", cmd, id, n)
	return ExitError
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}

// termWidth is the terminal's width, or fallback when w is not a terminal.
func termWidth(w io.Writer, fallback int) int {
	if f, ok := w.(*os.File); ok && term.IsTerminal(f.Fd()) {
		if width, _, err := term.GetSize(f.Fd()); err == nil && width > 0 {
			return width
		}
	}
	return fallback
}

// colorWriter downsamples styled text to what w can show: no escape
// sequences at all when w is not a terminal, no colour under NO_COLOR.
func colorWriter(env *Env, w io.Writer) *colorprofile.Writer {
	return colorprofile.NewWriter(w, env.Environ)
}

// wantColor reports whether styled output would show colour on w.
func wantColor(env *Env, w io.Writer) bool {
	return colorWriter(env, w).Profile > colorprofile.Ascii
}

// reportTheme styles text printed to stdout: none when stdout shows no
// colour (a pipe, NO_COLOR); otherwise the palette TRIALS_THEME names, or
// the one for the terminal's background, asked of the terminal when both
// ends are one (a terminal that does not answer counts as dark).
func reportTheme(env *Env) report.Theme {
	if !wantColor(env, env.Stdout) {
		return report.PlainTheme()
	}
	dark, forced := report.ThemeChoice(env.Environ)
	in, inOK := env.Stdin.(*os.File)
	out, outOK := env.Stdout.(*os.File)
	if !forced && inOK && outOK && term.IsTerminal(in.Fd()) && term.IsTerminal(out.Fd()) {
		dark = lipgloss.HasDarkBackground(in, out)
	}
	return report.NewTheme(report.PaletteFor(dark))
}
