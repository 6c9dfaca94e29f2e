package cli

import (
	"fmt"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/trials-app/trials/corpus"
	"github.com/trials-app/trials/model"
	"github.com/trials-app/trials/plain"
	"github.com/trials-app/trials/present"
	"github.com/trials-app/trials/snapshot"
)

const cacheUsage = `Usage: trials cache [--clear]

List the snapshots kept in the cache directory: for each, the inputs it was
made of, how many trials it holds, its size and age, and whether it is
still good (an input changed, or another build of trials wrote it: the
next open rebuilds it). With --clear, remove them.

A snapshot is written after trials loads more than 5,000 trials from files,
directories or zips, so that the next open of the same inputs takes a second
instead of a full load. The cache directory is $TRIALS_CACHE_DIR, else
$XDG_CACHE_HOME/trials, else ~/.cache/trials. Every command that reads
trials takes --no-cache to neither read nor write one.

Flags:
      --clear   remove every snapshot (and unfinished writes); nothing else
`

// cacheDir is the snapshots' directory as env finds it.
func cacheDir(env *Env) (string, error) {
	return snapshot.Dir(runtime.GOOS, getenv(env.Environ))
}

// snapshotCache is how cmd uses snapshots: none with --no-cache or without
// a cache directory; notices go to stderr.
func snapshotCache(env *Env, cmd string, noCache bool, paths []string) corpus.Cache {
	if noCache || len(paths) == 0 {
		return corpus.Cache{}
	}
	dir, err := cacheDir(env)
	if err != nil {
		return corpus.Cache{}
	}
	c := corpus.Cache{Dir: dir, Program: snapshot.Program(Version), Notice: func(s string) {
		fmt.Fprintf(env.Stderr, "%s: %s\n", cmd, plain.Line(s))
	}}
	// For tests: snapshots of corpora smaller than a real one.
	if n, err := strconv.Atoi(getenv(env.Environ)("TRIALS_CACHE_MIN_TRIALS")); err == nil && n > 0 {
		c.MinTrials = n
	}
	return c
}

func runCache(args []string, env *Env) int {
	const cmd = "trials cache"
	fs := newFlagSet(cmd, cacheUsage, env)
	clear := fs.Bool("clear", false, "")
	pos, code := parseArgs(fs, args, env)
	if code >= 0 {
		return code
	}
	if len(pos) > 0 {
		return usageError(env, cmd, "takes no arguments")
	}
	dir, err := cacheDir(env)
	if err != nil {
		fmt.Fprintf(env.Stderr, "%s: no cache directory: %v\n", cmd, err)
		return ExitError
	}
	if *clear {
		n, size, err := snapshot.Clear(dir)
		fmt.Fprintf(env.Stdout, "removed %s (%s) from %s\n", present.Count(n, "snapshot file", "snapshot files"), bytesText(size), plain.Line(dir))
		if err != nil {
			fmt.Fprintf(env.Stderr, "%s: %s\n", cmd, plain.Line(err.Error()))
			return ExitError
		}
		return ExitOK
	}
	entries, err := snapshot.List(dir)
	if err != nil {
		fmt.Fprintf(env.Stderr, "%s: %s\n", cmd, plain.Line(err.Error()))
		return ExitError
	}
	if len(entries) == 0 {
		fmt.Fprintf(env.Stdout, "no snapshots in %s\n", plain.Line(dir))
		return ExitOK
	}
	var total int64
	now := time.Now()
	program := snapshot.Program(Version)
	for _, e := range entries {
		total += e.Size
		fmt.Fprintf(env.Stdout, "%s\n", plain.Line(filepath.Base(e.Path)))
		if e.Err != nil {
			fmt.Fprintf(env.Stdout, "  %s, unreadable (%s): rebuilt when its inputs are next opened\n", bytesText(e.Size), plain.Line(e.Err.Error()))
			continue
		}
		m := e.Meta
		fmt.Fprintf(env.Stdout, "  %s, %s, written %s (%s ago)\n", present.Count(m.Trials, "trial", "trials"), bytesText(e.Size),
			m.Created.Local().Format("2006-01-02 15:04"), age(now.Sub(m.Created)))
		for _, in := range m.Inputs {
			fmt.Fprintf(env.Stdout, "  %s\n", inputText(in))
		}
		fmt.Fprintf(env.Stdout, "  %s\n", freshness(m, program))
	}
	fmt.Fprintf(env.Stdout, "%s, %s in %s\n", present.Count(len(entries), "snapshot", "snapshots"), bytesText(total), plain.Line(dir))
	return ExitOK
}

func inputText(in snapshot.Input) string {
	p := plain.Line(in.Path)
	switch {
	case in.Missing:
		return p + " (missing)"
	case in.Dir:
		return fmt.Sprintf("%s (%s, %s)", p, present.Count(in.Files, "file", "files"), bytesText(in.Size))
	}
	return fmt.Sprintf("%s (%s, modified %s)", p, bytesText(in.Size), time.Unix(0, in.ModTime).Local().Format("2006-01-02 15:04"))
}

// freshness says whether the next open of the snapshot's inputs would use it.
func freshness(m snapshot.Meta, program string) string {
	if m.Program != program {
		return "stale: written by another build of trials (" + plain.Line(m.Program) + ")"
	}
	abs := make([]string, len(m.Inputs))
	for i, in := range m.Inputs {
		abs[i] = in.Path
	}
	if why := snapshot.Changed(m.Inputs, snapshot.Fingerprint(abs)); why != "" {
		return "stale: " + plain.Line(why)
	}
	return "current"
}

func bytesText(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f kB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

func age(d time.Duration) string {
	switch {
	case d < time.Minute:
		return "less than a minute"
	case d < time.Hour:
		return present.Count(int(d/time.Minute), "minute", "minutes")
	case d < 48*time.Hour:
		return present.Count(int(d/time.Hour), "hour", "hours")
	}
	return present.Count(int(d/(24*time.Hour)), "day", "days")
}

// fromSnapshot is the corpus of paths' snapshot when there is a good one
// (show, compare and screen then read no input but the trials they print);
// nil otherwise, after the notice saying why one there was is not used.
func fromSnapshot(env *Env, cmd string, noCache bool, paths []string) *corpus.Corpus {
	cache := snapshotCache(env, cmd, noCache, paths)
	if cache.Dir == "" {
		return nil
	}
	c, _ := corpus.FromCache(source(paths), cache)
	return c
}

// findInSnapshot finds the trials named by ids in a corpus read from a
// snapshot, reading each again from its source. It returns them as
// findTrials does, and the problems that concern them: every input that
// failed, and the copies of these trials left out.
func findInSnapshot(c *corpus.Corpus, ids []string) ([]*model.Trial, []corpus.Problem) {
	found := make([]*model.Trial, len(ids))
	var problems []corpus.Problem
	var wanted []string
	for k, id := range ids {
		i, ok := c.Find(id)
		if !ok {
			continue
		}
		wanted = append(wanted, c.Record(i).ID)
		t, err := c.Trial(i)
		if err != nil {
			problems = append(problems, corpus.Problem{Path: present.Source(c.Record(i).Source()), Reason: err.Error()})
			continue
		}
		found[k] = t
	}
	for _, p := range c.Problems() {
		if !p.Duplicate || concerns(p, wanted) {
			problems = append(problems, p)
		}
	}
	return found, problems
}

func concerns(p corpus.Problem, ids []string) bool {
	for _, id := range ids {
		if strings.HasPrefix(p.Reason, id+" ") {
			return true
		}
	}
	return false
}
