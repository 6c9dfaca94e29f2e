// Package loader reads clinical-trial documents — pages scraped from
// registry websites and ClinicalTrials.gov's own exports — into model.Trial
// records.
//
// The layout of each document is detected from its content, never from its
// file name. Inputs may be files, directories (walked recursively) and .zip
// archives. A document that cannot be read gets a Diagnostic naming it and
// the reason; it never stops the others from loading, and no input makes the
// loader panic.
package loader

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
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
}

// Load reads the trials in the given files, directories and .zip archives.
func Load(paths ...string) Result {
	return LoadContext(context.Background(), Options{}, paths...)
}

// LoadContext is Load with options; it stops early when ctx is cancelled.
func LoadContext(ctx context.Context, opts Options, paths ...string) Result {
	var docs []document
	var diags []Diagnostic
	for _, p := range paths {
		ds, err := expand(p)
		docs = append(docs, ds...)
		diags = append(diags, err...)
	}
	res := loadDocuments(ctx, opts, docs)
	res.Diagnostics = append(diags, res.Diagnostics...)
	return res
}

// document is one input to parse: a name for messages and a way to read it.
type document struct {
	path  string // file on disk
	entry string // member of an archive, or ""
	size  int64
	read  func() ([]byte, error)
}

func (d document) name() string {
	if d.entry != "" {
		return d.path + "!/" + d.entry
	}
	return d.path
}

type parsed struct {
	seq    int
	trials []*model.Trial
	diag   *Diagnostic
	bytes  int64
}

func loadDocuments(ctx context.Context, opts Options, docs []document) Result {
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	jobs := make(chan int)
	out := make(chan parsed, workers*2)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				out <- parseDocument(i, docs[i])
			}
		}()
	}
	go func() {
		defer close(jobs)
		for i := range docs {
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(out) }()

	var res Result
	var collected, failed []parsed
	prog := Progress{TotalDocs: len(docs)}
	// In-order delivery: results wait here until those before them arrive.
	waiting := map[int][]*model.Trial{}
	nextSeq := 0
	deliver := func(seq int, trials []*model.Trial) {
		if !opts.Ordered {
			if len(trials) > 0 {
				opts.OnTrials(seq, trials)
			}
			return
		}
		waiting[seq] = trials
		for {
			ts, ok := waiting[nextSeq]
			if !ok {
				return
			}
			delete(waiting, nextSeq)
			if len(ts) > 0 {
				opts.OnTrials(nextSeq, ts)
			}
			nextSeq++
		}
	}
	for p := range out {
		prog.Docs++
		prog.Bytes += p.bytes
		if p.diag != nil {
			prog.Failed++
			failed = append(failed, parsed{seq: p.seq, diag: p.diag})
		}
		prog.Trials += len(p.trials)
		if opts.OnTrials != nil {
			deliver(p.seq, p.trials)
		} else {
			collected = append(collected, parsed{seq: p.seq, trials: p.trials})
		}
		if opts.OnProgress != nil {
			opts.OnProgress(prog)
		}
	}
	if opts.Ordered && len(waiting) > 0 {
		// Cancelled part-way: deliver what arrived, still in order.
		seqs := make([]int, 0, len(waiting))
		for s := range waiting {
			seqs = append(seqs, s)
		}
		slices.Sort(seqs)
		for _, s := range seqs {
			if len(waiting[s]) > 0 {
				opts.OnTrials(s, waiting[s])
			}
		}
	}
	slices.SortFunc(collected, func(a, b parsed) int { return a.seq - b.seq })
	for _, p := range collected {
		res.Trials = append(res.Trials, p.trials...)
	}
	slices.SortFunc(failed, func(a, b parsed) int { return a.seq - b.seq })
	for _, p := range failed {
		res.Diagnostics = append(res.Diagnostics, *p.diag)
	}
	if opts.OnProgress != nil {
		prog.Done = true
		opts.OnProgress(prog)
	}
	if err := ctx.Err(); err != nil && prog.Docs < len(docs) {
		res.Diagnostics = append(res.Diagnostics, Diagnostic{Path: "load", Err: fmt.Errorf("stopped after %d of %d documents: %w", prog.Docs, len(docs), err)})
	}
	return res
}

func parseDocument(seq int, d document) (p parsed) {
	p.seq = seq
	defer func() {
		// A parser bug must cost one document, never the whole load.
		if r := recover(); r != nil {
			p.trials = nil
			p.diag = &Diagnostic{Path: d.name(), Err: fmt.Errorf("internal error while parsing (please report): %v", r)}
		}
	}()
	data, err := d.read()
	if err != nil {
		p.diag = &Diagnostic{Path: d.name(), Err: fmt.Errorf("%w: %v", ErrUnreadable, err)}
		return p
	}
	p.bytes = int64(len(data))
	trials, err := Parse(d.name(), data)
	if err != nil {
		p.diag = &Diagnostic{Path: d.name(), Err: err}
		if len(trials) == 0 {
			return p
		}
	}
	for _, t := range trials {
		t.Source.Path = d.path
		if d.entry != "" {
			if t.Source.Entry != "" {
				t.Source.Entry = d.entry + "#" + t.Source.Entry
			} else {
				t.Source.Entry = d.entry
			}
		}
	}
	p.trials = trials
	return p
}

// Parse reads the trials in one document. name is used in messages only; the
// layout is detected from data. A document that loads in part returns its
// trials with a *PartialError.
func Parse(name string, data []byte) ([]*model.Trial, error) {
	format, err := Detect(data)
	if err != nil {
		return nil, err
	}
	var trials []*model.Trial
	switch format {
	case model.FormatMirrorLabelled, model.FormatMirrorBare:
		var t *model.Trial
		t, err = parseMirror(data, format)
		trials = []*model.Trial{t}
	case model.FormatClassic:
		var t *model.Trial
		t, err = parseClassic(data)
		trials = []*model.Trial{t}
	case model.FormatClinConnect:
		var t *model.Trial
		t, err = parseClinConnect(data)
		trials = []*model.Trial{t}
	case model.FormatMedPath:
		var t *model.Trial
		t, err = parseMedPath(data)
		trials = []*model.Trial{t}
	case model.FormatCTGovJSON:
		trials, err = parseCTGovJSON(data)
	case model.FormatCTGovXML:
		var t *model.Trial
		t, err = parseCTGovXML(data)
		trials = []*model.Trial{t}
	default:
		return nil, fmt.Errorf("%w: unsupported layout %q", ErrNotTrial, format)
	}
	var partial *PartialError
	if err != nil && !(errors.As(err, &partial) && len(trials) > 0) {
		return nil, err
	}
	for _, t := range trials {
		t.Source.Path = name
		t.Source.Format = format
		finish(t)
	}
	return trials, err
}
