package cli

import (
	"fmt"
	"syscall"

	"github.com/trials-app/trials/corpus"
	"github.com/trials-app/trials/plain"
	"github.com/trials-app/trials/ui"
)

// runTUI opens the browser over paths, or over the bundled seeds.
func runTUI(env *Env, paths []string) int {
	if !isTerminal(env.Stdout) {
		fmt.Fprint(env.Stderr, "trials: the browser needs a terminal, and stdout is not one.\n"+
			"To print trials instead: trials export [PATH…], trials show ID, trials search QUERY (see trials --help).\n")
		return ExitUsage
	}
	cache := snapshotCache(env, "trials", env.noCache, paths)
	cache.Notice = nil // shown on the loading screen, and below once it is gone
	res, err := ui.Run(ui.Options{Ctx: env.Ctx, Source: source(paths), Env: env.Environ, Cache: cache})
	if res.SnapshotNotice != "" {
		fmt.Fprintf(env.Stderr, "trials: %s\n", plain.Line(res.SnapshotNotice))
	}
	if res.SnapshotSaved != nil {
		select {
		case err := <-res.SnapshotSaved:
			if err != nil {
				fmt.Fprintf(env.Stderr, "trials: %s\n", plain.Line(err.Error()))
			}
		default:
			fmt.Fprintln(env.Stderr, "trials: finishing the snapshot of the inputs, so that the next open is quick…")
			waitSaved(env, "trials", res.SnapshotSaved)
		}
	}
	if err != nil {
		fmt.Fprintf(env.Stderr, "trials: %v\n", plain.Line(err.Error()))
		return ExitError
	}
	// As every command does: the status says whether every input loaded,
	// and stderr keeps a record of what did not once the screen is gone.
	for _, p := range res.Problems {
		fmt.Fprintf(env.Stderr, "trials: %s: %s\n", plain.Line(p.Path), plain.Line(p.Reason))
	}
	if res.ShortlistErr != nil {
		fmt.Fprintf(env.Stderr, "trials: %s\n", plain.Line(res.ShortlistErr.Error()))
	}
	switch {
	case res.Signal != nil:
		fmt.Fprintf(env.Stderr, "trials: stopped by %v\n", res.Signal)
		if s, ok := res.Signal.(syscall.Signal); ok {
			return 128 + int(s)
		}
		return ExitError
	case res.Cancelled:
		fmt.Fprintln(env.Stderr, "trials: loading cancelled")
		return ExitError
	case corpus.Failures(res.Problems) > 0 || res.ShortlistErr != nil:
		return ExitError
	}
	return ExitOK
}
