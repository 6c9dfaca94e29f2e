package ui

import (
	"context"
	"errors"
	"io"

	tea "charm.land/bubbletea/v2"
)

// Options start the browser.
type Options struct {
	Ctx    context.Context
	Load   LoadFunc
	Reload ReloadFunc
	Origin string // "the bundled seeds", "3 paths"
	Input  io.Reader
	Output io.Writer
	Env    []string
}

// Run opens the browser and returns when the user quits, with the inputs
// that did not load (which the browser showed with !). Loading starts at
// once, with a progress screen. A panic anywhere in the UI restores the
// terminal before the error is printed (Bubble Tea does this for Update and
// View; the load goroutine recovers on its own).
func Run(o Options) ([]Problem, error) {
	if o.Ctx == nil {
		o.Ctx = context.Background()
	}
	ctx, cancel := context.WithCancel(o.Ctx)
	defer cancel() // stops a load the user did not wait for
	m := newModel()
	m.loading = &loadingState{ctx: ctx, fn: o.Load, reload: o.Reload, origin: o.Origin}
	opts := []tea.ProgramOption{tea.WithContext(ctx)}
	if o.Input != nil {
		opts = append(opts, tea.WithInput(o.Input))
	}
	if o.Output != nil {
		opts = append(opts, tea.WithOutput(o.Output))
	}
	if o.Env != nil {
		opts = append(opts, tea.WithEnvironment(o.Env))
	}
	final, err := tea.NewProgram(m, opts...).Run()
	var problems []Problem
	if fm, ok := final.(*Model); ok {
		if fm.fatal != nil {
			return nil, fm.fatal
		}
		if fm.corpus != nil {
			problems = fm.corpus.Problems
		}
	}
	if errors.Is(err, tea.ErrProgramKilled) && o.Ctx.Err() != nil {
		return problems, nil // interrupted from outside: not an error to report
	}
	return problems, err
}
