package cli

import (
	"context"
	"fmt"

	"github.com/trials-app/trials/loader"
	"github.com/trials-app/trials/model"
	"github.com/trials-app/trials/plain"
	"github.com/trials-app/trials/seeds"
	"github.com/trials-app/trials/ui"
)

// runTUI opens the browser over paths, or over the bundled seeds.
func runTUI(env *Env, paths []string) int {
	if !isTerminal(env.Stdout) {
		fmt.Fprint(env.Stderr, "trials: the browser needs a terminal, and stdout is not one.\n"+
			"To print trials instead: trials export [PATH…], trials show ID, trials search QUERY (see trials --help).\n")
		return ExitUsage
	}
	origin := "the bundled seeds"
	switch {
	case len(paths) == 1:
		origin = paths[0]
	case len(paths) > 1:
		origin = fmt.Sprintf("%d paths", len(paths))
	}
	load := func(ctx context.Context, progress func(ui.Progress), add func(*model.Trial)) []ui.Problem {
		opts := loader.Options{
			Ordered: true,
			OnTrials: func(_ int, ts []*model.Trial) {
				for _, t := range ts {
					add(t)
				}
			},
			OnProgress: func(p loader.Progress) {
				progress(ui.Progress{Docs: p.Docs, TotalDocs: p.TotalDocs, Trials: p.Trials, Failed: p.Failed, Bytes: p.Bytes})
			},
		}
		var res loader.Result
		if len(paths) == 0 {
			res = loader.LoadFS(ctx, opts, seeds.FS)
		} else {
			res = loader.LoadContext(ctx, opts, paths...)
		}
		problems := make([]ui.Problem, 0, len(res.Diagnostics))
		for _, d := range res.Diagnostics {
			problems = append(problems, ui.Problem{Path: d.Path, Reason: d.Err.Error()})
		}
		return problems
	}
	problems, err := ui.Run(ui.Options{Ctx: env.Ctx, Load: load, Reload: loader.Reload, Origin: origin, Env: env.Environ})
	if err != nil {
		fmt.Fprintf(env.Stderr, "trials: %v\n", plain.Line(err.Error()))
		return ExitError
	}
	// As every command does: the status says whether every input loaded,
	// and stderr keeps a record of what did not once the screen is gone.
	for _, p := range problems {
		fmt.Fprintf(env.Stderr, "trials: %s: %s\n", plain.Line(p.Path), plain.Line(p.Reason))
	}
	if len(problems) > 0 {
		return ExitError
	}
	return ExitOK
}
