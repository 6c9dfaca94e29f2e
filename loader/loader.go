// Package loader turns trial documents on disk into model.Trial records: it
// finds the documents a path holds (files, directories with their symbolic
// links followed, .zip archives and the zips inside them), decodes their
// text (UTF-8, UTF-16, Windows-1252), recognises each one's layout from its
// content — never from its file name — through a registry of layouts
// (registry.go), parses it, and reads a trial again on request, checking it
// is the same trial (Reload).
//
// A document that cannot be read gets a Diagnostic naming it and the reason;
// it never stops the others from loading, no input makes the loader panic or
// hang (only regular files are opened), and none is dropped without a word.
// Each layout's detector and parser is in a file named after it; the reading
// helpers they share (text, sections, labels, criteria, eligibility, dates,
// values, places, institutions, people, interventions) are in files named
// after what they read.
package loader

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"sync"

	"github.com/trials-app/trials/model"
)

// Reasons a document is not loaded. Diagnostics wrap one of them.
var (
	ErrEmpty      = errors.New("empty file")
	ErrBinary     = errors.New("binary data, not a text document")
	ErrNotTrial   = errors.New("not a trial document")
	ErrTruncated  = errors.New("truncated document")
	ErrUnreadable = errors.New("cannot read")
)

// PartialError is returned with the trials of a document that loaded only in
// part — a search page some of whose studies could not be read.
type PartialError struct {
	Problems []string
	Total    int
}

func (e *PartialError) Error() string {
	return fmt.Sprintf("%d of %d studies not read: %s", len(e.Problems), e.Total, strings.Join(e.Problems, "; "))
}

// Diagnostic reports a document (or path) that did not load, and why.
type Diagnostic struct {
	Path string // the file, or "archive.zip!/member"
	Err  error
}

func (d Diagnostic) Error() string { return d.Path + ": " + d.Err.Error() }

// Unwrap lets errors.Is see the reason.
func (d Diagnostic) Unwrap() error { return d.Err }

// Result is what a load produced: the trials in input order, and a
// diagnostic for every input that failed.
type Result struct {
	Trials      []*model.Trial
	Diagnostics []Diagnostic
}

// Progress is a snapshot of a running load.
type Progress struct {
	Docs      int   // documents finished
	TotalDocs int   // documents found so far
	Bytes     int64 // bytes read
	Trials    int   // trials loaded
	Failed    int   // documents that failed
	Done      bool  // the load has finished
}

// Options tune a load. The zero value is ready to use.
type Options struct {
	// Workers parse documents in parallel; 0 means one per CPU.
	Workers int
	// OnProgress, if set, is called (from one goroutine at a time) as the
	// load advances, and once more with Done set.
	OnProgress func(Progress)
	// OnTrials, if set, receives each document's trials as soon as they are
	// parsed, instead of Result.Trials collecting them — so that a caller
	// holding a slim record per trial needs no memory for whole studies.
	// seq orders the documents as the inputs list them. Calls come from one
	// goroutine at a time, not necessarily in seq order unless Ordered.
	OnTrials func(seq int, trials []*model.Trial)
	// Ordered makes OnTrials receive documents in input order (results that
	// finish early wait for the ones before them).
	Ordered bool
	// Prepare, if set, is called on the worker that parsed each trial,
	// before the trial is handed on: work a caller does on every trial
	// (indexing it, screening data) is spread over the workers instead of
	// piling up on the one goroutine OnTrials runs on. Its results reach
	// OnPrepared, in place of OnTrials.
	Prepare func(*model.Trial) any
	// OnPrepared receives each document's trials with what Prepare made of
	// each (prepared[i] of trials[i]), as OnTrials would.
	OnPrepared func(seq int, trials []*model.Trial, prepared []any)
	// Slim, if set, is asked once, with the number of documents found,
	// before any is parsed; when it says yes, registry JSON is decoded
	// without what a slim record and screening never read — the
	// descriptions, outcomes, references and MeSH terms — for callers that
	// keep records only and read a trial again (whole, through Reload)
	// when it is shown. Such trials must not be shown or exported as they
	// are.
	Slim func(docs int) bool
}

// A Loader reads documents. It owns the archives it opens: a .zip's members
// are read one at a time as the load reaches them, and a trial is read again
// from its member by Reload, so an archive stays open until Close. Use one
// Loader for a load and the rereads that follow it.
type Loader struct {
	mu       sync.Mutex
	archives map[string]*archive // by path
}

// New returns a Loader holding no archive.
func New() *Loader { return &Loader{archives: map[string]*archive{}} }

// Close closes the archives the Loader holds. Call it once its loads and
// rereads are done; using the Loader afterwards opens them again.
func (l *Loader) Close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	var errs []error
	for p, a := range l.archives {
		errs = append(errs, a.close())
		delete(l.archives, p)
	}
	return errors.Join(errs...)
}

// Load reads the trials in the given files, directories and .zip archives.
func Load(paths ...string) Result {
	return LoadContext(context.Background(), Options{}, paths...)
}

// LoadContext is Load with options; it stops early when ctx is cancelled.
func LoadContext(ctx context.Context, opts Options, paths ...string) Result {
	l := New()
	defer l.Close()
	return l.LoadContext(ctx, opts, paths...)
}

// LoadFS reads every document in an fs.FS (such as the embedded seeds),
// naming them by their path inside it.
func LoadFS(ctx context.Context, opts Options, fsys fs.FS) Result {
	l := New()
	defer l.Close()
	return l.LoadFS(ctx, opts, fsys)
}

// LoadContext reads the trials in the given files, directories and .zip
// archives; it stops early when ctx is cancelled.
func (l *Loader) LoadContext(ctx context.Context, opts Options, paths ...string) Result {
	var docs []document
	var diags []Diagnostic
	for _, p := range paths {
		ds, err := l.expand(ctx, p)
		docs = append(docs, ds...)
		diags = append(diags, err...)
	}
	if err := ctx.Err(); err != nil {
		if opts.OnProgress != nil {
			opts.OnProgress(Progress{Done: true})
		}
		return Result{Diagnostics: append(diags, Diagnostic{Path: "load", Err: fmt.Errorf("stopped while finding the documents: %w", err)})}
	}
	res := loadDocuments(ctx, opts, docs)
	res.Diagnostics = append(diags, res.Diagnostics...)
	if ctx.Err() == nil {
		// Every member was read: what reading one again needs is known.
		var last *archive
		for _, d := range docs {
			if d.arc != nil && d.arc != last {
				last = d.arc
				last.compact()
			}
		}
	}
	return res
}
