package ui

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/trials-app/trials/corpus"
	"github.com/trials-app/trials/profile"
	"github.com/trials-app/trials/report"
	"github.com/trials-app/trials/shortlist"
)

// Options start the browser.
type Options struct {
	Ctx    context.Context
	Source corpus.Source
	Input  io.Reader
	Output io.Writer // the terminal; nil for stdout
	Env    []string
	// DataDir is where the shortlist is kept; "" for the user's data
	// directory (shortlist.DefaultDir, found from Env). Tests set it.
	DataDir string
	// ConfigDir is where the patient profile is kept; "" for the user's
	// configuration directory (profile.DefaultDir, found from Env:
	// $XDG_CONFIG_HOME/trials). Tests set it.
	ConfigDir string
	// Cache is where the corpus's snapshot is read from and written to
	// (see corpus.Open); the zero Cache uses none. Its Notice is shown on
	// the loading screen.
	Cache corpus.Cache
}

// Result is how the browser ended.
type Result struct {
	// Problems are the inputs that did not load (the browser listed them
	// under !).
	Problems []corpus.Problem
	// Cancelled is set when the user quit before the load finished.
	Cancelled bool
	// Signal is the signal that stopped the browser, if one did.
	Signal os.Signal
	// ShortlistErr is why the shortlist could not be saved as the browser
	// closed, if it could not.
	ShortlistErr error
	// SnapshotSaved, when not nil, delivers the outcome of writing the
	// corpus's snapshot, which may still be running: wait for it before
	// exiting, or the next open loads again.
	SnapshotSaved <-chan error
	// SnapshotNotice is why a snapshot there was was not used.
	SnapshotNotice string
}

// stopMsg ends the program on a signal.
type stopMsg struct{ sig os.Signal }

// stopSignals end the browser cleanly — the terminal restored (alt screen,
// cursor, mouse reporting, window title) — whoever sends them: ctrl+c
// outside raw mode, kill, a closed terminal window.
var stopSignals = []os.Signal{os.Interrupt, syscall.SIGTERM, syscall.SIGHUP}

// Run opens the browser and returns when the user quits. Loading starts at
// once, behind a progress screen. A panic anywhere in the UI restores the
// terminal before the error is printed (Bubble Tea does this for Update and
// View; the load goroutine recovers on its own).
func Run(o Options) (Result, error) {
	if o.Ctx == nil {
		o.Ctx = context.Background()
	}
	if o.Env == nil {
		o.Env = os.Environ()
	}
	out := o.Output
	if out == nil {
		out = os.Stdout
	}
	ctx, cancel := context.WithCancel(o.Ctx)
	defer cancel() // stops a load the user did not wait for
	list, listErr := openShortlist(o)
	m := newModel(list, o.Env)
	m.ctx.opened(listErr)
	m.ctx.restoreProfile(configDir(o))
	var notice atomic.Pointer[string]
	var saved atomic.Pointer[<-chan error]
	cache := o.Cache
	cache.Notice = func(s string) { notice.Store(&s) }
	load := func(ctx context.Context, progress func(corpus.Progress), publish func(*corpus.Corpus)) (*corpus.Corpus, error) {
		// From a snapshot the whole corpus comes at once; a load publishes
		// as it goes, and the snapshot is written of its end.
		c, opened, err := corpus.Open(ctx, o.Source, corpus.Options{Progress: progress, Publish: publish}, cache)
		if opened.Saved != nil {
			saved.Store(&opened.Saved)
		}
		return c, err
	}
	loadingView := newLoading(m.ctx, ctx, load, o.Source.Origin)
	loadingView.notice = func() string {
		if s := notice.Load(); s != nil {
			return *s
		}
		return ""
	}
	m.stack = []Component{loadingView}

	opts := []tea.ProgramOption{tea.WithContext(ctx), tea.WithoutSignalHandler(), tea.WithOutput(out), tea.WithEnvironment(o.Env)}
	if o.Input != nil {
		opts = append(opts, tea.WithInput(o.Input))
	}
	p := tea.NewProgram(m, opts...)

	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, stopSignals...)
	defer signal.Stop(sigs)
	go func() {
		select {
		case s := <-sigs:
			p.Send(stopMsg{s})
		case <-ctx.Done():
		}
	}()

	// Save the window title on the terminal's stack, and give it back after.
	io.WriteString(out, pushTitle) //nolint:errcheck // a terminal without a title stack ignores it
	final, err := p.Run()
	io.WriteString(out, popTitle) //nolint:errcheck

	var res Result
	if s := saved.Load(); s != nil {
		res.SnapshotSaved = *s
	}
	if s := notice.Load(); s != nil {
		res.SnapshotNotice = *s
	}
	// Saves run after each change; one may not have finished, or the last
	// change (a note committed by ctrl+c) never had its own.
	if list.Dirty() {
		res.ShortlistErr = list.Save()
	}
	if fm, ok := final.(*Model); ok {
		if fm.fatal != nil {
			return res, fm.fatal
		}
		if fm.ctx.Corpus != nil {
			res.Problems = fm.ctx.Corpus.Problems()
		}
		res.Cancelled, res.Signal = fm.cancelled, fm.stoppedBy
	}
	if errors.Is(err, tea.ErrProgramKilled) && o.Ctx.Err() != nil {
		// Stopped from outside (the command's context: SIGINT or SIGTERM
		// caught by main): not an error to report, but not a clean end.
		if res.Signal == nil {
			res.Signal = syscall.SIGTERM
		}
		return res, nil
	}
	return res, err
}

// XTWINOPS 22 and 23 push the window title on the terminal's stack and pop
// it back: Bubble Tea only clears the title it set.
var (
	pushTitle = ansi.WindowOp(22, 0)
	popTitle  = ansi.WindowOp(23, 0)
)

func themeChoice(env []string) (dark, forced bool) { return report.ThemeChoice(env) }

func itoa(n int) string { return strconv.Itoa(n) }

// openShortlist opens the shortlist in o.DataDir, or in the user's data
// directory as o.Env finds it. With no data directory at all (no $HOME) it
// is kept in memory for the session, and the error says so.
func openShortlist(o Options) (*shortlist.List, error) {
	dir := o.DataDir
	if dir == "" {
		d, err := shortlist.DefaultDir(runtime.GOOS, getenv(o.Env))
		if err != nil {
			return shortlist.OpenDefault()
		}
		dir = d
	}
	return shortlist.Open(dir)
}

// configDir is where the patient profile is kept, or why there is nowhere
// (no $HOME): the profile then lasts the session.
func configDir(o Options) (string, error) {
	if o.ConfigDir != "" {
		return o.ConfigDir, nil
	}
	d, err := profile.DefaultDir(runtime.GOOS, getenv(o.Env))
	if err != nil {
		return "", fmt.Errorf("no configuration directory to keep the patient profile in: %w", err)
	}
	return d, nil
}

// getenv looks a name up in an environment list; the last setting wins.
func getenv(env []string) func(string) string {
	return func(name string) string {
		v := ""
		for _, kv := range env {
			if val, ok := strings.CutPrefix(kv, name+"="); ok {
				v = val
			}
		}
		return v
	}
}
